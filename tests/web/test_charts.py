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


def test_fidelity_bars_give_each_measure_with_what_it_rests_on():
    from web.charts import fidelity_chart

    record = {
        "variants": 8,
        "statements": 7,
        "classes": {"verbatim": [1, 8, 7], "trimmed": [0, 8, 7], "reworded": [7, 8, 7]},
        "meaning_changed": [3, 8, 7],
    }
    chart = fidelity_chart(record)
    assert [(bar.value, bar.rounded) for bar in chart.bars] == [
        ("verbatim", 12),  # 12.5, rounded to even as the drift shares are
        ("trimmed", 0),
        ("reworded", 88),
        ("meaning_changed", 38),
    ]
    assert chart.bars[2].svg_width == "131.25"
    assert chart.description.endswith(
        "meaning changed 3 of 8 (38%); on 7 statements other outlets printed too."
    )


def test_an_outlet_with_nothing_counted_has_no_fidelity_bars():
    from web.charts import fidelity_chart

    assert fidelity_chart({}) is None
    assert fidelity_chart({"variants": 0}) is None
