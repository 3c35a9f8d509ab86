"""The search rules, in one place: words, names and meaning, over Statement querysets.

Words (`matching_statements(statements, text)`): the text is read by
quotes.text.search_query (phrases, OR, -exclusions) and matched against the word
index of quotes.fulltext, which stems both backends' words alike and covers a quote's
text, its speaker's name and its outlet's name. A Statement matches when one of its
visible quotes matches every group (a term of each) and none of its visible quotes
matches an excluded term. On PostgreSQL the groups become one tsquery against the GIN-
indexed `search_vector` (phraseto_tsquery per term, `|` within a group, `&` between
groups), and the statements are annotated with `search_rank`, the best ts_rank_cd of
their matching quotes (cover density: weighted, and higher when the words stand close
together, where plain ts_rank saturates near 1 on short quotes) and ordered by it
unless the caller ordered them. Each matching quote is ranked where it is found
(newest_matches) and each statement takes its best (with_words): a correlated
subquery per statement ranked all 26,000 statements that share a common word at
1,000,000 quotes, one index probe at a time (2.5-3.2 s).
On SQLite the groups become one FTS5 MATCH expression over `quotes_quote_fts`, whose
rowids select the quotes; results keep the caller's order (SQLite does not rank).
On both, only the newest RANK_CANDIDATES matching quotes are ranked and counted
(top-k): a word common enough to match more finds the statements of its newest
quotes, so a search for it costs what a search for a rarer word does, and both
backends find the same statements. Their statements' ids (and ranks) are read first,
in a query of their own, and given to the count and the page as a list: neither
reads a quote. When other filters narrow the search
(a speaker, an outlet, dates), the newest matches are read among the quotes of the
statements they leave, so that a common word still finds a speaker's older statements,
and the statements found are then listed without testing those filters again.

Names (`speakers_named`, `speakers_resembling`): a speaker matches when the text
typed appears in their name or an alias (a UNION of two lookups, so that on
PostgreSQL each uses its trigram index of migration 0005 instead of a join that
scans both tables: 0.1 ms against 2 s at 20,000 speakers). When none does, the names
and aliases that resemble the text (quotes.text.name_match: "Stoltenburg" for "Jens
Stoltenberg") stand in: on PostgreSQL the candidates are those pg_trgm's
word_similarity puts at TRIGRAM_FLOOR or above (the same GIN indexes), on SQLite
every name and alias; rapidfuzz then scores the candidates alike on both.

Meaning (`nearest_statements`, `fused_statements`): the query is embedded with the
clustering model (loaded once per process, on the first meaning search) and the
nearest quotes come from the saved meaning index (quotes.services.meaning_index),
never from a scan of the stored vectors. Each quote found counts for its Statement
(read from the database, with the filters of the search applied there), at its best
cosine, down to MEANING_FLOOR. When other filters narrow the search to at most
EXACT_LIMIT quotes, those quotes are scored exactly against the query instead (the
graph's nearest may all lie outside them). `fused_statements` merges the word and
meaning rankings (quotes.text.rank_fusion: reciprocal rank fusion, exact hits first)
into a queryset of at most MEANING_RESULTS statements in that order.
"""

import functools
import json
import logging
from dataclasses import dataclass

import numpy as np
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import Col, RawSQL
from django.db.models.functions import Upper

from quotes.fulltext import FTS_TABLE
from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services.clustering import ModelUnavailable, load_model
from quotes.services.kept_lists import kept
from quotes.services.meaning_index import searchable_index
from quotes.text import embedding as embed
from quotes.text.name_match import RESEMBLANCE_CUTOFF, resemblance
from quotes.text.rank_fusion import fuse
from quotes.text.search_query import Term, fts5_any, fts5_expression, parse

