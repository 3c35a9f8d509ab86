"""The word index of quotes in the database: one per backend, kept current by triggers.

Both backends index a quote's text, its speaker's name and its outlet's name, every
word stemmed and none dropped as a stop word, so a search for "troop" finds "troops"
and "no withdrawal" is a phrase of two words on either:

- PostgreSQL: the `search_vector` tsvector column (migration 0002) built with the
  text search configuration `verbatim_english` (migration 0011): PostgreSQL's
  English configuration with a Snowball English stemmer that has no stop-word list
  (the stock one drops "no", "not" and "the", so a phrase lost them). Text weighs A,
  the speaker's name B, the outlet's name C.
- SQLite: the FTS5 table `quotes_quote_fts(text, speaker, outlet)`, rowid = quote id,
  with the `porter` tokenizer over `unicode61` (accents removed), kept by the triggers
  below on quotes, speakers (renamed), outlets (renamed) and articles (moved).

Stems: PostgreSQL's is Snowball English (Porter2), SQLite's the original Porter
algorithm; they agree on the usual inflections (troop/troops, sanction/sanctions/
sanctioned, withdraw/withdrawing) and differ on a few derived forms (Porter reduces
"generously" to "gener", Porter2 to "generous"), where one backend may match a word
the other does not.

`ensure_sqlite_word_index(connection)` creates the SQLite table and triggers when they
are missing and refills the table when it does not hold one row per quote. Migration
0011 calls it, and so does every `migrate` (quotes.apps, post_migrate), because
SQLite drops a table's triggers whenever a later migration rebuilds the table (as
its ALTER TABLE emulation does), which would leave the index silently stale. A
migration that rebuilds the quotes table calls `drop_sqlite_triggers` first (0015).
"""

FTS_TABLE = "quotes_quote_fts"

SPEAKER_NAME = "coalesce((SELECT name FROM quotes_speaker WHERE id = {row}.speaker_id), '')"
OUTLET_NAME = (
    "coalesce((SELECT o.name FROM sources_article a JOIN sources_outlet o ON o.id = a.outlet_id"
    " WHERE a.id = {row}.article_id), '')"
)


def indexed_row(row: str) -> str:
    """The FTS5 insert of quote `row` (NEW inside a trigger, q in a SELECT)."""
    return (
        f"INSERT INTO {FTS_TABLE}(rowid, text, speaker, outlet) VALUES ({row}.id, {row}.text, "
        f"{SPEAKER_NAME.format(row=row)}, {OUTLET_NAME.format(row=row)});"
    )


SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, speaker, outlet, tokenize = 'porter unicode61 remove_diacritics 2')"
)

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS quotes_quote_fts_insert AFTER INSERT ON quotes_quote BEGIN
        {indexed_row("NEW")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS quotes_quote_fts_update
    AFTER UPDATE OF text, speaker_id, article_id ON quotes_quote BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;
        {indexed_row("NEW")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS quotes_quote_fts_delete AFTER DELETE ON quotes_quote BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS quotes_speaker_fts AFTER UPDATE OF name ON quotes_speaker
    WHEN NEW.name IS NOT OLD.name BEGIN
        UPDATE {FTS_TABLE} SET speaker = NEW.name
         WHERE rowid IN (SELECT id FROM quotes_quote WHERE speaker_id = NEW.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS sources_outlet_fts AFTER UPDATE OF name ON sources_outlet
    WHEN NEW.name IS NOT OLD.name BEGIN
        UPDATE {FTS_TABLE} SET outlet = NEW.name WHERE rowid IN (
            SELECT q.id FROM quotes_quote q JOIN sources_article a ON a.id = q.article_id
             WHERE a.outlet_id = NEW.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS sources_article_fts AFTER UPDATE OF outlet_id ON sources_article
    WHEN NEW.outlet_id IS NOT OLD.outlet_id BEGIN
        UPDATE {FTS_TABLE} SET outlet = coalesce((SELECT name FROM sources_outlet WHERE id = NEW.outlet_id), '')
         WHERE rowid IN (SELECT id FROM quotes_quote WHERE article_id = NEW.id);
    END""",
]

SQLITE_REFILL = [
    f"DELETE FROM {FTS_TABLE}",
    f"INSERT INTO {FTS_TABLE}(rowid, text, speaker, outlet) SELECT q.id, q.text, "
    f"{SPEAKER_NAME.format(row='q')}, {OUTLET_NAME.format(row='q')} FROM quotes_quote q",
]

SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS quotes_quote_fts_insert",
    "DROP TRIGGER IF EXISTS quotes_quote_fts_update",
    "DROP TRIGGER IF EXISTS quotes_quote_fts_delete",
    "DROP TRIGGER IF EXISTS quotes_speaker_fts",
    "DROP TRIGGER IF EXISTS sources_outlet_fts",
    "DROP TRIGGER IF EXISTS sources_article_fts",
]
SQLITE_DROP = [*SQLITE_DROP_TRIGGERS, f"DROP TABLE IF EXISTS {FTS_TABLE}"]


def drop_sqlite_triggers(connection) -> None:
    """Drop the SQLite triggers (not the table) before a migration rebuilds the quotes
    table: the triggers on speakers, outlets and articles name quotes_quote, and SQLite
    refuses to rename the rebuilt table while they do. The next post_migrate puts them
    back (ensure_sqlite_word_index). Does nothing on other backends."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in SQLITE_DROP_TRIGGERS:
            cursor.execute(statement)


def ensure_sqlite_word_index(connection) -> bool:
    """Create the FTS5 table and its triggers where missing, and refill the table when
    its row count differs from the quotes'. Returns whether it refilled. Does nothing
    on other backends (or before the quotes table exists)."""
    if connection.vendor != "sqlite":
        return False
    tables = connection.introspection.table_names()
    if "quotes_quote" not in tables or "sources_article" not in tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_TABLE)
        for statement in SQLITE_TRIGGERS:
            cursor.execute(statement)
        cursor.execute(f"SELECT (SELECT count(*) FROM {FTS_TABLE}) = (SELECT count(*) FROM quotes_quote)")
        if cursor.fetchone()[0]:
            return False
        for statement in SQLITE_REFILL:
            cursor.execute(statement)
    return True
