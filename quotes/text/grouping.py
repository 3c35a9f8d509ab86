"""Group quotes into Statements: one utterance of one speaker, however outlets printed it.

In:  the quotes already placed (by Statement) and the quotes to place, as `QuoteItem`s
     with their unit-length vectors; `Thresholds`. Out: `place()` returns where each
     pending quote goes, an existing Statement id or a `NewStatement`;
     `statement_speaker()` and `canonical_quote()` say who said a Statement and which
     wording the others agree with most.

How a full sentence is placed. Pending quotes are taken in a fixed order (by id) and
each is compared with every full-sentence member of the Statements its candidates
belong to; it joins the Statement whose best member matches best, else opens a new
one. Because a quote only ever meets quotes placed before it (and, for reading
order, the other quotes of its own article, which arrive with it), and a Statement is
judged by its members (never by its canonical wording, which moves), placing new
quotes on top of an earlier run gives the same grouping as placing everything at
once. A member matches when
  - the words are nearly the same (word-level similarity >= near_verbatim), whatever
    the embedding says: a misattributed or re-punctuated copy still joins;
  - the shorter quote's words lie inside the longer one (share >= contained, at
    least contained_min_words words): a trimmed sentence joins its full version;
  - it is the next sentence of a quotation whose previous sentence is in the
    Statement, and most of its words (continuation_contained) lie inside a member
    from another article: one outlet split what another printed as one sentence;
  - the embeddings agree (cosine >= embedding, or >= embedding_with_words when the
    words also agree >= words_with_embedding): a reworded or machine-translated copy.
    This last test is off between two quotes of one article (an article does not
    print one utterance twice in different words) and between quotes whose explicit
    cues name different speakers (so two people's similar sentences stay apart).
When no member matches, a quote may still join by reading order (`ReadingOrder`):
two articles print the same stretch of a speech, the quote and a quote of the other
article sit between the same two matching quotes, and each is clearly the other's
closest in that gap (cosine >= aligned_embedding, ahead of the runner-up by
aligned_margin): a loose machine translation whose words and vector drifted too far
for the tests above.
A Statement that already holds a quote of the same article from another quotation
is closed to the pending quote unless the two are near-verbatim or one trims the
other: an article prints one utterance once.

Reported speech ("X said that …", kind "indirect") is the reporter's wording, so it
is placed after the full sentences and never becomes a member: it joins the Statement
of the full sentence it paraphrases when their vectors agree (cosine >=
reported_embedding), that sentence holds reported_words of its content words, and
their speakers, where both are known, are one; else it stays alone. No quote joins through
it, so it can neither merge two Statements nor host a fragment.

Candidates come from two indexes that grow as quotes are placed, so no step
compares all pairs: nearest neighbours by vector among the last neighbour_window
wordings placed (`Neighbours`, an exact search of a sliding window; a verbatim copy's
vector is not indexed again, see `wants_vector`) and an inverted word index that
finds quotes sharing words with the pending one (only its rarest words, up to
max_postings index entries a quote, so the work per quote stays bounded).

Fragments (short phrases inside reported speech) are placed after the full
sentences: a fragment joins the Statement of a full sentence that contains its words
as one run and does not name another speaker (see `may_host`), preferring the same
article, then the same speaker, then the closest vector; failing that it joins
earlier unhosted fragments with the same words, or opens a Statement of its own.
Full sentences never join through a fragment. Hosts are looked for among the
sentences holding the fragment's rarest word; when even that word is common (more
than max_postings sentences), among the max_postings of those placed nearest in time.

Limits: a reworded copy printed more than neighbour_window wordings after its
statement's last member is found by its words only. Each index hands over a bounded
number of candidates, so a rebuild and an incremental run may differ
where a match sits right at a threshold or a quote has very many near-copies. A
fragment made only of common words can miss a host printed long before or after it.
Fragments already hosted are not moved when a better host arrives later. One-word
fragments are never hosted (a single quoted word is usually a scare quote). A loose
paraphrase joins by reading order only with an article that was placed before it (in
id order) and prints the same stretch around it; printed alone, or before its
partners, it stays apart: no threshold on words or vectors that joins it keeps
distinct sentences of one speaker apart.
"""

import sys
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import Indel

from .drift import is_ordered_subset, keys

