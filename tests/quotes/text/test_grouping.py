"""Placing quotes in Statements from vectors and words (quotes.text.grouping, no database)."""

import numpy as np
import pytest

from quotes.text.grouping import (
    Neighbours,
    NewStatement,
    Placement,
    QuoteItem,
    Thresholds,
    WordIndex,
    canonical_quote,
    hostable,
    in_placing_order,
    place,
    statement_speaker,
)

DIMENSIONS = 4


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def quote(
    id,
    text,
    article,
    vector,
    kind="full",
    speaker=None,
    strong=False,
    outlet=None,
    quotation=None,
    sentence=0,
):
    return QuoteItem(
        id=id,
        text=text,
        kind=kind,
        article=article,
        outlet=article if outlet is None else outlet,
        vector=vector,
        speaker=speaker,
        strong_speaker=strong,
        quotation=id if quotation is None else quotation,
        sentence=sentence,
    )


@pytest.fixture
def thresholds():
    return Thresholds()


def groups(decided):
    by_key = {}
    for pk, key in decided.items():
        by_key.setdefault(key, set()).add(pk)
    return sorted(sorted(ids) for ids in by_key.values())


FULL = "We will keep the border crossings open for every family that needs them."
NORTH, EAST, SOUTH = unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 0)


def test_it_joins_near_verbatim_copies_whatever_the_embedding_says(thresholds):
    decided = place(
        {},
        [quote(1, FULL, 1, NORTH), quote(2, FULL.replace("every", "each").lower(), 2, EAST)],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2]]


def test_it_joins_a_trimmed_sentence_to_its_full_version(thresholds):
    decided = place(
        {},
        [quote(1, FULL, 1, NORTH), quote(2, "keep the border crossings open for every family", 2, EAST)],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2]]


def test_it_joins_a_rewording_the_embedding_recognises(thresholds):
    decided = place(
        {},
        [
            quote(1, FULL, 1, NORTH),
            quote(2, "Families who need the frontier posts will find them open.", 2, unit(1, 0.1, 0, 0)),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2]]


def test_it_keeps_different_sentences_of_one_topic_apart(thresholds):
    decided = place(
        {},
        [
            quote(1, FULL, 1, NORTH),
            quote(2, "The crossings have been a lifeline for the villages.", 2, unit(1, 0.8, 0, 0)),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1], [2]]


def test_it_does_not_join_two_sentences_of_one_article_on_embedding_alone(thresholds):
    decided = place(
        {},
        [
            quote(1, FULL, 1, NORTH),
            quote(2, "Families who need the frontier posts will find them open.", 1, NORTH),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1], [2]]


def test_it_joins_a_misattributed_copy_across_speakers(thresholds):
    decided = place(
        {},
        [
            quote(1, FULL, 1, NORTH, speaker=10, strong=True),
            quote(2, FULL, 2, NORTH, speaker=20, strong=True),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2]]


def test_it_keeps_similar_words_of_two_named_speakers_apart(thresholds):
    decided = place(
        {},
        [
            quote(1, FULL, 1, NORTH, speaker=10, strong=True),
            quote(2, "Border crossings must stay open for the families.", 2, NORTH, speaker=20, strong=True),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1], [2]]


