"""Shares of drift classes, for the bar charts on the outlet pages.

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
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.models import Quote

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
