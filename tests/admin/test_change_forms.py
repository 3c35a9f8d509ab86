"""Saving a change form marks what the editor changed as the editor's."""

import pytest
from django.urls import reverse

from quotes.models import Speaker
from tests.admin.conftest import change_form_data
from tests.admin.conftest import save_change_form as save

pytestmark = pytest.mark.django_db


def test_it_marks_a_speaker_chosen_in_the_quote_form_as_the_editors(admin_client, newsroom):
    quote = save(admin_client, newsroom.quotes.again_bridge, speaker=newsroom.speakers.engineer.pk)

    assert quote.speaker == newsroom.speakers.engineer
    assert (quote.speaker_method, quote.speaker_confidence) == ("editor", 1.0)
    assert not quote.statement_set_by_editor


def test_it_leaves_the_speaker_method_alone_when_the_speaker_is_unchanged(admin_client, newsroom):
    quote = save(admin_client, newsroom.quotes.again_bridge)

    assert quote.speaker_method == "pronoun"


def test_it_marks_a_statement_chosen_in_the_quote_form_and_recounts(admin_client, newsroom):
    budget = newsroom.statements.budget

    quote = save(admin_client, newsroom.quotes.again_bridge, statement=budget.pk)

    assert quote.statement == budget and quote.statement_set_by_editor
    assert quote.speaker_method != "editor"
    budget.refresh_from_db()
    assert budget.quote_count == 2
    newsroom.statements.bridge.refresh_from_db()
    assert newsroom.statements.bridge.quote_count == 2


def test_it_takes_a_quote_ticked_as_not_a_quotation_out_of_its_statement(admin_client, newsroom):
    quote = save(admin_client, newsroom.quotes.again_bridge, hidden_by_editor="on")

    assert quote.hidden_by_editor and quote.statement is None and quote.statement_set_by_editor
    newsroom.statements.bridge.refresh_from_db()
    assert newsroom.statements.bridge.quote_count == 2


def test_it_hands_an_unticked_quote_back_to_clustering(admin_client, newsroom):
    quote = newsroom.quotes.harbour_ready
    quote.hidden_by_editor = quote.statement_set_by_editor = True
    quote.save()
    url = reverse("admin:quotes_quote_change", args=[quote.pk])
    data = change_form_data(admin_client.get(url))
    del data["hidden_by_editor"]

    admin_client.post(url, data)

    quote.refresh_from_db()
    assert not quote.hidden_by_editor and not quote.statement_set_by_editor


def test_it_marks_a_statements_speaker_set_in_its_form(admin_client, newsroom):
    statement = save(admin_client, newsroom.statements.bridge, speaker=newsroom.speakers.engineer.pk)

    assert statement.speaker == newsroom.speakers.engineer and statement.speaker_set_by_editor
    assert not statement.wording_pinned


def test_it_pins_a_canonical_quote_chosen_in_the_statement_form(admin_client, newsroom):
    quote = newsroom.quotes.again_bridge

    statement = save(admin_client, newsroom.statements.bridge, canonical_quote=quote.pk)

    assert statement.wording_pinned and statement.canonical_quote == quote
    assert statement.canonical_text == quote.text
    assert not statement.speaker_set_by_editor


def test_it_pins_a_canonical_wording_typed_in_the_statement_form(admin_client, newsroom):
    statement = save(
        admin_client, newsroom.statements.bridge, canonical_text="The bridge will open in May this year."
    )

    assert statement.wording_pinned
    assert statement.canonical_text == "The bridge will open in May this year."


def test_it_refuses_a_canonical_quote_from_another_statement(admin_client, newsroom):
    statement = newsroom.statements.bridge
    url = reverse("admin:quotes_statement_change", args=[statement.pk])
    data = change_form_data(admin_client.get(url), canonical_quote=newsroom.quotes.valley_budget.pk)

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "canonical_quote" in response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert not statement.wording_pinned


def test_it_marks_a_speaker_edited_in_its_form_with_a_new_alias(admin_client, newsroom):
    speaker = save(
        admin_client,
        newsroom.speakers.engineer,
        description="Chief city engineer",
        **{"aliases-1-alias": "the engineer"},
    )

    assert speaker.edited_by_editor and speaker.description == "Chief city engineer"
    assert set(speaker.aliases.values_list("alias", flat=True)) == {"Mr Stone", "the engineer"}


def test_it_keeps_a_pinned_wording_when_its_quote_is_moved_in_the_form(admin_client, newsroom):
    bridge = newsroom.statements.bridge
    quote = newsroom.quotes.valley_bridge
    save(admin_client, bridge, canonical_quote=quote.pk)

    save(admin_client, quote, statement=newsroom.statements.budget.pk)

    bridge.refresh_from_db()
    assert bridge.wording_pinned and bridge.canonical_quote is None
    assert bridge.canonical_text == quote.text


def test_it_records_the_fields_an_editor_changed_in_the_history(admin_client, newsroom):
    quote = save(admin_client, newsroom.quotes.again_bridge, speaker=newsroom.speakers.engineer.pk)

    assert quote.history.first().history_change_reason == "Editor changed speaker"


def test_it_keeps_an_aliass_old_wording_in_its_history(admin_client, newsroom):
    alias = newsroom.speakers.engineer.aliases.get()
    alias.history.all().delete()

    save(admin_client, newsroom.speakers.engineer, **{"aliases-0-alias": "Dr Stone"})

    assert [record.alias for record in alias.history.all()] == ["Dr Stone", "Mr Stone"]


def test_it_keeps_a_renamed_speakers_old_name_as_an_alias(admin_client, newsroom):
    speaker = save(admin_client, newsroom.speakers.engineer, name="Olu Stone-Adebayo")

    assert speaker.name == "Olu Stone-Adebayo" and speaker.edited_by_editor
    assert set(speaker.aliases.values_list("alias", flat=True)) == {"Mr Stone", "Olu Stone"}


def test_it_adds_a_speaker_an_editor_creates(admin_client, newsroom):
    response = admin_client.post(
        reverse("admin:quotes_speaker_add"),
        {
            "name": "Rae Quill",
            "kind": "person",
            "description": "Port spokesperson",
            "aliases-TOTAL_FORMS": 1,
            "aliases-INITIAL_FORMS": 0,
            "aliases-0-alias": "Ms Quill",
        },
    )

    assert response.status_code == 302
    speaker = Speaker.objects.get(name="Rae Quill")
    assert speaker.slug == "rae-quill" and speaker.edited_by_editor
    assert list(speaker.aliases.values_list("alias", flat=True)) == ["Ms Quill"]