# Rank weights of D, C, B, A (as PostgreSQL orders them): text, then speaker, then outlet.
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]
TEXT_SEARCH_CONFIG = "verbatim_english"
log = logging.getLogger(__name__)
TRIGRAM_FLOOR = 0.4
"""pg_trgm word_similarity a name must reach to be scored: "MERKLE" against "ANGELA
MERKEL" is 0.57 (the default 0.6 would lose it), "STOLTENBURG" against "JENS
STOLTENBERG" 0.75; rapidfuzz decides after it, so a low floor only costs candidates."""
NAME_CANDIDATES = 200
MEANING_RESULTS = 100
"""Statements a meaning search lists at most (five pages): past them the nearest are
too far to be what was meant."""
MEANING_NEIGHBOURS = 400
"""Quotes asked of the graph for one query: statements have about three quotes each,
so 400 leave MEANING_RESULTS statements after most filters."""
QUERY_VECTORS = 1024
"""Query vectors a worker keeps (query_vector), 1.5 KB each."""
MEANING_FLOOR = 0.35
"""Lowest cosine a meaning hit may have: on the bundled samples five paraphrases
written for tests/quotes/services/test_meaning_samples.py score 0.43-0.72 with the
statement each restates, and a query about something else scores below 0.35 with
every statement (the test prints them)."""
EXACT_LIMIT = 20_000
"""Quotes narrowed by other filters that are scored exactly (about 5 ms for 10,000 on
the index's 8-bit vectors) rather than through the graph."""
RANK_CANDIDATES = 2_000
"""Matching quotes a word search reads, the newest first: a word in more quotes (a
common one: 70,000 quotes at 1,000,000) is looked for among its newest RANK_CANDIDATES
only, so a search costs a bounded number of ts_rank_cd calls on PostgreSQL and its
count joins at most that many quotes (EXPLAIN ANALYZE figures in the closing note of
issue 13); on SQLite the count and the page select the statements of at most that many
quotes instead of sorting every match."""
NARROWED_IDS = 50_000
"""Most statements left by other filters whose ids a PostgreSQL word search reads and
lists (narrowed_statement_ids): an outlet leaves about 17,000 at 1,000,000 quotes."""
SQLITE_LISTED_IDS = 5_000
"""Most statements left by other filters whose ids a SQLite word search reads and
lists (statement_ids_in_sqlite): an outlet leaves 1,546-1,765 at 100,000 quotes."""
LISTING_MATCHES = 10_000
"""Quotes the planner expects a narrowed search's words to match, from which its
statements are listed (narrowed_statement_ids). With an outlet at 1,000,000 quotes
(one request, test client): "executed" (14,274 matches, 12,264 expected) 382 ms through
the subquery, 140 ms listed; "first also" (4,178, 3,300 expected) 74 ms through the
subquery, 130 ms listed."""
FUSION_DEPTH = MEANING_RESULTS
"""Word hits read for the fusion, best first."""


def is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching_statements(statements, text, narrowed=False):
    """Statements from `statements` whose visible quotes match the search text (see the
    module docstring). Without any word the queryset comes back unchanged. `narrowed`
    says other filters restrict `statements` (as for with_words)."""
    return word_search(statements, text, narrowed).statements


@dataclass(frozen=True)
class WordSearch:
    """What a word search found and, when its words matched more than RANK_CANDIDATES
    quotes, how many of the newest were read (`limited`; else 0): a reader is told the
    count is a floor and how to reach older statements."""

    statements: QuerySet
    limited: int = 0


def word_search(statements, text, narrowed=False, unfiltered=None) -> WordSearch:
    """matching_statements, saying whether the newest matches were all that was read.

    `unfiltered`, given with `narrowed`, is `statements` before the filters that narrow
    it: the statements found are taken from it by id, as newest_matches read their
    quotes among those of `statements` already, so the count and the page do not test
    those filters again for each statement listed. An outlet's EXISTS, tested again,
    was most of both ("have" in one outlet at 1,000,000 quotes, EXPLAIN ANALYZE: count
    4.9 -> 0.8 ms, page 7.4 -> 2.9 ms)."""
    query = parse(text)
    if not query:
        return WordSearch(statements)
    limited = 0
    if query.groups:
        newest = newest_matches(statements, query.groups, narrowed)
        listed_from = unfiltered if narrowed and unfiltered is not None else statements
        statements = with_words(listed_from, newest)
        limited = len(newest) if len(newest) >= RANK_CANDIDATES else 0
    return WordSearch(without_excluded(statements, query.excluded), limited)


