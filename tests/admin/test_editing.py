"""The editor actions' logic in quotes.services.editing, called directly on rows."""

import pytest

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services import editing

pytestmark = pytest.mark.django_db


def fresh(row):
    row.refresh_from_db()
    return row


def test_it_sets_the_speaker_as_the_editors(newsroom):
    quote = newsroom.quotes.valley_budget

    assert editing.set_speaker([quote], newsroom.speakers.mayor) == 1

    quote = fresh(quote)
    assert quote.speaker == newsroom.speakers.mayor
    assert quote.speaker_method == Quote.SpeakerMethod.EDITOR
    assert quote.speaker_confidence == 1.0
    assert quote.speaker_set_by_editor


def test_it_records_who_did_it_and_why_in_the_history(newsroom):
    quote = newsroom.quotes.valley_budget

    editing.set_speaker([quote], newsroom.speakers.mayor)

    latest = quote.history.first()
    assert latest.speaker_id == newsroom.speakers.mayor.pk
    assert "Editor set the speaker" in latest.history_change_reason


def test_it_moves_quotes_and_recounts_both_statements(newsroom):
    bridge, budget = newsroom.statements.bridge, newsroom.statements.budget

    moved = editing.move_quotes([newsroom.quotes.again_bridge], budget)

    assert moved == 1
    quote = fresh(newsroom.quotes.again_bridge)
    assert quote.statement == budget and quote.statement_set_by_editor
    budget, bridge = fresh(budget), fresh(bridge)
    assert (budget.quote_count, budget.outlet_count) == (2, 1)
    assert str(budget.first_seen) == "2024-03-02"
    assert (bridge.quote_count, bridge.outlet_count) == (2, 2)


def test_it_deletes_a_statement_left_without_quotes(newsroom):
    budget = newsroom.statements.budget

    editing.move_quotes([newsroom.quotes.valley_budget], newsroom.statements.bridge)

    assert not Statement.objects.filter(pk=budget.pk).exists()
    assert fresh(newsroom.statements.bridge).quote_count == 4


def test_it_gives_an_unpinned_statement_a_new_canonical_when_its_own_leaves(newsroom):
    bridge = newsroom.statements.bridge

    editing.move_quotes([newsroom.quotes.harbour_bridge], newsroom.statements.budget)

    bridge = fresh(bridge)
    assert bridge.canonical_quote in {newsroom.quotes.valley_bridge, newsroom.quotes.again_bridge}
    assert bridge.canonical_text == bridge.canonical_quote.text


def test_it_keeps_a_pinned_wording_when_its_quote_leaves(newsroom):
    bridge = editing.pin_canonical(newsroom.quotes.harbour_bridge)

    editing.move_quotes([newsroom.quotes.harbour_bridge], newsroom.statements.budget)

    bridge = fresh(bridge)
    assert bridge.wording_pinned
    assert bridge.canonical_quote is None
    assert bridge.canonical_text == "The bridge will open in May."


def test_it_splits_quotes_into_a_new_statement_made_by_the_editor(newsroom):
    statement = editing.split_quotes(Quote.objects.filter(pk=newsroom.quotes.again_bridge.pk))

    assert statement.created_by_editor
    assert statement.speaker == newsroom.speakers.mayor
    assert statement.canonical_quote == newsroom.quotes.again_bridge
    assert statement.canonical_text == "The bridge opens in May,"
    assert (statement.quote_count, statement.outlet_count) == (1, 1)
    assert fresh(newsroom.quotes.again_bridge).statement_set_by_editor
    assert fresh(newsroom.statements.bridge).quote_count == 2


def test_it_refuses_to_split_nothing(newsroom):
    with pytest.raises(editing.EditError):
        editing.split_quotes(Quote.objects.none())
    assert Statement.objects.count() == 2


def test_it_pins_a_quotes_wording_as_canonical(newsroom):
    statement = editing.pin_canonical(newsroom.quotes.again_bridge)

    statement = fresh(statement)
    assert statement.wording_pinned
    assert statement.canonical_quote == newsroom.quotes.again_bridge
    assert statement.canonical_text == "The bridge opens in May,"


