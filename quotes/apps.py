from django.apps import AppConfig
from django.db.models.signals import post_migrate


class QuotesConfig(AppConfig):
    name = "quotes"
    verbose_name = "Quotes"

    def ready(self):
        from quotes.services.intake import ingest_for_editor
        from sources.signals import ingest_requested

        ingest_requested.connect(ingest_for_editor, dispatch_uid="quotes.ingest_for_editor")
        post_migrate.connect(keep_word_index, sender=self)


def keep_word_index(sender, using="default", **kwargs):
    """SQLite's word index triggers are lost when a migration rebuilds a table: restore
    them (and refill the index if it lost rows) after every migrate (quotes.fulltext)."""
    from django.db import connections

    from quotes.fulltext import ensure_sqlite_word_index

    ensure_sqlite_word_index(connections[using])
