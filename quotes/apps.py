from django.apps import AppConfig


class QuotesConfig(AppConfig):
    name = "quotes"
    verbose_name = "Quotes"

    def ready(self):
        from quotes.services.intake import ingest_for_editor
        from sources.signals import ingest_requested

        ingest_requested.connect(ingest_for_editor, dispatch_uid="quotes.ingest_for_editor")