def test_it_refuses_to_pin_a_quote_in_no_statement(newsroom):
    with pytest.raises(editing.EditError):
        editing.pin_canonical(newsroom.quotes.harbour_ready)


def test_it_marks_not_a_quote_and_keeps_the_row(newsroom):
    quote = newsroom.quotes.again_bridge

    assert editing.mark_not_a_quote([quote]) == 1

    quote = fresh(quote)
    assert quote.hidden_by_editor and quote.statement is None and quote.statement_set_by_editor
    assert quote.text == "The bridge opens in May,"
    assert fresh(newsroom.statements.bridge).quote_count == 2


def test_it_merges_speakers_losing_nothing(newsroom):
    mayor, engineer = newsroom.speakers.mayor, newsroom.speakers.engineer

    result = editing.merge_speakers(mayor, [engineer])

    assert result == editing.MergeResult(
        speakers_removed=1, aliases_moved=2, quotes_moved=1, statements_moved=1
    )
    assert not Speaker.objects.filter(pk=engineer.pk).exists()
    assert set(mayor.aliases.values_list("alias", flat=True)) == {
        "Ms Brightwater",
        "Mr Stone",
        "Olu Stone",
    }
    assert fresh(newsroom.quotes.valley_budget).speaker == mayor
    assert fresh(newsroom.quotes.valley_budget).speaker_method == "explicit"
    assert fresh(newsroom.statements.budget).speaker == mayor
    assert fresh(mayor).edited_by_editor


def test_it_merges_without_duplicating_a_shared_alias(newsroom):
    mayor, engineer = newsroom.speakers.mayor, newsroom.speakers.engineer
    SpeakerAlias.objects.create(speaker=engineer, alias="Ms Brightwater")

    editing.merge_speakers(mayor, [engineer])

    assert mayor.aliases.filter(alias="Ms Brightwater").count() == 1


def test_it_takes_the_description_of_a_merged_speaker_when_it_has_none(newsroom):
    keep = Speaker.objects.create(name="A. Brightwater")

    editing.merge_speakers(keep, [newsroom.speakers.mayor])

    assert fresh(keep).description == "Mayor of Northport"
    assert fresh(newsroom.statements.bridge).speaker == keep


def test_it_refuses_to_merge_a_speaker_into_itself(newsroom):
    mayor = newsroom.speakers.mayor

    with pytest.raises(editing.EditError):
        editing.merge_speakers(mayor, [mayor])
    assert Speaker.objects.filter(pk=mayor.pk).exists()


def test_it_measures_drift_again_against_a_pinned_wording(newsroom):
    editing.pin_canonical(newsroom.quotes.again_bridge)

    assert fresh(newsroom.quotes.again_bridge).drift == "verbatim"
    assert fresh(newsroom.quotes.harbour_bridge).drift == "reworded"


def test_it_leaves_no_statement_behind_when_a_split_is_refused(newsroom):
    editing.mark_not_a_quote([newsroom.quotes.harbour_ready])

    with pytest.raises(editing.EditError):
        editing.split_quotes([newsroom.quotes.again_bridge, fresh(newsroom.quotes.harbour_ready)])

    assert not Statement.objects.filter(created_by_editor=True).exists()
    assert fresh(newsroom.quotes.again_bridge).statement == newsroom.statements.bridge


def test_it_merges_statements_into_the_one_kept(newsroom):
    bridge, budget = newsroom.statements.bridge, newsroom.statements.budget
    editing.pin_canonical(newsroom.quotes.again_bridge)

    assert editing.merge_statements(bridge, [budget, bridge]) == 1

    assert not Statement.objects.filter(pk=budget.pk).exists()
    quote = fresh(newsroom.quotes.valley_budget)
    assert quote.statement == bridge and quote.statement_set_by_editor
    bridge = fresh(bridge)
    assert bridge.quote_count == 4 and bridge.canonical_text == "The bridge opens in May,"


def test_it_refuses_to_merge_a_statement_into_itself(newsroom):
    bridge = newsroom.statements.bridge

    with pytest.raises(editing.EditError):
        editing.merge_statements(bridge, [bridge])
    assert fresh(bridge).quote_count == 3
