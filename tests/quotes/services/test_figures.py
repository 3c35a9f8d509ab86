"""quotes.services.figures: each outlet's stored fidelity figures, on rows written for the
test (tests/quotes/services/conftest.py: the Ledger's story, the Courier's wire copy of it,
the Times's own story that drops a "not")."""

import threading

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.utils import timezone

import quotes.services.figures
from quotes.models import OutletFigures, Statement
from quotes.services.figures import MAX_AGE, outlet_figures, refresh_outlet_figures
from quotes.services.locks import serialized
from quotes.services.variants import refresh_variants
from quotes.text.fidelity import Comparison, OutletFidelity, Rate
from tests.quotes.services.conftest import quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(gates):
    """The figures after a refresh, with one more statement the Times alone printed."""
    alone = Statement.objects.create(canonical_text="The gates are old.", outlet_count=1, quote_count=1)
    article = gates.times_quote.article
    article.body += '\n\n"The gates are old."'
    article.save()
    quote(article, "The gates are old.", alone, drift="verbatim")
    refresh_variants([gates.statement.pk, alone.pk])
    stored = refresh_outlet_figures()
    return {outlet.name: stored[outlet.pk] for outlet in (gates.ledger, gates.courier, gates.times)}


def fidelity(row):
    return OutletFidelity.from_record(row.outlet_id, row.fidelity)


def test_a_rate_counts_only_statements_another_independent_outlet_printed(figures):
    times = fidelity(figures["Times"])
    # The Times's lone statement is not counted; its one shared variant is reworded.
    assert (times.variants, times.statements) == (1, 1)
    assert times.classes["reworded"] == Rate(1, 1, 1)
    assert times.classes["verbatim"] == Rate(0, 1, 1)


def test_the_share_of_variants_carrying_a_meaning_flag_is_stored(figures):
    assert fidelity(figures["Times"]).meaning_changed == Rate(1, 1, 1)
    assert fidelity(figures["Ledger"]).meaning_changed == Rate(0, 1, 1)


def test_a_wire_copy_is_counted_apart_and_not_as_the_copiers_own(figures):
    assert figures["Courier"].wire_copy_count == 1
    assert figures["Courier"].fidelity == {}
    assert figures["Ledger"].wire_copy_count == 0
    assert fidelity(figures["Ledger"]).classes["verbatim"] == Rate(1, 1, 1)


def test_outlets_are_compared_on_the_statements_both_printed(figures):
    ledger = [
        Comparison.from_record(figures["Ledger"].outlet_id, record) for record in figures["Ledger"].compared
    ]
    assert [(c.other, c.statements) for c in ledger] == [(figures["Times"].outlet_id, 1)]
    assert ledger[0].own.classes["verbatim"] == Rate(1, 1, 1)
    assert ledger[0].theirs.meaning_changed == Rate(1, 1, 1)
    assert figures["Courier"].compared == []


def test_old_figures_are_read_as_they_are_while_another_request_refreshes_them(figures):
    holding, done = threading.Event(), threading.Event()

    def refreshing_elsewhere():
        with serialized("outlet-figures"):
            holding.set()
            done.wait(10)
        connection.close()

    elsewhere = threading.Thread(target=refreshing_elsewhere)
    elsewhere.start()
    holding.wait(10)
    old = timezone.now() - 2 * MAX_AGE
    OutletFigures.objects.update(computed_at=old)
    try:
        read = outlet_figures([row.outlet_id for row in figures.values()])
    finally:
        done.set()
        elsewhere.join()
    assert {row.computed_at for row in read.values()} == {old}
    assert {row.computed_at for row in outlet_figures(read).values()} != {old}  # free again: refreshed


def test_a_refresh_cut_short_is_not_tried_again_by_every_request(figures, monkeypatch):

    tries = []

    def cut_short():
        tries.append(1)
        raise OperationalError("canceling statement due to statement timeout")

    cache.delete(quotes.services.figures.GAVE_UP)
    monkeypatch.setattr(quotes.services.figures, "refresh_outlet_figures", cut_short)
    old = timezone.now() - 2 * MAX_AGE
    OutletFigures.objects.update(computed_at=old)
    ids = [row.outlet_id for row in figures.values()]
    try:
        first, second = outlet_figures(ids), outlet_figures(ids)
    finally:
        cache.delete(quotes.services.figures.GAVE_UP)

    assert len(tries) == 1
    assert (
        {row.computed_at for row in first.values()} == {row.computed_at for row in second.values()} == {old}
    )
