"""Sentence boundaries in news text, as (start, end) offsets.

In: a string and an optional (start, end) window. Out: spans of sentences inside
the window, trimmed of surrounding white space, in order.

A sentence ends at ".", "!", "?" or "…" (possibly doubled, possibly followed by a
closing quote mark or bracket) when white space and then anything but a
lower-case letter follow (an opening mark is looked through). It does not end after a known abbreviation
("Mr.", "Gen.", "e.g."), a single initial ("J. Smith") or a dotted acronym
("U.S."). Limits: an abbreviation that really ends a sentence ("…in the U.S.
The next…") stays joined to the next sentence; a sentence that starts with a
lower-case letter after a full stop is not split from the one before.
"""

import re
from bisect import bisect_right

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cpt maj adm sen rep gov pres rev
    hon jr sr inc ltd co corp vs etc e.g i.e no nos vol fig jan feb mar apr jun
    jul aug sep sept oct nov dec mt ft approx dept est cf al coun cllr const cpl
    insp supt det cmdr atty amb asst bros messrs sens reps govs""".split()
)

# A terminator run, then closing marks, then the white space before the next one.
BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?(?![a-zß-ÿ])\S)")
WORD_BEFORE = re.compile(r"([\w.]+)$")


def is_abbreviation(text, dot):
    """Whether the full stop at text[dot] closes an abbreviation, not a sentence."""
    if text[dot] != ".":
        return False
    match = WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    if "." in word.strip("."):
        return True  # U.S, e.g, a.m
    return word.lower() in ABBREVIATIONS


def sentence_spans(text, start=0, end=None):
    """The sentences of text[start:end] as (start, end) offsets into text."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in BOUNDARY.finditer(text, start, end):
        if is_abbreviation(text, match.start()):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [trimmed for trimmed in (trim(text, s, e) for s, e in spans) if trimmed]


def trim(text, start, end):
    """(start, end) without leading and trailing white space; None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class SentenceIndex:
    """The sentences of windows of one text, each window split once, so finding
    the sentence around many positions of a long paragraph stays linear."""

    def __init__(self, text):
        self.text = text
        self.windows = {}

    def spans(self, lo, hi):
        return self.window(lo, hi)[0]

    def window(self, lo, hi):
        if (lo, hi) not in self.windows:
            spans = sentence_spans(self.text, lo, hi)
            self.windows[(lo, hi)] = (spans, [start for start, _ in spans])
        return self.windows[(lo, hi)]

    def around(self, lo, hi, position):
        """(start, end) of the sentence of text[lo:hi] that holds position, or
        the whole window when none does."""
        spans, starts = self.window(lo, hi)
        i = bisect_right(starts, position) - 1
        if i >= 0 and spans[i][0] <= position < spans[i][1]:
            return spans[i]
        return lo, hi
