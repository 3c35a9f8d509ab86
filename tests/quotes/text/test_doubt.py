"""The review queue's reasons and score, on evidence written for the tests."""

from dataclasses import replace

import pytest

from quotes.text.doubt import (
    REASONS,
    Evidence,
    Weights,
    reads_as_name,
    reasons,
    repeats,
    score,
    sentence_around,
    word_bag,
)

BODY = (
    "Harbour talks end\n"
    "The mayor, Ada Brightwater, spoke on Monday. Her deputy, Tom Brightwater, was absent.\n"
    "Olu Stone, the city engineer, disagreed."
)
CLEAN = Evidence(
    kind="full",
    method="explicit",
    confidence=0.95,
    speaker="Ada Brightwater",
    names=("Ada Brightwater", "Brightwater"),
    mention="Ada Brightwater",
    paragraph="The mayor, Ada Brightwater, spoke on Monday.",
    sentence="The mayor, Ada Brightwater, spoke on Monday.",
    body=BODY,
    step="adjacent",
)
CASES = {
    "no-speaker": replace(CLEAN, speaker=None, method="none", confidence=0.0),
    "no-source": replace(CLEAN, speaker=None, method="none", confidence=0.0, mention=""),
    "speakerless-run": replace(CLEAN, speaker=None, method="none", confidence=0.0, sentences=3),
    "unattributed-report": replace(CLEAN, kind="indirect", speaker=None, method="none", confidence=0.0),
    "low-confidence": replace(CLEAN, confidence=0.5),
    "role-noun": replace(CLEAN, method="role", confidence=0.85, kind="fragment"),
    "full-by-role": replace(CLEAN, method="role", confidence=0.85),
    "pronoun": replace(CLEAN, method="pronoun", confidence=0.85),
    "far-reference": replace(
        CLEAN, method="pronoun", confidence=0.85, paragraph="“It opens in May,” she said."
    ),
    "far-continuation": replace(CLEAN, method="continuation", confidence=0.75, paragraph="“It is ready.”"),
    "continuation-guess": replace(CLEAN, method="continuation", confidence=0.5),
    "cue-elsewhere": replace(CLEAN, mention="Ms Brightwater", paragraph="“It is ready.”"),
    "no-adjacent-cue": replace(CLEAN, step="parse"),
    "word-pattern": replace(CLEAN, step="words"),
    "cues-disagree": replace(CLEAN, step_doubts=("cues-disagree",)),
    "not-speech-verb": replace(CLEAN, kind="fragment", step="parse", step_doubts=("not-speech-verb",)),
    "second-hand": replace(CLEAN, sentence="Ada Brightwater said so, according to the Harbour Gazette."),
    "consensus": replace(CLEAN, method="consensus"),
    "conflict": replace(CLEAN, statement_conflict=True),
    "outlets-disagree": replace(CLEAN, other_outlets=("Olu Stone", None)),
    "organisation": replace(
        CLEAN, speaker="Harbour Board", speaker_kind="organisation", names=("Harbour Board",)
    ),
    "place-name": replace(CLEAN, speaker="Portugal", speaker_kind="organisation", names=("Portugal",)),
    "not-a-name": replace(CLEAN, speaker="Within Brightwater", names=("Within Brightwater", "Brightwater")),
    "surname-only": replace(CLEAN, speaker="Brightwater", names=("Brightwater",)),
    "shared-surname": replace(CLEAN, article_people=("Tom Brightwater",)),
    "other-person-near": replace(
        CLEAN, article_people=("Olu Stone",), paragraph="The mayor, Ada Brightwater, thanked Olu Stone."
    ),
    "repeated-by-another": replace(CLEAN, repeated_by=("Olu Stone",)),
    "not-in-article": replace(CLEAN, speaker="Ines Quarry", names=("Ines Quarry", "Quarry")),
    "fragment": replace(CLEAN, kind="fragment"),
}


def test_it_finds_no_reason_in_a_named_speaker_with_an_explicit_cue():
    assert reasons(CLEAN) == ()


def test_every_reason_has_a_case():
    assert set(CASES) == set(REASONS)


@pytest.mark.parametrize("code", CASES)
def test_it_gives_each_reason_when_its_evidence_holds(code):
    assert code in reasons(CASES[code])


@pytest.mark.parametrize("code", CASES)
def test_each_reason_ranks_a_quote_above_one_with_none(code):
    assert score(reasons(CASES[code])) > score(reasons(CLEAN))


def test_more_reasons_never_lower_the_score():
    two = score(("surname-only", "fragment"))

    assert two > score(("surname-only",)) and two > score(("fragment",))


