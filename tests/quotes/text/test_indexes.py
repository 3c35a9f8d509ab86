"""The saved candidate index: what goes in comes back out, and damage is named."""

import numpy as np
import pytest

from quotes.text.indexes import IndexProblem, QuoteIndex


def unit(rows, seed=3):
    vectors = np.random.default_rng(seed).standard_normal((rows, 384)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def filled():
    index = QuoteIndex()
    index.add([10, 11, 12], unit(3), [["river", "treaty"], ["river", "talks"], ["harbour"]])
    return index


def test_it_finds_the_same_neighbours_and_words_after_a_save_and_load(tmp_path):
    vectors = unit(3)
    filled().save(tmp_path)
    index = QuoteIndex.load(tmp_path)
    assert index.size == 3
    assert index.neighbours(vectors, 1) == [[10], [11], [12]]
    assert sorted(index.sharing(["river"], 250, 16)) == [10, 11]
    assert index.sharing(["river", "talks"], 250, 16) == [11]
    assert index.holding(["river", "talks"], 250) == [11]
    assert index.agrees(10, vectors[0]) and not index.agrees(10, vectors[1])


def test_it_names_a_missing_index(tmp_path):
    with pytest.raises(IndexProblem, match="no index"):
        QuoteIndex.load(tmp_path / "none")


@pytest.mark.parametrize("name", ["window.npz", "postings.npz"])
def test_it_names_a_corrupted_file(tmp_path, name):
    filled().save(tmp_path)
    (tmp_path / name).write_bytes(b"not what was saved")
    with pytest.raises(IndexProblem, match="corrupted"):
        QuoteIndex.load(tmp_path)


def test_it_forgets_removed_quotes(tmp_path):
    index = filled()
    index.remove([11])
    index.save(tmp_path)
    loaded = QuoteIndex.load(tmp_path)
    assert loaded.size == 2 and 11 not in {pk for found in loaded.neighbours(unit(3), 3) for pk in found}
