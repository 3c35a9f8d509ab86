"""What a reader may see: the querysets every page starts from.

An editor's "not a quotation" hides a Quote from every page and from the export
while keeping it in the database; a Statement none of whose quotes is visible is
hidden with them.
"""
from django.db.models import Exists, OuterRef

from quotes.models import Quote, Statement

NOT_MEASURED = ("", "not yet measured")
DRIFT_CLASSES = [*Quote.Drift.choices, NOT_MEASURED]
"""Drift classes in the order pages list them, with a class for quotes not yet measured."""


def visible_quotes():
    return Quote.objects.filter(not_a_quote=False)


def visible_statements():
    """Statements with at least one visible quote, their speaker joined."""
    quotes = visible_quotes().filter(statement=OuterRef("pk"))
    return Statement.objects.filter(Exists(quotes)).select_related("speaker")
