"""SQLite's equivalents of the PostgreSQL covering indexes of 0013 and 0017, for the
search's outlet filter (web.filters.filter_outlet) and the lone-fragment test of every
visible-statement list: an outlet's articles lead to their visible quotes' statements,
and a statement to its visible quotes, without reading a quote row. On SQLite a quote row
holds its 1.5 KB vector, so each row read is a page of its own: at 100,000 quotes the
outlet's 1,669 statements took 2.5 ms to list from the rows, 0.5 ms from the index, and
a word search with an outlet lists them three times (its newest matches, its count, its
page). The PostgreSQL indexes of the same names INCLUDE the second column instead."""

from django.db import migrations

from quotes.migration_sql import on_sqlite

FORWARD = """
CREATE INDEX IF NOT EXISTS quote_visible_article_statement
    ON quotes_quote (article_id, statement_id) WHERE NOT hidden_by_editor;
CREATE INDEX IF NOT EXISTS quote_visible_statement_article
    ON quotes_quote (statement_id, article_id) WHERE NOT hidden_by_editor;
"""

BACKWARD = """
DROP INDEX IF EXISTS quote_visible_article_statement;
DROP INDEX IF EXISTS quote_visible_statement_article;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0017_outlet_statements_covering_indexes"),
    ]

    operations = [
        migrations.RunPython(on_sqlite(FORWARD), on_sqlite(BACKWARD), elidable=False),
    ]
