"""Words stemmed alike on both backends: an FTS5 table on SQLite, no stop words on PostgreSQL.

SQLite: the FTS5 table `quotes_quote_fts` and its triggers (quotes.fulltext says how
they work and why `migrate` checks them again each time).

PostgreSQL: the text search configuration `verbatim_english` (English, with a Snowball
English stemmer that keeps stop words) and the search-vector trigger of migration 0002
rebuilt on it: text, speaker name and outlet name each stemmed once, at the positions
the text has them. The vector of 0002 concatenated an English vector (stop words
dropped) with a 'simple' one (no stems) at shifted positions, so no phrase could mix a
stop word and a stemmed word ("no withdrawal" could not match "no withdrawals").
Every quote's vector is computed again (one UPDATE; at 1,000,000 quotes it takes
minutes).
"""

from django.db import migrations

from quotes.fulltext import SQLITE_DROP, ensure_sqlite_word_index

TRIGGER_FUNCTION = r"""
CREATE OR REPLACE FUNCTION quotes_quote_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    speaker_name text;
    outlet_name text;
BEGIN
    SELECT name INTO speaker_name FROM quotes_speaker WHERE id = NEW.speaker_id;
    SELECT o.name INTO outlet_name
      FROM sources_article a JOIN sources_outlet o ON o.id = a.outlet_id
     WHERE a.id = NEW.article_id;
    NEW.search_vector := %s;
    RETURN NEW;
END
$$;

UPDATE quotes_quote SET text = text;
"""

POSTGRESQL_FORWARD = (
    """
CREATE TEXT SEARCH DICTIONARY verbatim_english_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION verbatim_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION verbatim_english
    ALTER MAPPING REPLACE english_stem WITH verbatim_english_stem;
"""
    + TRIGGER_FUNCTION
    % """
        setweight(to_tsvector('verbatim_english', coalesce(NEW.text, '')), 'A')
        || setweight(to_tsvector('verbatim_english', coalesce(speaker_name, '')), 'B')
        || setweight(to_tsvector('verbatim_english', coalesce(outlet_name, '')), 'C')"""
)

POSTGRESQL_BACKWARD = (
    TRIGGER_FUNCTION
    % """
        setweight(to_tsvector('english', coalesce(NEW.text, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(NEW.text, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(speaker_name, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(outlet_name, '')), 'C')"""
    + """
DROP TEXT SEARCH CONFIGURATION IF EXISTS verbatim_english;
DROP TEXT SEARCH DICTIONARY IF EXISTS verbatim_english_stem;
"""
)


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FORWARD, params=None)
    ensure_sqlite_word_index(connection)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_BACKWARD, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0010_jobs"),
        ("sources", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
