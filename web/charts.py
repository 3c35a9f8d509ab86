"""Shares of drift classes, and outlets' fidelity rates, for the bar charts on the outlet pages.

In:  counts of quotes per drift class (a mapping from class value to count, as a
     GROUP BY returns it) and the classes to show, in order, with their labels.
Out: one Share per class, with its count and its percentage of the total; the
     percentages of the shown classes add up to 100 (within rounding) when every
     counted class is shown.

Limits: a class missing from `classes` is left out of the shares but still counts
in the total, so the bar then does not fill its width; the percentage is a float
for drawing, `rounded` the whole number a reader sees. `offset` is where the
share's segment starts along a bar of 100 (the shares before it, summed), so the
bar can be drawn as SVG rectangles: the Content-Security-Policy allows no inline
style attributes, so the widths cannot be CSS.

`fidelity_bars(record)` reads an outlet's stored fidelity figures (OutletFigures.fidelity,
quotes.text.fidelity's record) as four bars a reader compares across outlets: the share
of its variants printed verbatim, trimmed, reworded, and carrying a meaning-change flag
(the first three split its variants; the fourth cuts across them), each with the count,
the total and the statements it rests on, and the geometry of one SVG row. An outlet
with no counted variant has no bars (None): it printed nothing another outlet printed.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.models import Quote
from quotes.text.fidelity import OutletFidelity, Rate

NOT_MEASURED = ("", "not yet measured")
DRIFT_CLASSES = [*Quote.Drift.choices, NOT_MEASURED]
"""Drift classes in the order pages list them, with a class for quotes not yet measured."""


@dataclass(frozen=True)
class Share:
    value: str
    label: str
    count: int
    percent: float
    offset: float = 0.0

    @property
    def rounded(self) -> int:
        return round(self.percent)

    @property
    def width(self) -> str:
        """The percentage as a CSS length with a dot decimal, whatever the locale."""
        return f"{self.percent:.2f}%"

    @property
    def svg_width(self) -> str:
        """The percentage as an SVG length on a 100-wide bar, with a dot decimal."""
        return f"{self.percent:.2f}"

    @property
    def svg_x(self) -> str:
        return f"{self.offset:.2f}"


def drift_shares(counts: Mapping[str, int], classes: Sequence[tuple[str, str]]) -> list[Share]:
    total = sum(counts.values())
    shares, offset = [], 0.0
    for value, label in classes:
        percent = 100.0 * counts.get(value, 0) / total if total else 0.0
        shares.append(Share(value, label, counts.get(value, 0), percent, offset))
        offset += percent
    return shares


FIDELITY_MEASURES = (
    ("verbatim", "verbatim"),
    ("trimmed", "trimmed"),
    ("reworded", "reworded"),
    ("meaning_changed", "meaning changed"),
)
BAR_ROW = 22  # SVG units a bar row takes
BAR_X = 124  # where bars start (the label before them)
BAR_LENGTH = 150  # a bar at 100%


@dataclass(frozen=True)
class FidelityBar:
    value: str
    label: str
    rate: Rate
    row: int

    @property
    def percent(self) -> float:
        return 100.0 * (self.rate.value or 0.0)

    @property
    def rounded(self) -> int:
        return round(self.percent)

    @property
    def y(self) -> int:
        return self.row * BAR_ROW + 4

    @property
    def text_y(self) -> int:
        return self.y + 12

    @property
    def bar_x(self) -> int:
        return BAR_X

    @property
    def track(self) -> int:
        return BAR_LENGTH

    @property
    def svg_width(self) -> str:
        return f"{BAR_LENGTH * self.percent / 100:.2f}"

    @property
    def figure_x(self) -> int:
        return BAR_X + BAR_LENGTH + 6

    @property
    def sentence(self) -> str:
        return f"{self.label} {self.rate.count} of {self.rate.total} ({self.rounded}%)"


@dataclass(frozen=True)
class FidelityChart:
    bars: list[FidelityBar]
    variants: int
    statements: int

    @property
    def height(self) -> int:
        return BAR_ROW * len(self.bars) + 4

    @property
    def width(self) -> int:
        return BAR_X + BAR_LENGTH + 48  # room for "100%"

    @property
    def description(self) -> str:
        return (
            "; ".join(bar.sentence for bar in self.bars)
            + f"; on {self.statements} statement{'s' if self.statements != 1 else ''} other outlets printed too."
        )


def fidelity_chart(record) -> FidelityChart | None:
    """The four bars of an outlet's stored fidelity record; None when it has no counted variant."""
    return chart_of(OutletFidelity.from_record(None, record or {}))


def chart_of(figures: OutletFidelity) -> FidelityChart | None:
    """The four bars of an outlet's fidelity figures; None when they count no variant."""
    if not figures.variants:
        return None
    rates = {**figures.classes, "meaning_changed": figures.meaning_changed}
    bars = [
        FidelityBar(value, label, rates[value], row) for row, (value, label) in enumerate(FIDELITY_MEASURES)
    ]
    return FidelityChart(bars, figures.variants, figures.statements)
