"""Search by meaning: the saved index, its upkeep, filters, and the fusion with word hits.

Vectors are written for the tests (each statement a direction of its own) and the
query's vector is given directly, so no model loads here; the model's own behaviour
on the bundled samples is tested in test_meaning_samples.py (slow).
"""

import logging

import numpy as np
import pytest

from quotes.models import Quote, Statement
from quotes.services import meaning_index, search
from quotes.services.clustering import ModelUnavailable
from quotes.services.meaning_index import MeaningUnavailable, update_meaning_index
from quotes.text import embedding as embed
from tests.quotes.services.test_search import Newsroom

pytestmark = pytest.mark.django_db


def direction(*weights):
    vector = np.zeros(embed.DIMENSIONS, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


class MeaningNewsroom(Newsroom):
    def said(self, text, vector, speaker=None, outlet="Harbour Gazette", **fields):
        statement = Statement.objects.create(canonical_text=text, quote_count=1)
        self.quote(statement, text, speaker, outlet, embedding=embed.to_bytes(vector), **fields)
        return statement


@pytest.fixture
def newsroom(settings, tmp_path, monkeypatch):
    settings.VERBATIM_INDEX_DIR = str(tmp_path)
    queries = {}
    monkeypatch.setattr(search, "query_vector", lambda text: queries[text])
    room = MeaningNewsroom()
    room.queries = queries
    return room


def nearest(text, statements=None, narrowed=False):
    return [pk for pk, _ in search.nearest_statements(text, statements or Statement.objects.all(), narrowed)]


def test_it_finds_the_statement_nearest_in_meaning_first(newsroom):
    newsroom.said("The dam opens in April.", direction(1, 0, 0))
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    newsroom.said("Tolls stay.", direction(0, 0, 1))
    newsroom.queries["boats sail once more"] = direction(0.2, 1, 0)

    assert nearest("boats sail once more")[0] == ferry.pk


def test_it_leaves_out_statements_too_far_in_meaning(newsroom):
    newsroom.said("The dam opens in April.", direction(1, 0, 0))
    newsroom.queries["bread prices"] = direction(0, 0, 0, 1)

    assert nearest("bread prices") == []


def test_it_counts_each_statement_once_at_its_nearest_quote(newsroom):
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    newsroom.quote(
        ferry, "Ferries are back.", embedding=embed.to_bytes(direction(0.3, 1, 0)), outlet="Valley Courier"
    )
    newsroom.queries["ferries back"] = direction(0.3, 1, 0)

    found = search.nearest_statements("ferries back", Statement.objects.all())

    assert [pk for pk, _ in found] == [ferry.pk]
    assert found[0][1] > 0.98


def test_it_never_shows_a_quote_an_editor_hid(newsroom):
    newsroom.said("Read more on our site.", direction(1, 0, 0), hidden_by_editor=True)
    newsroom.queries["read more"] = direction(1, 0, 0)

    assert nearest("read more") == []


def test_it_looks_only_among_the_statements_the_other_filters_leave(newsroom):
    for n in range(30):
        newsroom.said(f"Statement number {n}.", direction(1, 0.01 * n, 0))
    quill = newsroom.said("The quay is safe.", direction(0.5, 0, 1), speaker="Mara Quill")
    newsroom.queries["harbour safety"] = direction(1, 0, 0.2)

    by_quill = Statement.objects.filter(quotes__speaker__name="Mara Quill")

    assert quill.pk not in nearest("harbour safety")[:20]
    assert nearest("harbour safety", by_quill, narrowed=True) == [quill.pk]


def test_it_lists_statements_holding_the_words_above_those_only_meaning_them(newsroom):
    meant = newsroom.said("Boats sail again from Monday.", direction(0, 1, 0))
    worded = newsroom.said("The ferry timetable is under review.", direction(0.6, 0.8, 0))
    newsroom.queries["ferry"] = direction(0, 1, 0)

    fused = list(search.fused_statements(Statement.objects.all(), "ferry"))

    assert fused == [worded, meant]
    assert [statement.fused_rank for statement in fused] == [1, 2]


def test_it_reads_only_the_searched_terms_for_meaning_and_honours_exclusions(newsroom):
    crimea = newsroom.said("Troops stay in Crimea.", direction(1, 0, 0))
    north = newsroom.said("Soldiers remain in the north.", direction(0.9, 0.3, 0))
    newsroom.queries["troops"] = direction(1, 0, 0)

    assert crimea not in search.fused_statements(Statement.objects.all(), "troops -crimea")
    assert list(search.fused_statements(Statement.objects.all(), "troops -crimea")) == [north]


def test_it_builds_a_missing_index_and_says_so(newsroom, caplog):
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    newsroom.queries["ferry"] = direction(0, 1, 0)

    with caplog.at_level(logging.WARNING, logger="quotes.services.meaning_index"):
        assert nearest("ferry") == [ferry.pk]

    assert "rebuilding the meaning index: no meaning index" in caplog.text


def test_it_rebuilds_an_index_whose_vectors_changed_behind_it(newsroom, caplog):
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    update_meaning_index()
    Quote.objects.filter(statement=ferry).update(embedding=embed.to_bytes(direction(0, 0, 1)))
    newsroom.queries["tolls"] = direction(0, 0, 1)

    with caplog.at_level(logging.WARNING, logger="quotes.services.meaning_index"):
        assert update_meaning_index().startswith("stale: the vector of quote")
        assert nearest("tolls") == [ferry.pk]


def test_it_rebuilds_an_index_file_cut_short(newsroom, caplog):
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    update_meaning_index()
    graph = meaning_index.directory() / "meaning.usearch"
    graph.write_bytes(graph.read_bytes()[:64])
    newsroom.queries["ferry"] = direction(0, 1, 0)

    with caplog.at_level(logging.WARNING, logger="quotes.services.meaning_index"):
        assert nearest("ferry") == [ferry.pk]

    assert "is missing or not the file its manifest describes" in caplog.text


def test_it_leaves_a_large_rebuild_to_cluster_quotes(newsroom, monkeypatch):
    newsroom.said("The ferry runs again.", direction(0, 1, 0))
    newsroom.queries["ferry"] = direction(0, 1, 0)
    monkeypatch.setattr(meaning_index, "REBUILD_IN_REQUEST", 0)

    with pytest.raises(MeaningUnavailable, match=r"run manage\.py meaning_index"):
        nearest("ferry")


def test_an_update_adds_new_quotes_and_drops_those_that_left(newsroom):
    dam = newsroom.said("The dam opens in April.", direction(1, 0, 0))
    update_meaning_index()
    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    Quote.objects.filter(statement=dam).update(statement=None)

    assert update_meaning_index() == ""

    opened = meaning_index.searchable_index()
    assert opened.size == 1
    assert opened.nearest(direction(0, 1, 0), 5)[0][0] == Quote.objects.get(statement=ferry).pk


def test_a_search_sees_an_index_a_later_run_saved(newsroom):
    newsroom.said("The dam opens in April.", direction(1, 0, 0))
    update_meaning_index()
    newsroom.queries["ferry"] = direction(0, 1, 0)
    assert nearest("ferry") == []

    ferry = newsroom.said("The ferry runs again.", direction(0, 1, 0))
    update_meaning_index()

    assert nearest("ferry") == [ferry.pk]


def test_warming_embeds_one_query_so_the_first_search_finds_the_model_loaded(monkeypatch):
    embedded = []
    monkeypatch.setattr(search, "query_vector", embedded.append)

    assert search.warm_meaning_search()
    assert len(embedded) == 1


def test_warming_without_the_model_logs_why_and_leaves_searches_to_say_so(monkeypatch, caplog):
    def missing(text):
        raise ModelUnavailable("cannot load the embedding model from /nowhere")

    monkeypatch.setattr(search, "query_vector", missing)

    with caplog.at_level(logging.WARNING, logger="quotes.services.search"):
        assert not search.warm_meaning_search()
    assert "meaning search not warmed: cannot load the embedding model from /nowhere" in caplog.text


def test_a_query_is_embedded_once_per_worker_and_its_vector_cannot_be_changed(monkeypatch):
    encoded = []

    def encode(texts, model):
        encoded.extend(texts)
        return np.array([direction(1, 0, 0) for _ in texts], dtype=np.float32)

    monkeypatch.setattr(embed, "encode", encode)
    monkeypatch.setattr(search, "load_model", lambda: "model")
    search.query_vector.cache_clear()
    try:
        first, again = search.query_vector("ferry fares"), search.query_vector("ferry fares")
        search.query_vector("harbour tolls")
    finally:
        search.query_vector.cache_clear()

    assert encoded == ["ferry fares", "harbour tolls"]
    assert again is first
    with pytest.raises(ValueError):
        first[0] = 0.0
