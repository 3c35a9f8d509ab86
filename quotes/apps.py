from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class QuotesConfig(AppConfig):
    name = "quotes"
    verbose_name = "Quotes"

    def ready(self):
        from quotes.services.intake import ingest_for_editor
        from sources.signals import ingest_requested

        ingest_requested.connect(ingest_for_editor, dispatch_uid="quotes.ingest_for_editor")
        post_migrate.connect(keep_word_index, sender=self)
        watch_content()


def watch_content():
    """Every save or delete of a row the reader's pages show moves the content version on
    (quotes.services.content_version), so cached pages never outlive an edit."""
    from quotes.models import OutletFigures, Quote, Speaker, SpeakerAlias, Statement, WireCopy
    from quotes.services.content_version import on_write
    from sources.models import Article, Outlet

    for model in (Quote, Statement, Speaker, SpeakerAlias, WireCopy, OutletFigures, Article, Outlet):
        for signal in (post_save, post_delete):
            signal.connect(
                on_write, sender=model, dispatch_uid=f"content_version.{signal is post_save}.{model.__name__}"
            )


def keep_word_index(sender, using="default", **kwargs):
    """SQLite's word index triggers are lost when a migration rebuilds a table: restore
    them (and refill the index if it lost rows) after every migrate (quotes.fulltext)."""
    from django.db import connections

    from quotes.fulltext import ensure_sqlite_word_index

    ensure_sqlite_word_index(connections[using])
