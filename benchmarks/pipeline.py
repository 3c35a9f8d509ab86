"""Time the pipeline's two heavy steps on a synthetic corpus: embedding and clustering.

Embedding: the app's path (quotes.text.embedding.encode on the configured backend: one
cached encoder, identical texts encoded once, length-sorted batches, pinned threads)
against a plain float32 SentenceTransformer.encode of the same texts, same model, batch
size and normalisation, on the first `embed_sample` quotes, after one warm-up batch, in
alternating rounds (so a change in the machine's load falls on both), with the cosine
of each app vector to the raw one. Clustering:
the steps of quotes.text.grouping.place on all N quotes in memory (no database), with the
model's vectors when embed_sample covers the corpus, else with `synthetic_vectors`; the
full sentences are timed in tenths, so the cost a quote as the indexes grow shows
whether time grows linearly; then the last INCREMENTAL quotes are placed again onto
the Statements of the rest, as an incremental run would: once in memory (indexes built
from every placed quote), once through the saved index (quotes.text.indexes: load it,
look up the candidates, place the new quotes onto their Statements only, add them,
save it; the database reads cluster_quotes would make are not timed). The clustering runs
in a child process (`in_child`) that builds the same seeded corpus again, so its time and
memory are its own, without the embedding models the parent holds: the child's resident
set before clustering (quotes and their vectors), its peak while clustering (from just
before it: the synthetic vectors' temporaries are left out) and its peak with the two
incremental runs after it (the in-memory one builds a second Placement).

Measured (2 cores): 1,000,000 quotes cluster in 402.6 s wall, 607.8 s CPU (0.61 ms a
quote; 0.49 ms at 100,000: 1.24x), pair precision 1.000, recall 0.998, peak RSS 3,579 MiB
clustering, 4,587 MiB with the incremental runs (load average ~2.3).
"""

import concurrent.futures
import multiprocessing
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from quotes.text import embedding as embed
from quotes.text.drift import keys
from quotes.text.grouping import FRAGMENT, Placement, QuoteItem, Thresholds, in_placing_order, place
from quotes.text.indexes import QuoteIndex

from .corpus import build, synthetic_vectors, vocabulary


@dataclass(frozen=True)
class Clustered:
    """What clustering the corpus measured, in the child process that did it."""

    statements: int
    real_vectors: bool
    cluster_seconds: float
    cluster_cpu_seconds: float
    tenths_ms: list[float]
    incremental_quotes: int
    incremental_seconds: float
    indexed_seconds: float
    indexed_read: int
    statements_found: int
    pair_precision: float
    pair_recall: float
    rss_before_mib: float
    clustering_peak_mib: float
    max_rss_mib: float