def without_excluded(statements, excluded: tuple[Term, ...]):
    """Statements none of whose visible quotes matches an excluded term. On SQLite the
    statements of the matching quotes are listed once (`pk NOT IN`): as an EXISTS per
    statement SQLite ran the word index's MATCH again for each statement it tested
    ("have -him" at 100,000 quotes: 722 ms for the count and as much for the page)."""
    if not excluded:
        return statements
    if not is_postgresql(statements):
        quotes = Quote.objects.visible().filter(statement__isnull=False)
        return statements.exclude(pk__in=quote_matches(quotes, (excluded,)).values("statement"))
    quotes = Quote.objects.visible().filter(statement=OuterRef("pk"))
    return statements.exclude(Exists(quote_matches(quotes, (excluded,))))


def with_words(statements, newest):
    """Statements from `statements` one of whose `newest` matching quotes (newest_matches:
    with other filters, read among their quotes, so that a common word still finds a
    speaker's older statements) matches every group, ranked on PostgreSQL (see the
    module docstring).

    The statements are listed by id, and on PostgreSQL given the best rank of their
    newest matches, which newest_matches read with them: the count and the page read
    statements only. Joined again to the matching quotes to test and rank their words,
    each of the two read the 2,000 quotes of a common word anew ("have" at 100,000
    quotes: count 15 ms, page 25 ms, EXPLAIN ANALYZE)."""
    if not is_postgresql(statements):
        return statements.filter(pk__in=listed_in_sqlite({statement for statement, _ in newest}))
    best: dict[int, float] = {}
    for statement, rank in newest:
        best[statement] = max(rank, best.get(statement, rank))
    statements = statements.filter(pk__in=listed(best)).annotate(search_rank=ListedRank(best))
    if not statements.query.order_by:
        statements = statements.order_by("-search_rank", *statements.model._meta.ordering)
    return statements


class ListedRank(Func):
    """A statement's rank in {statement id: rank}, looked up on PostgreSQL: the ids go
    sorted in one array parameter and their ranks in another, in the same order, and
    width_bucket finds a statement's place among the ids by binary search (an id of a
    sorted array is the lower bound of its own bucket). array_position would scan the
    array for each statement."""

    output_field = FloatField()

    def __init__(self, ranks: dict[int, float]):
        ids = sorted(ranks)
        super().__init__(Value(array_literal(ranks[pk] for pk in ids)), F("pk"), Value(array_literal(ids)))

    def as_sql(self, compiler, connection, **extra_context):
        (values, value_params), (pk, pk_params), (ids, id_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        sql = f"({values}::real[])[width_bucket({pk}, {ids}::bigint[])]"
        return sql, [*value_params, *pk_params, *id_params]


def listed(ids):
    """Ids for an `__in` lookup on PostgreSQL as one array parameter: given as a list,
    psycopg splits the query at each of its placeholders, 2,000 in a word search's
    count and again in its page (61 ms of a worker's time per search at 1,000,000
    quotes, profiled)."""
    return RawSQL("SELECT unnest(%s::bigint[])", [array_literal(ids)])


def array_literal(numbers) -> str:
    """Numbers as the text of a PostgreSQL array ('{1,2,3}'), for a parameter cast to
    the array's type: psycopg writes a list given as such element by element, testing
    each for characters to quote (2,000 ids: 0.87 ms of CPU, 2,000 ranks 2.2 ms; as
    text 0.01-0.03 ms, measured with its mogrify), and a word search sends up to four
    such arrays to its count and four to its page. A float's str reads back as the
    same float, and as the same real where it came from one."""
    return "{" + ",".join(map(str, numbers)) + "}"


def listed_in_sqlite(ids):
    """Ids for an `__in` lookup on SQLite as one JSON parameter, read by json_each: as a
    list, the count and the page of a common word each compiled and bound 2,000
    placeholders (in-process CPU of the page for "have" at 100,000 quotes: 26.3-27.9 -> 19.0-20.4 ms)."""
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(sorted(ids))])


