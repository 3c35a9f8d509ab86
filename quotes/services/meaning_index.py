"""The saved meaning index (quotes.text.meaning_index) kept in step with the database.

It holds the vector of every visible, embedded quote that belongs to a Statement
(`indexable_quotes`), keyed by quote id, in `directory()` (beside the clustering
index's folder, beside the database).

- `update_meaning_index()` runs at the end of every `cluster_quotes`: it adds the
  quotes embedded since the last run (ids above the index's newest), and when the
  index's count still differs from the database's (quotes deleted, hidden, or placed
  late) drops and adds what differs, reading only the vectors it adds. A missing,
  unreadable or stale index is rebuilt from the stored vectors; the log says why.
- `searchable_index()` gives a request the index, memory-mapped read-only, opened once
  per process and again only when a clustering run has saved a new one (the manifest's
  modification time changed). On opening it, a spot check compares the newest
  quotes' stored vectors with the indexed ones: vectors changed behind the index (a
  corpus embedded again) make it stale. A missing or stale index is rebuilt there and
  then when the database holds at most REBUILD_IN_REQUEST vectors; a larger one is
  left to `meaning_index` or `cluster_quotes` (requests would otherwise each start the same
  build) and the search says meaning search is unavailable.

The index may lag the database between clustering runs (a quote hidden or moved
since): searches read the statement of each quote found from the database, with
the visibility and filters of the moment, so a lag only costs a candidate.
"""

import logging
import os
from pathlib import Path

import numpy as np

from quotes.models import Quote
from quotes.services.clustering import index_directory
from quotes.services.locks import serialized
from quotes.text import embedding as embed
from quotes.text.meaning_index import IndexProblem, MeaningIndex

log = logging.getLogger(__name__)

REBUILD_IN_REQUEST = 50_000
"""Vectors a request may index itself (about 75 s on the shared 2-core machine at
20,000 random vectors, less for real ones, which cluster): more is a job for
cluster_quotes."""
SPOT_CHECK = 16
AGREEMENT = 0.98
"""Cosine between a stored vector and its 8-bit copy in the index: 0.999 and above for
the same vector, about 0 for a different one."""
READ_BATCH = 10_000


class MeaningUnavailable(Exception):
    """No usable meaning index; the message says why and what to run."""


def directory() -> Path:
    """Beside the clustering index's folder (its name + ".meaning"), not inside it: that
    folder is the clustering index's alone (its tests delete every file in it)."""
    clustering = index_directory()
    return clustering.with_name(clustering.name + ".meaning")


def indexable_quotes():
    return Quote.objects.visible().filter(embedding__isnull=False, statement__isnull=False).order_by()


def add_from_database(index: MeaningIndex, quotes) -> int:
    """Add the vectors of `quotes` (a queryset), read in batches by id; returns how many."""
    added, last = 0, 0
    while True:
        rows = list(quotes.filter(id__gt=last).order_by("id").values_list("id", "embedding")[:READ_BATCH])
        if not rows:
            return added
        index.add([pk for pk, _ in rows], np.array([embed.from_bytes(blob) for _, blob in rows]))
        added += len(rows)
        last = rows[-1][0]


def build() -> MeaningIndex:
    """A new index of every indexable quote, saved."""
    index = MeaningIndex(embed.DIMENSIONS)
    add_from_database(index, indexable_quotes())
    index.save(directory())
    return index


def stale(index: MeaningIndex) -> str:
    """Why the index no longer describes the database ("" when it may be used)."""
    newest = list(
        indexable_quotes()
        .filter(id__lte=index.max_id)
        .order_by("-id")
        .values_list("id", "embedding")[:SPOT_CHECK]
    )
    for pk, blob in newest:
        stored = index.stored_vector(pk)
        if stored is not None and float(stored @ embed.from_bytes(blob)) < AGREEMENT:
            return f"stale: the vector of quote {pk} changed since it was indexed"
    return ""


def update_meaning_index() -> str:
    """Bring the saved index in line with the database (see the module docstring);
    returns why it was rebuilt, or ""."""
    with serialized("meaning-index"):
        try:
            index = MeaningIndex.load(directory(), embed.DIMENSIONS, view=False)
            why = stale(index)
        except IndexProblem as problem:
            index, why = None, str(problem)
        if index is None or why:
            log.warning("rebuilding the meaning index: %s", why)
            build()
            return why
        add_from_database(index, indexable_quotes().filter(id__gt=index.max_id))
        if index.size != indexable_quotes().count():
            reconcile(index)
        index.save(directory())
        return ""


def reconcile(index: MeaningIndex):
    """Drop indexed quotes that left the indexable set, and add the ones it lacks."""
    present = set(indexable_quotes().values_list("id", flat=True))
    keys = set(np.asarray(index.graph.keys, dtype=np.int64).tolist())
    index.remove(sorted(keys - present))
    lacking = sorted(present - keys)
    for start in range(0, len(lacking), READ_BATCH):
        add_from_database(index, indexable_quotes().filter(id__in=lacking[start : start + READ_BATCH]))


_opened: dict[Path, tuple[int, MeaningIndex]] = {}


def searchable_index() -> MeaningIndex:
    """The saved index for searching (see the module docstring), or MeaningUnavailable."""
    where = directory()
    manifest = where / "meaning.json"
    try:
        changed = os.stat(manifest).st_mtime_ns
    except OSError:
        changed = None
    cached = _opened.get(where)
    if cached is not None and cached[0] == changed:
        return cached[1]
    try:
        index = MeaningIndex.load(where, embed.DIMENSIONS, view=True)
        why = stale(index)
    except IndexProblem as problem:
        why = str(problem)
    if why:
        if indexable_quotes().count() > REBUILD_IN_REQUEST:
            raise MeaningUnavailable(
                f"the meaning index needs rebuilding ({why}): run manage.py meaning_index"
            )
        log.warning("rebuilding the meaning index: %s", why)
        with serialized("meaning-index"):
            build()
        index = MeaningIndex.load(where, embed.DIMENSIONS, view=True)
        changed = os.stat(manifest).st_mtime_ns
    _opened[where] = (changed, index)
    return index
