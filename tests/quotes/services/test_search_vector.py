"""The PostgreSQL side of word search: the trigger-kept, GIN-indexed vector, and the pool."""

import pytest
from django.db import connection

from quotes.models import Quote, Speaker, Statement
from quotes.services.search import QuoteSearchVector, matching_statements, tsquery
from quotes.text.search_query import parse
from sources.models import Article, Outlet

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]


@pytest.fixture
def article():
    outlet = Outlet.objects.create(name="Valley Courier")
    return Article.objects.create(
        outlet=outlet,
        title="Tolls",
        body="…",
        source="tolls.txt",
        content_hash="tolls",
    )


def weights_in_vector(quote):
    """{lexeme: the weight letters of its positions} in the quote's stored search vector."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexeme, weights FROM quotes_quote, unnest(search_vector) WHERE id = %s",
            [quote.pk],
        )
        return {lexeme: "".join(sorted(set(weights))) for lexeme, weights in cursor.fetchall()}


def test_it_indexes_the_search_vector_with_gin():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "quotes_quote")

    index = constraints["quotes_quote_search_vector_gin"]
    assert (index["type"], index["columns"]) == ("gin", ["search_vector"])


def test_it_weighs_text_above_speaker_above_outlet(article):
    speaker = Speaker.objects.create(name="Mara Quill")
    quote = Quote.objects.create(
        article=article,
        text="Tolls stay.",
        start=0,
        end=11,
        quotation=0,
        speaker=speaker,
    )

    weights = weights_in_vector(quote)

    assert (weights["toll"], weights["stay"]) == ("A", "A")
    assert (weights["mara"], weights["quill"]) == ("B", "B")
    assert (weights["valley"], weights["courier"]) == ("C", "C")


def test_it_fills_the_vector_of_quotes_created_in_bulk(article):
    statement = Statement.objects.create(canonical_text="Tolls stay.")
    Quote.objects.bulk_create(
        [
            Quote(
                article=article,
                text=f"Tolls stay in zone {n}.",
                start=n * 30,
                end=n * 30 + 20,
                quotation=n,
                statement=statement,
            )
            for n in range(3)
        ]
    )

    assert list(matching_statements(Statement.objects.all(), "zone tolls")) == [statement]


def test_it_finds_quotes_through_the_gin_index(article):
    quotes = (
        Quote.objects.annotate(vector=QuoteSearchVector()).filter(vector=tsquery(parse("tolls").groups)).query
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = quotes.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "quotes_quote_search_vector_gin" in plan


def test_it_connects_through_a_connection_pool():
    assert connection.pool is not None
    assert connection.pool.max_size >= 10