def newest_matches(statements, groups, narrowed=False) -> list[tuple[int, float | None]]:
    """(statement id, rank) of the newest RANK_CANDIDATES visible quotes of a statement
    matching every group (among the quotes of `statements` when `narrowed`; a quote
    clustering has not grouped yet belongs to none to list): the rank is the quote's
    ts_rank_cd on PostgreSQL, computed on the rows this query reads anyway, and None on
    SQLite, which does not rank.

    Read once, here: as a subquery they were computed again by the count and by the page.
    Sorted on id, PostgreSQL walks the primary key backwards testing each vector for a
    common word (2,000 found among the newest ~27,000 quotes: 128 ms at 1,000,000, where
    reading its 75,000 matches through the GIN index to sort them took 1.2 s) and reads a
    rare word's few matches through the GIN index (its estimates tell them apart). SQLite
    walks the word's FTS5 rowids from the largest; the count and the page then select
    statements by id: for "have" at 100,000 quotes (7,207 matches), 13 ms for the three
    queries, where joining the statements to every match (2,978 statements, sorted for
    the page) took 38 ms for the count and the page. Narrowed on SQLite, each match, newest
    first, tests its own statement (EXISTS on the primary key) until RANK_CANDIDATES are
    found: as `statement_id IN (subquery)` SQLite listed the subquery first, testing the
    other filters on every visible statement (an outlet's EXISTS on each of 35,311 at
    100,000 quotes: 380 ms for "have" with an outlet; 12-68 ms tested per match). A
    common word among statements SQLite looks up by id is read from their quotes
    instead (statement_ids_in_sqlite)."""
    quotes = Quote.objects.visible().filter(statement__isnull=False)  # not yet grouped: nothing to list
    ids = narrowed_statement_ids(statements, quote_matches(quotes, groups)) if narrowed else None
    listed_here = narrowed and not is_postgresql(statements) and statement_ids_in_sqlite(statements, groups)
    if ids is not None:
        in_statements = RawSQL(
            f"{Quote._meta.db_table}.statement_id = ANY(%s::bigint[])", [ids], BooleanField()
        )
        quotes = quotes.filter(in_statements)
    elif narrowed and is_postgresql(statements):
        quotes = quotes.filter(statement__in=statements.order_by().values("pk"))
    elif listed_here:
        quotes = quotes.filter(statement__in=listed_in_sqlite(listed_here))
    elif narrowed:
        quotes = quotes.filter(Exists(statements.order_by().filter(pk=OuterRef("statement"))))
    rank = quote_rank(groups) if is_postgresql(quotes) else Value(None, FloatField())
    matches = quote_matches(quotes, groups, by_statement=bool(listed_here))
    newest = matches.order_by("-id").values_list("statement", rank)[:RANK_CANDIDATES]
    if ids is None:
        return list(newest)
    with transaction.atomic(using=quotes.db), connections[quotes.db].cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            return list(newest)
        finally:  # inside a caller's transaction SET LOCAL would outlast this query
            cursor.execute("RESET enable_indexscan")