FULL = "full"
FRAGMENT = "fragment"
INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class QuoteItem:
    """One quote as clustering sees it. strong_speaker: the speaker comes from an
    explicit cue (or an editor, or the cue of its quotation's first sentence), so it
    may outvote weak attributions and mark a conflict."""

    id: int
    text: str
    kind: str
    article: int
    outlet: int
    vector: np.ndarray = field(repr=False, compare=False)
    speaker: int | None = None
    strong_speaker: bool = False
    quotation: int = 0
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class NewStatement:
    """A Statement this run opens; first_quote is the id of the quote that opened it."""

    first_quote: int


@dataclass(frozen=True)
class Thresholds:
    """When two quotes are one utterance. The defaults are measured; a deployment may
    override any field (setting VERBATIM_CLUSTER_THRESHOLDS, read by the service).

    Chosen by measurement on the gold full quotations of ../shared/seeds (pairs from
    different articles, same vs different gold statement) and the bundled samples:
    - different statements of one speaker on one topic reached a cosine of 0.79 and a
      word similarity of 0.45; the closest true pairs that were not near-verbatim or
      contained had cosines of 0.71-0.77 with word similarity 0.55-0.74. So: join on
      cosine >= 0.82 alone, or cosine >= 0.65 with word similarity >= 0.5.
    - near-verbatim copies (re-punctuated, one word changed) sat at word similarity
      >= 0.84, unrelated pairs at <= 0.45: join at 0.8 whatever the cosine says.
    - a trimmed sentence held 94-100% of its words inside its full version, different
      statements at most 77%: join at 90% when the shorter one has at least 5 words.
    - a sentence split off by one outlet (machine translation) kept 67% of its words
      inside the other outlets' single sentence: 0.6, asked only of the Statement
      that holds the previous sentence of its quotation.
    - a loose machine translation of one sentence kept a cosine of 0.57-0.59 and a word
      similarity of 0.23 with its originals, below distinct sentences of its speaker
      (0.71 and 0.79). What sets it apart is order: it sits between two quotes that
      match across the articles, and is clearly the closest quote in that gap (cosine
      0.57 against 0.44 for the runner-up). The one wrong pair order alone would make
      was a sentence whose partner the other article lacked, its closest in the gap by
      only 0.06 (0.71 against 0.65). So: aligned_margin 0.1; aligned_embedding 0.5
      keeps the test to related sentences; with the margin, windows of 4 to 10 quotes
      and floors of 0.3 to 0.5 gave the same grouping of the seeds; aligned_window 6.
    - reported speech: on the development set (polnear_train), cosine >= 0.75 with 30%
      of the content words, or >= 0.55 with 50%, joined 87 of 2,765 reported rows, and
      16 of a random 25 of those to another utterance of the speaker on the same
      subject; of the 87, the 9 at cosine >= 0.78 with 30% of at least 4 content
      words were right in 8 cases (read by hand). A pronoun shift alone ("We will" ->
      "she would") costs a short sentence 0.23 of cosine, so most paraphrases stay apart.
    The search sizes below them bound the work per quote (see Placement). The
    neighbour window (see `Neighbours`): 16,384 wordings hold a statement's reprints
    many times over (outlets reprint within days; the benchmark's corpus, 500
    statements a day, spreads them over 4 days, about 5,600 quotes of which fewer than
    half are new wordings). Against the HNSW graphs it replaced (a window of 250,000
    members, connectivity 16, expansion 64) on `bench_pipeline --quotes 100000`: pair
    recall 0.997 -> 0.998, precision 1.000 both, 347.5 s -> 206.7 s (load 9 and 8),
    and the cost a quote flat across the tenths (1.07 to 6.21 ms with the graphs, 1.40
    to 2.71 ms without). At 1,000,000 quotes (clustering alone, no model loaded):
    560.8 s of CPU, 0.51 to 0.55 ms of CPU a full sentence in every tenth, pair
    precision 1.000, recall 0.998, peak RSS 3,906 MiB (the graphs: 22.8 min, recall
    0.949, 6.9 GiB with the model, as issue 18 measured them).
    """

    near_verbatim: float = 0.8
    contained: float = 0.9
    contained_min_words: int = 5
    embedding: float = 0.82
    embedding_with_words: float = 0.65
    words_with_embedding: float = 0.5
    continuation_contained: float = 0.6
    aligned_embedding: float = 0.5
    aligned_window: int = 6
    aligned_margin: float = 0.1
    fragment_min_words: int = 2
    neighbours: int = 16
    word_candidates: int = 16
    max_postings: int = 250
    reported_embedding: float = 0.78
    reported_words: float = 0.3
    reported_min_words: int = 4
    chunk: int = 512
    neighbour_window: int = 16384


