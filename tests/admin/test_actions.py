"""The editors' actions, posted to the admin lists as an editor's browser posts them."""

import pytest
from django.urls import reverse

from quotes.models import Quote, Speaker, Statement
from tests.admin.conftest import act

pytestmark = pytest.mark.django_db

QUOTES = reverse("admin:quotes_quote_changelist")
SPEAKERS = reverse("admin:quotes_speaker_changelist")


def test_it_sets_the_speaker_of_selected_quotes(admin_client, newsroom):
    quotes = [newsroom.quotes.valley_budget, newsroom.quotes.harbour_ready]

    said = act(admin_client, QUOTES, "set_speaker", quotes, speaker=newsroom.speakers.engineer.pk)

    assert said == ["2 quote(s) now attributed to Olu Stone."]
    for quote in quotes:
        quote.refresh_from_db()
        assert (quote.speaker, quote.speaker_method) == (newsroom.speakers.engineer, "editor")


def test_it_records_the_admin_user_in_the_history(admin_client, admin_user, newsroom):
    quote = newsroom.quotes.harbour_ready

    act(admin_client, QUOTES, "set_speaker", [quote], speaker=newsroom.speakers.engineer.pk)

    assert quote.history.first().history_user == admin_user
    history = admin_client.get(reverse("admin:quotes_quote_history", args=[quote.pk]))
    assert "Editor set the speaker to Olu Stone" in history.text


def test_it_asks_for_a_speaker_before_setting_one(admin_client, newsroom):
    quote = newsroom.quotes.valley_budget

    said = act(admin_client, QUOTES, "set_speaker", [quote])

    assert said == ["Choose the speaker beside the action first."]
    quote.refresh_from_db()
    assert quote.speaker_method == "explicit"


def test_it_moves_selected_quotes_to_a_statement(admin_client, newsroom):
    quote, budget = newsroom.quotes.again_bridge, newsroom.statements.budget

    said = act(admin_client, QUOTES, "move_to_statement", [quote], statement=budget.pk)

    assert said == [f"1 quote(s) moved to statement {budget.pk}."]
    quote.refresh_from_db()
    assert quote.statement == budget and quote.statement_set_by_editor


def test_it_refuses_to_move_a_quote_marked_as_not_a_quotation(admin_client, newsroom):
    quote = newsroom.quotes.harbour_ready
    quote.hidden_by_editor = True
    quote.save()

    said = act(admin_client, QUOTES, "move_to_statement", [quote], statement=newsroom.statements.budget.pk)

    assert said == [f"Quote {quote.pk} is marked as not a quotation."]
    quote.refresh_from_db()
    assert quote.statement is None


def test_it_splits_selected_quotes_into_a_new_statement(admin_client, newsroom):
    quotes = [newsroom.quotes.valley_bridge, newsroom.quotes.again_bridge]

    said = act(admin_client, QUOTES, "split_into_new_statement", quotes)

    statement = Statement.objects.get(created_by_editor=True)
    assert said[0].startswith("Split into a new statement:")
    assert set(statement.quotes.all()) == set(quotes)
    assert (statement.quote_count, statement.outlet_count) == (2, 1)
    assert newsroom.statements.bridge.quotes.get() == newsroom.quotes.harbour_bridge


def test_it_pins_the_selected_quote_as_canonical(admin_client, newsroom):
    quote = newsroom.quotes.again_bridge

    act(admin_client, QUOTES, "pin_as_canonical", [quote])

    statement = Statement.objects.get(pk=quote.statement_id)
    assert statement.wording_pinned and statement.canonical_quote == quote
    assert statement.canonical_text == quote.text


def test_it_pins_only_one_quote_at_a_time(admin_client, newsroom):
    quotes = [newsroom.quotes.again_bridge, newsroom.quotes.valley_bridge]

    said = act(admin_client, QUOTES, "pin_as_canonical", quotes)

    assert said == ["Select exactly one quote to pin."]
    assert not Statement.objects.filter(wording_pinned=True).exists()


def test_it_marks_selected_quotes_as_not_a_quotation(admin_client, newsroom):
    quote = newsroom.quotes.harbour_ready

    said = act(admin_client, QUOTES, "mark_not_a_quote", [quote])

    assert said == ["1 quote(s) marked as not a quotation."]
    assert Quote.objects.get(pk=quote.pk).hidden_by_editor


def test_it_merges_selected_speakers_into_the_one_kept(admin_client, newsroom):
    mayor, engineer = newsroom.speakers.mayor, newsroom.speakers.engineer

    said = act(admin_client, SPEAKERS, "merge_into_chosen", [mayor, engineer], keep=mayor.pk)

    assert said == [
        "Merged 1 speaker(s) into Ada Brightwater: 2 alias(es), 1 quote(s) and 1 statement(s) moved."
    ]
    assert list(Speaker.objects.all()) == [mayor]
    assert mayor.quotes.count() == 5


def test_it_asks_which_speaker_to_keep_before_merging(admin_client, newsroom):
    speakers = [newsroom.speakers.mayor, newsroom.speakers.engineer]

    said = act(admin_client, SPEAKERS, "merge_into_chosen", speakers)

    assert said == ["Choose the speaker to keep beside the action first."]
    assert Speaker.objects.count() == 2


def test_it_shows_the_action_fields_with_autocomplete(admin_client, newsroom):
    quotes = admin_client.get(QUOTES)
    speakers = admin_client.get(SPEAKERS)

    assert 'name="speaker"' in quotes.text and 'name="statement"' in quotes.text
    assert "admin-autocomplete" in quotes.text
    assert 'name="keep"' in speakers.text


def test_it_shows_what_the_first_edit_of_a_bulk_written_quote_changed(admin_client, admin_user, newsroom):
    quote = newsroom.quotes.valley_budget
    quote.history.all().delete()

    act(admin_client, QUOTES, "set_speaker", [quote], speaker=newsroom.speakers.mayor.pk)

    edit, baseline = quote.history.all()[:2]
    assert (baseline.history_user, baseline.speaker_id) == (None, newsroom.speakers.engineer.pk)
    assert (edit.history_user, edit.speaker_id) == (admin_user, newsroom.speakers.mayor.pk)
    assert {change.field for change in edit.diff_against(baseline).changes} == {
        "speaker",
        "speaker_method",
        "speaker_confidence",
    }


def test_it_merges_selected_statements_into_the_one_kept(admin_client, newsroom):
    bridge, budget = newsroom.statements.bridge, newsroom.statements.budget

    said = act(
        admin_client,
        reverse("admin:quotes_statement_changelist"),
        "merge_into_chosen",
        [budget],
        keep=bridge.pk,
    )

    assert said == [f"1 quote(s) moved into statement {bridge.pk}."]
    assert list(Statement.objects.all()) == [bridge]
    assert bridge.quotes.count() == 4
