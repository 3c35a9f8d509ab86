"""web.outlet_html: an outlet's row of the fidelity table and its item in the list of charts."""

from types import SimpleNamespace

from web.charts import drift_shares, fidelity_chart
from web.outlet_html import fidelity_table_row, outlet_chart_item

OUTLET = SimpleNamespace(name="Quay <News>", slug="quay-news")
RECORD = {
    "variants": 8,
    "statements": 7,
    "classes": {"verbatim": [1, 8, 7], "trimmed": [0, 8, 7], "reworded": [7, 8, 7]},
    "meaning_changed": [3, 8, 7],
}


def row(fidelity=None, wire_copies=0, counts=None, figures=True):
    stored = SimpleNamespace(article_count=1, wire_copy_count=wire_copies, quote_count=4) if figures else None
    shares = [
        s for s in drift_shares(counts or {}, [("verbatim", "verbatim"), ("", "not yet measured")]) if s.count
    ]
    return SimpleNamespace(outlet=OUTLET, figures=stored, fidelity=fidelity, shares=shares)


def test_the_table_row_gives_each_measure_with_what_it_rests_on():
    html = fidelity_table_row(row(fidelity_chart(RECORD), wire_copies=2))
    assert '<th scope="row"><a href="/outlets/quay-news/">Quay &lt;News&gt;</a></th>' in html
    assert "<td>7</td>" in html
    assert '<td>88% <span class="meta">(7 of 8)</span></td>' in html
    assert html.rstrip().endswith("<td>2</td>\n      </tr>")


def test_the_table_row_says_when_there_is_nothing_to_compare_or_no_figures():
    assert (
        '<td>0</td><td colspan="4" class="meta">nothing another outlet printed too</td>'
        in fidelity_table_row(row())
    )
    assert '<td colspan="6" class="meta">no figures yet</td>' in fidelity_table_row(row(figures=False))


def test_the_chart_item_gives_the_figures_in_words():
    html = outlet_chart_item(row(fidelity_chart(RECORD), wire_copies=1, counts={"verbatim": 3, "": 1}))
    assert '<span class="count">1 article</span>' in html
    assert 'aria-labelledby="fidelity-quay-news-title' in html
    assert (
        "8 versions of 7 statements other outlets printed too. 1 of its articles is a wire copy, not counted."
        in html
    )
    assert "All its 4 quotations, each against" in html
    assert '<p class="bar-text">verbatim 75% (3) · not yet measured 25% (1)</p>' in html


def test_the_chart_item_of_an_outlet_with_nothing_to_compare_or_count():
    html = outlet_chart_item(row(wire_copies=3))
    assert "printed by another outlet (apart from its wire copies): nothing to compare." in html
    assert '<p class="bar-text">No quotations yet.</p>' in html
    assert "fidelity-chart" not in html
    assert "No figures yet: they are counted after" in outlet_chart_item(row(figures=False))
