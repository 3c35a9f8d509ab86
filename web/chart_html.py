"""The outlet pages' SVG charts as HTML, written in Python: an outlet's fidelity bars
(web.charts.FidelityChart) and a stacked bar of drift shares (web.charts.Share).

Why not templates: the outlets page draws both for each of its 60 outlets, and the
template engine spent 13 ms of the page's 32 ms of CPU on them (about 3 us for each of
the 5,000 numbers and names it wrote; format_html took half as long, these f-strings a
tenth). Every name and label goes through conditional_escape; numbers are written
plainly, with a dot decimal whatever the locale (SVG geometry). Geometry and wording
stay in web.charts. SVG geometry rather than CSS widths, and no style attribute, so the
Content-Security-Policy needs no 'unsafe-inline'.
"""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe


def fidelity_svg(chart, id, name):
    """An outlet's four fidelity bars, labelled by `id` (unique on the page) and `name`."""
    id = escape(id)
    bars = "".join(fidelity_bar(bar) for bar in chart.bars)
    return mark_safe(
        f'<svg class="fidelity-chart" viewBox="0 0 {chart.width} {chart.height}" width="{chart.width}" '
        f'height="{chart.height}" role="img" aria-labelledby="{id}-title {id}-desc">\n'
        f'  <title id="{id}-title">How {escape(name)} printed statements other outlets printed too</title>\n'
        f'  <desc id="{id}-desc">{escape(chart.description)}</desc>\n'
        f"  {bars}\n"
        "</svg>"
    )


def fidelity_bar(bar):
    filled = (
        f'<rect class="fb-bar fb-{escape(bar.value)}" x="{bar.bar_x}" y="{bar.y}" width="{bar.svg_width}" height="16"/>'
        if bar.rate.count
        else ""
    )
    return (
        f'\n  <text class="fb-label" x="0" y="{bar.text_y}">{escape(bar.label)}</text>\n'
        f'  <rect class="fb-track" x="{bar.bar_x}" y="{bar.y}" width="{bar.track}" height="16"/>\n'
        f"  {filled}\n"
        f'  <text class="fb-figure" x="{bar.figure_x}" y="{bar.text_y}">{bar.rounded}%</text>\n'
        "  "
    )


def drift_bar_svg(shares):
    """One bar of the shares that count any quote; its figures are in the text beside it."""
    segments = "".join(
        f'<rect class="segment drift-{escape(share.value or "none")}" x="{share.svg_x}" width="{share.svg_width}" '
        f'height="10"><title>{escape(share.label)}: {share.count} ({share.rounded}%)</title></rect>'
        for share in shares
        if share.count
    )
    return mark_safe(
        f'<svg class="drift-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">{segments}</svg>'
    )
