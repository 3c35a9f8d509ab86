"""A synthetic corpus of quotes with the structure of real news, for benchmarks.

Statements are generated sentences (10 to 28 words drawn from the embedding model's
own vocabulary, so no word list is shipped; they read as word salad, which is fine
for timing but says nothing of accuracy on real prose); each is printed by one to six outlets, verbatim, re-punctuated,
trimmed, reworded (synonyms swapped) or as a short fragment, and quotes of one outlet
are gathered into articles of a few statements each. Everything follows one seeded
random generator, so the same arguments give the same corpus.

Vectors: `synthetic_vectors` gives each Statement a unit vector near its topic's and
each printed variant a copy with noise that grows with how far its wording drifted.
They stand in for the model's vectors where embedding the whole corpus would take too
long; they are not what the model would produce.
"""

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TOPICS = 40
KINDS = ["verbatim", "verbatim", "verbatim", "punctuation", "trimmed", "reworded", "fragment"]
NOISE = {"verbatim": 0.0, "punctuation": 0.05, "trimmed": 0.25, "reworded": 0.35, "fragment": 0.7}


def vocabulary(path: Path) -> list[str]:
    """Whole lower-case words of a WordPiece vocabulary file (the model's vocab.txt)."""
    words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [w for w in words if len(w) >= 3 and w.isalpha() and w.isascii()]


@dataclass(frozen=True)
class SyntheticQuote:
    id: int
    text: str
    kind: str  # "full" or "fragment", as Quote.kind
    variant: str  # how it was printed: one of KINDS
    statement: int  # the true Statement (index of the generated sentence)
    topic: int
    article: int
    outlet: int


def sentence(words: list[str], weights: list[float], rng: random.Random) -> str:
    chosen = rng.choices(words, weights=weights, k=rng.randint(10, 28))
    return " ".join([chosen[0].capitalize(), *chosen[1:]]) + "."


def variant(text: str, kind: str, words: list[str], rng: random.Random) -> tuple[str, str]:
    tokens = text.rstrip(".").split()
    if kind == "punctuation":
        return text.lower().rstrip(".") + ",", "full"
    if kind == "trimmed":
        keep = rng.randint(max(5, len(tokens) // 2), len(tokens) - 1)
        start = rng.randint(0, len(tokens) - keep)
        return " ".join(tokens[start : start + keep]) + ".", "full"
    if kind == "reworded":
        return " ".join(rng.choice(words) if rng.random() < 0.25 else t for t in tokens) + ".", "full"
    if kind == "fragment":
        size = rng.randint(3, 5)
        start = rng.randint(0, len(tokens) - size)
        return " ".join(tokens[start : start + size]), "fragment"
    return text, "full"


def build(size: int, words: list[str], seed: int = 1, outlets: int = 60) -> list[SyntheticQuote]:
    """size quotes, ids 1..size in a shuffled publication order. Sentences are drawn
    from words with Zipf-like weights, so common words recur as they do in news."""
    rng = random.Random(seed)
    weights = [1.0 / (rank + 10) for rank in range(len(words))]
    rows = []
    statement = 0
    while len(rows) < size:
        text = sentence(words, weights, rng)
        topic = rng.randrange(TOPICS)
        printed_by = rng.sample(range(outlets), k=rng.choice([1, 1, 2, 3, 4, 6]))
        for number, outlet in enumerate(printed_by[: size - len(rows)]):
            kind = "verbatim" if number == 0 else rng.choice(KINDS)
            rows.append((statement, topic, outlet, kind, *variant(text, kind, words, rng)))
        statement += 1
    rng.shuffle(rows)
    quotes = []
    for pk, (statement, topic, outlet, kind, text, quote_kind) in enumerate(rows, start=1):
        article = outlet * 10_000_000 + statement // 5
        quotes.append(SyntheticQuote(pk, text, quote_kind, kind, statement, topic, article, outlet))
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
    centres = 0.6 * normalise(topics[topic_of]) + 0.8 * normalise(centres)
    centres = normalise(centres)
    noise = rng.standard_normal((len(quotes), dimensions)).astype(np.float32)
    scale = np.array([NOISE[q.variant] for q in quotes], dtype=np.float32)[:, None]
    vectors = centres[[q.statement for q in quotes]] + scale * normalise(noise)
    return normalise(vectors)


def normalise(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
