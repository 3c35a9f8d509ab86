"""PostgreSQL covering indexes for the search's outlet filter (web.filters.filter_outlet):
"does a visible quote of this statement come from an article of this outlet" answered
from two indexes, without reading a quote or an article row. At 1,000,000 quotes a
speaker search with an outlet tested 3,636 statements, fetching 10,045 quotes and as
many articles from their tables (84,000 buffers): the page 499 -> 181 ms and its count
1,092 -> 137 ms with these (EXPLAIN ANALYZE in the commit). SQLite has no INCLUDE; at
its sizes the lookups are cheap. Here, not in sources, because the filter that needs
them belongs to this app's pages, as in 0012."""

from django.db import migrations

from quotes.migration_sql import on_postgresql

FORWARD = """
CREATE INDEX IF NOT EXISTS quote_visible_statement_article
    ON quotes_quote (statement_id) INCLUDE (article_id) WHERE NOT hidden_by_editor;
CREATE INDEX IF NOT EXISTS article_outlet_by_id
    ON sources_article (id) INCLUDE (outlet_id);
"""

BACKWARD = """
DROP INDEX IF EXISTS quote_visible_statement_article;
DROP INDEX IF EXISTS article_outlet_by_id;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0012_article_list_order"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
