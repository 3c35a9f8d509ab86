"""One ranking from two: statements found by their words and statements found by meaning.

In:  the ids the word search ranked (best first) and the ids the meaning search ranked
     (best first). Out: every id once, in the order a reader should see them (`fuse`).

Reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): an id scores
1 / (K + rank) in each list it is in (rank from 1), summed; K = 60, the paper's
value, keeps the first few ranks of either list from dominating. On top of it, exact
hits come first: every id the word search found ranks above every id only the
meaning search found, so a reader who typed words sees the statements that hold them
before the ones that only mean something close. Within each tier ids go by fused
score, ties by the better meaning rank, then by the word rank.

Limits: fusion reads ranks, not scores, so how much better the first hit is than the
second is lost; the word ranks come from each database's own ranking (PostgreSQL's
ts_rank_cd; SQLite's order of the results), so within the exact tier the two
backends may order differently when the words alone rank them differently.
"""

from collections.abc import Hashable, Sequence

K = 60


def fuse(word_ranked: Sequence[Hashable], meaning_ranked: Sequence[Hashable]) -> list:
    """The ids of both lists, exact hits first, each tier by reciprocal rank fusion."""
    word_rank = {key: rank for rank, key in enumerate(dict.fromkeys(word_ranked), start=1)}
    meaning_rank = {key: rank for rank, key in enumerate(dict.fromkeys(meaning_ranked), start=1)}
    missing = len(word_rank) + len(meaning_rank) + 1

    def order(key):
        score = sum(1.0 / (K + ranks[key]) for ranks in (word_rank, meaning_rank) if key in ranks)
        return (key not in word_rank, -score, meaning_rank.get(key, missing), word_rank.get(key, missing))

    return sorted(word_rank.keys() | meaning_rank.keys(), key=order)
