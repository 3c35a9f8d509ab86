"""Article bodies read (quotes.text.reading) ahead of their use, in worker processes.

Why: the spaCy parse is four fifths of extraction's CPU and one Python process
uses one core, so a batch read in one process leaves the other cores idle and
its database writes wait on the parse. Here the parse runs in `processes`
worker processes while the caller stores what was read before.

`read_ahead(batches, processes, reported=True)` takes (key, bodies) pairs and
yields (key, result) in the order given, where result is the list of
Statements of each body (quotes.text.reading.read_articles) or the exception
reading the batch raised, so the caller can read that batch's bodies one by one
and lose only the one that breaks. At most processes + 1 batches are in flight:
memory stays flat however long the input. With processes <= 1 the batches are
read here, in turn, when asked for: the same results without the start-up.

Workers are spawned, not forked (the caller may hold database connections and
threads), and each loads the pipeline once (parse.pipeline): about 3 s of
start-up, so callers use workers only for batches worth it. Pure; no ORM.
"""

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor

from . import parse
from .reading import read_articles


def read_ahead(batches, processes, reported=True):
    if processes <= 1:
        for key, bodies in batches:
            yield key, outcome(bodies, reported)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=parse.pipeline) as pool:
        in_flight = deque()
        for key, bodies in batches:
            in_flight.append((key, pool.submit(read_articles, bodies, reported)))
            if len(in_flight) > processes:
                yield finished(*in_flight.popleft())
        while in_flight:
            yield finished(*in_flight.popleft())


def outcome(bodies, reported):
    try:
        return read_articles(bodies, reported)
    except Exception as error:
        return error


def finished(key, future):
    try:
        return key, future.result()
    except Exception as error:
        return key, error


def can_start_workers():
    """False in a daemonic process: multiprocessing refuses it children of its own."""
    return not multiprocessing.current_process().daemon