@dataclass(slots=True)
class Member:
    item: QuoteItem
    words: list[str]
    statement: object


TWIN_COSINE = 0.999


class Neighbours:
    """Nearest full-sentence members by cosine among the last `window` vectors added:
    an exact search (one matrix product a chunk of queries) over a sliding window.

    Outlets reprint a statement within days, so its copies sit close together in id
    order (about publication order); a window of the latest wordings holds them, older
    members are reached through their words only (see `WordIndex`), and the work and
    memory per quote stay bounded however long the corpus grows (blocking by time).
    Only wordings enter it (`Placement.wants_vector` keeps verbatim copies out), so the
    window spans more days than it holds vectors. Exact, unlike a graph: a rebuild and
    an incremental run that see the same window find the same neighbours. Measured on
    the benchmark's corpus against the HNSW graphs it replaces (usearch, a window of
    250,000 members): see benchmarks/pipeline.py and the commit that made it."""

    def __init__(self, dimensions: int, window: int = 16384):
        self.dimensions = dimensions
        self.window = window
        self.vectors = np.zeros((0, dimensions), dtype=np.float32)
        self.keys = np.zeros(0, dtype=np.int64)
        self.size = 0  # vectors ever added
        self.next = 0  # the slot the next vector goes to, once the window is full

    def add(self, positions: Sequence[int], vectors):
        """Add vectors under positions, the oldest leaving once the window is full."""
        if not len(positions):
            return
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(positions), self.dimensions)
        ids = np.asarray(positions, dtype=np.int64)
        self.size += len(ids)
        if len(ids) > self.window:
            vectors, ids = vectors[-self.window :], ids[-self.window :]
        room = self.window - len(self.keys)
        if room > 0:
            self.vectors = np.concatenate([self.vectors, vectors[:room]])
            self.keys = np.concatenate([self.keys, ids[:room]])
            vectors, ids = vectors[room:], ids[room:]
        while len(ids):
            take = min(len(ids), self.window - self.next)
            self.vectors[self.next : self.next + take] = vectors[:take]
            self.keys[self.next : self.next + take] = ids[:take]
            self.next = (self.next + take) % self.window
            vectors, ids = vectors[take:], ids[take:]

    def forget(self, positions: Sequence[int]):
        """Take these positions out of the window (their slots stay empty)."""
        gone = np.isin(self.keys, np.asarray(positions, dtype=np.int64))
        self.keys[gone] = -1
        self.vectors[gone] = 0.0

    def in_order(self) -> tuple[np.ndarray, np.ndarray]:
        """The positions and vectors in the window, oldest first (empty slots left out)."""
        keys, vectors = np.roll(self.keys, -self.next), np.roll(self.vectors, -self.next, axis=0)
        kept = keys >= 0
        return keys[kept], vectors[kept]

    def search(self, queries: np.ndarray, k: int, floor: float = -1.0) -> list[list[int]]:
        """For each query, the positions of up to k nearest vectors in the window whose
        cosine reaches floor, in increasing order."""
        if not len(self.keys) or not len(queries) or k <= 0:
            return [[] for _ in range(len(queries))]
        scores = np.asarray(queries, dtype=np.float32) @ self.vectors.T
        rows, columns = np.nonzero(scores >= floor)
        found: list[list[int]] = [[] for _ in range(len(queries))]
        bounds = np.searchsorted(rows, np.arange(len(queries) + 1))
        for i in range(len(queries)):
            chosen = columns[bounds[i] : bounds[i + 1]]
            chosen = chosen[self.keys[chosen] >= 0]
            if len(chosen) > k:
                chosen = chosen[np.argsort(-scores[i, chosen], kind="stable")[:k]]
            found[i] = sorted(self.keys[chosen].tolist())
        return found


