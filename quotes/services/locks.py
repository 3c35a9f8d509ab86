"""One job of a kind at a time, across processes and machines: `serialized(name)`.

In: a job name. While the `with` block runs, no other `serialized(name)` block runs
against the same database; a second one waits for the first to finish. On PostgreSQL
it is a session advisory lock keyed by the name's hash (held by the connection, so a
killed holder releases it when its connection drops); on SQLite, a single-machine
database, an exclusive `flock` on a file beside the database file (a killed holder
releases it too); for an in-memory database, a lock within the process (one a name).

Clustering takes it (`cluster_quotes` and the worker's task), so two clustering runs
never interleave their reads and writes.

`unless_running(name)` is the same lock taken only if it is free: the block is told
whether it holds it, and one that does not gets on without waiting (a refresh of the
outlets' figures leaves the work to one already under way).
"""

import fcntl
import hashlib
import threading
from contextlib import contextmanager, suppress

from django.db import connection

IN_PROCESS: dict[str, threading.Lock] = {}
"""One lock a name: a job holding one (clustering) may take another (the meaning index
it updates at its end) without waiting on itself."""


def lock_key(name):
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def serialized(name):
    with taken(name, wait=True):
        yield


@contextmanager
def unless_running(name):
    """Yields True holding the lock of serialized(name) if it was free, else False at once."""
    with taken(name, wait=False) as held:
        yield held


@contextmanager
def taken(name, wait):
    """Yields whether this holds the lock of name: once free when wait, else at once."""
    if connection.vendor == "postgresql":
        function = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s)", [lock_key(name)])
            held = wait or cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key(name)])
        return
    database = str(connection.settings_dict["NAME"])
    if database.startswith(("file:", ":memory:")) or "mode=memory" in database:
        lock = IN_PROCESS.setdefault(name, threading.Lock())  # setdefault is atomic
        held = lock.acquire(blocking=wait)
        try:
            yield held
        finally:
            if held:
                lock.release()
        return
    with open(f"{database}.{name}.lock", "w") as handle:
        held = False
        with suppress(BlockingIOError):
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            held = True
        try:
            yield held
        finally:
            if held:
                fcntl.flock(handle, fcntl.LOCK_UN)
