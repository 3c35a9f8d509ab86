"""Word and meaning rankings fused: exact hits first, each tier by reciprocal rank."""

from quotes.text.rank_fusion import fuse


def test_it_lists_every_exact_hit_before_any_meaning_only_hit():
    assert fuse(["w1", "w2"], ["m1", "m2", "w2"]) == ["w2", "w1", "m1", "m2"]


def test_it_ranks_an_exact_hit_the_meaning_search_also_found_higher():
    assert fuse(["a", "b", "c"], ["c"]) == ["c", "a", "b"]


def test_it_keeps_the_meaning_order_without_word_hits():
    assert fuse([], ["x", "y", "z"]) == ["x", "y", "z"]


def test_it_keeps_the_word_order_without_meaning_hits():
    assert fuse(["x", "y", "z"], []) == ["x", "y", "z"]


def test_it_lists_each_id_once():
    assert fuse([1, 1, 2], [2, 2, 3]) == [2, 1, 3]
