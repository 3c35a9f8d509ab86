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

On other backends (SQLite in development and tests) every word must appear as a
whole word, case-insensitively, in the text, speaker name or outlet name. Results
agree with PostgreSQL when the words appear in the form searched for; PostgreSQL
also finds other inflections, and only PostgreSQL ranks.

Limits: words are runs of letters and digits; punctuation, quotation marks and
search operators are ignored, and only the first MAX_WORDS words count. Stemming
is English; other languages match on exact word forms only.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Exists, Expression, OuterRef, Q, Subquery
from django.db.models.expressions import Col

from quotes.models import Quote

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
    matching = quotes.annotate(vector=QuoteSearchVector()).filter(vector=query)
    rank = SearchRank(QuoteSearchVector(), query, weights=RANK_WEIGHTS, cover_density=True)
    best_rank = matching.annotate(rank=rank).order_by("-rank").values("rank")[:1]
    statements = statements.filter(Exists(matching)).annotate(search_rank=Subquery(best_rank))
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

    Resolves to a column of the query's base table, so it must be used in a Quote
    queryset; being a Col, it keeps its table alias right inside subqueries.
    """

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), SEARCH_VECTOR_COLUMN, self.output_field)


SEARCH_VECTOR_COLUMN = SearchVectorField()
SEARCH_VECTOR_COLUMN.set_attributes_from_name("search_vector")
SEARCH_VECTOR_COLUMN.model = Quote  # named, not added to the model: Django compares columns by it
