"""Each outlet's figures, computed once and stored, for the outlets and outlet pages.

In: the database. Out: one `OutletFigures` row per outlet: its articles, its visible
quotes by drift class, and the visible statements it printed; its fidelity figures
(quotes.text.fidelity: rates by drift class and of meaning-change flags, counted only on
statements at least two independent outlets printed, each with the statements it rests
on), its comparisons with the outlets it shares most statements with, and how many of
its articles are wire copies (quotes.services.variants finds them). The outlets page would
otherwise group every quote by outlet and drift class on each view (1.75 s at
1,000,000 quotes on PostgreSQL), and each outlet page its own quotes and statements.

`outlet_figures(outlet_ids)` returns the stored rows of those outlets, computing every
outlet's first when one of them has none or is older than `MAX_AGE`: so figures lag the quotes by about
MAX_AGE (and cached pages by web.page_cache's timeout more), and only the request that finds them old pays for computing them: one at a
time (quotes.services.locks.unless_running), while the others read the old rows. Before
that lock, every request that found them old computed them at once: at 1,000,000 quotes
on 2 cores, 20 clients on the outlets page got 1.7 answers a second, p50 6.9 s
(`manage.py bench_pages`), every ten minutes. A refresh cut short (at 1,000,000 quotes
it takes 94 s on the loaded 2-core machine, past a web worker's statement_timeout) is
logged and the old rows are shown, and requests do not try again for MAX_AGE (GAVE_UP);
`refresh_outlet_figures()` computes them now:
`load_synthetic` and every clustering run (quotes.services.clustering.cluster_quotes)
call it, so after the pipeline no request waits for them; an editor's action can call
it to show the change at once.

Limits: one refresh computes every outlet (three grouped queries over all quotes and
articles, and one read of every visible quote of a statement two or more outlets
printed, for the fidelity figures); it does not update one outlet incrementally.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import OperationalError, transaction
from django.db.models import Count
from django.utils import timezone

from quotes.models import OutletFigures, Quote, Statement, WireCopy
from quotes.services.locks import unless_running
from quotes.text import fidelity
from sources.models import Article, Outlet

MAX_AGE = timedelta(minutes=10)
# Set for MAX_AGE in the cache when a request's refresh was cut short: a refresh that
# cannot finish within a web worker's statement timeout would otherwise be tried again
# by the next request, and the next, each holding a worker for the whole timeout.
GAVE_UP = "quotes.figures.gave_up"
logger = logging.getLogger(__name__)


def outlet_figures(outlets) -> dict[int, OutletFigures]:
    """{outlet id: figures} for the outlet ids given; every outlet's figures are computed
    first when one of those has none or its figures are older than MAX_AGE."""
    wanted = set(outlets)
    figures = {row.outlet_id: row for row in OutletFigures.objects.filter(outlet__in=wanted)}
    if wanted - set(figures):
        return {pk: row for pk, row in refresh_outlet_figures().items() if pk in wanted}
    stale = timezone.now() - MAX_AGE
    if any(row.computed_at < stale for row in figures.values()) and not cache.get(GAVE_UP):
        with unless_running("outlet-figures") as alone:
            if alone:
                try:
                    return {pk: row for pk, row in refresh_outlet_figures().items() if pk in wanted}
                except OperationalError as error:  # cut short by a web worker's statement_timeout
                    cache.set(GAVE_UP, True, MAX_AGE.total_seconds())
                    logger.warning(
                        "outlet figures not refreshed, old ones shown; requests try again in %s: %s",
                        MAX_AGE,
                        error,
                    )
    return figures


def refresh_outlet_figures() -> dict[int, OutletFigures]:
    """Compute and store every outlet's figures; returns them as outlet_figures does."""
    articles = dict(Article.objects.values_list("outlet").annotate(n=Count("pk")).order_by())
    drifts: dict[int, dict[str, int]] = {}
    rows = Quote.objects.visible().values_list("article__outlet", "drift").annotate(n=Count("pk")).order_by()
    for outlet, drift, n in rows:
        drifts.setdefault(outlet, {})[drift] = n
    statements = dict(
        Quote.objects.visible()
        .filter(statement__in=Statement.objects.visible())
        .values_list("article__outlet")
        .annotate(n=Count("statement", distinct=True))
        .order_by()
    )
    variants = printed_variants()
    rates = fidelity.outlet_fidelity(variants)
    comparisons = fidelity.compared(variants)
    copies = dict(WireCopy.objects.values_list("article__outlet").annotate(n=Count("pk")).order_by())
    now = timezone.now()
    figures = {
        pk: OutletFigures(
            outlet_id=pk,
            article_count=articles.get(pk, 0),
            quote_count=sum(drifts.get(pk, {}).values()),
            statement_count=statements.get(pk, 0),
            drift_counts=drifts.get(pk, {}),
            fidelity=rates[pk].as_record() if pk in rates else {},
            compared=[comparison.as_record() for comparison in comparisons.get(pk, [])],
            wire_copy_count=copies.get(pk, 0),
            computed_at=now,
        )
        for pk in Outlet.objects.values_list("pk", flat=True)
    }
    with transaction.atomic():
        OutletFigures.objects.exclude(outlet__in=figures).delete()
        OutletFigures.objects.bulk_create(
            figures.values(),
            update_conflicts=True,
            unique_fields=["outlet"],
            update_fields=[
                "article_count",
                "quote_count",
                "statement_count",
                "drift_counts",
                "fidelity",
                "compared",
                "wire_copy_count",
                "computed_at",
            ],
        )
    return figures


def printed_variants() -> list[fidelity.Variant]:
    """Every visible quote of a statement two or more outlets printed, as a fidelity
    Variant: its outlet, drift, meaning flag, and the outlet it copied if its article is
    wire copy."""
    rows = (
        Quote.objects.visible()
        .filter(statement__outlet_count__gte=fidelity.MIN_OUTLETS)
        .order_by()
        .values_list(
            "article__outlet_id",
            "statement_id",
            "drift",
            "meaning_changed",
            "article__wire_copy__original__outlet_id",
        )
    )
    return [
        fidelity.Variant(outlet, statement, drift, flagged, source, wire_copy=source is not None)
        for outlet, statement, drift, flagged, source in rows.iterator(chunk_size=5000)
    ]