def narrowed_statement_ids(statements, matches) -> str | None:
    """On PostgreSQL, the ids of `statements` (at most NARROWED_IDS of them: an outlet's,
    a speaker's), as an array literal, when the words are common (the planner expects LISTING_MATCHES
    `matches` or more), for newest_matches to find the words among their quotes with a
    bitmap of each: the word's GIN index and the statement index, ANDed before the
    table is read. Given as a subquery instead, the statements are joined to their
    quotes one index probe at a time, and each quote row is read to test its words;
    given as a list, the planner still prices that index scan below the bitmaps, hence
    SET LOCAL enable_indexscan = off for that one query. The list is one array
    parameter (`= ANY(%s)`, array_literal): as `IN (%s, …)` psycopg split the query at
    each of 16,610 placeholders, 165 ms of a worker's time per search (as a list
    parameter it wrote each id, 7.3 ms). A common word among the 16,610
    statements of one outlet at 1,000,000 quotes: 220 ms as an index scan (65,099 quote
    rows read), 52-67 ms as the bitmaps (4,460 heap blocks); as the subquery, 400 ms.
    Rarer words are found faster through the subquery, which starts from their few
    matches, and so are statements the planner expects more of than NARROWED_IDS (a
    drift class), whose ids would be read for nothing: None then, and on SQLite.
    The list is kept under the content version (quotes.services.kept_lists): searches
    in one outlet read it once until the data changes (16,610 ids at 1,000,000 quotes,
    read anew for each search: PostgreSQL's CPU per search 136-144 -> 81-82 ms)."""
    if not is_postgresql(statements) or estimated_rows(matches) < LISTING_MATCHES:
        return None
    statement_ids = statements.order_by().values_list("pk", flat=True)
    return kept(statement_ids, lambda: listed_statement_ids(statement_ids))


def listed_statement_ids(statement_ids) -> str | None:
    """The ids of a values_list queryset as an array literal, None past NARROWED_IDS."""
    if estimated_rows(statement_ids) > NARROWED_IDS:
        return None
    ids = at_most(statement_ids, NARROWED_IDS)
    return array_literal(ids) if ids is not None else None


def statement_ids_in_sqlite(statements, groups) -> list[int] | None:
    """On SQLite, the ids of `statements` (at most SQLITE_LISTED_IDS) when SQLite looks
    them up by id from a list (an outlet's statements, a speaker's) and the words match
    RANK_CANDIDATES quotes or more, for newest_matches to read the statements' quotes
    from the visible quotes' statement index and test each against the word index's
    rowids: no quote row is read. Walking the word's rowids instead, newest first, reads
    each matching quote's row to reach its statement and test it, and a common word in
    one outlet reads every match ("have" at 100,000 quotes: 7,207 matches, 503 in the
    outlet's 1,669 statements: 12.0 ms, listed 4.0 ms). Fewer matches are walked, and
    quickly (a rare word, 4 matches: 0.5 ms, listed 2.3 ms). None for other filters,
    which SQLite answers by reading the statements table or a range of an index (a
    drift class tested by an EXISTS per statement: 380 ms at 100,000 quotes; a span of
    dates, which may hold most statements), and where more than SQLITE_LISTED_IDS are
    left. The list (or None) is kept under the content version (quotes.services.kept_lists):
    one outlet's 1,669 statements at 100,000 quotes took 2.3-2.4 ms to list, of 10.4-10.9
    ms for the search's page."""
    rowids = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT {RANK_CANDIDATES}"
    with connections[statements.db].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({rowids})", [fts5_match(groups)])
        if cursor.fetchone()[0] < RANK_CANDIDATES:
            return None
    pks = statements.order_by().values_list("pk", flat=True)
    return kept(pks, lambda: looked_up_by_id_in_sqlite(pks))


