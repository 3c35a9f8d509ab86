"""Word search over quotes: PostgreSQL full-text search, ranked; a word match elsewhere.

`matching_statements(statements, words)` narrows a Statement queryset to those
with a quote (not marked "not a quote" by an editor) that matches every word of
the search, where a word may be found in the quote's text, its speaker's name or
its outlet's name.

On PostgreSQL the search runs against `quotes_quote.search_vector`, a tsvector
column with a GIN index that migration 0002 adds and that triggers keep current:
the text weighs A, the speaker's name B, the outlet's name C. The vector lives in
the database rather than in the model so that no code path (ingest, extraction,
attribution, the admin, a bulk update, a speaker renamed in a merge) has to
remember to refresh it, and so that SQLite needs no column it cannot use. Each
search word matches its English stem or its exact form ("sanction" finds
"sanctions"; "the" still matches, which a purely English vector would drop). The
statements are annotated with `search_rank`, the best ts_rank_cd of their matching
quotes (cover density: weighted, and higher when the words stand close together,
where plain ts_rank saturates near 1 on short quotes and cannot tell text from
name matches), and ordered by it, best first, unless the caller ordered them.
The rank is one aggregate over a join of the statements to their matching visible
quotes (the GIN index finds the quotes, each ranked once, grouped by statement), so
the database keeps the best 20 as it goes (a top-N sort): a correlated subquery per
statement ranked all 26,000 statements that share a common word at 1,000,000 quotes
one index probe at a time before taking 20 (2.5-3.2 s).

On other backends (SQLite in development and tests) every word must appear as a
whole word, case-insensitively, in the text, speaker name or outlet name. Results
agree with PostgreSQL when the words appear in the form searched for; PostgreSQL
also finds other inflections, and only PostgreSQL ranks.

`speakers_named(text)` is the ids of the speakers whose name or one of whose aliases
contains text (case-insensitively): a UNION of two lookups, so that on PostgreSQL
each uses its trigram index (migration 0005: pg_trgm GIN indexes on UPPER(name) and
UPPER(alias), which Django's icontains compares) instead of a join that scans both
tables (0.1 ms against 2 s at 20,000 speakers); SQLite scans both, which is fast at its
sizes.

Limits: words are runs of letters and digits; punctuation, quotation marks and
search operators are ignored, and only the first MAX_WORDS words count. Stemming
is English; other languages match on exact word forms only.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Exists, Expression, F, FilteredRelation, Max, OuterRef, Q
from django.db.models.expressions import Col

from quotes.models import Quote, Speaker, SpeakerAlias

MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")
# Rank weights of D, C, B, A (as PostgreSQL orders them): text, then speaker, then outlet.
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]


def search_words(text):
    """The words of a search box entry, in order, without repeats (case-insensitive)."""
    seen, words = set(), []
    for word in WORD.findall(text or ""):
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
    return words[:MAX_WORDS]


def speakers_named(text):
    """A values queryset of the ids of speakers whose name or an alias contains text."""
    named = Speaker.objects.filter(name__icontains=text).order_by().values("pk")
    return named.union(SpeakerAlias.objects.filter(alias__icontains=text).order_by().values("speaker"))


def matching_statements(statements, words):
    """Statements from `statements` with a visible quote matching every word in `words`.

    `words` is the text typed in a search box. With no words the queryset comes
    back unchanged.
    """
    terms = search_words(words)
    if not terms:
        return statements
    quotes = Quote.objects.visible().filter(statement=OuterRef("pk"))
    if connections[statements.db].vendor != "postgresql":
        return statements.filter(Exists(quotes.filter(words_match(terms))))
    query = full_text_query(terms)
    rank = SearchRank(F("matched_vector"), query, weights=RANK_WEIGHTS, cover_density=True)
    statements = (
        statements.alias(
            matched=FilteredRelation("quotes", condition=Q(quotes__hidden_by_editor=False)),
            matched_vector=QuoteSearchVector("matched"),
        )
        .filter(matched_vector=query)
        .annotate(search_rank=Max(rank))
    )
    if not statements.query.order_by:
        ordering = statements.model._meta.ordering
        statements = statements.order_by("-search_rank", *ordering)
    return statements


def words_match(terms):
    """A Quote filter: each term is a whole word of the text, speaker or outlet name."""
    condition = Q()
    for term in terms:
        pattern = rf"\b{re.escape(term)}\b"
        condition &= (
            Q(text__iregex=pattern)
            | Q(speaker__name__iregex=pattern)
            | Q(article__outlet__name__iregex=pattern)
        )
    return condition


def full_text_query(terms):
    """A tsquery that needs every term, each as its English stem or its exact form."""
    query = None
    for term in terms:
        either = SearchQuery(term, config="english") | SearchQuery(term, config="simple")
        query = either if query is None else query & either
    return query


class QuoteSearchVector(Expression):
    """The quotes_quote.search_vector column, which the Quote model does not declare.

    Without a relation it is the column of a Quote queryset's own table; with one (a
    relation or FilteredRelation name of the queryset's model that leads to quotes) it
    is the column of that join, which it sets up like any `relation__field` would.
    """

    output_field = SearchVectorField()

    def __init__(self, relation=None):
        super().__init__()
        self.relation = relation

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        if self.relation is None:
            return Col(query.get_initial_alias(), SEARCH_VECTOR_COLUMN, self.output_field)
        joined = F(f"{self.relation}__pk").resolve_expression(query, allow_joins, reuse, summarize)
        return Col(joined.alias, SEARCH_VECTOR_COLUMN, self.output_field)


SEARCH_VECTOR_COLUMN = SearchVectorField()
SEARCH_VECTOR_COLUMN.set_attributes_from_name("search_vector")
SEARCH_VECTOR_COLUMN.model = Quote  # named, not added to the model: Django compares columns by it
