"""A quote in its article, for an editor to judge its attribution by: its paragraph and
the one before, with the quote, the words that named the speaker and the speech verb
located.

In: an article body, the quote's start and end offsets, and the mention stored with it
(Quote.speaker_mention: "he", "Mr Berg", "the spokeswoman"; empty when none).
Out: a `Passage`: its text (a slice of the body) and its `Mark`s, offsets into that text,
in order and never overlapping: QUOTE (the quote), MENTION (the mention) and CUE (the
speech verb nearest the mention, else nearest the quote). Pure; no ORM.

How the mention is found: attribution stores its words, not where it read them, so they
are looked for again as whole words outside the quote, nearest the quote, first in its own
paragraph and then in the paragraph before (a colon introduction, a pronoun's antecedent
stated there). The cue is a word of lexicon.SPEECH_VERBS within CUE_WORDS words of the
mention (or of the quote when no mention was found).

Limits: when the same words occur twice at the same distance the earlier is marked; a
mention further back than the paragraph before is not shown (the article page is one link
away); a cue that is a noun ("in a statement") or a phrase ("according to") is not marked.
"""

import re
from dataclasses import dataclass

from .lexicon import SPEECH_VERBS
from .quotations import paragraph_spans

QUOTE, MENTION, CUE = "quote", "mention", "cue"
CUE_WORDS = 6
WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    what: str


@dataclass(frozen=True)
class Passage:
    text: str
    marks: tuple[Mark, ...]

    def pieces(self):
        """(text, what) in order, what None for unmarked text: what a template prints."""
        cursor = 0
        for mark in self.marks:
            if mark.start > cursor:
                yield self.text[cursor : mark.start], None
            yield self.text[mark.start : mark.end], mark.what
            cursor = mark.end
        if cursor < len(self.text):
            yield self.text[cursor:], None


def passage(body: str, start: int, end: int, mention: str = "") -> Passage:
    """The quote's paragraph and the one before it, with the quote, mention and cue marked."""
    paragraphs = paragraph_spans(body) or [(0, len(body))]
    index = next((i for i, (lo, hi) in enumerate(paragraphs) if lo <= start < hi), None)
    if index is None:  # offsets outside the body (stale): the quote's own span only
        lo, hi = max(0, min(start, len(body))), max(0, min(end, len(body)))
        return Passage(body[lo:hi], (Mark(0, hi - lo, QUOTE),) if hi > lo else ())
    lo = paragraphs[max(0, index - 1)][0]
    hi = paragraphs[index][1]
    text = body[lo:hi]
    quote = Mark(start - lo, min(end, hi) - lo, QUOTE)
    own_start = paragraphs[index][0] - lo
    named = find_mention(text, quote, mention, own_start)
    marks = [quote] + ([named] if named else [])
    cue = find_cue(text, named or quote, marks)
    if cue:
        marks.append(cue)
    return Passage(text, tuple(sorted(marks, key=lambda mark: mark.start)))


def find_mention(text: str, quote: Mark, mention: str, own_start: int) -> Mark | None:
    """The occurrence of mention outside the quote nearest it: in the quote's own
    paragraph (text from own_start) first, then in the paragraph before."""
    mention = " ".join(mention.split())
    if not mention or not mention.strip("\x00"):
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(mention)}(?!\w)", re.IGNORECASE)
    found = [
        (m.start(), m.end())
        for m in pattern.finditer(text)
        if m.end() <= quote.start or m.start() >= quote.end
    ]
    for pool in ([f for f in found if f[0] >= own_start], [f for f in found if f[0] < own_start]):
        if pool:
            start, end = min(pool, key=lambda f: (distance(f, quote), f[0]))
            return Mark(start, end, MENTION)
    return None


def find_cue(text: str, anchor: Mark, marks: list[Mark]) -> Mark | None:
    """The speech verb within CUE_WORDS words of anchor that overlaps no mark, nearest it."""
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    before = [w for w in words if w[1] <= anchor.start][-CUE_WORDS:]
    after = [w for w in words if w[0] >= anchor.end][:CUE_WORDS]
    verbs = [
        w
        for w in before + after
        if text[w[0] : w[1]].lower() in SPEECH_VERBS
        and not any(mark.start < w[1] and w[0] < mark.end for mark in marks)
    ]
    if not verbs:
        return None
    start, end = min(verbs, key=lambda w: (distance(w, anchor), w[0]))
    return Mark(start, end, CUE)


def distance(span: tuple[int, int], mark: Mark) -> int:
    return mark.start - span[1] if span[1] <= mark.start else span[0] - mark.end