def looked_up_by_id_in_sqlite(pks) -> list[int] | None:
    """The ids of a values_list queryset of statements that SQLite looks up by id, None
    for one it answers otherwise or past SQLITE_LISTED_IDS (statement_ids_in_sqlite)."""
    try:
        sql, params = pks.query.sql_with_params()
    except EmptyResultSet:  # a filter that leaves nothing (a speaker no name matches)
        return None
    with connections[pks.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    if not plan[0].startswith(f"SEARCH {Statement._meta.db_table} USING INTEGER PRIMARY KEY"):
        return None
    return at_most(pks, SQLITE_LISTED_IDS)


def at_most(values, limit) -> list | None:
    """The rows of a values_list queryset, None when there are more than limit (one row
    past it is read to tell)."""
    rows = list(values[: limit + 1])
    return rows if len(rows) <= limit else None


def estimated_rows(queryset) -> float:
    """The rows PostgreSQL's planner expects a queryset to return (EXPLAIN, not run)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        return cursor.fetchone()[0][0]["Plan"]["Plan Rows"]


def quote_matches(quotes, groups, by_statement=False):
    """The quotes of a Quote queryset that match every group of terms. On SQLite,
    `by_statement` has the query read the quotes of the statements it is given and test
    each against the word index's rowids, rather than walk those rowids (the unary +
    keeps SQLite from looking quotes up by them)."""
    if is_postgresql(quotes):
        return quotes.alias(vector=QuoteSearchVector()).filter(vector=tsquery(groups))
    rowids = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    if by_statement:
        indexed = f'+"{Quote._meta.db_table}"."id" IN ({rowids})'
        return quotes.filter(RawSQL(indexed, [fts5_match(groups)], BooleanField()))
    return quotes.filter(id__in=RawSQL(rowids, [fts5_match(groups)]))


def fts5_match(groups) -> str:
    """The FTS5 MATCH expression needing a term of every group."""
    return fts5_expression(groups) if len(groups) > 1 else fts5_any(groups[0])


def quote_rank(groups):
    """A quote's ts_rank_cd for the groups' tsquery, text weighed above speaker and outlet."""
    return SearchRank(QuoteSearchVector(), tsquery(groups), weights=RANK_WEIGHTS, cover_density=True)


def tsquery(groups):
    """A tsquery needing a term of every group, each term a phrase of stemmed words."""
    query = None
    for group in groups:
        either = None
        for term in group:
            one = term_query(term)
            either = one if either is None else either | one
        query = either if query is None else query & either
    return query


def term_query(term: Term):
    return SearchQuery(" ".join(term.words), config=TEXT_SEARCH_CONFIG, search_type="phrase")


class QuoteSearchVector(Expression):
    """The quotes_quote.search_vector column of a Quote queryset's own table, which the
    Quote model does not declare."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), SEARCH_VECTOR_COLUMN, self.output_field)


SEARCH_VECTOR_COLUMN = SearchVectorField()
SEARCH_VECTOR_COLUMN.set_attributes_from_name("search_vector")
SEARCH_VECTOR_COLUMN.model = Quote  # named, not added to the model: Django compares columns by it


def speakers_named(text):
    """A values queryset of the ids of speakers whose name or an alias contains text."""
    named = Speaker.objects.filter(name__icontains=text).order_by().values("pk")
    return named.union(SpeakerAlias.objects.filter(alias__icontains=text).order_by().values("speaker"))


def speakers_resembling(text, limit=10) -> list[tuple[int, str]]:
    """(speaker id, the name or alias it resembles by) of up to limit speakers whose
    name or an alias resembles text as a misspelling (quotes.text.name_match), best
    first: visible speakers only."""
    text = text.strip()
    scored: dict[int, tuple[float, str]] = {}
    for pk, name in name_candidates(text):
        score = resemblance(text, name)
        if score >= RESEMBLANCE_CUTOFF and score > scored.get(pk, (0.0, ""))[0]:
            scored[pk] = (score, name)
    visible = set(Speaker.objects.visible().filter(pk__in=scored).values_list("pk", flat=True))
    ranked = sorted(
        (pk for pk in scored if pk in visible), key=lambda pk: (-scored[pk][0], scored[pk][1], pk)
    )
    return [(pk, scored[pk][1]) for pk in ranked[:limit]]


def name_candidates(text):
    """(speaker id, name or alias) pairs worth scoring against text."""
    names, aliases = Speaker.objects.all(), SpeakerAlias.objects.all()
    if not is_postgresql(names):
        return list(names.values_list("pk", "name")) + list(aliases.values_list("speaker", "alias"))
    wanted = text.upper()
    similar_names = names.annotate(upper=Upper("name")).filter(upper__trigram_word_similar=wanted)
    similar_aliases = aliases.annotate(upper=Upper("alias")).filter(upper__trigram_word_similar=wanted)
    with transaction.atomic(using=names.db), connections[names.db].cursor() as cursor:
        cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = %s", [TRIGRAM_FLOOR])
        return list(similar_names.values_list("pk", "name")[:NAME_CANDIDATES]) + list(
            similar_aliases.values_list("speaker", "alias")[:NAME_CANDIDATES]
        )


