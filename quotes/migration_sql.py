"""What the app's migrations share: SQL that runs on one database only (on PostgreSQL,
indexes with INCLUDE, trigram and tsvector indexes, which SQLite cannot express or does
not need; on SQLite, the multi-column equivalents of PostgreSQL's INCLUDE indexes)."""


def on_postgresql(sql):
    """A RunPython function that runs sql on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


def on_sqlite(sql):
    """A RunPython function that runs sql on SQLite and does nothing elsewhere; SQLite runs
    one statement at a time, so each `;`-separated statement is run on its own."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in filter(str.strip, sql.split(";")):
                schema_editor.execute(statement, params=None)

    return run
