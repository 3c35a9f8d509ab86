"""The speaker page: other names, the outlets that quote them, their statements."""

import pytest
from django.db import connection
from django.urls import reverse


def test_it_shows_aliases_outlets_and_statements(client, story):
    response = client.get(reverse("web:speaker", args=[story.ada.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<li>Ms Marlow</li>" in html
    assert "<li>the harbour commissioner</li>" in html
    assert [row.statement for row in response.context["rows"]] == [story.reopen]
    counts = {outlet.name: outlet.quote_count for outlet in response.context["outlets"]}
    # The Courier also attributes the mayor's words to her (the conflict), hence two.
    assert counts == {"Northern Courier": 2, "The Daily Ledger": 1, "Harbour Times": 1}


def test_it_says_so_when_a_speaker_has_no_other_names(client, story):
    response = client.get(reverse("web:speaker", args=[story.tomas.slug]))
    assert "No other names recorded." in response.content.decode()


def test_it_gives_404_for_an_unknown_speaker(client, story):
    assert client.get(reverse("web:speaker", args=["nobody-at-all"])).status_code == 404


def test_it_lists_apart_the_statements_some_outlet_attributes_to_them(client, story):
    response = client.get(reverse("web:speaker", args=[story.ada.slug]))
    assert [row.statement for row in response.context["disputed_rows"]] == [story.wait]
    assert "Also attributed to Ada Marlow by some outlets" in response.content.decode()


def test_it_lists_no_disputed_statements_when_every_outlet_agrees(client, story):
    response = client.get(reverse("web:speaker", args=[story.tomas.slug]))
    assert response.context["disputed_rows"] == []
    assert "Also attributed" not in response.content.decode()


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_its_outlet_counts_have_an_index_covering_them():
    # The plan cannot be pinned on a few rows (an index-only scan costs what an index scan
    # does until VACUUM marks pages all-visible): what the query reads must be in the index.
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'quote_visible_speaker_outlets'")
        (definition,) = cursor.fetchone()

    assert definition.endswith("(speaker_id) INCLUDE (article_id, id) WHERE (NOT hidden_by_editor)")
