"""What an editor hides stays hidden everywhere a reader looks: a quote pinned as its
statement's canonical wording and then marked not a quotation leaves the home, statement
and search pages and the sitemap; a speaker whose only quotes are hidden is not listed."""

import pytest
from django.urls import reverse

from quotes.models import Statement
from quotes.services import editing
from tests.admin.conftest import newsroom  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

PINNED = "The bridge will open in May,"


def reader_pages(client, statement):
    pages = {
        "home": client.get(reverse("web:search")),
        "search": client.get(reverse("web:search"), {"words": "bridge"}),
        "sitemap": client.get("/sitemap-statements.xml"),
        "speakers sitemap": client.get("/sitemap-speakers.xml"),
        "statement": client.get(statement.get_absolute_url()),
    }
    return {name: (response.status_code, response.content.decode()) for name, response in pages.items()}


def test_a_pinned_quote_marked_not_a_quotation_leaves_every_page(client, newsroom):  # noqa: F811
    bridge, hidden = newsroom.statements.bridge, newsroom.quotes.valley_bridge
    editing.pin_canonical(hidden)
    assert PINNED in reader_pages(client, bridge)["home"][1]

    editing.mark_not_a_quote([hidden])
    bridge.refresh_from_db()
    assert bridge.canonical_text != PINNED and not bridge.wording_pinned
    for name, (status, html) in reader_pages(client, bridge).items():
        assert status == 200, name
        assert PINNED not in html, name
    assert "The bridge will open in May." in reader_pages(client, bridge)["statement"][1]


def test_a_typed_in_wording_stays_when_the_pinned_quote_is_hidden(newsroom):  # noqa: F811
    bridge = newsroom.statements.bridge
    bridge.canonical_text = "The bridge opens in May, the mayor says."
    bridge.canonical_quote = newsroom.quotes.valley_bridge
    editing.save_statement_form(bridge, {"canonical_text"})
    editing.mark_not_a_quote([newsroom.quotes.valley_bridge])
    bridge.refresh_from_db()
    assert bridge.wording_pinned and bridge.canonical_text == "The bridge opens in May, the mayor says."


def test_a_statement_whose_only_quote_is_pinned_then_hidden_and_its_speaker_vanish(client, newsroom):  # noqa: F811
    budget, engineer = newsroom.statements.budget, newsroom.speakers.engineer
    editing.pin_canonical(newsroom.quotes.valley_budget)
    editing.mark_not_a_quote([newsroom.quotes.valley_budget])
    pages = reader_pages(client, budget)
    assert pages.pop("statement")[0] == 404
    for name, (status, html) in pages.items():
        assert status == 200 and "The budget is tight" not in html, name
    assert engineer.get_absolute_url() not in pages["speakers sitemap"][1]
    assert newsroom.speakers.mayor.get_absolute_url() in pages["speakers sitemap"][1]
    suggestions = client.get(reverse("web:speaker-suggestions"), {"speaker": "Stone"}).content.decode()
    assert "Olu Stone" not in suggestions
    assert not Statement.objects.visible().filter(pk=budget.pk).exists()
