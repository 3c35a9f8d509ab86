"""Search latency in-process: by meaning (the saved index, warm) and by words.

In: a database with embedded, clustered quotes (the synthetic corpus of
`manage.py load_synthetic`, or real articles) and its meaning index. Out: p50/p95/max
in milliseconds of `rounds` searches of each kind, one at a time, printed by
`manage.py bench_search`:

- "meaning (index)": the graph's nearest for a query vector, mapped to statements
  through the database (quotes.services.search.nearest_statements with the query's
  vector given, so the model's speed does not blur the index's);
- "meaning (model)": the same with the query embedded by the model first (loaded
  before timing; a short query);
- "words rare" / "words common": matching_statements for one word, the first page of
  20 statements read, as the search page reads it.
Queries come from the corpus's own vectors and words (a quote's vector with noise, a
rare or a common word of the vocabulary), so they find something. No figure here is
asserted anywhere.
"""

import time
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Timing:
    name: str
    p50_ms: float
    p95_ms: float
    max_ms: float
    rounds: int

    def line(self) -> str:
        return f"{self.name:<18} {self.p50_ms:8.1f} {self.p95_ms:8.1f} {self.max_ms:8.1f} {self.rounds:7d}"


HEADER = f"{'search':<18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'rounds':>7}"


def timed(name: str, search, queries: list) -> Timing:
    """Time search(query) for each query, one at a time (the first once more before, untimed)."""
    search(queries[0])
    elapsed = []
    for query in queries:
        start = time.perf_counter()
        search(query)
        elapsed.append((time.perf_counter() - start) * 1000)
    values = np.array(elapsed)
    return Timing(
        name,
        float(np.percentile(values, 50)),
        float(np.percentile(values, 95)),
        float(values.max()),
        len(values),
    )


def noisy(vector: np.ndarray, rng: np.random.Generator, noise: float = 0.3) -> np.ndarray:
    moved = vector + rng.normal(0, noise / np.sqrt(len(vector)), len(vector)).astype(np.float32)
    return moved / np.linalg.norm(moved)
