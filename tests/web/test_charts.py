"""web.charts: the figures behind the drift bars."""

from web.charts import drift_shares

CLASSES = [("verbatim", "verbatim"), ("trimmed", "trimmed"), ("reworded", "reworded")]


def test_it_gives_each_class_its_count_and_percentage_in_order():
    shares = drift_shares({"reworded": 1, "verbatim": 3}, CLASSES)
    assert [(s.value, s.count, s.rounded) for s in shares] == [
        ("verbatim", 3, 75),
        ("trimmed", 0, 0),
        ("reworded", 1, 25),
    ]
    assert shares[0].width == "75.00%"


def test_it_counts_unshown_classes_in_the_total():
    shares = drift_shares({"verbatim": 1, "fragment": 1}, CLASSES)
    assert shares[0].percent == 50.0


def test_it_gives_zero_shares_when_there_is_nothing_to_count():
    assert [s.percent for s in drift_shares({}, CLASSES)] == [0.0, 0.0, 0.0]
