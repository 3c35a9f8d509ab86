"""Each outlet's figures, computed once and stored, for the outlets and outlet pages.

In: the database. Out: one `OutletFigures` row per outlet: its articles, its visible
quotes by drift class, and the visible statements it printed. The outlets page would
otherwise group every quote by outlet and drift class on each view (1.75 s at
1,000,000 quotes on PostgreSQL), and each outlet page its own quotes and statements.

`outlet_figures(outlet_ids)` returns the stored rows of those outlets, computing every
outlet's first when one of them has none or is older than `MAX_AGE`: so figures lag the quotes by at most
MAX_AGE, and only the request that finds them old pays for computing them (others
read the old rows until it commits). `refresh_outlet_figures()` computes them now:
`load_synthetic` calls it, and a pipeline step that changes many quotes (clustering)
or an editor's action can call it to show the change at once.

Limits: one refresh computes every outlet (three grouped queries over all quotes and
articles); it does not update one outlet incrementally.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from quotes.models import OutletFigures, Quote, Statement
from sources.models import Article, Outlet

MAX_AGE = timedelta(minutes=10)


def outlet_figures(outlets) -> dict[int, OutletFigures]:
    """{outlet id: figures} for the outlet ids given; every outlet's figures are computed
    first when one of those has none or its figures are older than MAX_AGE."""
    wanted = set(outlets)
    figures = {row.outlet_id: row for row in OutletFigures.objects.filter(outlet__in=wanted)}
    stale = timezone.now() - MAX_AGE
    if wanted - set(figures) or any(row.computed_at < stale for row in figures.values()):
        return {pk: row for pk, row in refresh_outlet_figures().items() if pk in wanted}
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
    now = timezone.now()
    figures = {
        pk: OutletFigures(
            outlet_id=pk,
            article_count=articles.get(pk, 0),
            quote_count=sum(drifts.get(pk, {}).values()),
            statement_count=statements.get(pk, 0),
            drift_counts=drifts.get(pk, {}),
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
            update_fields=["article_count", "quote_count", "statement_count", "drift_counts", "computed_at"],
        )
    return figures
