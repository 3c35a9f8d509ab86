"""quotes.services.variants: meaning flags stored per quote, and wire copies found, on rows
written for the test (tests/quotes/services/conftest.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes.models import Quote, Speaker, Statement, WireCopy
from quotes.services import clustering
from quotes.services.variants import refresh_variants
from sources.models import Article
from tests.quotes.services.conftest import CANONICAL, REWRITTEN

pytestmark = pytest.mark.django_db


def test_it_stores_each_quotes_flags_against_the_canonical_wording(gates):
    refresh_variants([gates.statement.pk])
    times, ledger = Quote.objects.get(pk=gates.times_quote.pk), Quote.objects.get(pk=gates.ledger_quote.pk)
    assert times.meaning_flags == [{"kind": "negation_dropped", "canonical": "not", "variant": ""}]
    assert times.meaning_changed
    assert (ledger.meaning_flags, ledger.meaning_changed) == ([], False)


def test_a_new_canonical_wording_changes_the_flags_and_a_rerun_writes_nothing(gates):
    refresh_variants([gates.statement.pk])
    Statement.objects.filter(pk=gates.statement.pk).update(canonical_text=gates.times_quote.text)
    refresh_variants([gates.statement.pk])
    assert Quote.objects.get(pk=gates.ledger_quote.pk).meaning_flags == [
        {"kind": "negation_added", "canonical": "", "variant": "not"}
    ]
    assert Quote.objects.get(pk=gates.times_quote.pk).meaning_flags == []
    with CaptureQueriesContext(connection) as queries:
        refresh_variants([gates.statement.pk])
    assert not [q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "quotes_quote"')]


def test_a_quote_attributed_to_someone_else_is_flagged_with_both_names(gates):
    Quote.objects.filter(pk=gates.courier_quote.pk).update(speaker=Speaker.objects.create(name="Tomas Reyes"))
    refresh_variants([gates.statement.pk])
    assert Quote.objects.get(pk=gates.courier_quote.pk).meaning_flags == [
        {"kind": "speaker_changed", "canonical": "Ada Marlow", "variant": "Tomas Reyes"}
    ]


def test_it_finds_the_article_another_outlet_copied_and_not_the_ones_written_apart(gates):
    refresh_variants([gates.statement.pk])
    copies = list(WireCopy.objects.values_list("article", "original"))
    assert copies == [(gates.courier_quote.article_id, gates.ledger_quote.article_id)]
    assert WireCopy.objects.get().similarity >= 0.9


def test_a_copy_whose_body_is_rewritten_is_a_copy_no_more(gates):
    refresh_variants([gates.statement.pk])
    Article.objects.filter(pk=gates.courier_quote.article_id).update(
        body=f'{REWRITTEN}\n\nShe said: "{CANONICAL}"'
    )
    refresh_variants([gates.statement.pk])
    assert not WireCopy.objects.exists()


def test_one_outlets_two_articles_are_never_wire_copy(gates):
    Article.objects.filter(pk=gates.courier_quote.article_id).update(outlet=gates.ledger)
    refresh_variants([gates.statement.pk])
    assert not WireCopy.objects.exists()


def test_clustering_refresh_stores_the_flags_and_the_wire_copies(gates):
    clustering.refresh_statements({gates.statement.pk})
    assert set(Quote.objects.filter(meaning_changed=True).values_list("pk", flat=True)) == {
        gates.times_quote.pk
    }
    assert WireCopy.objects.count() == 1
