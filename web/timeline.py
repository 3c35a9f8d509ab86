"""The statement page's timeline: when each outlet first printed the statement, and how.

In:  the statement page's quotes, oldest first (article and outlet joined, each with its
     `meaning_warnings`, and `copied_from`: the outlet whose wire copy its article is,
     or None).
Out: a `Timeline`: one `Mark` per outlet at its first printing (date, drift class,
     whether it changed the meaning, whether it is wire copy), placed for an SVG the
     template draws on the server (a vertical line, a dot per outlet, the date on the
     left, the outlet and how it printed it on the right), and `description`, one
     sentence per outlet, for the SVG's <desc> (what a screen reader reads).

Vertical rather than along a horizontal date axis: a row per outlet keeps outlet names
legible at phone width (390 px), where a date axis would crowd them together. Rows go
in order of first printing; the date is written where it changes, with the days since
the row above ("+2 days"). Outlets whose article has no date come last ("no date").
The geometry is SVG attributes, not style: the Content-Security-Policy forbids inline
style.

Limits: days, not hours (an article carries a date only); one mark per outlet, its
first printing (the list of variants below shows every printing); an outlet name longer
than NAME_CHARS is shortened in the picture (the description keeps it whole).
"""

from dataclasses import dataclass
from datetime import date

ROW = 48
TOP = 14
WIDTH = 440
AXIS_X = 100
LABEL_X = 116
NAME_CHARS = 30
DETAIL_CHARS = 42


@dataclass(frozen=True)
class Mark:
    outlet: str
    published: date | None
    drift_label: str
    drift: str
    meaning_changed: bool
    copied_from: str
    y: int
    date_label: str  # "" when the row above has the same date
    gap_label: str  # "+2 days" after the row above, or ""

    @property
    def name_label(self) -> str:
        return shorten(self.outlet, NAME_CHARS)

    @property
    def detail(self) -> str:
        parts = [self.drift_label]
        if self.meaning_changed:
            parts.append("meaning changed")
        if self.copied_from:
            parts.append(f"wire copy of {self.copied_from}")
        return shorten(" · ".join(parts), DETAIL_CHARS)

    @property
    def sentence(self) -> str:
        when = long_date(self.published) if self.published else "No date given"
        how = self.drift_label
        if self.meaning_changed:
            how += ", with a change of meaning"
        if self.copied_from:
            how += f", as a wire copy of {self.copied_from}"
        return f"{when}: {self.outlet}, {how}."

    @property
    def text_y(self) -> int:
        return self.y + 5

    @property
    def detail_y(self) -> int:
        return self.y + 23


@dataclass(frozen=True)
class Timeline:
    marks: list[Mark]
    width: int = WIDTH

    @property
    def height(self) -> int:
        return TOP * 2 + ROW * len(self.marks)

    @property
    def axis_top(self) -> int:
        return self.marks[0].y if self.marks else TOP

    @property
    def axis_bottom(self) -> int:
        return self.marks[-1].y if self.marks else TOP

    @property
    def axis_x(self) -> int:
        return AXIS_X

    @property
    def label_x(self) -> int:
        return LABEL_X

    @property
    def description(self) -> str:
        return " ".join(mark.sentence for mark in self.marks)


def timeline(quotes, drift_labels) -> Timeline:
    """The first printing of each outlet among quotes (oldest first), placed in rows;
    drift_labels maps a drift value to what a reader sees."""
    first = {}
    for quote in quotes:
        first.setdefault(quote.article.outlet.pk, quote)
    ordered = sorted(
        first.values(),
        key=lambda q: (q.article.published is None, q.article.published or date.min, q.article.outlet.name),
    )
    marks, previous = [], None
    for row, quote in enumerate(ordered):
        published = quote.article.published
        copied = getattr(quote, "copied_from", None)
        marks.append(
            Mark(
                outlet=quote.article.outlet.name,
                published=published,
                drift=quote.drift or "none",
                drift_label=drift_labels.get(quote.drift, quote.drift or "not yet measured"),
                meaning_changed=bool(quote.meaning_flags),
                copied_from=copied.name if copied is not None else "",
                y=TOP + ROW * row + ROW // 2 - 6,
                date_label=date_label(published, previous, row),
                gap_label=gap_label(published, previous),
            )
        )
        previous = published
    return Timeline(marks)


def date_label(published: date | None, previous: date | None, row: int) -> str:
    if published is None:
        return "no date" if row == 0 or previous is not None else ""
    if row and published == previous:
        return ""
    return f"{published.day} {published:%b %Y}"


def gap_label(published: date | None, previous: date | None) -> str:
    if published is None or previous is None or published == previous:
        return ""
    days = (published - previous).days
    return f"+{days} day{'s' if days != 1 else ''}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
