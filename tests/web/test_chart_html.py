"""web.chart_html: the outlet pages' SVG charts, every name escaped."""

from web.chart_html import drift_bar_svg, fidelity_svg
from web.charts import drift_shares, fidelity_chart

RECORD = {
    "variants": 8,
    "statements": 7,
    "classes": {"verbatim": [1, 8, 7], "trimmed": [0, 8, 7], "reworded": [7, 8, 7]},
    "meaning_changed": [3, 8, 7],
}


def test_the_fidelity_chart_draws_a_track_for_each_measure_and_a_bar_where_it_counts_any():
    svg = fidelity_svg(fidelity_chart(RECORD), "fidelity-quay", "Quay <News>")
    assert svg.startswith(
        '<svg class="fidelity-chart" viewBox="0 0 322 92" width="322" height="92" role="img"'
    )
    assert 'aria-labelledby="fidelity-quay-title fidelity-quay-desc"' in svg
    assert "How Quay &lt;News&gt; printed statements" in svg
    assert svg.count('class="fb-track"') == 4
    assert svg.count('class="fb-bar ') == 3  # none printed trimmed
    assert '<rect class="fb-bar fb-reworded" x="124" y="48" width="131.25" height="16"/>' in svg
    assert '<text class="fb-figure" x="280" y="60">88%</text>' in svg
    assert "style=" not in svg


def test_the_drift_bar_draws_only_the_classes_that_count_a_quote():
    shares = drift_shares(
        {"verbatim": 3, "": 1}, [("verbatim", "verbatim"), ("trimmed", "trimmed"), ("", "<none>")]
    )
    svg = drift_bar_svg(shares)
    assert svg.count("<rect") == 2
    assert '<rect class="segment drift-none" x="75.00" width="25.00" height="10">' in svg
    assert "<title>&lt;none&gt;: 1 (25%)</title>" in svg
