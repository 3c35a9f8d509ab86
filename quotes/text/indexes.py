"""The placed full sentences as a run needs them to find candidates, saved on disk.

In:  quote ids with their unit-length vectors and words (`QuoteIndex.add`). Out: for
     a pending quote, the ids of placed quotes worth comparing: its nearest by vector
     (`neighbours`), those sharing its rarest words (`sharing`) and those that may
     hold a fragment's words (`holding`). The caller reads only those quotes, and the
     Statements they belong to, from the database.

On disk, in one directory (beside the database): `window.npz` (the vectors of the
latest WINDOW full sentences indexed, oldest first, with their quote ids: the sliding
window `grouping.Neighbours` searches, so an incremental run finds the neighbours a
rebuild would), `postings.npz` (each word's quote ids, and a CRC-32 of each indexed
vector) and `manifest.json`, written last, which names the format, how many quotes
the index holds, and the SHA-256 of the other two files. Each file is written beside
its final name and moved into place, so a crash leaves the old index or none. Nothing
in it grows with the corpus but the postings and checksums (at 1,000,000 quotes about
170 MB in memory): no graph to load or rebuild.

`load` refuses (raises `IndexProblem`, saying why) a directory that is missing,
unreadable, of another format, or whose files do not match the manifest's hashes
(corrupted). Whether the index still describes the database is the caller's to
check, with what the index keeps for it: `size` (compare with the count of quotes it
should hold) and `agrees(id, vector)` (the stored CRC of a quote's vector: a vector
changed behind the index is stale).

Limits: two runs saving at once each write their own files, but the last to move
them in wins and the manifest may then name the other's hashes: the next run finds it
corrupted and rebuilds it; a vector that twins one in the window (a verbatim copy)
does not enter it, as in `grouping.Placement`, though here twins of any Statement
count, so the window may hold a wording or two less than a rebuild's; word lookups
are bounded like `grouping.WordIndex` (max_postings entries a quote).
"""

import hashlib
import json
import os
import threading
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .grouping import TWIN_COSINE, Neighbours

FORMAT = 2
WINDOW = "window.npz"
POSTINGS = "postings.npz"
MANIFEST = "manifest.json"
CHUNK = 512


class IndexProblem(Exception):
    """The saved index cannot be used; the message says why."""


def digest(vector: np.ndarray) -> int:
    """CRC-32 of a float32 vector's bytes."""
    return zlib.crc32(np.ascontiguousarray(vector, dtype=np.float32).tobytes())


