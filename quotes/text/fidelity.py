"""Outlet figures a reader can trust: how faithfully each outlet printed the statements
that other outlets printed too.

In:  `Variant`s (plain data, one per printed quote: its outlet, its Statement, its drift
     class, whether it carries a meaning-change flag against the Statement's canonical
     wording, as quotes.text.meaning reads it, and whether its article is wire copy).
Out: per outlet an `OutletFidelity`: for each drift class a `Rate` (how many of the
     outlet's variants, out of how many, resting on how many statements), and the rate
     of variants that carry a meaning-change flag; `shared`, the same figures for two
     outlets on only the statements both printed, and `compared`, each outlet beside
     the outlets it shares most statements with. Records (`as_record`, `from_record`)
     are the plain JSON the figures are stored as.

Only statements that at least `MIN_OUTLETS` outlets printed count (DESIGN.md: "Outlet
figures count only statements that at least two outlets printed"): a statement one
outlet alone printed is compared with itself, so it is always "verbatim" and says
nothing about fidelity (on the seeds 46 of 64 statements have one outlet, and they
made Skai.gr look 67% verbatim where 7 of its 9 shared quotes were reworded).

Wire copy (one agency text printed by several outlets, sources.text.wire) is not
independent confirmation: a variant carries its `source`, the outlet whose text it is
(for a wire copy, the outlet of the original article), and a statement counts when at
least MIN_OUTLETS sources printed it. A wire copy's variants are left out of its
outlet's rates: the wording is the agency's, not the outlet's, and counting it would
make every outlet that runs the wire look verbatim.

Each rate carries the number of variants and of statements it rests on, so a page can
say "2 of 3, on 2 statements" rather than a bare 67%, and leave out a rate that rests
on too little. `compared` sets each outlet beside the outlets it shares most statements
with, both measured on those statements only. Limits: an outlet that printed one
statement several times counts each printing; the figures are only as right as the
drift classes, meaning flags and wire copies they count.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MIN_OUTLETS = 2
# The classes a reader tells apart; "punctuation only" counts as verbatim.
CLASSES = ("verbatim", "trimmed", "reworded", "fragment", "paraphrase")
AS_CLASS = {"punctuation": "verbatim"}
# How many other outlets each outlet is compared with (those it shares most statements with).
COMPARED = 8


@dataclass(frozen=True)
class Variant:
    """One printed quote: its outlet, its Statement, its drift class, whether it is flagged;
    source: the outlet whose text it is (None: its own); wire_copy: its article is a copy."""

    outlet: Hashable
    statement: int
    drift: str
    flagged: bool = False
    source: Hashable = None
    wire_copy: bool = False

    @property
    def origin(self) -> Hashable:
        return self.outlet if self.source is None else self.source


@dataclass(frozen=True)
class Rate:
    """count of total variants, resting on that many statements; value None when total is 0."""

    count: int
    total: int
    statements: int

    @property
    def value(self) -> float | None:
        return self.count / self.total if self.total else None

    def as_record(self) -> list[int]:
        return [self.count, self.total, self.statements]


@dataclass(frozen=True)
class OutletFidelity:
    outlet: Hashable
    variants: int  # the outlet's own variants of statements at least MIN_OUTLETS sources printed
    statements: int  # how many such statements
    classes: dict[str, Rate]  # drift class -> rate, for each of CLASSES
    meaning_changed: Rate

    def as_record(self) -> dict[str, Any]:
        """Plain JSON (the outlet left out: the caller keys the record by it)."""
        return {
            "variants": self.variants,
            "statements": self.statements,
            "classes": {name: rate.as_record() for name, rate in self.classes.items()},
            "meaning_changed": self.meaning_changed.as_record(),
        }

    @classmethod
    def from_record(cls, outlet: Hashable, record: Mapping[str, Any]) -> "OutletFidelity":
        """The figures as_record stored; an empty or partial record reads as no variants."""
        classes = record.get("classes", {})
        return cls(
            outlet=outlet,
            variants=int(record.get("variants", 0)),
            statements=int(record.get("statements", 0)),
            classes={name: Rate(*classes.get(name, (0, 0, 0))) for name in CLASSES},
            meaning_changed=Rate(*record.get("meaning_changed", (0, 0, 0))),
        )


@dataclass(frozen=True)
class Comparison:
    """Two outlets on the statements both printed (their own variants, no wire copy)."""

    outlet: Hashable
    other: Hashable
    statements: int
    own: OutletFidelity
    theirs: OutletFidelity

    def as_record(self) -> dict[str, Any]:
        return {
            "other": self.other,
            "statements": self.statements,
            "own": self.own.as_record(),
            "theirs": self.theirs.as_record(),
        }

    @classmethod
    def from_record(cls, outlet: Hashable, record: Mapping[str, Any]) -> "Comparison":
        return cls(
            outlet=outlet,
            other=record["other"],
            statements=int(record.get("statements", 0)),
            own=OutletFidelity.from_record(outlet, record.get("own", {})),
            theirs=OutletFidelity.from_record(record["other"], record.get("theirs", {})),
        )


def shared_statements(variants: Iterable[Variant], min_outlets: int = MIN_OUTLETS) -> set[int]:
    """The statements at least min_outlets distinct sources printed (a wire copy's source is
    the outlet it copied)."""
    sources: dict[int, set[Hashable]] = defaultdict(set)
    for variant in variants:
        sources[variant.statement].add(variant.origin)
    return {statement for statement, names in sources.items() if len(names) >= min_outlets}


def class_of(variant: Variant) -> str:
    return AS_CLASS.get(variant.drift, variant.drift)


def rate(variants: Sequence[Variant], matching: Sequence[Variant]) -> Rate:
    return Rate(len(matching), len(variants), len({variant.statement for variant in variants}))


def fidelity_of(outlet: Hashable, variants: Sequence[Variant]) -> OutletFidelity:
    """The figures of one outlet's variants (already restricted to the statements that count)."""
    classes = {name: rate(variants, [v for v in variants if class_of(v) == name]) for name in CLASSES}
    return OutletFidelity(
        outlet=outlet,
        variants=len(variants),
        statements=len({variant.statement for variant in variants}),
        classes=classes,
        meaning_changed=rate(variants, [v for v in variants if v.flagged]),
    )


