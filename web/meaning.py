"""Meaning-change flags as short warnings for the statement and compare pages.

In:  Quotes: on the statement page with the flags clustering's refresh stored against the
     canonical wording (Quote.meaning_flags); on the compare page two quotes with their
     speakers joined, compared on the fly. No query is made here.
Out: `Flag`s (the flag type, for styling, and a one-line label naming the words on both
     sides, e.g. "Negation dropped: ‘not’"). Labels are plain text: the template
     escapes them.

The flags come from quotes.text.meaning; a quote is flagged against its Statement's
canonical wording (stored), or on the compare page the second quote against the first
(parsed per request: any two quotes can be chosen). Reported speech (kind "indirect") is
read with tense backshift allowed.
"""

from dataclasses import dataclass

from quotes.text.meaning import HEDGE_CHANGED, MeaningChange, from_records, meaning_changes

NAMES = {
    "negation": "Negation",
    "number": "Number",
    "hedge": "Hedge",
    "entity": "Name",
    "quantifier": "Quantifier",
    "speaker": "Speaker",
}


@dataclass(frozen=True)
class Flag:
    family: str
    label: str


def label(change: MeaningChange) -> str:
    """ "Number changed: ‘40’ → ‘14’", "Negation dropped: ‘not’", "Modality changed: ‘may’ →
    ‘can’", "Roles swapped: A, B"."""
    if change.family == "roles":
        return f"Roles swapped: {change.canonical}"
    name = NAMES[change.family]
    if change.kind == HEDGE_CHANGED:
        return f"Modality changed: ‘{change.canonical}’ → ‘{change.variant}’"
    if change.canonical and change.variant:
        return f"{name} changed: ‘{change.canonical}’ → ‘{change.variant}’"
    if change.canonical:
        return f"{name} dropped: ‘{change.canonical}’"
    return f"{name} added: ‘{change.variant}’"


def flags(changes) -> list[Flag]:
    return [Flag(change.family, label(change)) for change in changes]


def speaker_name(speaker) -> str | None:
    return speaker.name if speaker is not None else None


def annotate_variants(quotes) -> None:
    """Give each quote of the statement page its `meaning_warnings`: the flags stored
    against the canonical wording (quotes.services.variants), as warnings."""
    for quote in quotes:
        quote.meaning_warnings = flags(from_records(quote.meaning_flags or []))


def between(left, right) -> list[Flag]:
    """The compare page: what the right quote changes in meaning from the left one."""
    return flags(
        meaning_changes(
            left.text,
            right.text,
            canonical_speaker=speaker_name(left.speaker),
            variant_speaker=speaker_name(right.speaker),
            reported=right.kind == "indirect",
        )
    )
