"""An outlet on the outlets page (web.views.articles.OutletRow) as HTML written in Python:
its row of the fidelity table and its item in the list of charts.

Why not the template: the page shows 60 outlets, each with about 45 figures, names and
conditions; the template engine spent 10 ms of the page's 15 ms of CPU on them. Numbers
are written plainly (en-gb writes them so anyway), every name and label goes through
conditional_escape, the charts come from web.chart_html.
"""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

from web.chart_html import drift_bar_svg, fidelity_svg
from web.links import url
from web.row_html import plural

NO_FIGURES = "No figures yet: they are counted after the next clustering run or periodic refresh."


def outlet_link(outlet):
    return f'<a href="{escape(url("web:outlet", outlet.slug))}">{escape(outlet.name)}</a>'


def fidelity_table_row(row):
    """The outlet's figures on statements other outlets printed too, one cell a measure."""
    cells = [f'<th scope="row">{outlet_link(row.outlet)}</th>']
    if not row.figures:
        cells.append('<td colspan="6" class="meta">no figures yet</td>')
    else:
        if row.fidelity:
            cells.append(f"<td>{row.fidelity.statements}</td>")
            cells.append(
                "".join(
                    f'<td>{bar.rounded}% <span class="meta">({bar.rate.count} of {bar.rate.total})</span></td>'
                    for bar in row.fidelity.bars
                )
            )
        else:
            cells.append('<td>0</td><td colspan="4" class="meta">nothing another outlet printed too</td>')
        cells.append(f"<td>{row.figures.wire_copy_count}</td>")
    return mark_safe("".join(["      <tr>\n", *(f"        {cell}\n" for cell in cells), "      </tr>\n"]))


def outlet_chart_item(row):
    """The outlet's fidelity chart and the bar of how it printed all its quotations, each
    with its figures in words."""
    outlet, figures, fidelity = row.outlet, row.figures, row.fidelity
    if not figures:
        return mark_safe(
            f'  <li>\n    <h2>{outlet_link(outlet)}</h2>\n    <p class="bar-text">{NO_FIGURES}</p>\n  </li>\n'
        )
    articles, wire_copies, quotes = figures.article_count, figures.wire_copy_count, figures.quote_count
    lines = [
        f'<h2>{outlet_link(outlet)} <span class="count">{articles} article{plural(articles)}</span></h2>'
    ]
    if fidelity:
        copies = f" {wire_copies} of its articles {'is a wire copy' if wire_copies == 1 else 'are wire copies'}, not counted."
        lines += [
            fidelity_svg(fidelity, f"fidelity-{outlet.slug}", outlet.name),
            f'<p class="bar-text">{fidelity.variants} version{plural(fidelity.variants)} of {fidelity.statements} '
            f"statement{plural(fidelity.statements)} other outlets printed too.{copies if wire_copies else ''}</p>",
        ]
    else:
        apart = " (apart from its wire copies)" if wire_copies else ""
        lines.append(
            f'<p class="bar-text">No statement it printed was printed by another outlet{apart}: nothing to compare.</p>'
        )
    shares = " · ".join(f"{escape(share.label)} {share.rounded}% ({share.count})" for share in row.shares)
    lines += [
        f'<p class="bar-text">All its {quotes} quotation{plural(quotes)}, each against the wording most outlets agree with:</p>',
        drift_bar_svg(row.shares),
        f'<p class="bar-text">{shares or "No quotations yet."}</p>',
    ]
    return mark_safe("".join(["  <li>\n", *(f"    {line}\n" for line in lines), "  </li>\n"]))
