"""Rows of the list pages as HTML written in Python: a statement in a list
(web.views.statements.StatementRow), an article in the articles index, and the drift
badge every page shows.

Why not a template: the search pages and a speaker's page show 20 rows, each with a
link to every outlet that printed the statement and a badge per drift class; the
template engine took 4.7-7 ms of a search page's 13-20 ms of CPU on them (about 3 us
for each value it wrote), and 2.5 ms of the articles index's 9 ms on its 50 rows. Every
printed text goes through conditional_escape; links come from web.links.
"""

from django.utils.formats import date_format
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

from web.links import url


def drift_badge_html(value, label):
    """A drift class as a coloured badge; a quote not yet measured has neither value nor label."""
    return mark_safe(
        f'<span class="badge drift-{escape(value or "none")}">{escape(label or "not yet measured")}</span>'
    )


def day_html(day):
    """A date as the pages print it, machine-readable in <time>."""
    return f'<time datetime="{date_format(day, "Y-m-d")}">{date_format(day, "j M Y")}</time>'


def plural(count):
    return "" if count == 1 else "s"


def statement_row_html(row):
    statement, wording = row.statement, row.wording
    link = escape(url("web:statement", statement.pk))
    if row.paraphrase:
        label = (
            f"Paraphrase, as {escape(wording.outlet.name)} reported it:"
            if wording
            else "Reported speech (paraphrase):"
        )
        quoted = (
            f'<p class="canonical-small paraphrase"><span class="paraphrase-label">{label}</span> '
            f'<a href="{link}">{escape(row.text_html)}</a></p>'
        )
    else:
        quoted = (
            f'<blockquote class="canonical-small"><a href="{link}">“{escape(row.text_html)}”</a></blockquote>'
        )
    lines = ['<li class="statement-row">', f"  {quoted}"]
    if wording:
        badge = drift_badge_html(wording.drift, wording.drift_label)
        lines.append(f'  <p class="meta">As {escape(wording.outlet.name)} printed it: {badge}</p>')
    lines += ['  <p class="meta">', f"    {speaker_html(statement.speaker)}"]
    if statement.first_seen:
        lines.append(f"    · first reported {day_html(statement.first_seen)}")
    if statement.has_conflict:
        lines.append('    · <strong class="conflict-flag">attribution disputed</strong>')
    outlets = ", ".join(
        f'<a href="{escape(url("web:outlet", outlet.slug))}">{escape(outlet.name)}</a>'
        for outlet in row.outlets
    )
    drifts = " ".join(f"{drift_badge_html(value, label)}&nbsp;×{count}" for value, label, count in row.drifts)
    lines += [
        "  </p>",
        '  <p class="meta">',
        f"    Printed by {len(row.outlets)} outlet{plural(len(row.outlets))}:",
        f"    {outlets}",
        "  </p>",
        f'  <p class="meta drifts">{drifts}</p>',
        "</li>\n",
    ]
    return mark_safe("\n".join(lines))


def speaker_html(speaker):
    if speaker is None:
        return '<span class="speaker">Speaker not known</span>'
    return f'<a class="speaker" href="{escape(url("web:speaker", speaker.slug))}">{escape(speaker.name)}</a>'


def article_row_html(article):
    """An article of the articles index: when, where, its title and how many quotes it holds
    (article.quote_count)."""
    outlet = article.outlet
    cells = [
        day_html(article.published) if article.published else "undated",
        f'<a href="{escape(url("web:outlet", outlet.slug))}">{escape(outlet.name)}</a>',
        f'<a href="{escape(url("web:article", article.pk))}">{escape(article.title or "(untitled)")}</a>',
    ]
    return mark_safe(
        "    <tr>\n"
        + "".join(f"      <td>{cell}</td>\n" for cell in cells)
        + f'      <td class="number optional">{article.quote_count}</td>\n'
        + "    </tr>\n"
    )