class WordIndex:
    """Member positions by word, for quotes that share words with a pending one.
    Postings are arrays of 8-byte positions (a list of ints costs 36 bytes an entry:
    at a million quotes of 18 words, 650 MB against 150 MB)."""

    def __init__(self, max_postings: int):
        self.max_postings = max_postings
        self.postings: dict[str, array] = defaultdict(lambda: array("q"))

    def add(self, position: int, words: list[str]):
        for word in set(words):
            self.postings[word].append(position)

    def sharing(self, words: list[str], limit: int) -> list[int]:
        """Up to limit members sharing the most of words (two at least, when words has
        two that are indexed). Only the rarest words are looked up, as many as fit in
        max_postings entries of postings: a copy or a trimmed copy shares the rare
        words, and the work per quote stays bounded however large the corpus grows.
        Words are taken in their order in the quote, so ties break the same way in
        every process."""
        postings = sorted((self.postings[w] for w in dict.fromkeys(words) if w in self.postings), key=len)
        counts: Counter[int] = Counter()
        budget = self.max_postings
        for posting in postings:
            if len(posting) > budget:
                break
            counts.update(posting)
            budget -= len(posting)
        least = min(2, len(postings))
        return [position for position, n in counts.most_common(limit) if n >= least]

    def holding_candidates(self, words: list[str], near: int) -> list[int]:
        """Members that may hold every one of words: those listed under the rarest of
        them, or, when even that word is common, the max_postings of those nearest to
        position near (quotes placed about the same time, where a phrase's source
        usually is), so the work per fragment stays bounded."""
        if any(word not in self.postings for word in words):
            return []
        rarest = min((self.postings[word] for word in dict.fromkeys(words)), key=len)
        if len(rarest) <= self.max_postings:
            return list(rarest)
        start = min(
            max(0, bisect_left(rarest, near) - self.max_postings // 2), len(rarest) - self.max_postings
        )
        return list(rarest[start : start + self.max_postings])


def contained_share(part: list[str], whole: list[str]) -> float:
    """Share of part's distinct words that whole holds (sets, not multisets: a word
    repeated within one sentence is rare, and sets keep this in C)."""
    distinct = set(part)
    return len(distinct.intersection(whole)) / len(distinct) if distinct else 0.0


def holds_run(whole: list[str], run: list[str]) -> bool:
    """True when run occurs in whole as consecutive words (list.index finds each
    occurrence of its first word, so a miss costs one scan in C)."""
    n, at = len(run), -1
    while True:
        try:
            at = whole.index(run[0], at + 1)
        except ValueError:
            return False
        if whole[at : at + n] == run:
            return True


def match_strength(item: QuoteItem, words: list[str], member: Member, t: Thresholds) -> float:
    """How strongly item matches a full-sentence member: 0 when no rule lets it join,
    else the best of word similarity, containment and cosine (for ranking Statements)."""
    other = member.words
    lexical = Indel.normalized_similarity(words, other) if words and other else 0.0
    evidence = []
    if lexical >= t.near_verbatim:
        evidence.append(lexical)
    shorter, longer = (words, other) if len(words) <= len(other) else (other, words)
    if len(shorter) >= t.contained_min_words:
        share = contained_share(shorter, longer)
        if share >= t.contained:
            evidence.append(share)
    if semantic_allowed(item, member.item):
        cosine = float(np.dot(item.vector, member.item.vector))
        if cosine >= t.embedding or (cosine >= t.embedding_with_words and lexical >= t.words_with_embedding):
            evidence.append(cosine)
    return max(evidence, default=0.0)


def continuation_strength(item: QuoteItem, words: list[str], member: Member, t: Thresholds) -> float:
    """Evidence that item continues, in its own quotation, an utterance that another
    article printed as one sentence: most of its words lie inside that member (share >=
    continuation_contained). Only asked of the Statement that holds the previous
    sentence of item's quotation, where an outlet split one sentence in two."""
    if member.item.article == item.article or len(words) < 3:
        return 0.0
    share = contained_share(words, member.words)
    return share if share >= t.continuation_contained else 0.0


def content_words(words: list[str]) -> set[str]:
    """The words of a wording that carry its content: all but spaCy's English stop words
    (imported here, on the first reported-speech row: importing spaCy costs a process
    270 MiB, which a corpus with no reported speech need not pay)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {word for word in words if word not in STOP_WORDS}


def paraphrase_strength(item: QuoteItem, content: set[str], member: Member, t: Thresholds) -> float:
    """How strongly a reported-speech row paraphrases a full-sentence member: its
    cosine when the vectors agree (>= reported_embedding) and the member holds
    reported_words of the row's content words; else 0. Refused when the row has fewer
    than reported_min_words content words or the two name different speakers (weak
    attributions too: a paraphrase is the reporter's wording, so its speaker is much of
    the evidence that it is this utterance)."""
    if len(content) < t.reported_min_words:
        return 0.0
    if item.speaker is not None and member.item.speaker is not None and item.speaker != member.item.speaker:
        return 0.0
    cosine = float(np.dot(item.vector, member.item.vector))
    if cosine >= t.reported_embedding and len(content.intersection(member.words)) >= t.reported_words * len(
        content
    ):
        return cosine
    return 0.0


def semantic_allowed(a: QuoteItem, b: QuoteItem) -> bool:
    """Embeddings alone may join quotes of different articles whose explicit cues do
    not name different speakers."""
    if a.article == b.article:
        return False
    return not (a.strong_speaker and b.strong_speaker and a.speaker != b.speaker)


def repeats(item: QuoteItem, words: list[str], member: Member, t: Thresholds) -> bool:
    """Whether item may share a Statement with a member printed by the same article in
    another quotation: an article prints one utterance once, unless it repeats it
    nearly word for word or trims it (one's words an ordered subset of the other's)."""
    if member.item.article != item.article or member.item.quotation == item.quotation:
        return True
    other = member.words
    if Indel.normalized_similarity(words, other) >= t.near_verbatim:
        return True
    shorter, longer = (words, other) if len(words) <= len(other) else (other, words)
    return len(shorter) >= t.contained_min_words and is_ordered_subset(shorter, longer)


class ReadingOrder:
    """The full sentences of each article in the order the article prints them, for
    aligning two articles that report one event.

    Outlets that cover one press conference print its sentences in much the order they
    were said. When a quote and a quote of another article sit in the same gap, each
    between two quotes that match across the articles (anchors, at most window
    sentences away), and each is the other's closest quote by cosine within that gap,
    the two report one utterance even when their words drifted too far for the other
    rules (a loose machine translation). `aligned` asks this of a pending quote and a
    placed one, looking only at what is known whatever the order of the runs: the
    pending quote's own article, and the quotes the other article has placed.
    """

    def __init__(self, items: list[QuoteItem]):
        self.articles: dict[int, list[QuoteItem]] = defaultdict(list)
        for item in sorted(items, key=lambda q: (q.article, q.quotation, q.sentence, q.id)):
            self.articles[item.article].append(item)
        self.index = {item.id: i for sequence in self.articles.values() for i, item in enumerate(sequence)}
        self.cached_words: dict[int, list[str]] = {}

    def words(self, item: QuoteItem) -> list[str]:
        if item.id not in self.cached_words:
            self.cached_words[item.id] = keys(item.text)
        return self.cached_words[item.id]

    def aligned(
        self, pending: QuoteItem, member: QuoteItem, placed_ids: set[int], agree, window: int, margin: float
    ) -> bool:
        own = self.articles[pending.article]
        other = [item for item in self.articles[member.article] if item.id in placed_ids]
        a = self.index[pending.id]
        b = next(i for i, item in enumerate(other) if item.id == member.id)
        before = anchor(own[max(0, a - window) : a][::-1], other[max(0, b - window) : b][::-1], agree)
        after = anchor(own[a + 1 : a + 1 + window], other[b + 1 : b + 1 + window], agree)
        if before is None or after is None:
            return False
        own_gap = own[a - before[0] + 1 : a + after[0]]
        other_gap = other[b - before[1] + 1 : b + after[1]]
        return clearly_closest(pending, member, other_gap, margin) and clearly_closest(
            member, pending, own_gap, margin
        )


def anchor(own: list[QuoteItem], other: list[QuoteItem], agree) -> tuple[int, int] | None:
    """The nearest pair of quotes, one from each list (nearest first), that agree: their
    distances (1 = adjacent) from the quote being aligned, or None."""
    pairs = sorted(
        ((i, j) for i in range(len(own)) for j in range(len(other))),
        key=lambda pair: (pair[0] + pair[1], pair),
    )
    for i, j in pairs:
        if agree(own[i], other[j]):
            return i + 1, j + 1
    return None


def clearly_closest(item: QuoteItem, chosen: QuoteItem, others: list[QuoteItem], margin: float) -> bool:
    """Whether chosen is closer to item by cosine than every other of others by margin."""
    cosine = float(np.dot(item.vector, chosen.vector))
    return all(
        float(np.dot(item.vector, other.vector)) <= cosine - margin
        for other in others
        if other.id != chosen.id
    )


class Placement:
    """The state of one clustering run: members by Statement and both indexes.

    A Statement is ranked for a pending quote by its best-matching member, then by how
    many of its members match (the Statement most of whose wordings agree), then by
    its earliest quote; it is left out when it holds a quote of the same article that
    the pending one may not share a Statement with (see `repeats`)."""

    def __init__(
        self, placed: dict[object, list[QuoteItem]], pending: list[QuoteItem], t: Thresholds, dimensions: int
    ):
        self.t = t
        self.members: list[Member] = []
        self.member_ids: list[int] = []
        self.by_statement: dict[object, list[int]] = defaultdict(list)
        self.indexed: dict[object, list[int]] = defaultdict(list)
        self.first_member: dict[object, int] = {}
        self.neighbours = Neighbours(dimensions, t.neighbour_window)
        self.words = WordIndex(t.max_postings)
        self.fragments_by_words: dict[tuple, object] = {}
        self.sentences: dict[tuple, object] = {}
        self.result: dict[int, object] = {}
        self.placed_ids: set[int] = set()
        self.reading = ReadingOrder(
            [item for items in placed.values() for item in items if item.kind == FULL]
            + [item for item in pending if item.kind == FULL]
        )
        full = sorted(
            (item.id, statement, item)
            for statement, items in placed.items()
            for item in items
            if item.kind == FULL
        )
        to_index = []
        for _, statement, item in full:
            position = self.add_full(item, keys(item.text), statement)
            if self.wants_vector(position):
                to_index.append(position)
        self.neighbours.add(to_index, [self.members[p].item.vector for p in to_index])
        for statement, items in placed.items():
            for item in items:
                self.note_statement(statement, item.id)

    def note_statement(self, statement, quote_id: int):
        if quote_id < self.first_member.get(statement, quote_id + 1):
            self.first_member[statement] = quote_id

    def add_full(self, item: QuoteItem, words: list[str], statement):
        """Make item a member; its words are interned (one string object a word across the
        corpus, not one a quote: at a million quotes, 1 GB less)."""
        words = [sys.intern(word) for word in words]
        position = len(self.members)
        self.members.append(Member(item, words, statement))
        self.member_ids.append(item.id)
        self.by_statement[statement].append(position)
        self.words.add(position, words)
        self.note_statement(statement, item.id)
        self.sentences[(item.article, item.quotation, item.sentence)] = statement
        self.placed_ids.add(item.id)
        return position

    def wants_vector(self, position: int) -> bool:
        """Whether the member at position should enter the neighbour index, and if so,
        note that it did. A vector that twins one its Statement already indexed (a
        verbatim copy: cosine >= TWIN_COSINE) stays out: any search that would find it
        finds its twin, which leads to the same Statement, and news prints most quotes
        verbatim, so the index grows with the wordings, not the copies."""
        member = self.members[position]
        twins = self.indexed[member.statement]
        if any(float(np.dot(member.item.vector, self.members[p].item.vector)) >= TWIN_COSINE for p in twins):
            return False
        twins.append(position)
        return True

    def place_full(self, pending: list[QuoteItem]):
        for start in range(0, len(pending), self.t.chunk):
            chunk = pending[start : start + self.t.chunk]
            vectors = np.array([item.vector for item in chunk], dtype=np.float32)
            before = len(self.members)
            to_index = []
            floor = min(self.t.embedding, self.t.embedding_with_words, self.t.aligned_embedding)
            found = self.neighbours.search(vectors, self.t.neighbours, floor)
            inside = vectors @ vectors.T
            for i, item in enumerate(chunk):
                words = keys(item.text)
                candidates = set(found[i]) | set(self.words.sharing(words, self.t.word_candidates))
                earlier = np.argsort(-inside[i, :i], kind="stable")[: self.t.neighbours]
                candidates |= {before + int(j) for j in earlier if inside[i, j] >= floor}
                candidates |= set(self.by_statement.get(self.previous_sentence(item), ()))
                statement = self.best_statement(item, words, candidates)
                if statement is None:
                    statement = self.aligned_statement(item, words, candidates)
                if statement is None:
                    statement = NewStatement(item.id)
                self.result[item.id] = statement
                position = self.add_full(item, words, statement)
                if self.wants_vector(position):
                    to_index.append(position)
            self.neighbours.add(to_index, [self.members[p].item.vector for p in to_index])

    def best_statement(self, item: QuoteItem, words: list[str], candidates: set[int]):
        statements = {self.members[p].statement for p in candidates}
        best, best_key = None, None
        for statement in statements:
            members = [self.members[p] for p in self.by_statement[statement]]
            if not all(repeats(item, words, member, self.t) for member in members):
                continue
            strengths = [match_strength(item, words, member, self.t) for member in members]
            if statement == self.previous_sentence(item):
                strengths += [continuation_strength(item, words, member, self.t) for member in members]
            strength = max(strengths)
            if strength <= 0:
                continue
            support = sum(1 for value in strengths if value > 0)
            key = (-strength, -support, self.first_member[statement])
            if best_key is None or key < best_key:
                best, best_key = statement, key
        return best

    def aligned_statement(self, item: QuoteItem, words: list[str], candidates: set[int]):
        """The Statement of the candidate item is aligned with (see `ReadingOrder.aligned`),
        the closest by cosine when several are; None when there is none."""
        best, best_key = None, None
        for position in candidates:
            member = self.members[position]
            if not semantic_allowed(item, member.item):
                continue
            cosine = float(np.dot(item.vector, member.item.vector))
            if cosine < self.t.aligned_embedding:
                continue
            statement = member.statement
            key = (-cosine, self.first_member[statement])
            if best_key is not None and key >= best_key:
                continue
            if not all(repeats(item, words, self.members[p], self.t) for p in self.by_statement[statement]):
                continue
            if self.reading.aligned(
                item, member.item, self.placed_ids, self.agree, self.t.aligned_window, self.t.aligned_margin
            ):
                best, best_key = statement, key
        return best

    def agree(self, a: QuoteItem, b: QuoteItem) -> bool:
        """Whether two quotes of different articles match by the rules of `match_strength`."""
        return match_strength(a, self.reading.words(a), Member(b, self.reading.words(b), None), self.t) > 0

    def previous_sentence(self, item: QuoteItem):
        """The Statement of the sentence before item in its quotation, if placed."""
        return self.sentences.get((item.article, item.quotation, item.sentence - 1))

    def place_reported(self, items: list[QuoteItem]):
        """Each reported-speech row joins the Statement of the full sentence it best
        paraphrases (see `paraphrase_strength`), else a Statement of its own. It never
        becomes a member: no quote joins through it, so it can neither merge two
        Statements nor host a fragment."""
        if not items:
            return
        vectors = np.array([item.vector for item in items])
        found = self.neighbours.search(vectors, self.t.neighbours, self.t.reported_embedding)
        for item, near in zip(items, found):
            words = keys(item.text)
            content = content_words(words)
            candidates = set(near) | set(self.words.sharing(words, self.t.word_candidates))
            best, best_key = None, None
            for position in candidates:
                member = self.members[position]
                strength = paraphrase_strength(item, content, member, self.t)
                key = (-strength, self.first_member[member.statement])
                if strength > 0 and (best_key is None or key < best_key):
                    best, best_key = member.statement, key
            statement = best if best is not None else NewStatement(item.id)
            self.result[item.id] = statement
            self.note_statement(statement, item.id)

    def place_fragments(self, items: list[QuoteItem]):
        for item in items:
            self.place_fragment(item)

    def place_fragment(self, item: QuoteItem):
        words = keys(item.text)
        host = None
        if len(words) >= self.t.fragment_min_words:
            near = bisect_left(self.member_ids, item.id)
            hosts = [
                p
                for p in self.words.holding_candidates(words, near)
                if holds_run(self.members[p].words, words)
                and self.may_host(item, words, self.members[p].item)
            ]
            if hosts:
                host = min(hosts, key=lambda p: self.host_rank(item, self.members[p]))
        if host is not None:
            statement = self.members[host].statement
        else:
            statement = self.fragments_by_words.setdefault(tuple(words), NewStatement(item.id))
        self.result[item.id] = statement
        self.note_statement(statement, item.id)

    def may_host(self, item: QuoteItem, words: list[str], host: QuoteItem) -> bool:
        """A host whose speaker differs from the fragment's is refused when both cues are
        explicit, or when the fragment is short (under contained_min_words words): a
        short phrase is too common to outweigh the article's own attribution."""
        if item.speaker is None or host.speaker is None or item.speaker == host.speaker:
            return True
        return not ((item.strong_speaker and host.strong_speaker) or len(words) < self.t.contained_min_words)

    def host_rank(self, item: QuoteItem, member: Member):
        return (
            member.item.article != item.article,
            not (item.speaker is not None and member.item.speaker == item.speaker),
            -float(np.dot(item.vector, member.item.vector)),
            self.first_member[member.statement],
        )


def place(
    placed: dict[object, list[QuoteItem]],
    pending: list[QuoteItem],
    thresholds: Thresholds,
    dimensions: int = 384,
) -> dict[int, object]:
    """Where each pending quote goes: an existing Statement key of placed, or a NewStatement.

    placed maps Statement ids to their quotes (full sentences and hosted fragments);
    fragments that sit in Statements without a full sentence should be passed as
    pending again, so they can find a host that arrived since.
    """
    placement = Placement(placed, pending, thresholds, dimensions)
    full, fragments = in_placing_order(pending)
    placement.place_full(full)
    placement.place_reported(sorted((q for q in pending if q.kind == INDIRECT), key=lambda q: q.id))
    placement.place_fragments(fragments)
    return placement.result


def hostable(lone: list[QuoteItem], arrived: list[QuoteItem], t: Thresholds) -> list[QuoteItem]:
    """The fragments and reported-speech rows of lone, each left alone by an earlier run,
    that one of the arrived full sentences may now take in: it holds the fragment's
    words as one run, or is close enough to the reported row by cosine. Only a new full
    sentence can change where they go, so an incremental run places again only these."""
    if not arrived:
        return []
    words = [keys(q.text) for q in arrived]
    index = WordIndex(t.max_postings)
    for position, sentence in enumerate(words):
        index.add(position, sentence)
    vectors = np.array([q.vector for q in arrived], dtype=np.float32)
    kept = []
    for item in lone:
        if item.kind == FRAGMENT:
            run = keys(item.text)
            if run and any(holds_run(words[p], run) for p in index.holding_candidates(run, 0)):
                kept.append(item)
        elif float((vectors @ item.vector).max()) >= t.reported_embedding:
            kept.append(item)
    return kept


def in_placing_order(pending: list[QuoteItem]) -> tuple[list[QuoteItem], list[QuoteItem]]:
    """The full sentences, then the fragments, each by id: the order `place` takes
    (reported speech goes between them, see `Placement.place_reported`)."""
    ordered = sorted(pending, key=lambda q: q.id)
    return [q for q in ordered if q.kind == FULL], [q for q in ordered if q.kind == FRAGMENT]


@dataclass(frozen=True)
class SpeakerVerdict:
    """speaker: who the Statement is by (None when no quote names anyone);
    has_conflict: explicit cues in it name different speakers."""

    speaker: int | None
    has_conflict: bool


def statement_speaker(members: list[QuoteItem], editor_speaker: int | None = None) -> SpeakerVerdict:
    """The speaker most outlets give. Explicit cues vote first; weak attributions
    (pronoun, role noun, none) count only where no quote has an explicit one. Ties go
    to the speaker of the earliest quote."""
    strong = [q for q in members if q.speaker is not None and q.strong_speaker]
    named = {q.speaker for q in strong}
    conflict = len(named | ({editor_speaker} if editor_speaker is not None else set())) > 1
    if editor_speaker is not None:
        return SpeakerVerdict(editor_speaker, conflict)
    voters = strong or [q for q in members if q.speaker is not None]
    if not voters:
        return SpeakerVerdict(None, False)
    outlets = defaultdict(set)
    earliest: dict = {}
    for q in voters:
        outlets[q.speaker].add(q.outlet)
        earliest[q.speaker] = min(earliest.get(q.speaker, q.id), q.id)
    speaker = min(outlets, key=lambda s: (-len(outlets[s]), earliest[s]))
    return SpeakerVerdict(speaker, conflict)


def canonical_quote(members: list[QuoteItem]) -> QuoteItem:
    """The wording the others agree with most: the full sentence (a fragment only when
    there is none) with the highest total agreement with the other quoted members, where
    the agreement of two wordings is the mean of their word similarity and the share of
    the other's words it holds, so the full sentence outranks its trimmed copies. Ties
    go to the longer wording, then the earliest quote. Reported speech is the reporter's
    wording: it neither votes nor is chosen while anything else is there."""
    quoted = [q for q in members if q.kind != INDIRECT] or list(members)
    candidates = [q for q in quoted if q.kind == FULL] or quoted
    words = {q.id: keys(q.text) for q in quoted}

    def agreement(q):
        return sum(
            Indel.normalized_similarity(words[q.id], words[o.id]) + contained_share(words[o.id], words[q.id])
            for o in quoted
            if o.id != q.id
        )

    return min(candidates, key=lambda q: (-round(agreement(q), 9), -len(words[q.id]), q.id))
