"""quotes.text.meaning: each flag type and its hard negatives, on short passages written for the test."""

import pytest

from benchmarks.meaning_flags import PAIRS, load, score
from quotes.text.meaning import MeaningChange, meaning_changes


def kinds(canonical, variant, **options):
    return [
        (change.kind, change.canonical, change.variant)
        for change in meaning_changes(canonical, variant, **options)
    ]


def test_it_flags_a_dropped_negation_with_its_word():
    assert kinds("We will not close the port.", "We will close the port.") == [
        ("negation_dropped", "not", "")
    ]


def test_it_flags_an_added_contracted_negation_beside_a_kept_one():
    assert kinds("The road is open and will not close.", "The road isn't open and will not close.") == [
        ("negation_added", "", "isn't")
    ]


@pytest.mark.parametrize(
    ("canonical", "variant"),
    [
        ("We do not accept the offer.", "We don't accept the offer."),
        ("We will not leave.", "We won't leave."),
        ("We did not see any change.", "We saw no change."),
        ("This is not only a risk but a cost.", "This is a risk and a cost."),
    ],
)
def test_contractions_and_rewordings_keep_the_negation(canonical, variant):
    assert kinds(canonical, variant) == []


def test_cutting_the_end_of_a_sentence_is_no_flag_but_cutting_not_from_its_middle_is():
    canonical = "We are ready to talk, but we will never give up the valley."
    assert kinds(canonical, "We are ready to talk.") == []
    assert kinds("Our ships will not enter the bay this month.", "Our ships will enter the bay") == [
        ("negation_dropped", "not", "")
    ]


def test_it_flags_a_changed_number_and_reads_number_words_and_units():
    assert kinds("We sent 40 trucks.", "We sent 14 trucks.") == [("number_changed", "40", "14")]
    assert kinds("We sent forty trucks.", "We sent 40 trucks.") == []
    assert kinds("Prices rose 5 percent.", "Prices rose 5%.") == []
    assert kinds("It costs 1.5 billion euros.", "It costs €1.5bn.") == []


def test_it_flags_a_changed_month_but_not_the_modal_may():
    assert kinds("The vote is in June.", "The vote is in July.") == [("number_changed", "June", "July")]
    assert kinds("We may need more time.", "We might need more time.") == []


def test_it_flags_a_dropped_or_changed_hedge_by_class():
    assert kinds("The dam is probably safe.", "The dam is safe.") == [("hedge_dropped", "probably", "")]
    assert kinds("The strike may start soon.", "The strike will start soon.") == [
        ("hedge_changed", "may", "will")
    ]
    assert kinds("Perhaps we should wait.", "Maybe we should wait.") == []


def test_a_hedge_moved_to_the_start_is_not_added():
    assert kinds("The talks will go on, of course.", "Of course, the talks will go on.") == []


def test_reported_speech_backshift_is_no_hedge_change():
    assert kinds("We will rebuild the school.", "they would rebuild the school", reported=True) == []


def test_it_flags_a_replaced_name_and_matches_titles_and_acronyms():
    assert kinds("The talks in Geneva were useful.", "The talks in Vienna were useful.") == [
        ("entity_replaced", "Geneva", "Vienna")
    ]
    assert kinds("President Macron will visit.", "Emmanuel Macron will visit.") == []
    assert kinds("The European Union will respond.", "The EU will respond.") == []


def test_it_flags_names_swapped_in_role_from_the_words_governing_them():
    flags = kinds(
        "The rebels will march on Tarsa from Velmor.", "The rebels will march from Tarsa to Velmor."
    )
    assert flags == [("roles_swapped", "Tarsa, Velmor", "Tarsa, Velmor")]
    assert [kind for kind, *_ in kinds("Spain beat Italy.", "Italy beat Spain.")] == ["roles_swapped"]


@pytest.mark.parametrize(
    ("canonical", "variant"),
    [
        ("France and Germany signed the treaty.", "Germany and France signed the treaty."),
        ("Goods go from Rotterdam to Hamburg.", "Goods go to Hamburg from Rotterdam."),
        ("Russia attacked Georgia.", "Georgia was attacked by Russia."),
    ],
)
def test_reordering_that_keeps_roles_is_no_swap(canonical, variant):
    assert kinds(canonical, variant) == []


def test_it_flags_a_changed_quantifier_but_not_a_synonymous_intensifier():
    assert kinds("Some villages were evacuated.", "All villages were evacuated.") == [
        ("quantifier_changed", "Some", "All")
    ]
    assert kinds("The attack caused massive damage.", "The attack caused huge damage.") == []
    assert kinds("The damage is minor.", "The damage is massive.") == [
        ("quantifier_changed", "minor", "massive")
    ]


def test_it_flags_another_speaker_but_not_the_same_one_with_a_title():
    text = "The border stays open."
    assert kinds(text, text, canonical_speaker="Maria Lopez", variant_speaker="Ana Ruiz") == [
        ("speaker_changed", "Maria Lopez", "Ana Ruiz")
    ]
    assert kinds(text, text, canonical_speaker="Dr Ana Ruiz", variant_speaker="Ana Ruiz") == []
    assert kinds(text, text, canonical_speaker="Ana Ruiz", variant_speaker=None) == []


