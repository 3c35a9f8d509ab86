"""PostgreSQL covering indexes for the statements an outlet filter leaves (web.filters.
filter_outlet), read before a word search among them (quotes.services.search.
newest_matches): an outlet's articles (article_outlet_newest, 0012) lead to their visible
quotes' statements through the first index, and the statements' visibility and
outlet_count come from the second, without reading a quote or a statement row. At
1,000,000 quotes the 16,610 statements of one outlet took 143 ms, fetching as many
quote and statement rows from their tables; with these, 47-55 ms (EXPLAIN ANALYZE in the
commit). SQLite has no INCLUDE; at its sizes the lookups are cheap."""

from django.db import migrations

from quotes.migration_sql import on_postgresql

FORWARD = """
CREATE INDEX IF NOT EXISTS quote_visible_article_statement
    ON quotes_quote (article_id) INCLUDE (statement_id) WHERE NOT hidden_by_editor;
CREATE INDEX IF NOT EXISTS statement_visible_outlet_count
    ON quotes_statement (id) INCLUDE (outlet_count) WHERE quote_count > 0;
"""

BACKWARD = """
DROP INDEX IF EXISTS quote_visible_article_statement;
DROP INDEX IF EXISTS statement_visible_outlet_count;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0016_speaker_outlets_covering_index"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
