"""The sentence an outlet printed a quotation in, with the quoted part apart.

In:  a stretch of an article body around a quote (the database cuts it: WINDOW
     characters on each side, so a page never loads whole bodies), the quote's start
     and end offsets in that stretch, and whether the stretch begins (ends) inside the
     body rather than at its start (end).
Out: a `Context` (before, quoted, after): the sentence or sentences that hold the
     quote (quotes.text.sentences), never past a paragraph break, split at the quote;
     "…" stands where a side was shortened. None when only quote marks and punctuation
     surround the quote: it is a sentence of its own and the context adds nothing.

Why: a fragment ("the new normal") or a trimmed sentence means what the outlet's own
sentence around it makes it mean; the statement and compare pages show that sentence
with the quoted words marked.

Limits: each side keeps at most MAX_SIDE characters next to the quote, cut at a
space; a sentence that begins before the stretch does starts with "…"; sentence
ends are those quotes.text.sentences finds (an abbreviation at the end of a sentence
joins it to the next).
"""

import re
from dataclasses import dataclass

from .sentences import sentence_spans

WINDOW = 600
MAX_SIDE = 240
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WORDLIKE = re.compile(r"[^\W_]")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Context:
    before: str
    quoted: str
    after: str


def surrounding(
    stretch: str, start: int, end: int, *, cut_before: bool = False, cut_after: bool = False
) -> Context | None:
    """The sentence around stretch[start:end]; see the module docstring."""
    start, end = max(0, min(start, len(stretch))), max(0, min(end, len(stretch)))
    if start >= end:
        return None
    breaks_before = [match.end() for match in PARAGRAPH_BREAK.finditer(stretch, 0, start)]
    after_break = PARAGRAPH_BREAK.search(stretch, end)
    low = breaks_before[-1] if breaks_before else 0
    high = after_break.start() if after_break else len(stretch)
    spans = sentence_spans(stretch, low, high)
    first = max((s for s, _ in spans if s <= start), default=low)
    last = min((e for _, e in spans if e >= end), default=high)
    before, after = stretch[first:start], stretch[end:last]
    if not WORDLIKE.search(before) and not WORDLIKE.search(after):
        return None
    before = shortened(before, from_left=True) if len(before) > MAX_SIDE else before
    after = shortened(after, from_left=False) if len(after) > MAX_SIDE else after
    if first == 0 and cut_before and not before.startswith(ELLIPSIS):
        before = ELLIPSIS + before
    if last == len(stretch) and cut_after and not after.endswith(ELLIPSIS):
        after = after + ELLIPSIS
    return Context(before.lstrip(), stretch[start:end], after.rstrip())


def shortened(side: str, from_left: bool) -> str:
    """The MAX_SIDE characters of side next to the quote, cut at a space, with "…"."""
    if from_left:
        kept = side[-MAX_SIDE:]
        space = kept.find(" ")
        return ELLIPSIS + (kept[space + 1 :] if space >= 0 else kept)
    kept = side[:MAX_SIDE]
    space = kept.rfind(" ")
    return (kept[:space] if space >= 0 else kept) + ELLIPSIS
