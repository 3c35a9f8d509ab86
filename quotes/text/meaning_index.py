"""The quotes nearest a query in meaning, from a graph saved on disk: `MeaningIndex`.

In:  quote ids with their unit-length vectors (`add`), a query vector (`nearest`), or
     a query vector and the ids of the quotes it may match (`similarities`).
Out: (quote id, cosine) pairs, most similar first.

The graph is a usearch HNSW index of 8-bit vectors (cosine metric) keyed by quote id:
384 bytes a quote, so 1,000,000 quotes take about 0.4 GB plus the graph's links. It is
saved as one file with a manifest beside it (`meaning.usearch`, `meaning.json`, each
written beside its final name and moved into place, manifest last), and opened as a
read-only memory map (`load(view=True)`): processes that search share the pages the
kernel caches, and opening it costs nothing per request. An index to be changed is
loaded into memory (`view=False`).

`nearest` walks the graph (approximate: a true neighbour may be missed, rarely at
expansion EXPANSION); `similarities` scores the ids it is given exactly against their
stored 8-bit vectors, for a query narrowed to a few thousand quotes, where the
graph's nearest may all lie outside the narrowed set. Cosines computed on 8-bit
vectors differ from float32 ones by up to about 0.03 (see grouping.QUANTISATION_SLACK).

`load` raises `IndexProblem` (saying why) for a missing or unreadable index, one of
another format, or a file whose size is not the one the manifest recorded (a partial
copy or a crash mid-write). Whether it still describes the database is the caller's
question: the manifest keeps `size` and `max_id`, and `stored_vector(id)` lets a
caller compare a quote's vector with the one indexed.
"""

import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = 1
GRAPH = "meaning.usearch"
MANIFEST = "meaning.json"
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION = 128
"""Candidates the graph keeps while searching (at least k): 128 holds recall of the true
top 10 above 0.95 on the synthetic corpus (benchmarks/pages.py --meaning prints it)."""


class IndexProblem(Exception):
    """The saved index cannot be used; the message says why."""


class MeaningIndex:
    def __init__(self, dimensions: int = 384, graph: Any = None, max_id: int = 0):
        from usearch.index import Index

        self.dimensions = dimensions
        self.graph: Any = graph or Index(
            ndim=dimensions,
            metric="cos",
            dtype="i8",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION,
        )
        self.max_id = max_id

    @property
    def size(self) -> int:
        return len(self.graph)

    def add(self, ids: Sequence[int], vectors: np.ndarray):
        """Index quotes; an id already indexed is replaced by its new vector."""
        if not len(ids):
            return
        keys = np.asarray(ids, dtype=np.uint64)
        present = keys[self.graph.contains(keys)] if self.size else keys[:0]
        if len(present):
            self.graph.remove(present)
        self.graph.add(keys, np.ascontiguousarray(vectors, dtype=np.float32))
        self.max_id = max(self.max_id, int(keys.max()))

    def remove(self, ids: Sequence[int]):
        keys = np.asarray(ids, dtype=np.uint64)
        if len(keys) and self.size:
            keys = keys[self.graph.contains(keys)]
            if len(keys):
                self.graph.remove(keys)

    def nearest(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Up to k indexed quotes nearest vector, as (id, cosine), most similar first."""
        if not self.size or k < 1:
            return []
        found = self.graph.search(np.ascontiguousarray(vector, dtype=np.float32), k)
        keys = np.asarray(found.keys).reshape(-1)
        cosines = 1.0 - np.asarray(found.distances, dtype=np.float32).reshape(-1)
        return [(int(key), float(cos)) for key, cos in zip(keys, cosines) if np.isfinite(cos)]

    def similarities(self, vector: np.ndarray, ids: Sequence[int]) -> list[tuple[int, float]]:
        """Exact cosines of vector with each indexed quote of ids (ids not indexed are
        left out), most similar first."""
        keys = np.asarray(ids, dtype=np.uint64)
        if not len(keys) or not self.size:
            return []
        keys = keys[self.graph.contains(keys)]
        if not len(keys):
            return []
        stored = np.asarray(self.graph.get(keys, dtype=np.float32), dtype=np.float32).reshape(len(keys), -1)
        norms = np.linalg.norm(stored, axis=1)
        norms[norms == 0] = 1.0
        cosines = (stored @ np.asarray(vector, dtype=np.float32)) / norms
        order = np.argsort(-cosines, kind="stable")
        return [(int(keys[i]), float(cosines[i])) for i in order]

    def stored_vector(self, pk: int) -> np.ndarray | None:
        """The indexed (8-bit, rescaled to unit length) vector of a quote, or None."""
        key = np.asarray([pk], dtype=np.uint64)
        if not self.size or not self.graph.contains(key)[0]:
            return None
        vector = np.asarray(self.graph.get(key, dtype=np.float32), dtype=np.float32).reshape(-1)
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def save(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        part = f".{os.getpid()}.{threading.get_ident()}.part"  # two writers never share a file
        graph = directory / GRAPH
        self.graph.save(str(graph) + part)
        manifest = {
            "format": FORMAT,
            "dimensions": self.dimensions,
            "size": self.size,
            "max_id": self.max_id,
            "bytes": os.path.getsize(str(graph) + part),
        }
        os.replace(str(graph) + part, graph)
        (directory / (MANIFEST + part)).write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(directory / (MANIFEST + part), directory / MANIFEST)

    @classmethod
    def load(cls, directory: Path, dimensions: int = 384, view: bool = True) -> "MeaningIndex":
        """The saved index, memory-mapped read-only (view) or read into memory."""
        from usearch.index import Index

        try:
            manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise IndexProblem(f"no meaning index in {directory}") from error
        except (OSError, ValueError) as error:
            raise IndexProblem(
                f"the meaning index manifest in {directory} cannot be read: {error}"
            ) from error
        graph_path = directory / GRAPH
        if manifest.get("format") != FORMAT or manifest.get("dimensions") != dimensions:
            raise IndexProblem(f"the meaning index in {directory} is of another format")
        if not graph_path.exists() or graph_path.stat().st_size != manifest.get("bytes"):
            raise IndexProblem(f"{graph_path} is missing or not the file its manifest describes")
        try:
            graph: Any = Index.restore(str(graph_path), view=view)
        except (OSError, ValueError, RuntimeError) as error:
            raise IndexProblem(f"{graph_path} cannot be read: {error}") from error
        if graph is None or len(graph) != manifest["size"] or graph.ndim != dimensions:
            raise IndexProblem(f"{graph_path} does not hold what its manifest says")
        graph.expansion_search = EXPANSION
        return cls(dimensions, graph, int(manifest["max_id"]))