class QuoteIndex:
    """Vectors and words of placed full sentences, by quote id."""

    def __init__(self, dimensions: int = 384, window: int = 16384):
        self.dimensions = dimensions
        self.window = Neighbours(dimensions, window)
        self.postings: dict[str, array] = defaultdict(lambda: array("q"))
        self.digests: dict[int, int] = {}

    @property
    def size(self) -> int:
        return len(self.digests)

    def add(
        self,
        ids: Sequence[int],
        vectors: np.ndarray,
        words: Sequence[Sequence[str]],
        into_window: bool = True,
    ):
        """Index quotes (ids not yet indexed; one already there is left as it is), in id
        order. into_window=False indexes their words and checksums only: for a rebuild's
        older quotes, which newer ones would push out of the window anyway."""
        fresh = [i for i, pk in enumerate(ids) if pk not in self.digests]
        if not fresh:
            return
        vectors = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32)[fresh])
        keys = np.asarray([ids[i] for i in fresh], dtype=np.int64)
        if into_window:
            for start in range(0, len(keys), CHUNK):
                part = slice(start, start + CHUNK)
                wordings = ~twins(vectors[part], self.window)
                self.window.add(keys[part][wordings], vectors[part][wordings])
        for row, i in enumerate(fresh):
            self.digests[int(keys[row])] = digest(vectors[row])
            for word in set(words[i]):
                self.postings[word].append(int(keys[row]))

    def remove(self, ids: Sequence[int]):
        """Forget quotes (their word postings keep the ids: a caller finds no such quote)."""
        gone = [int(pk) for pk in ids if self.digests.pop(int(pk), None) is not None]
        self.window.forget(gone)

    def agrees(self, pk: int, vector: np.ndarray) -> bool:
        """False when the index holds pk with another vector than this one."""
        stored = self.digests.get(pk)
        return stored is None or stored == digest(vector)

    def neighbours(self, vectors: np.ndarray, k: int, floor: float = -1.0) -> list[list[int]]:
        """The ids of up to k nearest quotes in the window for each vector whose cosine
        reaches floor."""
        return self.window.search(
            np.asarray(vectors, dtype=np.float32).reshape(-1, self.dimensions), k, floor
        )

    def sharing(self, words: Sequence[str], max_postings: int, limit: int) -> list[int]:
        """Up to limit ids sharing the most of words (two at least, when two are indexed),
        looking up the rarest words only, as many as fit in max_postings entries: the
        lookup `grouping.WordIndex.sharing` makes."""
        postings = sorted((self.postings[w] for w in dict.fromkeys(words) if w in self.postings), key=len)
        found: Counter[int] = Counter()
        budget = max_postings
        for posting in postings:
            if len(posting) > budget:
                break
            found.update(posting)
            budget -= len(posting)
        least = min(2, len(postings))
        return [pk for pk, n in found.most_common(limit) if n >= least]

    def holding(self, words: Sequence[str], max_postings: int) -> list[int]:
        """The ids that may hold every one of words: those under the rarest, the latest
        max_postings of them when it is common."""
        if not words or any(word not in self.postings for word in words):
            return []
        rarest = min((self.postings[word] for word in dict.fromkeys(words)), key=len)
        return list(rarest[-max_postings:])

    def save(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        part = f".{os.getpid()}.{threading.get_ident()}.part"  # two writers never share a file
        keys, vectors = self.window.in_order()
        with open(directory / (WINDOW + part), "wb") as file:
            np.save(file, keys)
            np.save(file, vectors)
        words = sorted(self.postings)
        lengths = np.array([len(self.postings[w]) for w in words], dtype=np.int64)
        ids = np.array(sorted(self.digests), dtype=np.int64)
        with open(directory / (POSTINGS + part), "wb") as file:
            np.savez(
                file,
                words=np.array(words, dtype=object),
                lengths=lengths,
                entries=np.concatenate([np.frombuffer(self.postings[w], dtype=np.int64) for w in words])
                if words
                else np.zeros(0, dtype=np.int64),
                ids=ids,
                digests=np.array([self.digests[int(pk)] for pk in ids], dtype=np.uint32),
            )
        manifest = {
            "format": FORMAT,
            "dimensions": self.dimensions,
            "window": self.window.window,
            "size": self.size,
            "files": {name: file_hash(directory / (name + part)) for name in (WINDOW, POSTINGS)},
        }
        for name in (WINDOW, POSTINGS):
            os.replace(directory / (name + part), directory / name)
        (directory / (MANIFEST + part)).write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(directory / (MANIFEST + part), directory / MANIFEST)

    @classmethod
    def load(cls, directory: Path, dimensions: int = 384, window: int = 16384) -> "QuoteIndex":
        manifest_path = directory / MANIFEST
        if not manifest_path.exists():
            raise IndexProblem(f"no index in {directory}")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if (
                manifest.get("format") != FORMAT
                or manifest.get("dimensions") != dimensions
                or manifest.get("window") != window
            ):
                raise IndexProblem(f"the index in {directory} is of another format or window")
            for name, expected in manifest["files"].items():
                if not (directory / name).exists() or file_hash(directory / name) != expected:
                    raise IndexProblem(f"{directory / name} is missing or corrupted")
            index = cls(dimensions, window)
            with open(directory / WINDOW, "rb") as file:
                keys, vectors = np.load(file), np.load(file)
            index.window.add(keys, vectors)
            with np.load(directory / POSTINGS, allow_pickle=True) as saved:
                entries, offsets = saved["entries"], np.concatenate([[0], np.cumsum(saved["lengths"])])
                for n, word in enumerate(saved["words"]):
                    index.postings[str(word)] = array("q", entries[offsets[n] : offsets[n + 1]].tobytes())
                index.digests = dict(zip(saved["ids"].tolist(), saved["digests"].tolist()))
        except IndexProblem:
            raise
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            raise IndexProblem(f"the index in {directory} cannot be read: {error}") from error
        if index.size != manifest["size"]:
            raise IndexProblem(f"the index in {directory} does not hold what its manifest says")
        return index


def twins(vectors: np.ndarray, window: Neighbours) -> np.ndarray:
    """Which vectors twin (cosine >= TWIN_COSINE) one in the window or an earlier one
    of vectors: verbatim copies, found through their twins."""
    inside = np.tril(vectors @ vectors.T, k=-1)
    near = window.search(vectors, 1, TWIN_COSINE)
    return np.array([bool(found) for found in near], dtype=bool) | (inside >= TWIN_COSINE).any(axis=1)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
