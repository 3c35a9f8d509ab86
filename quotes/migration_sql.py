"""What the app's migrations share: SQL that runs on PostgreSQL only (indexes with
INCLUDE, trigram and tsvector indexes, which SQLite cannot express or does not need)."""


def on_postgresql(sql):
    """A RunPython function that runs sql on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run