def test_it_hosts_a_fragment_in_the_sentence_that_contains_it(thresholds):
    decided = place(
        {},
        [
            quote(1, "every family that needs them", 1, SOUTH, kind="fragment"),
            quote(2, FULL, 2, NORTH),
            quote(3, "The river is rising fast.", 3, EAST),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert decided[1] == decided[2] != decided[3]


def test_it_does_not_host_a_short_fragment_in_another_speakers_sentence(thresholds):
    decided = place(
        {},
        [
            quote(1, "a high price", 1, SOUTH, kind="fragment", speaker=10),
            quote(2, "Any aggression will carry a high price.", 2, NORTH, speaker=20),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert decided[1] != decided[2]


def test_it_groups_unhosted_fragments_with_the_same_words(thresholds):
    decided = place(
        {},
        [
            quote(1, "a lifeline", 1, SOUTH, kind="fragment"),
            quote(2, "A lifeline", 2, SOUTH, kind="fragment"),
            quote(3, "a deadline", 3, SOUTH, kind="fragment"),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2], [3]]


def test_it_places_new_quotes_in_existing_statements(thresholds):
    placed = {7: [quote(1, FULL, 1, NORTH)]}
    decided = place(
        placed,
        [quote(2, FULL, 2, NORTH), quote(3, "Something else entirely.", 3, EAST)],
        thresholds,
        DIMENSIONS,
    )
    assert decided == {2: 7, 3: NewStatement(3)}


def test_it_gives_the_same_groups_incrementally_as_all_at_once(thresholds):
    rng = np.random.default_rng(3)
    texts = [
        FULL,
        FULL.lower(),
        "The river is rising fast.",
        "The river rises fast.",
        "We signed the accord this morning in the capital.",
        "keep the border crossings open",
    ]
    quotes = [
        quote(i + 1, texts[i % len(texts)], i % 4, unit(*rng.normal(size=DIMENSIONS))) for i in range(24)
    ]
    at_once = place({}, quotes, thresholds, DIMENSIONS)
    first = place({}, quotes[:10], thresholds, DIMENSIONS)
    placed = {}
    for q in quotes[:10]:
        placed.setdefault(first[q.id], []).append(q)
    then = place(placed, quotes[10:], thresholds, DIMENSIONS)
    assert groups(at_once) == groups(first | then)


def speech(article, first_id, sentences):
    """One article's quotes, one quotation, sentences in reading order: (text, vector) pairs."""
    return [
        quote(first_id + i, text, article, vector, quotation=1, sentence=i)
        for i, (text, vector) in enumerate(sentences)
    ]


OPENING = ("We will keep the border crossings open for every family that needs them.", NORTH)
CLOSING = ("The talks resume in Geneva on Monday morning with both delegations.", EAST)
FLOOD = "The floodwater has reached the lower town and the bridge is closed to traffic."
LOOSE = "Water came to the low city, the crossing is shut for cars."
LOOSE_VECTOR = unit(0, 0.3, 1, 1.3)  # cosine 0.6 with FLOOD's, too far for the other rules


def test_it_joins_a_loose_translation_that_sits_where_its_original_does(thresholds):
    original = speech(1, 1, [OPENING, (FLOOD, unit(0, 0, 1, 0)), CLOSING])
    translated = speech(2, 11, [OPENING, (LOOSE, LOOSE_VECTOR), CLOSING])
    decided = place({}, original + translated, thresholds, DIMENSIONS)
    assert groups(decided) == [[1, 11], [2, 12], [3, 13]]


def test_it_keeps_the_loose_translation_apart_without_matching_quotes_around_it(thresholds):
    original = speech(1, 1, [OPENING, (FLOOD, unit(0, 0, 1, 0)), CLOSING])
    alone = speech(2, 11, [(LOOSE, LOOSE_VECTOR)])
    decided = place({}, original + alone, thresholds, DIMENSIONS)
    assert decided[11] == NewStatement(11)


def test_it_keeps_apart_a_quote_that_is_not_clearly_the_closest_in_its_gap(thresholds):
    rival = ("The bridge will be closed to traffic until the water falls.", unit(1, 0, 0, 1))
    original = speech(1, 1, [OPENING, (FLOOD, unit(0, 0, 1, 0)), rival, CLOSING])
    translated = speech(2, 11, [OPENING, (LOOSE, LOOSE_VECTOR), CLOSING])
    decided = place({}, original + translated, thresholds, DIMENSIONS)
    assert decided[12] == NewStatement(12)


def test_it_gives_the_statement_the_speaker_most_outlets_name():
    members = [
        quote(1, FULL, 1, NORTH, speaker=10, strong=True),
        quote(2, FULL, 2, NORTH, speaker=20, strong=True),
        quote(3, FULL, 3, NORTH, speaker=20, strong=True),
        quote(4, FULL, 4, NORTH, speaker=30),
    ]
    verdict = statement_speaker(members)
    assert verdict.speaker == 20
    assert verdict.has_conflict


def test_it_lets_weak_attributions_decide_only_when_nothing_is_explicit():
    weak_only = [
        quote(1, FULL, 1, NORTH, speaker=30),
        quote(2, FULL, 2, NORTH, speaker=30),
        quote(3, FULL, 3, NORTH, speaker=10),
    ]
    assert statement_speaker(weak_only).speaker == 30
    assert not statement_speaker(weak_only).has_conflict
    with_one_explicit = [*weak_only, quote(4, FULL, 4, NORTH, speaker=10, strong=True)]
    assert statement_speaker(with_one_explicit).speaker == 10


def test_it_keeps_the_speaker_an_editor_set_and_flags_a_disagreeing_cue():
    members = [quote(1, FULL, 1, NORTH, speaker=10, strong=True)]
    assert statement_speaker(members, editor_speaker=20) == statement_speaker(members, 20)
    assert statement_speaker(members, editor_speaker=20).speaker == 20
    assert statement_speaker(members, editor_speaker=20).has_conflict


def test_it_picks_the_full_wording_over_copies_trimmed_in_different_ways_as_canonical():
    members = [
        quote(1, "We will keep the border crossings open", 1, NORTH),
        quote(2, "keep the border crossings open for every family", 2, NORTH),
        quote(3, FULL, 3, NORTH),
        quote(4, "border crossings", 4, NORTH, kind="fragment"),
    ]
    assert canonical_quote(members).id == 3


def test_it_picks_the_wording_most_outlets_printed_as_canonical():
    members = [
        quote(1, "We will act now.", 1, NORTH),
        quote(2, "We shall act at once.", 2, NORTH),
        quote(3, "We shall act at once.", 3, NORTH),
    ]
    assert canonical_quote(members).id == 2


def unit_rows(rows, seed):
    vectors = np.random.default_rng(seed).standard_normal((rows, 384)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_the_neighbour_search_returns_only_vectors_at_or_above_the_floor():
    stored = unit_rows(400, seed=5)
    query = stored[:3] + 0.5 * stored[3:6]
    query /= np.linalg.norm(query, axis=1, keepdims=True)
    neighbours = Neighbours(384)
    for start in range(0, 400, 50):
        neighbours.add(list(range(100 + start, 150 + start)), stored[start : start + 50])
    assert neighbours.search(query, k=8, floor=0.5) == [[100], [101], [102]]
    assert neighbours.search(query, k=2) == [[100, 103], [101, 104], [102, 105]]


@pytest.mark.parametrize("batch", [1, 30, 250], ids=["one by one", "in batches", "more than the window"])
def test_the_neighbour_search_looks_only_at_the_last_window_of_vectors(batch):
    stored = unit_rows(400, seed=7)
    neighbours = Neighbours(384, window=100)
    for start in range(0, 400, batch):
        neighbours.add(list(range(start, min(400, start + batch))), stored[start : start + batch])
    assert neighbours.search(stored[299:300], k=1) != [[299]]
    assert neighbours.search(stored[300:301], k=1) == [[300]]
    assert neighbours.search(stored[399:400], k=1) == [[399]]
    assert neighbours.size == 400


def test_it_indexes_the_vector_of_a_verbatim_copy_once(thresholds):
    copies = [
        quote(1, FULL, 1, NORTH),
        quote(2, FULL, 2, NORTH),
        quote(3, FULL, 3, NORTH),
        quote(4, "The river is rising fast.", 4, EAST),
    ]
    placement = Placement({}, copies, thresholds, DIMENSIONS)
    full, _ = in_placing_order(copies)
    placement.place_full(full)
    assert groups(placement.result) == [[1, 2, 3], [4]]
    assert placement.neighbours.size == 2


def test_it_looks_for_the_host_of_a_common_phrase_among_sentences_placed_near_it():
    index = WordIndex(max_postings=4)
    for position in range(10):
        index.add(position, ["the", "water", "rises"] if position % 2 else ["the", "water"])
    assert index.holding_candidates(["water", "rises"], near=6) == [3, 5, 7, 9]
    assert index.holding_candidates(["the", "water"], near=6) == [4, 5, 6, 7]
    assert index.holding_candidates(["the", "flood"], near=6) == []


REPORTED = "She said the border crossings would stay open for families in need."
NEAR_NORTH = unit(1, 0.5, 0, 0)  # cosine 0.89 with NORTH


def test_reported_speech_joins_the_statement_it_paraphrases(thresholds):
    decided = place(
        {},
        [quote(1, FULL, 1, NORTH, speaker=7), quote(2, REPORTED, 2, NEAR_NORTH, kind="indirect", speaker=7)],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1, 2]]


@pytest.mark.parametrize(
    "text, vector, speaker",
    [
        ("She said the harbour would reopen after the storm warning was lifted.", NEAR_NORTH, 7),
        (REPORTED, unit(1, 0.9, 0, 0), 7),  # cosine 0.74, sharing 3 of 7 content words
        ("She said they stay open.", NEAR_NORTH, 7),
        (REPORTED, NEAR_NORTH, 8),
    ],
    ids=["other words", "vectors too far", "too few content words", "another speaker"],
)
def test_reported_speech_otherwise_stays_alone(thresholds, text, vector, speaker):
    decided = place(
        {},
        [quote(1, FULL, 1, NORTH, speaker=7), quote(2, text, 2, vector, kind="indirect", speaker=speaker)],
        thresholds,
        DIMENSIONS,
    )
    assert groups(decided) == [[1], [2]]


def test_reported_speech_neither_bridges_statements_nor_hosts_fragments(thresholds):
    """Quotes close to the reported row but not to each other stay apart; a fragment
    only the reported row holds finds no host."""
    decided = place(
        {},
        [
            quote(1, REPORTED, 1, NORTH, kind="indirect"),
            quote(2, FULL, 2, NEAR_NORTH),
            quote(
                3, "Families in need will find the crossings open, the agency said.", 3, unit(1, -0.5, 0, 0)
            ),
            quote(4, "stay open for families", 4, NORTH, kind="fragment"),
        ],
        thresholds,
        DIMENSIONS,
    )
    assert [2, 3] not in groups(decided) and [1, 2, 3] not in groups(decided)
    assert [4] in groups(decided)


def test_placed_reported_speech_is_no_member_a_new_quote_can_join(thresholds):
    placed = {10: [quote(1, FULL, 1, NORTH), quote(2, REPORTED, 2, NEAR_NORTH, kind="indirect")]}
    decided = place(placed, [quote(3, REPORTED, 3, EAST)], thresholds, DIMENSIONS)
    assert decided == {3: NewStatement(3)}  # the same words as the reported row, nothing like the quote


def test_the_canonical_wording_is_never_reported_speech_while_a_quote_is_there():
    members = [quote(1, REPORTED, 1, NORTH, kind="indirect"), quote(2, FULL, 2, NORTH)]
    assert canonical_quote(members).id == 2


def test_only_a_new_full_sentence_that_may_take_in_a_lone_quote_brings_it_back(thresholds):
    lone = [
        quote(1, "crossings open for every family", 1, EAST, kind="fragment"),
        quote(2, "the harbour stays closed", 2, SOUTH, kind="fragment"),
        quote(3, REPORTED, 3, NEAR_NORTH, kind="indirect"),
        quote(4, "She said the storm had passed.", 4, SOUTH, kind="indirect"),
    ]
    assert [q.id for q in hostable(lone, [quote(5, FULL, 5, NORTH)], thresholds)] == [1, 3]
    assert hostable(lone, [], thresholds) == []
