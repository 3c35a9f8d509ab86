"""The reader's pages about sources: all outlets, one outlet, one article.

The outlet pages show how faithfully each outlet printed statements other outlets
printed too (its fidelity bars: verbatim, trimmed, reworded, meaning changed, each
with what it rests on; on one outlet's page, set beside the outlets it shares most
statements with) and how it printed all its quotations (its share of each drift class),
as SVG drawn on the server with the figures in text beside it. Those figures come from
each outlet's stored figures (quotes.services.figures), not from grouping every quote on
each view: the pages say how old they are, and that an outlet has none yet rather than
computing them (a refresh takes 94 s at 1,000,000 quotes); the lists load no article
body or raw text.
An article that is wire copy of another outlet's says so in the outlet's list.
"""

from dataclasses import dataclass
from pathlib import PurePath

from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.shortcuts import get_object_or_404, render

from quotes.models import OutletFigures, Quote, Statement, WireCopy
from quotes.services.figures import outlet_figures
from quotes.text.fidelity import Comparison
from sources.models import Article, Outlet
from web import markup
from web.charts import DRIFT_CLASSES, FidelityChart, chart_of, drift_shares, fidelity_chart
from web.paging import CappedPaginator, CountedPaginator

PAGE_SIZE = 20
DRIFT_LABELS = dict(DRIFT_CLASSES)
WEB_SCHEMES = ("http://", "https://")


def outlet_list(request):
    """Every outlet with its fidelity bars (on statements other outlets printed too) and a
    bar of how it printed all its quotations."""
    outlets = list(Outlet.objects.order_by("name"))
    figures = outlet_figures((outlet.pk for outlet in outlets), comparisons=False)
    rows = [outlet_row(outlet, figures.get(outlet.pk)) for outlet in outlets]
    return render(
        request,
        "web/outlet_list.html",
        {
            "rows": rows,
            "legend": DRIFT_CLASSES,
            "computed_at": min((row.computed_at for row in figures.values()), default=None),
        },
    )


def outlet_row(outlet, figures):
    if figures is None:
        return OutletRow(outlet, None, None, [])
    shares = [share for share in drift_shares(figures.drift_counts, DRIFT_CLASSES) if share.count]
    return OutletRow(outlet, figures, fidelity_chart(figures.fidelity), shares)


@dataclass(frozen=True)
class OutletRow:
    """An outlet on the outlets page: its stored figures (None before the first refresh
    that counted it), its fidelity bars (None when no statement it printed was printed by
    another outlet) and its drift shares."""

    outlet: Outlet
    figures: OutletFigures | None
    fidelity: FidelityChart | None
    shares: list


def outlet(request, slug):
    """One outlet: how it treated quotations, the statements it carried, its articles."""
    outlet = get_object_or_404(Outlet, slug=slug)
    figures = outlet_figures([outlet.pk]).get(outlet.pk)
    printed = Quote.objects.visible().filter(article__outlet=outlet)
    own_version = printed.filter(statement=OuterRef("pk")).order_by("article__published", "pk")
    statements = (
        Statement.objects.visible()
        .filter(Exists(own_version))
        .annotate(
            outlet_drift=Subquery(own_version.values("drift")[:1]),
            canonical_kind=F("canonical_quote__kind"),  # reported speech shows as paraphrase
        )
    )
    articles = (
        outlet.articles.select_related("wire_copy__original__outlet")
        .defer("body", "raw", "wire_copy__original__body", "wire_copy__original__raw")
        .order_by(F("published").desc(nulls_last=True), "title", "pk")
    )
    page = paginated(statements, figures.statement_count if figures else None).get_page(
        request.GET.get("page")
    )
    article_page = paginated(articles, figures.article_count if figures else None).get_page(
        request.GET.get("articles_page")
    )
    count_quotes(article_page)
    for article in article_page:
        article.copied_from = WireCopy.outlet_copied(article)
    return render(
        request,
        "web/outlet.html",
        {
            "outlet": outlet,
            "figures": figures,
            **(figure_context(figures) if figures else {}),
            "statements": page,
            "rows": [
                (statement, DRIFT_LABELS.get(statement.outlet_drift, statement.outlet_drift))
                for statement in page
            ],
            "articles": article_page,
        },
    )


def paginated(rows, count):
    """Pages of rows counted by the stored figures, or (before an outlet has any) by the
    database up to web.paging.COUNT_CAP."""
    return CappedPaginator(rows, PAGE_SIZE) if count is None else CountedPaginator(rows, PAGE_SIZE, count)


def figure_context(figures):
    """What the outlet page draws from an outlet's stored figures."""
    comparisons = [Comparison.from_record(figures.outlet_id, record) for record in figures.compared]
    others = Outlet.objects.in_bulk([comparison.other for comparison in comparisons])
    return {
        "shares": drift_shares(figures.drift_counts, DRIFT_CLASSES),
        "fidelity": fidelity_chart(figures.fidelity),
        "comparisons": [
            (others[c.other], c.statements, side_by_side(c)) for c in comparisons if c.other in others
        ],
        "quote_total": figures.quote_count,
    }


def side_by_side(comparison):
    """(this outlet's bar, the other's bar) for each fidelity measure of a comparison."""
    own, theirs = chart_of(comparison.own), chart_of(comparison.theirs)
    return list(zip(own.bars, theirs.bars, strict=True)) if own and theirs else []


def count_quotes(articles):
    """Set each article's quote_count (its visible quotes), in one query for them all."""
    counted = dict(
        Quote.objects.visible()
        .filter(article__in=[article.pk for article in articles])
        .values_list("article")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for article in articles:
        article.quote_count = counted.get(article.pk, 0)


def article(request, pk):
    """The article's clean text, each quotation highlighted and linked to its Statement.

    Without a web address the page names only the file it came from, not the
    server's folders.
    """
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    quotes = list(
        Quote.objects.visible()
        .filter(article=article)
        .select_related("speaker", "statement")
        .order_by("start", "end")
    )
    spans = [
        markup.QuotationSpan(
            start=quote.start,
            end=quote.end,
            anchor=f"quote-{quote.pk}",
            href=quote.statement.get_absolute_url() if quote.statement else f"#quote-{quote.pk}",
            title=f"Said by {quote.speaker.name}" if quote.speaker else "Speaker not known",
        )
        for quote in quotes
    ]
    return render(
        request,
        "web/article.html",
        {
            "article": article,
            "body_html": markup.article_html(article.body, spans),
            "original_url": article.url if (article.url or "").lower().startswith(WEB_SCHEMES) else "",
            "source_name": PurePath(article.source).name,
            "quotes": quotes,
        },
    )