def test_a_change_is_a_frozen_value_with_its_family():
    change = meaning_changes("We will not go.", "We will go.")[0]
    assert change == MeaningChange("negation_dropped", "not", "")
    assert change.family == "negation"
    with pytest.raises(AttributeError):
        change.kind = "other"  # type: ignore[misc]


def test_the_labelled_pairs_score_at_least_the_measured_figures():
    # Measured on 221 pairs with the parser as extraction loads it (NER off): precision 1.00
    # per type but names 0.94 ("Russia's forces" for "Russian forces" reads as a name added),
    # recall 1.00. The floor is the target for precision, 0.9.
    tallies, errors = score(load(PAIRS))
    for family, tally in tallies.items():
        assert tally.precision >= 0.9, (family, errors)
        assert tally.recall >= 0.95, (family, errors)


def test_a_negation_added_mid_sentence_counts_though_the_cut_end_has_another():
    canonical = "We will reopen the harbour before the storms, and not a day later."
    assert kinds(canonical, "We will not reopen the harbour before the storms.") == [
        ("negation_added", "", "not")
    ]


# ---- hard negatives read on the seeds, in other words ---------------------------------


def test_will_as_a_noun_is_no_modal():
    assert (
        kinds("The mayor has shown will to close the road.", "The mayor has shown resolve to close the road.")
        == []
    )
    assert kinds("The mayor will close the road.", "The mayor closes the road.") == [
        ("hedge_dropped", "will", "")
    ]


@pytest.mark.parametrize(
    ("canonical", "variant"),
    [
        ("The roof needs some more repairs before winter.", "The roof needs more repairs before winter."),
        ("If there is some kind of truce, the market opens.", "If there is a truce, the market opens."),
        ("We want some sort of answer from the board.", "We want an answer from the board."),
    ],
)
def test_some_counts_only_as_the_determiner_of_a_noun(canonical, variant):
    assert kinds(canonical, variant) == []


def test_today_and_at_the_moment_are_the_same_time():
    assert (
        kinds(
            "What we hear today is that the mill stays open.",
            "What we hear at the moment is that the mill stays open.",
        )
        == []
    )


def test_a_modality_change_with_a_moved_hedge_is_one_change_naming_both_words():
    assert kinds("The plan may, of course, fail however.", "Of course the plan can fail.") == [
        ("hedge_changed", "may", "can")
    ]


def test_will_printed_as_an_infinitive_after_expect_keeps_the_future():
    assert (
        kinds(
            "These are the delays that we expect will come before the harvest.",
            "These are the delays we expect to come before the harvest.",
        )
        == []
    )


def test_a_whole_clause_cut_from_the_middle_is_trimming_but_a_cut_word_is_not():
    canonical = "The pitch is wet, and we don't think the match will start, but the fans are already here."
    assert kinds(canonical, "The pitch is wet, but the fans are already here.") == []
    assert kinds(
        "The pitch is wet, and we don't think the match will start.",
        "The pitch is wet, and we think the match will start.",
    ) == [("negation_dropped", "don't", "")]


def test_a_phrase_printed_twice_aligns_beside_the_rest_of_the_variant():
    canonical = (
        "What we hear in the city is no end of the strike, but in fact what we hear is that "
        "the drivers are joining the pickets."
    )
    assert kinds(canonical, "In fact what we hear is drivers are joining the pickets.") == []


def test_a_weakening_hedge_cut_from_the_start_is_dropped_but_a_cut_of_course_is_not():
    assert kinds("Perhaps the ferry can sail at noon.", "The ferry can sail at noon.") == [
        ("hedge_dropped", "Perhaps", "")
    ]
    assert kinds("Of course the ferry can sail at noon.", "The ferry can sail at noon.") == []


def test_some_standing_for_a_noun_is_a_quantifier():
    assert kinds("Some say the bridge is unsafe.", "Everyone says the bridge is unsafe.") == [
        ("quantifier_changed", "Some", "Everyone")
    ]


def test_a_variant_printing_more_of_the_passage_adds_context_not_changes():
    assert (
        kinds("We will rebuild the school.", "We will rebuild the school, but not before the rains in May.")
        == []
    )
    assert kinds("We will rebuild the school.", "We will not rebuild the school.") == [
        ("negation_added", "", "not")
    ]


def test_the_same_words_are_not_parsed_and_can_change_only_the_speaker(monkeypatch):
    monkeypatch.setattr("quotes.text.meaning.parsed", None)  # any parse would fail
    assert kinds("The dam opens in May.", "the dam opens in May") == []
    assert kinds(
        "We will not wait.", "We will not wait!", canonical_speaker="Ana Ruiz", variant_speaker="Ben Cole"
    ) == [("speaker_changed", "Ana Ruiz", "Ben Cole")]


def test_a_change_is_stored_as_a_plain_record_and_read_back():
    from quotes.text.meaning import from_records

    change = MeaningChange("number_changed", "40", "14")
    assert change.as_record() == {"kind": "number_changed", "canonical": "40", "variant": "14"}
    records = [change.as_record(), {"kind": "no_such_kind", "canonical": "", "variant": ""}, "not a record"]
    assert from_records(records) == [change]
