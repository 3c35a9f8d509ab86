"""quotes.services.figures: each outlet's stored fidelity figures, on rows written for the
test (tests/quotes/services/conftest.py: the Ledger's story, the Courier's wire copy of it,
the Times's own story that drops a "not"); read as stored, computed by clustering, the
refresh_figures command and the periodic task."""

import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import quotes.services.figures
from quotes.models import OutletFigures, Statement
from quotes.services.figures import outlet_figures, refresh_outlet_figures, refresh_unless_running
from quotes.services.locks import serialized
from quotes.services.variants import refresh_variants
from quotes.tasks import refresh_figures
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


def test_reading_figures_never_computes_them(figures, gates, monkeypatch):
    def refresh():
        raise AssertionError("figures computed on reading")

    monkeypatch.setattr(quotes.services.figures, "refresh_outlet_figures", refresh)
    old = timezone.now() - datetime.timedelta(days=2)
    OutletFigures.objects.update(computed_at=old)
    OutletFigures.objects.filter(outlet=gates.times).delete()

    read = outlet_figures([gates.ledger.pk, gates.times.pk])

    assert list(read) == [gates.ledger.pk]
    assert read[gates.ledger.pk].computed_at == old


def test_figures_read_without_comparisons_leave_them_unread_and_the_rest_alike(figures, gates):
    whole = outlet_figures([gates.ledger.pk])[gates.ledger.pk]
    listed = outlet_figures([gates.ledger.pk], comparisons=False)[gates.ledger.pk]

    assert listed.get_deferred_fields() == {"compared"}
    assert (listed.drift_counts, listed.fidelity, listed.quote_count) == (
        whole.drift_counts,
        whole.fidelity,
        whole.quote_count,
    )


def test_a_refresh_leaves_the_work_to_one_already_under_way(figures):
    holding, done = threading.Event(), threading.Event()

    def refreshing_elsewhere():
        with serialized("outlet-figures"):
            holding.set()
            done.wait(10)
        connection.close()

    elsewhere = threading.Thread(target=refreshing_elsewhere)
    elsewhere.start()
    holding.wait(10)
    try:
        assert refresh_unless_running() is None
    finally:
        done.set()
        elsewhere.join()
    assert set(refresh_unless_running()) == {row.outlet_id for row in figures.values()}  # free again


def test_the_command_refreshes_every_outlets_figures(figures):
    old = timezone.now() - datetime.timedelta(days=2)
    OutletFigures.objects.update(computed_at=old)
    out = io.StringIO()

    call_command("refresh_figures", stdout=out)

    assert out.getvalue().startswith("figures of 3 outlet(s) refreshed in ")
    assert not OutletFigures.objects.filter(computed_at=old).exists()


def test_the_periodic_task_refreshes_them_and_celery_beat_queues_it(figures, settings):
    OutletFigures.objects.all().delete()

    assert refresh_figures.delay().get() == {"outlets": 3}
    assert OutletFigures.objects.count() == 3
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert refresh_figures.name in scheduled
