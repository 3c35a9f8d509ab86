"""quotes.text.fidelity: outlet figures on statements several outlets printed, on data written for the test."""

import pytest

from quotes.text.fidelity import (
    Comparison,
    OutletFidelity,
    Rate,
    Variant,
    compared,
    outlet_fidelity,
    shared,
    shared_statements,
)

# Statement 1: three outlets; 2: two outlets; 3 and 4: the Harbour Post alone.
VARIANTS = [
    Variant("Harbour Post", 1, "verbatim"),
    Variant("Valley Times", 1, "reworded", flagged=True),
    Variant("Coast Radio", 1, "trimmed"),
    Variant("Harbour Post", 2, "punctuation"),
    Variant("Valley Times", 2, "reworded"),
    Variant("Harbour Post", 3, "verbatim"),
    Variant("Harbour Post", 4, "verbatim"),
]


def test_only_statements_at_least_two_outlets_printed_count():
    assert shared_statements(VARIANTS) == {1, 2}
    figures = outlet_fidelity(VARIANTS)
    # The Harbour Post's two lone statements are compared with themselves: not counted.
    assert figures["Harbour Post"].variants == 2
    assert figures["Harbour Post"].classes["verbatim"] == Rate(2, 2, 2)


def test_each_rate_says_how_many_variants_and_statements_it_rests_on():
    times = outlet_fidelity(VARIANTS)["Valley Times"]
    assert times.classes["reworded"] == Rate(2, 2, 2)
    assert times.classes["verbatim"] == Rate(0, 2, 2)
    assert times.classes["verbatim"].value == 0.0
    assert times.statements == 2


def test_it_gives_the_share_of_variants_carrying_a_meaning_change_flag():
    figures = outlet_fidelity(VARIANTS)
    assert figures["Valley Times"].meaning_changed == Rate(1, 2, 2)
    assert figures["Valley Times"].meaning_changed.value == pytest.approx(0.5)
    assert figures["Coast Radio"].meaning_changed == Rate(0, 1, 1)


def test_punctuation_only_counts_as_verbatim():
    assert outlet_fidelity(VARIANTS)["Harbour Post"].classes["verbatim"].count == 2


def test_an_outlet_that_printed_only_lone_statements_has_no_figures():
    lone = [*VARIANTS, Variant("Hill Gazette", 9, "verbatim")]
    assert "Hill Gazette" not in outlet_fidelity(lone)


def test_an_outlet_printing_one_statement_twice_counts_both_on_one_statement():
    twice = [*VARIANTS, Variant("Coast Radio", 1, "fragment")]
    radio = outlet_fidelity(twice)["Coast Radio"]
    assert radio.classes["fragment"] == Rate(1, 2, 1)
    assert radio.statements == 1


def test_two_outlets_are_compared_on_the_statements_both_printed():
    post, radio = shared(VARIANTS, "Harbour Post", "Coast Radio")
    assert (post.statements, radio.statements) == (1, 1)
    assert post.classes["verbatim"] == Rate(1, 1, 1)
    assert radio.classes["trimmed"] == Rate(1, 1, 1)


def test_a_rate_on_nothing_has_no_value():
    assert Rate(0, 0, 0).value is None


def test_a_wire_copy_does_not_confirm_the_statement_it_copied():
    # Statement 5: the Harbour Post's own wording, and the Hill Gazette running its article.
    copied = [
        Variant("Harbour Post", 5, "verbatim"),
        Variant("Hill Gazette", 5, "verbatim", source="Harbour Post", wire_copy=True),
    ]
    assert shared_statements(copied) == set()
    assert outlet_fidelity(copied) == {}


def test_a_wire_copy_is_left_out_of_its_outlets_rates_but_its_statement_still_counts():
    copied = [
        *VARIANTS,
        Variant("Hill Gazette", 1, "verbatim", source="Harbour Post", wire_copy=True),
        Variant("Hill Gazette", 2, "reworded"),
    ]
    figures = outlet_fidelity(copied)
    assert figures["Hill Gazette"].classes["verbatim"] == Rate(0, 1, 1)
    assert figures["Hill Gazette"].classes["reworded"] == Rate(1, 1, 1)
    assert figures["Harbour Post"].variants == 2


def test_each_outlet_is_compared_with_those_it_shares_most_statements_with():
    comparisons = compared(VARIANTS)
    post = comparisons["Harbour Post"]
    assert [(c.other, c.statements) for c in post] == [("Valley Times", 2), ("Coast Radio", 1)]
    assert post[0].own.classes["verbatim"] == Rate(2, 2, 2)
    assert post[0].theirs.classes["reworded"] == Rate(2, 2, 2)
    assert post[1].theirs.classes["trimmed"] == Rate(1, 1, 1)
    assert [c.other for c in compared(VARIANTS, limit=1)["Harbour Post"]] == ["Valley Times"]


def test_figures_are_stored_as_plain_records_and_read_back():
    figures = outlet_fidelity(VARIANTS)["Valley Times"]
    assert OutletFidelity.from_record("Valley Times", figures.as_record()) == figures
    comparison = compared(VARIANTS)["Valley Times"][0]
    assert Comparison.from_record("Valley Times", comparison.as_record()) == comparison
    empty = OutletFidelity.from_record("Nobody", {})
    assert (empty.variants, empty.classes["verbatim"]) == (0, Rate(0, 0, 0))
