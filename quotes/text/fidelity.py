"""Outlet figures a reader can trust: how faithfully each outlet printed the statements
that other outlets printed too.

In:  `Variant`s (plain data, one per printed quote: its outlet, its Statement, its drift
     class and whether it carries a meaning-change flag against the Statement's
     canonical wording, as quotes.text.meaning reads it).
Out: per outlet an `OutletFidelity`: for each drift class a `Rate` (how many of the
     outlet's variants, out of how many, resting on how many statements), and the rate
     of variants that carry a meaning-change flag; and `shared`, the same figures for
     two outlets on only the statements both printed.

Only statements that at least `MIN_OUTLETS` outlets printed count (DESIGN.md: "Outlet
figures count only statements that at least two outlets printed"): a statement one
outlet alone printed is compared with itself, so it is always "verbatim" and says
nothing about fidelity (on the seeds 46 of 64 statements have one outlet, and they
made Skai.gr look 67% verbatim where 7 of its 9 shared quotes were reworded).

Each rate carries the number of variants and of statements it rests on, so a page can
say "2 of 3, on 2 statements" rather than a bare 67%, and leave out a rate that rests
on too little. Limits: an outlet that printed one statement several times counts each
printing; wire copy (one agency text in several outlets) counts as several outlets
until it is detected upstream; the figures are only as right as the drift classes and
meaning flags they count.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_OUTLETS = 2
# The classes a reader tells apart; "punctuation only" counts as verbatim.
CLASSES = ("verbatim", "trimmed", "reworded", "fragment", "paraphrase")
AS_CLASS = {"punctuation": "verbatim"}


@dataclass(frozen=True)
class Variant:
    """One printed quote: its outlet, its Statement, its drift class, whether it is flagged."""

    outlet: str
    statement: int
    drift: str
    flagged: bool = False


@dataclass(frozen=True)
class Rate:
    """count of total variants, resting on that many statements; value None when total is 0."""

    count: int
    total: int
    statements: int

    @property
    def value(self) -> float | None:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class OutletFidelity:
    outlet: str
    variants: int  # the outlet's variants of statements at least MIN_OUTLETS outlets printed
    statements: int  # how many such statements
    classes: dict[str, Rate]  # drift class -> rate, for each of CLASSES
    meaning_changed: Rate


def shared_statements(variants: Iterable[Variant], min_outlets: int = MIN_OUTLETS) -> set[int]:
    """The statements at least min_outlets distinct outlets printed."""
    outlets: dict[int, set[str]] = defaultdict(set)
    for variant in variants:
        outlets[variant.statement].add(variant.outlet)
    return {statement for statement, names in outlets.items() if len(names) >= min_outlets}


def class_of(variant: Variant) -> str:
    return AS_CLASS.get(variant.drift, variant.drift)


def rate(variants: Sequence[Variant], matching: Sequence[Variant]) -> Rate:
    return Rate(len(matching), len(variants), len({variant.statement for variant in variants}))


def fidelity_of(outlet: str, variants: Sequence[Variant]) -> OutletFidelity:
    """The figures of one outlet's variants (already restricted to the statements that count)."""
    classes = {name: rate(variants, [v for v in variants if class_of(v) == name]) for name in CLASSES}
    return OutletFidelity(
        outlet=outlet,
        variants=len(variants),
        statements=len({variant.statement for variant in variants}),
        classes=classes,
        meaning_changed=rate(variants, [v for v in variants if v.flagged]),
    )


def outlet_fidelity(variants: Iterable[Variant], min_outlets: int = MIN_OUTLETS) -> dict[str, OutletFidelity]:
    """Each outlet's figures on the statements at least min_outlets outlets printed.

    An outlet all of whose statements were printed by it alone is left out: it has no
    figure a reader could trust.
    """
    variants = list(variants)
    counted = shared_statements(variants, min_outlets)
    by_outlet: dict[str, list[Variant]] = defaultdict(list)
    for variant in variants:
        if variant.statement in counted:
            by_outlet[variant.outlet].append(variant)
    return {outlet: fidelity_of(outlet, printed) for outlet, printed in sorted(by_outlet.items())}


def shared(variants: Iterable[Variant], first: str, second: str) -> tuple[OutletFidelity, OutletFidelity]:
    """Two outlets' figures on only the statements both printed, so they are compared
    on the same statements."""
    variants = list(variants)
    both = {v.statement for v in variants if v.outlet == first} & {
        v.statement for v in variants if v.outlet == second
    }
    return (
        fidelity_of(first, [v for v in variants if v.outlet == first and v.statement in both]),
        fidelity_of(second, [v for v in variants if v.outlet == second and v.statement in both]),
    )