@dataclass(frozen=True)
class Figures(Clustered):
    quotes: int
    embedded: int
    distinct_texts: int
    backend: str
    app_per_second: float
    raw_per_second: float
    cosine_mean: float
    cosine_min: float

    def lines(self):
        vectors = (
            "the model's vectors" if self.real_vectors else "synthetic vectors (corpus.synthetic_vectors)"
        )
        return [
            f"corpus: {self.quotes} quotes of {self.statements} statements (synthetic, seeded)",
            f"embedding, first {self.embedded} quotes ({self.distinct_texts} distinct texts), CPU:",
            f"  app  quotes.text.embedding.encode ({self.backend}) {self.app_per_second:8.1f} quotes/s",
            f"  raw  SentenceTransformer.encode (float32) {self.raw_per_second:8.1f} quotes/s",
            f"  ratio {self.app_per_second / self.raw_per_second if self.raw_per_second else 0:.2f}x; "
            f"cosine app to raw: mean {self.cosine_mean:.6f}, min {self.cosine_min:.6f}",
            f"clustering {self.quotes} quotes with {vectors}: {self.cluster_seconds:.1f} s "
            f"({1000 * self.cluster_seconds / self.quotes:.2f} ms a quote); CPU {self.cluster_cpu_seconds:.1f} s "
            f"({1000 * self.cluster_cpu_seconds / self.quotes:.2f} ms a quote, all threads)",
            "  ms a full sentence, each tenth of them in turn: "
            + " ".join(f"{ms:.2f}" for ms in self.tenths_ms),
            f"  incremental run: the last {self.incremental_quotes} quotes placed onto the "
            f"others' Statements: {self.incremental_seconds:.1f} s in memory; "
            f"{self.indexed_seconds:.1f} s through the saved index ({self.indexed_read} placed quotes read)",
            f"  statements found {self.statements_found}; pairs of full quotes vs the generated "
            f"statements: precision {self.pair_precision:.3f}, recall {self.pair_recall:.3f}",
            f"memory of the clustering process (no model loaded): RSS before clustering "
            f"{self.rss_before_mib:.0f} MiB (quotes, vectors); peak RSS clustering "
            f"{self.clustering_peak_mib:.0f} MiB, with the incremental runs after it {self.max_rss_mib:.0f} MiB",
        ]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def time_embedding(model, raw, texts: list[str], batch_size: int, rounds: int = 8):
    """The app's vectors and raw's, and the seconds each took on texts, timed in
    alternating rounds after a warm-up batch."""
    embed.encode(texts[:batch_size], batch_size=batch_size, model=model)
    time_raw(raw, texts[:batch_size], batch_size)
    size = -(-len(texts) // rounds)
    app_parts, raw_parts, app_seconds, raw_seconds = [], [], 0.0, 0.0
    for number, start in enumerate(range(0, len(texts), size)):
        chunk = texts[start : start + size]
        raw_first = number % 2 == 1
        if raw_first:
            raw_parts.append(time_raw(raw, chunk, batch_size))
        vectors, seconds = timed(embed.encode, chunk, batch_size=batch_size, model=model)
        app_parts.append(vectors)
        app_seconds += seconds
        if not raw_first:
            raw_parts.append(time_raw(raw, chunk, batch_size))
    raw_seconds = sum(seconds for _, seconds in raw_parts)
    raw_vectors = np.concatenate([vectors for vectors, _ in raw_parts])
    return np.concatenate(app_parts), raw_vectors, app_seconds, raw_seconds


def time_raw(raw, texts: list[str], batch_size: int):
    return timed(
        raw.encode,
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )


def raw_model(path: str):
    """A plain float32 SentenceTransformer, as a project without this app would load it."""
    embed.offline()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu")


def time_clustering(items: list[QuoteItem], thresholds: Thresholds, progress=None):
    """Place items as quotes.text.grouping.place does, timing the whole and each tenth of the
    full sentences (tenths cut on the placing chunk, so the result is place's own), and
    telling progress (a callable taking a line) each tenth as it ends: a long run shows
    how far it got. Returns the decisions, the seconds (wall and CPU, all threads) and
    the milliseconds a quote of each tenth."""
    start, cpu = time.perf_counter(), time.process_time()
    placement = Placement({}, items, thresholds, embed.DIMENSIONS)
    full, fragments = in_placing_order(items)
    step = thresholds.chunk * max(1, -(-len(full) // (10 * thresholds.chunk)))
    tenths_ms = []
    for first in range(0, len(full), step):
        part = full[first : first + step]
        tenths_ms.append(1000 * timed(placement.place_full, part)[1] / len(part))
        if progress:
            progress(
                f"  tenth {len(tenths_ms)}: {tenths_ms[-1]:.2f} ms a full sentence; so far "
                f"{time.process_time() - cpu:.1f} s CPU, peak RSS {max_rss_mib():.0f} MiB"
            )
    placement.place_fragments(fragments)
    return placement.result, time.perf_counter() - start, time.process_time() - cpu, tenths_ms


def time_incremental(
    early: list[QuoteItem], late: list[QuoteItem], decided: dict, thresholds: Thresholds
) -> float:
    """Seconds to place late onto early grouped as the full run grouped them (what a
    daily run does: read the placed corpus, build its indexes, place the new quotes)."""
    placed = {}
    for item in early:
        placed.setdefault(decided[item.id], []).append(item)
    return timed(place, placed, late, thresholds, embed.DIMENSIONS)[1]


def time_indexed_incremental(
    early: list[QuoteItem], late: list[QuoteItem], decided: dict, thresholds: Thresholds
) -> tuple[float, int]:
    """Seconds to place late onto early as cluster_quotes does with a saved index, and
    how many placed quotes that needed (what it would read from the database)."""
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        full = [q for q in early if q.kind != FRAGMENT]
        saved = QuoteIndex(embed.DIMENSIONS, thresholds.neighbour_window)
        recent = len(full) - 4 * thresholds.neighbour_window  # as clustering.build_index
        for start in range(0, len(full), 50_000):
            part = full[start : start + 50_000]
            for into_window in (False, True):
                chosen = [q for n, q in enumerate(part, start) if (n >= recent) == into_window]
                saved.add(
                    [q.id for q in chosen],
                    np.array([q.vector for q in chosen]).reshape(-1, embed.DIMENSIONS),
                    [keys(q.text) for q in chosen],
                    into_window,
                )
        saved.save(directory)
        del saved
        by_statement: dict = {}
        for item in early:
            by_statement.setdefault(decided[item.id], []).append(item)
        start = time.perf_counter()
        index = QuoteIndex.load(directory, embed.DIMENSIONS, thresholds.neighbour_window)
        ids: set[int] = set()
        pending_full = [q for q in late if q.kind != FRAGMENT]
        floor = min(thresholds.embedding, thresholds.embedding_with_words, thresholds.aligned_embedding)
        for found in index.neighbours(
            np.array([q.vector for q in pending_full]), thresholds.neighbours, floor
        ):
            ids.update(found)
        for q in late:
            words = keys(q.text)
            if q.kind == FRAGMENT:
                ids.update(index.holding(words, thresholds.max_postings))
            else:
                ids.update(index.sharing(words, thresholds.max_postings, thresholds.word_candidates))
        statement_of = {q.id: decided[q.id] for q in early}
        placed = {statement_of[pk]: by_statement[statement_of[pk]] for pk in ids if pk in statement_of}
        result = place(placed, late, thresholds, embed.DIMENSIONS)
        new = [q for q in pending_full if q.id in result]
        index.add([q.id for q in new], np.array([q.vector for q in new]), [keys(q.text) for q in new])
        index.save(directory)
        return time.perf_counter() - start, sum(len(items) for items in placed.values())


def pair_scores(truth: list[int], found: list[object]) -> tuple[float, float]:
    """Pairwise precision and recall of found groups against true groups, by counting."""

    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter(zip(truth, found)))
    predicted, actual = pairs(Counter(found)), pairs(Counter(truth))
    return (both / predicted if predicted else 1.0, both / actual if actual else 1.0)


def rss_mib() -> float:
    """The resident set size now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def forget_peak():
    """Start the peak resident set (VmHWM) afresh from the current one (Linux 4.0+)."""
    clear = Path("/proc/self/clear_refs")
    if clear.exists():
        clear.write_text("5")


def max_rss_mib() -> float:
    """The peak resident set of this process image: Linux's VmHWM, since getrusage's
    ru_maxrss carries over exec the peak of the process that forked it (a spawned child
    would report its parent's model)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


INCREMENTAL = 1000


def in_child(function, *args):
    """function(*args) in a fresh (spawned, not forked) process, so its time and peak
    memory are its own: the embedding models the benchmark holds (and the ~390 MiB that
    importing torch and sentence-transformers leaves resident, which no `del` gives back)
    stay out of the clustering's figures, as they stay out of a clustering run that does
    not embed."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def clustering_figures(size: int, seed: int, thresholds: Thresholds, vectors_file: str | None) -> Clustered:
    """Build the corpus again (seeded: the same one) and cluster it: with the model's
    vectors saved in vectors_file, else with synthetic ones. Run by `run` in a child."""
    words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
    corpus = build(size, words, seed=seed)
    vectors = np.load(vectors_file) if vectors_file else synthetic_vectors(corpus, embed.DIMENSIONS, seed)
    items = [
        QuoteItem(
            id=q.id,
            text=q.text,
            kind=q.kind,
            article=q.article,
            outlet=q.outlet,
            vector=vectors[i],
            speaker=q.speaker,
            strong_speaker=q.strong_speaker,
            quotation=q.id,
        )
        for i, q in enumerate(corpus)
    ]
    truth = {q.id: q.statement for q in corpus if q.kind == "full"}
    statements = len({q.statement for q in corpus})
    del corpus  # the generator's bookkeeping (137 bytes a quote), no part of a clustering run
    rss_before = rss_mib()
    forget_peak()  # the synthetic vectors' temporaries are no part of clustering either
    decided, cluster_seconds, cluster_cpu_seconds, tenths_ms = time_clustering(
        items, thresholds, progress=lambda line: print(line, file=sys.stderr, flush=True)
    )
    clustering_peak = max_rss_mib()
    late = items[-min(INCREMENTAL, max(1, len(items) // 100)) :]
    incremental_seconds = time_incremental(items[: -len(late)], late, decided, thresholds)
    indexed_seconds, indexed_read = time_indexed_incremental(items[: -len(late)], late, decided, thresholds)
    precision, recall = pair_scores(list(truth.values()), [decided[pk] for pk in truth])
    return Clustered(
        statements=statements,
        real_vectors=vectors_file is not None,
        cluster_seconds=cluster_seconds,
        cluster_cpu_seconds=cluster_cpu_seconds,
        tenths_ms=tenths_ms,
        incremental_quotes=len(late),
        incremental_seconds=incremental_seconds,
        indexed_seconds=indexed_seconds,
        indexed_read=indexed_read,
        statements_found=len(set(decided.values())),
        pair_precision=precision,
        pair_recall=recall,
        rss_before_mib=rss_before,
        clustering_peak_mib=clustering_peak,
        max_rss_mib=max_rss_mib(),
    )


def run(
    size: int,
    embed_sample: int,
    thresholds: Thresholds,
    seed: int = 1,
    batch_size: int = 64,
    backend: str = "auto",
) -> Figures:
    model = embed.load_model(backend=backend)
    raw = raw_model(embed.default_model_path())
    words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
    sample = [q.text for q in build(size, words, seed=seed)[:embed_sample]]
    app_vectors, raw_vectors, app_seconds, raw_seconds = time_embedding(model, raw, sample, batch_size)
    cosines = (app_vectors * raw_vectors).sum(axis=1)
    del raw
    with tempfile.TemporaryDirectory() as folder:
        vectors_file = None
        if len(sample) == size:  # the model's vectors cover the corpus: cluster those
            vectors_file = str(Path(folder) / "vectors.npy")
            np.save(vectors_file, app_vectors)
        clustered = in_child(clustering_figures, size, seed, thresholds, vectors_file)
    return Figures(
        quotes=size,
        embedded=len(sample),
        distinct_texts=len(set(sample)),
        backend=embed.default_backend() if backend == "auto" else backend,
        app_per_second=len(sample) / app_seconds if app_seconds else 0.0,
        raw_per_second=len(sample) / raw_seconds if raw_seconds else 0.0,
        cosine_mean=float(cosines.mean()),
        cosine_min=float(cosines.min()),
        **asdict(clustered),
    )
