"""bench_review_queue's held-out measure: the articles cut in random halves, each way round."""

from benchmarks.review_queue import Row, halvings


def test_each_halving_splits_the_articles_in_two_and_is_measured_both_ways():
    rows = [Row(quote, quote % 10, (), False) for quote in range(40)]

    pairs = list(halvings(rows, times=3))

    assert len(pairs) == 6
    for (train, test), (back, forth) in zip(pairs[::2], pairs[1::2]):
        assert {row.article for row in train}.isdisjoint({row.article for row in test})
        assert len({row.article for row in train}) == 5 and len(train) + len(test) == 40
        assert (back, forth) == (test, train)


def test_the_halvings_are_the_same_every_run():
    rows = [Row(quote, quote % 10, (), False) for quote in range(40)]

    assert list(halvings(rows, times=2)) == list(halvings(rows, times=2))