def outlet_fidelity(
    variants: Iterable[Variant], min_outlets: int = MIN_OUTLETS
) -> dict[Hashable, OutletFidelity]:
    """Each outlet's figures on its own variants of the statements at least min_outlets
    sources printed.

    An outlet all of whose statements were printed by it alone (or only copied from the
    wire) is left out: it has no figure a reader could trust.
    """
    variants = list(variants)
    counted = shared_statements(variants, min_outlets)
    by_outlet: dict[Hashable, list[Variant]] = defaultdict(list)
    for variant in variants:
        if variant.statement in counted and not variant.wire_copy:
            by_outlet[variant.outlet].append(variant)
    return {outlet: fidelity_of(outlet, printed) for outlet, printed in sorted(by_outlet.items(), key=str)}


def own_by_statement(variants: Iterable[Variant]) -> dict[Hashable, dict[int, list[Variant]]]:
    """{outlet: {statement: its own variants}}, wire copies left out."""
    found: dict[Hashable, dict[int, list[Variant]]] = defaultdict(lambda: defaultdict(list))
    for variant in variants:
        if not variant.wire_copy:
            found[variant.outlet][variant.statement].append(variant)
    return found


def on_statements(printed: Mapping[int, list[Variant]], statements: Iterable[int]) -> list[Variant]:
    return [variant for statement in statements for variant in printed[statement]]


def shared(
    variants: Iterable[Variant], first: Hashable, second: Hashable
) -> tuple[OutletFidelity, OutletFidelity]:
    """Two outlets' figures on only the statements both printed, so they are compared
    on the same statements."""
    own = own_by_statement(variants)
    both = set(own[first]) & set(own[second])
    return (
        fidelity_of(first, on_statements(own[first], both)),
        fidelity_of(second, on_statements(own[second], both)),
    )


def compared(variants: Iterable[Variant], limit: int = COMPARED) -> dict[Hashable, list[Comparison]]:
    """Each outlet beside the `limit` outlets it shares most statements with (ties by
    name), both measured on those statements: the way to compare two outlets' fidelity
    on equal terms. Outlets that share no statement have no comparison."""
    own = own_by_statement(variants)
    outlets_of: dict[int, set[Hashable]] = defaultdict(set)
    for outlet, printed in own.items():
        for statement in printed:
            outlets_of[statement].add(outlet)
    together: dict[Hashable, Counter] = defaultdict(Counter)
    for outlets in outlets_of.values():
        for outlet in outlets:
            together[outlet].update(other for other in outlets if other != outlet)
    result: dict[Hashable, list[Comparison]] = {}
    for outlet, partners in sorted(together.items(), key=lambda item: str(item[0])):
        chosen = sorted(partners.items(), key=lambda item: (-item[1], str(item[0])))[:limit]
        result[outlet] = []
        for other, _ in chosen:
            both = sorted(set(own[outlet]) & set(own[other]))
            result[outlet].append(
                Comparison(
                    outlet,
                    other,
                    len(both),
                    fidelity_of(outlet, on_statements(own[outlet], both)),
                    fidelity_of(other, on_statements(own[other], both)),
                )
            )
    return result