def test_a_quotation_of_several_sentences_with_no_speaker_ranks_above_a_lone_sentence():
    lone = CASES["no-speaker"]
    run = replace(lone, sentences=2)

    assert "speakerless-run" not in reasons(lone)
    assert score(reasons(run)) > score(reasons(lone))


def test_reported_speech_with_no_speaker_is_no_speakerless_run():
    report = replace(CASES["unattributed-report"], sentences=3)

    assert "speakerless-run" not in reasons(report)


def test_a_full_sentence_from_a_role_noun_ranks_above_a_fragment_or_a_report_from_one():
    full = CASES["full-by-role"]
    fragment = replace(full, kind="fragment")
    report = replace(full, kind="indirect")

    assert "full-by-role" not in reasons(fragment) + reasons(report)
    assert score(reasons(full)) > score(reasons(fragment)) > score(reasons(report))


def test_a_speaker_from_a_word_pattern_ranks_above_one_from_the_grammar_above_one_right_after_the_quote():
    after_quote, grammar, pattern = (replace(CLEAN, step=step) for step in ("adjacent", "parse", "words"))

    assert score(reasons(pattern)) > score(reasons(grammar)) > score(reasons(after_quote))


def test_a_speaker_another_step_disputes_ranks_above_one_they_confirm():
    disputed = replace(CLEAN, step="parse", step_doubts=("cues-disagree",))

    assert score(reasons(disputed)) > score(reasons(replace(CLEAN, step="parse")))


def test_a_fragment_hung_on_a_verb_that_says_nothing_ranks_above_one_hung_on_a_speech_verb():
    spoken = replace(CLEAN, kind="fragment", step="parse")
    hung = replace(spoken, step_doubts=("not-speech-verb",))

    assert score(reasons(hung)) > score(reasons(spoken))


def test_a_speaker_the_other_outlets_gave_carries_no_reason_from_the_steps_that_found_another():
    consensus = replace(CASES["cues-disagree"], method="consensus", step="words")

    assert not {"no-adjacent-cue", "word-pattern", "cues-disagree"} & set(reasons(consensus))


def test_words_the_article_repeats_only_with_this_speaker_or_with_none_are_no_reason():
    for speakers in (("Ada Brightwater",), (None,), ()):
        assert "repeated-by-another" not in reasons(replace(CLEAN, repeated_by=speakers))


def test_words_the_article_gives_to_another_speaker_doubt_a_quote_with_no_speaker_too():
    assert "repeated-by-another" in reasons(replace(CASES["no-speaker"], repeated_by=(None, "Olu Stone")))


@pytest.mark.parametrize(
    "whole, part, expected",
    [
        ("And I’m just not quite there yet.", "not quite there yet", True),
        ("“The bridge will open in May,” she said.", "The bridge will open in June.", True),
        ("not quite there yet", "And I’m just not quite there yet.", False),
        ("The bridge will open in May.", "The tunnel may close in June.", False),
        ("No, no, no.", "No, no.", False),
    ],
)
def test_a_quote_repeats_another_when_it_holds_most_of_its_words_and_they_are_at_least_three(
    whole, part, expected
):
    assert repeats(word_bag(whole), word_bag(part)) is expected


def test_the_score_follows_the_weights():
    weights = Weights(bias=0.0, floor=0.0, weights={"fragment": 2.0, "pronoun": 1.0})

    assert score(("fragment",), weights) > score(("pronoun",), weights) > score((), weights) == 0.5


def test_no_reason_code_holds_another():
    assert not [(a, b) for a in REASONS for b in REASONS if a != b and a in b]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ada Brightwater", True),
        ("AP", True),
        ("candidate Ada Brightwater", False),
        ("Many", False),
        ("Reportedly Stone", False),
        ("Fran§ois Stone", False),
        ("17-year-old Jo Park", False),
    ],
)
def test_it_tells_what_reads_as_a_name(name, expected):
    assert reads_as_name(name) is expected


def test_a_first_word_the_article_prints_in_lower_case_is_no_name():
    assert not reads_as_name("Understated Stone", "He gave an understated reply.")


def test_a_source_read_but_naming_nobody_is_not_a_missing_source():
    unnamed = replace(CASES["no-speaker"], mention="a spokesman")

    assert "no-speaker" in reasons(unnamed) and "no-source" not in reasons(unnamed)


def test_the_sentence_around_a_quote_runs_from_the_last_sentence_end_to_the_next():
    before = "The talks ended. Ada Brightwater called it “"
    after = "” on Monday. Olu Stone disagreed."

    assert sentence_around(before, after) == "Ada Brightwater called it “ ” on Monday"
