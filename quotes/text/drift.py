"""Paraphrase drift: how one printed variant of a Statement differs from its canonical wording.

In:  the canonical wording and one variant (plain strings), the variant's kind
     ("full" sentence or "fragment" inside reported speech) and, optionally, both
     embedding vectors (unit length, as quotes.text.embedding returns them).
Out: a `Drift`: a class a reader understands at a glance, a lexical and an embedding
     similarity, and the word-level diff operations the compare page marks.

Words are the whitespace-separated tokens of the text, shown as printed. Two words
match when they are equal after Unicode NFKC folding, lower-casing, unifying
typographic apostrophes and dropping the punctuation around them, so "Europe." and
"europe" are the same word (an `equal` operation whose two sides differ only in
punctuation). The word alignment is rapidfuzz's Indel (longest common subsequence)
alignment, which keeps as many words as possible; a cut next to an addition is
reported as one `replace`.

Classes, first match wins:
  paraphrase   the variant is reported speech (variant_kind "indirect"): the
               reporter's words for the utterance, whatever they share with it;
  verbatim     the same characters once whitespace and typographic quote marks,
               apostrophes and dashes are unified;
  punctuation  the same words in the same order; only punctuation or case differ;
  fragment     the variant is a fragment (variant_kind "fragment") shorter than
               the canonical wording;
  trimmed      the variant's words are an ordered subset of the canonical's
               (words cut, none added or changed), or a near-complete one: a
               variant of at least 8 words, every word of which the canonical
               prints, where no more than one word in 8 stands out of order and
               each of those is a joining word ("and", "the", "of": "troops and
               forces, equipment" printed "troops, forces and equipment");
  reworded     anything else, including a variant that adds words to the
               canonical wording.

Limits: the classes are lexical. A machine translation that keeps the meaning but
changes words is "reworded" however close its embedding; a variant that moves a
clause (or any word but a joining word) to another place in the sentence is
"reworded" too, because an ordered subset cannot reorder.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz.distance import Indel

VERBATIM = "verbatim"
PUNCTUATION = "punctuation"
TRIMMED = "trimmed"
REWORDED = "reworded"
FRAGMENT = "fragment"
PARAPHRASE = "paraphrase"

FRAGMENT_KIND = "fragment"
INDIRECT_KIND = "indirect"

TYPOGRAPHIC = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
    }
)
NOT_WORD = re.compile(r"[^\w']+")


@dataclass(frozen=True)
class DiffOp:
    """One run of the word alignment.

    op: "equal", "delete" (canonical words the variant cut), "insert" (words the
    variant added) or "replace"; canonical and variant hold each side's words of
    the run, space-joined, "" for the side that has none.
    """

    op: str
    canonical: str
    variant: str


@dataclass(frozen=True)
class Drift:
    drift_class: str
    lexical_similarity: float
    embedding_similarity: float | None
    ops: tuple[DiffOp, ...]


def surface(text: str) -> str:
    """The text with whitespace collapsed and typographic marks unified."""
    folded = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC)
    return " ".join(folded.split())


def word_key(token: str) -> str:
    """What two printed words must share to count as the same word ("" for pure punctuation)."""
    return NOT_WORD.sub("", surface(token).lower()).strip("'")


def tokens(text: str) -> list[str]:
    return text.split()


def keys(text: str) -> list[str]:
    """The comparable words of text (word_key of each), punctuation-only tokens left out."""
    folded = (NOT_WORD.sub("", token).strip("'") for token in surface(text).lower().split())
    return [key for key in folded if key]


def word_diff(canonical: str, variant: str) -> list[DiffOp]:
    """Align the two texts word by word; adjacent cut and added runs merge into one replace."""
    left, right = tokens(canonical), tokens(variant)
    left_keys = [word_key(t) or t for t in left]
    right_keys = [word_key(t) or t for t in right]
    runs: list[list] = []
    for code in Indel.opcodes(left_keys, right_keys):
        cut = left[code.src_start : code.src_end]
        added = right[code.dest_start : code.dest_end]
        if code.tag == "equal" or not runs or runs[-1][0] == "equal":
            runs.append([code.tag, cut, added])
        else:
            runs[-1][1] += cut
            runs[-1][2] += added
            runs[-1][0] = "replace" if runs[-1][1] and runs[-1][2] else runs[-1][0]
    return [DiffOp(op, " ".join(cut), " ".join(added)) for op, cut, added in runs]


def lexical_similarity(canonical: str, variant: str) -> float:
    """Share of words the two texts have in common, in order: 1.0 same words, 0.0 none."""
    return float(Indel.normalized_similarity(keys(canonical), keys(variant)))


def embedding_similarity(canonical_vector, variant_vector) -> float | None:
    """Cosine of two unit vectors, clipped to [-1, 1]; None when either is missing."""
    if canonical_vector is None or variant_vector is None:
        return None
    cosine = float(
        np.dot(np.asarray(canonical_vector, dtype=np.float32), np.asarray(variant_vector, dtype=np.float32))
    )
    return max(-1.0, min(1.0, cosine))


def is_ordered_subset(part: list[str], whole: list[str]) -> bool:
    """True when part's words appear in whole in the same order (gaps allowed)."""
    remaining = iter(whole)
    return all(word in remaining for word in part)


# Words whose place a trim may shift without rewording the sentence.
JOINING_WORDS = frozenset("and or but nor the a an of to in on at for with by that as".split())
# A near-complete ordered subset: at least this many words, and one word out of
# order allowed for every this many words.
NEAR_SUBSET_WORDS = 8


def is_near_ordered_subset(part: list[str], whole: list[str]) -> bool:
    """part keeps nearly every word of whole in order: see "trimmed" in the module docstring."""
    if len(part) < NEAR_SUBSET_WORDS or Counter(part) - Counter(whole):
        return False
    movable = [index for index, word in enumerate(part) if word in JOINING_WORDS]
    for count in range(1, len(part) // NEAR_SUBSET_WORDS + 1):
        for moved in combinations(movable, count):
            rest = [word for index, word in enumerate(part) if index not in moved]
            if is_ordered_subset(rest, whole):
                return True
    return False


def drift_class_of(canonical: str, variant: str, variant_kind: str = "full") -> str:
    if variant_kind == INDIRECT_KIND:
        return PARAPHRASE
    if surface(canonical) == surface(variant):
        return VERBATIM
    canonical_keys, variant_keys = keys(canonical), keys(variant)
    if canonical_keys == variant_keys:
        return PUNCTUATION
    if variant_kind == FRAGMENT_KIND and len(variant_keys) < len(canonical_keys):
        return FRAGMENT
    if len(variant_keys) < len(canonical_keys) and (
        is_ordered_subset(variant_keys, canonical_keys)
        or is_near_ordered_subset(variant_keys, canonical_keys)
    ):
        return TRIMMED
    return REWORDED


def measure(
    canonical: str, variant: str, *, variant_kind: str = "full", canonical_vector=None, variant_vector=None
) -> Drift:
    """The drift of variant against canonical; see the module docstring for the classes."""
    return Drift(
        drift_class=drift_class_of(canonical, variant, variant_kind),
        lexical_similarity=lexical_similarity(canonical, variant),
        embedding_similarity=embedding_similarity(canonical_vector, variant_vector),
        ops=tuple(word_diff(canonical, variant)),
    )
