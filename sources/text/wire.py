"""Wire copy: articles that print the same text, such as one agency story run by several outlets.

In:  article bodies (plain strings), and for grouping, pairs of articles worth comparing
     with each one's date.
Out: `shingles(body)`, the set of the body's runs of `shingle_words` words; `overlap(a, b)`,
     the share of the smaller set the other holds (containment); `wire_groups(...)`,
     groups of articles that copy one another, each with the earliest as the original.

Containment rather than Jaccard similarity, because outlets cut an agency story to fit
(the last paragraphs go) and add a line of their own: a copy of the first half of a
story holds all its shingles in the whole. Words are lower-cased runs of letters and
digits, so punctuation, quote marks and line breaks do not matter.

Only the words outside quotation marks count: independent articles print the same
quotations (two seeds shared 0.24 of their shingles, nearly all inside quotes; 0.12
once quotations are left out).

Thresholds (Thresholds below), measured with `python -m benchmarks.wire_copies` on the
837 articles of ../shared/eval/dev/polnear_train and the five seeds (842 articles;
304,437 pairs of articles of two outlets, none of them wire copy, and 49,624 pairs of one
outlet's): the highest overlap of two outlets' articles was 0.143, of two different stories of one
outlet 0.237; copies made from each article the way outlets edit wire copy (the last
third of the paragraphs cut, another story's opening paragraph added at the top, one
word in 20 changed) overlapped their original by 0.323 at the 1st percentile and
0.719 at the median. At `min_overlap` 0.25 no pair of two outlets is a copy and 4 of the
827 copies long enough to judge are missed (1 of 827 with one word in 50 changed; 3 with
half the paragraphs cut). A body with fewer than `min_shingles` shingles outside quotes
(15 of the 842) is never called a copy: a few shared sentences would make it one.

Limits: a translation or a rewrite of an agency story is not a copy (it is, in a sense,
independent wording); a story told mostly inside quotation marks (a speech printed
whole) has too few shingles of its own to be judged; a quotation whose closing mark is
missing takes the 600 characters after it out of the comparison. Comparing is exact over the pairs given: the caller picks them
(quotes.services.variants compares articles that print a common statement), so no
minhash sketch is needed to find candidates among all articles.
"""

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")
# A quotation: independent articles print the same quoted words, so only the words
# outside quotation marks (the reporter's own) are compared.
QUOTED = re.compile(r"[\"“”«»„][^\"“”«»„]{0,600}[\"“”«»„]")


@dataclass(frozen=True)
class Thresholds:
    shingle_words: int = 5
    min_overlap: float = 0.25
    min_shingles: int = 40


DEFAULTS = Thresholds()


@dataclass(frozen=True)
class WireCopy:
    """article prints (nearly) the text of original, the earliest of its group."""

    article: Hashable
    original: Hashable
    overlap: float


def shingles(body: str, size: int = DEFAULTS.shingle_words) -> frozenset[int]:
    """The hashes of the runs of `size` consecutive words (lower-cased) in the body's text
    outside quotation marks (each quotation ends a run)."""
    found: set[int] = set()
    for piece in QUOTED.split(body):
        words = [word.casefold() for word in WORD.findall(piece)]
        found.update(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))
    return frozenset(found)


def overlap(left: frozenset[int], right: frozenset[int], t: Thresholds = DEFAULTS) -> float:
    """Share of the smaller set's shingles the other holds; 0.0 when the smaller is too short."""
    small, large = sorted((left, right), key=len)
    if len(small) < t.min_shingles:
        return 0.0
    return len(small & large) / len(small)


def wire_groups(
    pairs: Iterable[tuple[Hashable, Hashable]],
    bodies: Mapping[Hashable, frozenset[int]],
    order: Mapping[Hashable, tuple],
    t: Thresholds = DEFAULTS,
) -> list[WireCopy]:
    """The copies among the articles of `pairs`: each pair whose shingles (in `bodies`)
    overlap by at least t.min_overlap joins one group; every article of a group but its
    original (the least by `order`, e.g. (date, id)) is a WireCopy of it, with the highest
    overlap it had with an article of the group."""
    parent: dict[Hashable, Hashable] = {}

    def root(item: Hashable) -> Hashable:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    best: dict[Hashable, float] = {}
    for left, right in pairs:
        measured = overlap(bodies[left], bodies[right], t)
        if measured < t.min_overlap:
            continue
        for article in (left, right):
            best[article] = max(best.get(article, 0.0), measured)
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
    return [
        WireCopy(article, root(article), round(measured, 4))
        for article, measured in best.items()
        if root(article) != article
    ]
