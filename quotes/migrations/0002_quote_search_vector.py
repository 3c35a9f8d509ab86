"""A full-text search vector on quotes_quote, kept current by PostgreSQL triggers.

PostgreSQL only: on other backends this migration does nothing and quotes.search
falls back to word matching. See quotes/search.py for why the vector lives in the
database rather than in the Quote model.

The vector holds the quote text with weight A (English stems and exact words, so
stop words and names still match), the speaker's name with weight B and the
outlet's name with weight C. Triggers refresh it when any of those change:
- quotes_quote:   BEFORE INSERT, or UPDATE OF text, speaker_id or article_id;
- quotes_speaker: AFTER UPDATE OF name, touching that speaker's quotes;
- sources_outlet: AFTER UPDATE OF name, touching the quotes of its articles;
- sources_article: AFTER UPDATE OF outlet_id, touching that article's quotes.
"""
from django.db import migrations

from quotes.migration_sql import on_postgresql

FORWARD = r"""
ALTER TABLE quotes_quote ADD COLUMN search_vector tsvector;

CREATE FUNCTION quotes_quote_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    speaker_name text;
    outlet_name text;
BEGIN
    SELECT name INTO speaker_name FROM quotes_speaker WHERE id = NEW.speaker_id;
    SELECT o.name INTO outlet_name
      FROM sources_article a JOIN sources_outlet o ON o.id = a.outlet_id
     WHERE a.id = NEW.article_id;
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.text, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(NEW.text, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(speaker_name, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(outlet_name, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER quotes_quote_search_vector
BEFORE INSERT OR UPDATE OF text, speaker_id, article_id ON quotes_quote
FOR EACH ROW EXECUTE FUNCTION quotes_quote_search_vector();

CREATE FUNCTION quotes_speaker_touch_quotes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE quotes_quote SET speaker_id = speaker_id WHERE speaker_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER quotes_speaker_touch_quotes
AFTER UPDATE OF name ON quotes_speaker
FOR EACH ROW EXECUTE FUNCTION quotes_speaker_touch_quotes();

CREATE FUNCTION sources_outlet_touch_quotes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE quotes_quote SET article_id = article_id
         WHERE article_id IN (SELECT id FROM sources_article WHERE outlet_id = NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sources_outlet_touch_quotes
AFTER UPDATE OF name ON sources_outlet
FOR EACH ROW EXECUTE FUNCTION sources_outlet_touch_quotes();

CREATE FUNCTION sources_article_touch_quotes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.outlet_id IS DISTINCT FROM OLD.outlet_id THEN
        UPDATE quotes_quote SET article_id = article_id WHERE article_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER sources_article_touch_quotes
AFTER UPDATE OF outlet_id ON sources_article
FOR EACH ROW EXECUTE FUNCTION sources_article_touch_quotes();

UPDATE quotes_quote SET text = text;

CREATE INDEX quotes_quote_search_vector_gin ON quotes_quote USING gin (search_vector);
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS sources_article_touch_quotes ON sources_article;
DROP FUNCTION IF EXISTS sources_article_touch_quotes();
DROP TRIGGER IF EXISTS sources_outlet_touch_quotes ON sources_outlet;
DROP FUNCTION IF EXISTS sources_outlet_touch_quotes();
DROP TRIGGER IF EXISTS quotes_speaker_touch_quotes ON quotes_speaker;
DROP FUNCTION IF EXISTS quotes_speaker_touch_quotes();
DROP TRIGGER IF EXISTS quotes_quote_search_vector ON quotes_quote;
DROP FUNCTION IF EXISTS quotes_quote_search_vector();
DROP INDEX IF EXISTS quotes_quote_search_vector_gin;
ALTER TABLE quotes_quote DROP COLUMN IF EXISTS search_vector;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0001_initial"),
        ("sources", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
