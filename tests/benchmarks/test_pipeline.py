"""The pipeline benchmark: a seeded synthetic corpus and a printout of measured figures."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from benchmarks.corpus import KINDS, build, synthetic_vectors, vocabulary
from benchmarks.pipeline import pair_scores
from quotes.text import embedding as embed

WORDS = [
    "river",
    "border",
    "treaty",
    "water",
    "farmers",
    "summer",
    "talks",
    "budget",
    "winter",
    "allies",
    "council",
    "village",
    "harbour",
    "inspectors",
    "accord",
    "pipeline",
]


def test_it_builds_the_same_corpus_from_the_same_seed():
    assert build(200, WORDS, seed=5) == build(200, WORDS, seed=5)
    assert build(200, WORDS, seed=5) != build(200, WORDS, seed=6)


def test_it_builds_statements_printed_by_several_outlets_in_several_ways():
    corpus = build(2000, WORDS, seed=1)
    assert [q.id for q in corpus] == list(range(1, 2001))
    assert {q.variant for q in corpus} == set(KINDS)
    assert any(q.parent is not None for q in corpus)
    assert [q.day for q in corpus] == sorted(q.day for q in corpus)
    outlets_per_statement = {}
    for q in corpus:
        outlets_per_statement.setdefault(q.statement, set()).add(q.outlet)
    assert max(map(len, outlets_per_statement.values())) > 1
    assert all(q.kind == ("fragment" if q.variant == "fragment" else "full") for q in corpus)


def test_it_makes_unit_vectors_closer_within_a_statement_than_across():
    corpus = build(500, WORDS, seed=2)
    vectors = synthetic_vectors(corpus, dimensions=64)
    first = [i for i, q in enumerate(corpus) if q.statement == corpus[0].statement]
    other = next(i for i, q in enumerate(corpus) if q.statement != corpus[0].statement)
    assert vectors.shape == (500, 64)
    assert all(vectors[first[0]] @ vectors[i] > vectors[first[0]] @ vectors[other] for i in first)


def test_it_scores_found_groups_against_true_ones_by_pairs():
    assert pair_scores([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0)
    assert pair_scores([1, 1, 2, 2], ["a", "a", "a", "a"]) == (2 / 6, 1.0)
    assert pair_scores([1, 1, 1, 2], ["a", "b", "c", "d"]) == (1.0, 0.0)


def test_it_reads_whole_words_from_the_model_vocabulary():
    words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
    assert len(words) > 10_000 and all(w.isalpha() and len(w) >= 3 for w in words)


@pytest.mark.slow
def test_it_prints_throughput_clustering_time_and_memory():
    out = StringIO()
    call_command("bench_pipeline", "--quotes", "300", "600", "--embed-sample", "40", stdout=out)
    text = out.getvalue()
    assert "corpus: 300 quotes" in text and "corpus: 600 quotes" in text
    assert (
        "app  quotes.text.embedding.encode (" in text
        and "raw  SentenceTransformer.encode (float32)" in text
        and "cosine app to raw" in text
    )
    assert "clustering 300 quotes with synthetic vectors" in text
    assert "ms a full sentence, each tenth of them in turn: " in text
    assert "incremental run: the last 3 quotes placed onto the others" in text
    assert "through the saved index" in text
    assert "peak RSS" in text


def test_it_refuses_a_corpus_of_no_quotes():
    with pytest.raises(CommandError, match="must be positive"):
        call_command("bench_pipeline", "--quotes", "10", "0")
