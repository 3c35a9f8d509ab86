"""Indexes PostgreSQL can use and SQLite cannot: speaker trigrams, nulls-last orders.

Speakers: the search form and the speaker suggestions match a speaker when the text
typed appears anywhere in their name or one of their aliases: Django's `icontains`,
which PostgreSQL runs as `UPPER(column::text) LIKE UPPER('%text%')`. No B-tree answers
that, so each search read all 20,000 speakers and 40,000 aliases at 1,000,000 quotes.
pg_trgm's GIN operator class indexes UPPER(name) and UPPER(alias) by trigrams, which
LIKE with wildcards uses.

Orders: web.filters.SORTS lists statements by date with undated ones last
(`first_seen DESC NULLS LAST`, `ASC NULLS LAST`); these partial indexes over the
visible statements (quote_count > 0, as Statement.objects.visible()) give each order
ready-made, so a page of results is read, not sorted. SQLite cannot index NULLS LAST.

On other backends this migration does nothing: Django's TrigramExtension skips them,
and the indexes are created here rather than in the models' Meta because SQLite has
neither. Creating the extension needs a role allowed to (a superuser, or the database
owner where pg_trgm is trusted, as it is from PostgreSQL 13).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from quotes.migration_sql import on_postgresql

FORWARD = """
CREATE INDEX IF NOT EXISTS quotes_speaker_name_trgm
    ON quotes_speaker USING gin (UPPER(name::text) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS quotes_speakeralias_alias_trgm
    ON quotes_speakeralias USING gin (UPPER(alias::text) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS statement_visible_outlets
    ON quotes_statement (outlet_count DESC, first_seen DESC NULLS LAST, id) WHERE quote_count > 0;
CREATE INDEX IF NOT EXISTS statement_visible_newest
    ON quotes_statement (first_seen DESC NULLS LAST, outlet_count DESC, id) WHERE quote_count > 0;
CREATE INDEX IF NOT EXISTS statement_visible_oldest
    ON quotes_statement (first_seen ASC NULLS LAST, outlet_count DESC, id) WHERE quote_count > 0;
"""

BACKWARD = """
DROP INDEX IF EXISTS quotes_speaker_name_trgm;
DROP INDEX IF EXISTS quotes_speakeralias_alias_trgm;
DROP INDEX IF EXISTS statement_visible_outlets;
DROP INDEX IF EXISTS statement_visible_newest;
DROP INDEX IF EXISTS statement_visible_oldest;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0004_visible_statement_indexes_outlet_figures"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
