"""Each outlet's figures, computed once and stored, for the outlets and outlet pages.

In: the database. Out: one `OutletFigures` row per outlet: its articles, its visible
quotes by drift class, and the visible statements it printed; its fidelity figures
(quotes.text.fidelity: rates by drift class and of meaning-change flags, counted only on
statements at least two independent outlets printed, each with the statements it rests
on), its comparisons with the outlets it shares most statements with, and how many of
its articles are wire copies (quotes.services.variants finds them). The outlets page would
otherwise group every quote by outlet and drift class on each view (1.75 s at
1,000,000 quotes on PostgreSQL), and each outlet page its own quotes and statements.

`outlet_figures(outlet_ids)` returns the stored rows of those outlets as they are, and
never computes them: at 1,000,000 quotes a refresh takes 94 s on the loaded 2-core
machine, past a web worker's statement timeout, and a request that refreshed them when
they were older than ten minutes held a worker that long (and, before a lock, every
request that found them old computed them at once: 20 clients on the outlets page got
1.7 answers a second, p50 6.9 s, every ten minutes). Pages show how old the figures
are, and say so when an outlet has none yet.

`refresh_outlet_figures()` computes them now. Every clustering run
(quotes.services.clustering.cluster_quotes) and `load_synthetic` call it, so after the
pipeline, and in the embedded default (`make run` clusters the samples), the pages have
figures; what changes them otherwise (an editor hides a quote, moves it to another
statement) is counted by the periodic refresh: `manage.py refresh_figures` from cron or
a systemd timer, or the `quotes.tasks.refresh_figures` task that Celery beat queues every
VERBATIM_FIGURES_REFRESH_MINUTES (config/settings.py). A refresh that finds another
under way leaves it to that one (`refresh_unless_running`).

Limits: one refresh computes every outlet (three grouped queries over all quotes and
articles, and one read of every visible quote of a statement two or more outlets
printed, for the fidelity figures); it does not update one outlet incrementally.
"""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from quotes.models import OutletFigures, Quote, Statement, WireCopy
from quotes.services import content_version
from quotes.services.locks import unless_running
from quotes.text import fidelity
from sources.models import Article, Outlet


def outlet_figures(outlets, comparisons=True) -> dict[int, OutletFigures]:
    """{outlet id: stored figures} for the outlet ids given that have figures; an outlet
    with none yet is left out. Never computes any (see the module docstring). Without
    `comparisons` their `compared` column stays in the database: each outlet's holds a
    record per other outlet (4 KB of JSON at 60 outlets), which the outlets page, listing
    every outlet, decoded on each view without showing it."""
    rows = OutletFigures.objects.filter(outlet__in=set(outlets))
    if not comparisons:
        rows = rows.defer("compared")
    return {row.outlet_id: row for row in rows}


def refresh_unless_running() -> dict[int, OutletFigures] | None:
    """Refresh every outlet's figures unless another refresh is under way (None then): two
    at once would both read every quote for the same rows."""
    with unless_running("outlet-figures") as alone:
        return refresh_outlet_figures() if alone else None


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
    content_version.changed()  # bulk_create sends no signal: cached pages show the new figures
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