@functools.lru_cache(maxsize=QUERY_VECTORS)
def query_vector(text: str) -> np.ndarray:
    """The query's unit vector from the clustering model (loaded once per process), kept
    for the next request of the same query: the next page of a meaning search, a reload
    or a shared link embed it again otherwise (23 ms a query, the most of a meaning
    search's time). Read-only, as every caller gets the same array."""
    vector = embed.encode([text], model=load_model())[0]
    vector.setflags(write=False)
    return vector


def warm_meaning_search() -> bool:
    """Load the clustering model in this process and embed one query, so that the first
    search by meaning is not the one that waits for it (8.3 s on the shared, loaded 2-core
    machine; gunicorn's workers call this before taking requests). False, and a warning,
    when the model cannot be loaded: searches then say meaning search is unavailable."""
    try:
        query_vector("warm")
    except ModelUnavailable as error:
        log.warning("meaning search not warmed: %s", error)
        return False
    return True


def nearest_statements(text, statements, narrowed=False, limit=MEANING_RESULTS) -> list[tuple[int, float]]:
    """(statement id, cosine) of up to limit statements of `statements` nearest text in
    meaning, best first (see the module docstring). `narrowed` says other filters
    restrict `statements`, so that few of the graph's nearest may be among them."""
    index = searchable_index()
    vector = query_vector(text)
    candidates = Quote.objects.visible().filter(statement__isnull=False).order_by()
    if narrowed:  # unnarrowed, the statement subquery would only cost a scan: results are filtered again
        candidates = candidates.filter(statement__in=statements.order_by().values("pk"))
    cosines = dict(index.nearest(vector, MEANING_NEIGHBOURS))
    found = best_per_statement(
        candidates.filter(id__in=floored(cosines)).values_list("id", "statement"), cosines
    )
    if narrowed and len(found) < limit:
        rows = list(candidates.values_list("id", "statement")[: EXACT_LIMIT + 1])
        if len(rows) <= EXACT_LIMIT:
            found = best_per_statement(rows, dict(index.similarities(vector, [pk for pk, _ in rows])))
    return found[:limit]


def floored(cosines: dict[int, float]) -> list[int]:
    return [pk for pk, cosine in cosines.items() if cosine >= MEANING_FLOOR]


def best_per_statement(rows, cosines: dict[int, float]) -> list[tuple[int, float]]:
    """(statement id, best cosine from MEANING_FLOOR up) of (quote id, statement id) rows."""
    best: dict[int, float] = {}
    for pk, statement in rows:
        cosine = cosines.get(pk, -1.0)
        if cosine >= MEANING_FLOOR:
            best[statement] = max(best.get(statement, -1.0), cosine)
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def fused_statements(statements, text, narrowed=False):
    """`statements` matching text by words or by meaning, exact hits first, in the order
    of quotes.text.rank_fusion, at most MEANING_RESULTS; annotated with `fused_rank`
    (1 first) and `found_by_words`. The words' own order is that of matching_statements; the meaning search
    reads the searched terms (not the syntax around them) and leaves out what the
    exclusions exclude."""
    query = parse(text)
    if not query.terms:
        return matching_statements(statements, text, narrowed)
    pool = without_excluded(statements, query.excluded)
    newest = newest_matches(pool, query.groups, narrowed)
    by_words = list(with_words(pool, newest).values_list("pk", flat=True)[:FUSION_DEPTH])
    meant = " ".join(str(term) for term in query.terms)
    by_meaning = [pk for pk, _ in nearest_statements(meant, pool, narrowed)]
    ranked = fuse(by_words, by_meaning)[:MEANING_RESULTS]
    if not ranked:
        return statements.none()
    rank = Case(*[When(pk=pk, then=n) for n, pk in enumerate(ranked, start=1)], output_field=IntegerField())
    return (
        pool.filter(pk__in=ranked)
        .annotate(fused_rank=rank, found_by_words=Q(pk__in=by_words))
        .order_by("fused_rank")
    )
