"""A PostgreSQL covering index for the speaker page's outlets (web.views.statements.
outlets_quoting): the outlets that quote a speaker, counted from the speaker's visible
quotes and their articles' outlets, read from this index and article_outlet_by_id
(0013) alone. At 1,000,000 quotes the speaker with 10,000 quotes fetched all of them
from the quote table (a parallel bitmap heap scan of 4,055 blocks in three processes):
38 ms; index-only in one process, 15.5 ms (EXPLAIN ANALYZE in the commit). SQLite has
no INCLUDE; at its sizes the lookup is cheap."""

from django.db import migrations

from quotes.migration_sql import on_postgresql

FORWARD = """
CREATE INDEX IF NOT EXISTS quote_visible_speaker_outlets
    ON quotes_quote (speaker_id) INCLUDE (article_id, id) WHERE NOT hidden_by_editor;
"""

BACKWARD = """
DROP INDEX IF EXISTS quote_visible_speaker_outlets;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0015_attribution_steps"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
