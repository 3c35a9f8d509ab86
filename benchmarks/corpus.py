"""A synthetic corpus of quotes with the structure of real news, for benchmarks.

Statements are generated sentences (10 to 28 words drawn from the embedding model's
own vocabulary with Zipf-like weights, so no word list is shipped; they read as word
salad, which is fine for timing and for the grouping rules, which look at words and
vectors, but says nothing of accuracy on real prose). Each has a speaker (Zipf-like
over SPEAKERS people, so a few speak a lot) and a day; SIBLING of them are another
sentence of a speaker's earlier statement on the same topic, a third of its words
kept: distinct same-speaker sentences that must stay apart. Each statement is printed
by one to six outlets within a few days: verbatim, re-punctuated, with one word
changed (near-duplicates), trimmed, reworded (a quarter of the words swapped),
paraphrased (half swapped, vector further away) or as a short fragment. Quotes of one
outlet and day are gathered into articles; ids follow publication order (as ingest
assigns them), with same-day quotes shuffled. Speakers come with explicit cues on
STRONG of the quotes, no speaker on a tenth. Everything follows one seeded random
generator, so the same arguments give the same corpus.

Vectors: `synthetic_vectors` gives each Statement a unit vector near its topic's (a
sibling's near its parent's, cosine about 0.74, below the 0.79 the seeds
showed for distinct sentences of one speaker) and each printed variant a copy with
noise that grows with how far its wording drifted (cosine to the statement: 1.0
verbatim, 0.97 trimmed, 0.94 reworded, 0.86 paraphrase, 0.82 fragment). They stand
in for the model's vectors where embedding the whole corpus would take too long; they
are not what the model would produce.
"""

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TOPICS = 40
SPEAKERS = 20_000
SIBLING = 0.15
STRONG = 0.7
DAYS_SPREAD = 3
KINDS = [
    "verbatim",
    "verbatim",
    "verbatim",
    "punctuation",
    "one_word",
    "trimmed",
    "reworded",
    "paraphrase",
    "fragment",
]
NOISE = {
    "verbatim": 0.0,
    "punctuation": 0.05,
    "one_word": 0.1,
    "trimmed": 0.25,
    "reworded": 0.35,
    "paraphrase": 0.6,
    "fragment": 0.7,
}
STATEMENTS_A_DAY = 500
CHUNK = 65_536


def vocabulary(path: Path) -> list[str]:
    """Whole lower-case words of a WordPiece vocabulary file (the model's vocab.txt)."""
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [w for w in words if len(w) >= 3 and w.isalpha() and w.isascii()]


@dataclass(frozen=True, slots=True)
class SyntheticQuote:
    id: int
    text: str
    kind: str  # "full" or "fragment", as Quote.kind
    variant: str  # how it was printed: one of KINDS
    statement: int  # the true Statement (index of the generated sentence)
    topic: int
    article: int
    outlet: int
    speaker: int | None = None
    strong_speaker: bool = False
    day: int = 0
    parent: int | None = None  # the statement a sibling was written from


def sentence(words: list[str], cumulative: list[float], rng: random.Random) -> str:
    chosen = rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 28))
    return " ".join([chosen[0].capitalize(), *chosen[1:]]) + "."


def sibling(text: str, words: list[str], cumulative: list[float], rng: random.Random) -> str:
    """Another sentence of the same speaker on the same subject: a third of the words kept,
    in order, the rest new."""
    tokens = text.rstrip(".").lower().split()
    kept = [t for t in tokens if rng.random() < 1 / 3]
    fresh = rng.choices(words, cum_weights=cumulative, k=max(6, len(tokens) - len(kept)))
    mixed = kept + fresh
    rng.shuffle(mixed)
    return " ".join([mixed[0].capitalize(), *mixed[1:]]) + "."


