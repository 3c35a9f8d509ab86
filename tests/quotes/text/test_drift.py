"""Drift of a variant against its Statement's canonical wording, on crafted pairs."""

import dataclasses

import numpy as np
import pytest

from quotes.models import Quote
from quotes.text.drift import DiffOp, measure, word_diff

CANONICAL = "We are ready to talk, but we will not trade away the security of our allies."


def test_it_calls_an_identical_variant_verbatim():
    drift = measure(
        CANONICAL, "We are ready to talk, but we will not trade away the  security of our allies."
    )
    assert drift.drift_class == Quote.Drift.VERBATIM
    assert drift.lexical_similarity == 1.0
    assert [op.op for op in drift.ops] == ["equal"]


def test_it_treats_typographic_apostrophes_as_verbatim():
    drift = measure("It’s a crisis — a real one.", "It's a crisis - a real one.")
    assert drift.drift_class == Quote.Drift.VERBATIM


def test_it_calls_a_change_of_punctuation_or_case_punctuation_only():
    drift = measure(CANONICAL, "we are ready to talk but we will not trade away the security of our allies")
    assert drift.drift_class == Quote.Drift.PUNCTUATION
    assert drift.lexical_similarity == 1.0


def test_it_calls_an_ordered_subset_trimmed():
    drift = measure(CANONICAL, "We are ready to talk, but we will not trade away security.")
    assert drift.drift_class == Quote.Drift.TRIMMED
    assert 0 < drift.lexical_similarity < 1
    assert DiffOp("delete", "the", "") in drift.ops
    assert DiffOp("delete", "of our allies.", "") in drift.ops


def test_it_calls_changed_words_reworded():
    drift = measure(
        CANONICAL, "We are prepared to talk, but we shall not trade away the security of our allies."
    )
    assert drift.drift_class == Quote.Drift.REWORDED
    assert DiffOp("replace", "ready", "prepared") in drift.ops
    assert DiffOp("replace", "will", "shall") in drift.ops


def test_it_calls_a_variant_that_adds_words_reworded():
    drift = measure("We are ready to talk.", "We are ready to talk tomorrow.")
    assert drift.drift_class == Quote.Drift.REWORDED
    assert drift.ops[-1] == DiffOp("insert", "", "tomorrow.")


def test_it_calls_a_short_fragment_a_fragment():
    drift = measure(CANONICAL, "not trade away the security", variant_kind="fragment")
    assert drift.drift_class == Quote.Drift.FRAGMENT
    assert drift.ops[0].op == "delete"


def test_it_calls_reported_speech_a_paraphrase_whatever_words_it_shares():
    for variant in ("He said they would not trade away the security of allies", CANONICAL):
        assert measure(CANONICAL, variant, variant_kind="indirect").drift_class == Quote.Drift.PARAPHRASE


def test_it_calls_a_full_sentence_variant_trimmed_not_fragment():
    drift = measure(CANONICAL, "We will not trade away the security of our allies.")
    assert drift.drift_class == Quote.Drift.TRIMMED


def test_it_keeps_every_word_of_both_sides_in_the_diff():
    variant = "Frankly, we are ready to talk but we won't trade our allies' security."
    ops = word_diff(CANONICAL, variant)
    assert " ".join(op.canonical for op in ops if op.canonical) == CANONICAL
    assert " ".join(op.variant for op in ops if op.variant) == variant
    assert {op.op for op in ops} <= {"equal", "delete", "insert", "replace"}


def test_it_serialises_the_diff_as_plain_dicts():
    drift = measure("one two three", "one three")
    assert [dataclasses.asdict(op) for op in drift.ops] == [
        {"op": "equal", "canonical": "one", "variant": "one"},
        {"op": "delete", "canonical": "two", "variant": ""},
        {"op": "equal", "canonical": "three", "variant": "three"},
    ]


def test_it_reports_embedding_similarity_only_when_both_vectors_are_given():
    a = np.array([1.0, 0.0], dtype=np.float32)
    b = np.array([0.6, 0.8], dtype=np.float32)
    assert measure("a b", "a c").embedding_similarity is None
    assert measure("a b", "a c", canonical_vector=a, variant_vector=b).embedding_similarity == pytest.approx(
        0.6
    )


LONG = (
    "Of course the harbour can reopen, but what we find on the quays is no return of ships and cranes, "
    "cargo, and what we find is that the port is still closed."
)


def test_it_calls_a_near_complete_ordered_subset_trimmed():
    # Every word the canonical prints, one joining word ("and") moved: a reader sees a trim.
    drift = measure(LONG, "What we find on the quays is no return of ships, cranes and cargo.")
    assert drift.drift_class == Quote.Drift.TRIMMED


def test_a_moved_content_word_is_still_reworded():
    drift = measure(LONG, "What we find on the quays is no return of cranes and ships, cargo.")
    assert drift.drift_class == Quote.Drift.REWORDED


def test_a_near_subset_that_adds_a_word_is_still_reworded():
    drift = measure(LONG, "What we find on the quays is no return of ships, cranes and new cargo.")
    assert drift.drift_class == Quote.Drift.REWORDED


def test_a_short_variant_must_be_an_exact_ordered_subset_to_be_trimmed():
    # "Ships and cranes" reordered in a short variant: too little left to call it a trim.
    drift = measure("We saw ships and cranes in the port.", "We saw cranes and ships.")
    assert drift.drift_class == Quote.Drift.REWORDED
