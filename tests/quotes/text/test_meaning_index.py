"""The saved meaning index: nearest quotes, exact scores on a few, saved and opened again."""

import json

import numpy as np
import pytest

from quotes.text.meaning_index import GRAPH, MANIFEST, IndexProblem, MeaningIndex

DIMENSIONS = 16


def unit(*weights):
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


@pytest.fixture
def index():
    built = MeaningIndex(DIMENSIONS)
    built.add([10, 20, 30], np.array([unit(1, 0, 0), unit(0, 1, 0), unit(1, 1, 0)]))
    return built


def test_it_finds_the_nearest_quotes_first(index):
    found = index.nearest(unit(1, 0.1, 0), 2)

    assert [pk for pk, _ in found] == [10, 30]
    assert found[0][1] > 0.95


def test_it_scores_given_quotes_exactly_and_skips_ids_it_does_not_hold(index):
    scored = index.similarities(unit(0, 1, 0), [10, 20, 99])

    assert [pk for pk, _ in scored] == [20, 10]
    assert scored[0][1] == pytest.approx(1.0, abs=0.02)
    assert scored[1][1] == pytest.approx(0.0, abs=0.02)


def test_it_replaces_the_vector_of_a_quote_added_again(index):
    index.add([10], np.array([unit(0, 0, 1)]))

    assert index.size == 3
    assert index.nearest(unit(0, 0, 1), 1)[0][0] == 10


def test_it_forgets_removed_quotes(index):
    index.remove([20, 404])

    assert index.size == 2
    assert 20 not in [pk for pk, _ in index.nearest(unit(0, 1, 0), 3)]


def test_it_opens_what_it_saved_as_a_read_only_map(index, tmp_path):
    index.save(tmp_path)

    opened = MeaningIndex.load(tmp_path, DIMENSIONS, view=True)

    assert (opened.size, opened.max_id) == (3, 30)
    assert opened.nearest(unit(0, 1, 0), 1)[0][0] == 20
    assert opened.stored_vector(30) @ unit(1, 1, 0) > 0.99
    assert opened.stored_vector(31) is None


def test_it_refuses_a_missing_index(tmp_path):
    with pytest.raises(IndexProblem, match="no meaning index"):
        MeaningIndex.load(tmp_path, DIMENSIONS)


def test_it_refuses_a_graph_cut_short(index, tmp_path):
    index.save(tmp_path)
    graph = tmp_path / GRAPH
    graph.write_bytes(graph.read_bytes()[:100])

    with pytest.raises(IndexProblem, match="not the file its manifest describes"):
        MeaningIndex.load(tmp_path, DIMENSIONS)


def test_it_refuses_an_index_of_another_format(index, tmp_path):
    index.save(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    (tmp_path / MANIFEST).write_text(json.dumps({**manifest, "format": 0}))

    with pytest.raises(IndexProblem, match="another format"):
        MeaningIndex.load(tmp_path, DIMENSIONS)


def test_it_refuses_a_garbled_graph_of_the_right_size(index, tmp_path):
    index.save(tmp_path)
    graph = tmp_path / GRAPH
    graph.write_bytes(b"\0" * graph.stat().st_size)

    with pytest.raises(IndexProblem):
        MeaningIndex.load(tmp_path, DIMENSIONS)