def variant(text: str, kind: str, words: list[str], rng: random.Random) -> tuple[str, str]:
    tokens = text.rstrip(".").split()
    if kind == "punctuation":
        return text.lower().rstrip(".") + ",", "full"
    if kind == "one_word":
        tokens[rng.randrange(len(tokens))] = rng.choice(words)
        return " ".join(tokens) + ".", "full"
    if kind == "trimmed":
        keep = rng.randint(max(5, len(tokens) // 2), len(tokens) - 1)
        start = rng.randint(0, len(tokens) - keep)
        return " ".join(tokens[start : start + keep]) + ".", "full"
    if kind in ("reworded", "paraphrase"):
        share = 0.25 if kind == "reworded" else 0.5
        swapped = [rng.choice(words) if rng.random() < share else t for t in tokens]
        if kind == "paraphrase":  # and a clause moved
            cut = rng.randint(1, len(swapped) - 1)
            swapped = swapped[cut:] + swapped[:cut]
        return " ".join(swapped) + ".", "full"
    if kind == "fragment":
        size = rng.randint(3, 5)
        start = rng.randint(0, len(tokens) - size)
        return " ".join(tokens[start : start + size]), "fragment"
    return text, "full"


def build(size: int, words: list[str], seed: int = 1, outlets: int = 60) -> list[SyntheticQuote]:
    """size quotes, ids 1..size in publication order (see the module docstring)."""
    rng = random.Random(seed)
    cumulative = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(words))))
    speaker_weights = list(itertools.accumulate(1.0 / (rank + 5) for rank in range(SPEAKERS)))
    speakers = range(SPEAKERS)
    rows = []
    statement = 0
    said: dict[int, list[tuple[int, str, int]]] = {}
    while len(rows) < size:
        speaker = rng.choices(speakers, cum_weights=speaker_weights)[0]
        day = statement // STATEMENTS_A_DAY
        earlier = said.get(speaker)
        parent = None
        if earlier and rng.random() < SIBLING:
            parent, parent_text, topic = earlier[rng.randrange(len(earlier))]
            text = sibling(parent_text, words, cumulative, rng)
        else:
            text = sentence(words, cumulative, rng)
            topic = rng.randrange(TOPICS)
        said.setdefault(speaker, []).append((statement, text, topic))
        printed_by = rng.sample(range(outlets), k=rng.choice([1, 1, 2, 3, 4, 6]))
        for number, outlet in enumerate(printed_by[: size - len(rows)]):
            kind = "verbatim" if number == 0 else rng.choice(KINDS)
            shown = rng.random()
            who = None if shown < 0.1 else speaker
            when = day + (0 if number == 0 else rng.randint(0, DAYS_SPREAD))
            rows.append(
                (
                    when,
                    rng.random(),
                    statement,
                    topic,
                    outlet,
                    kind,
                    who,
                    shown >= 1 - STRONG,
                    parent,
                    *variant(text, kind, words, rng),
                )
            )
        statement += 1
    rows.sort()
    quotes = []
    for pk, (day, _, statement, topic, outlet, kind, who, strong, parent, text, quote_kind) in enumerate(
        rows, start=1
    ):
        article = (day * 1000 + outlet) * 100 + statement % 7
        quotes.append(
            SyntheticQuote(
                pk,
                text,
                quote_kind,
                kind,
                statement,
                topic,
                article,
                outlet,
                who,
                strong and who is not None,
                day,
                parent,
            )
        )
    return quotes


def synthetic_vectors(quotes: list[SyntheticQuote], dimensions: int = 384, seed: int = 1) -> np.ndarray:
    """Unit vectors: a Statement's lies near its topic's; a variant's adds noise by kind."""
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((TOPICS, dimensions)).astype(np.float32)
    statements = max(q.statement for q in quotes) + 1
    centres = rng.standard_normal((statements, dimensions)).astype(np.float32)
    topic_of = np.zeros(statements, dtype=np.int64)
    for q in quotes:
        topic_of[q.statement] = q.topic
    centres = normalise(0.6 * normalise(topics[topic_of]) + 0.8 * normalise(centres))
    parents = sorted({(q.statement, q.parent) for q in quotes if q.parent is not None})
    for child, parent in parents:  # parents come first: their centres are final
        mixed = 0.55 * centres[parent] + 0.835 * centres[child]
        centres[child] = mixed / np.linalg.norm(mixed)
    statement_of = np.array([q.statement for q in quotes], dtype=np.int64)
    scale = np.array([NOISE[q.variant] for q in quotes], dtype=np.float32)[:, None]
    vectors = np.empty((len(quotes), dimensions), dtype=np.float32)
    for start in range(0, len(quotes), CHUNK):  # in chunks, so the temporaries stay small
        end = min(start + CHUNK, len(quotes))
        noise = normalise(rng.standard_normal((end - start, dimensions), dtype=np.float32))
        vectors[start:end] = normalise(centres[statement_of[start:end]] + scale[start:end] * noise)
    return vectors


def normalise(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
