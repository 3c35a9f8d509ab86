"""The reader's pages about sources: all outlets, one outlet, one article.

The outlet pages show how each outlet treats quotations (its share of each drift
class) as a bar drawn with CSS on the server, with the figures beside it in text.
Those counts (articles, quotes by drift class, statements) come from each outlet's
stored figures (quotes.services.figures: at most its MAX_AGE old), not from grouping
every quote on each view; the lists load no article body or raw text.
"""

from pathlib import PurePath

from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.shortcuts import get_object_or_404, render

from quotes.models import Quote, Statement
from quotes.services.figures import outlet_figures
from sources.models import Article, Outlet
from web import markup
from web.charts import DRIFT_CLASSES, drift_shares
from web.paging import CountedPaginator

PAGE_SIZE = 20
DRIFT_LABELS = dict(DRIFT_CLASSES)
WEB_SCHEMES = ("http://", "https://")


def outlet_list(request):
    """Every outlet with a bar of how it printed its quotations."""
    outlets = list(Outlet.objects.order_by("name"))
    figures = outlet_figures(outlet.pk for outlet in outlets)
    chart = [
        (
            outlet,
            [share for share in drift_shares(figures[outlet.pk].drift_counts, DRIFT_CLASSES) if share.count],
        )
        for outlet in outlets
    ]
    for outlet in outlets:
        outlet.article_count = figures[outlet.pk].article_count
    return render(
        request,
        "web/outlet_list.html",
        {
            "chart": chart,
            "legend": DRIFT_CLASSES,
        },
    )


def outlet(request, slug):
    """One outlet: how it treated quotations, the statements it carried, its articles."""
    outlet = get_object_or_404(Outlet, slug=slug)
    figures = outlet_figures([outlet.pk])[outlet.pk]
    printed = Quote.objects.visible().filter(article__outlet=outlet)
    own_version = printed.filter(statement=OuterRef("pk")).order_by("article__published", "pk")
    statements = (
        Statement.objects.visible()
        .filter(Exists(own_version))
        .annotate(outlet_drift=Subquery(own_version.values("drift")[:1]))
    )
    articles = outlet.articles.defer("body", "raw").order_by(
        F("published").desc(nulls_last=True), "title", "pk"
    )
    page = CountedPaginator(statements, PAGE_SIZE, figures.statement_count).get_page(request.GET.get("page"))
    article_page = CountedPaginator(articles, PAGE_SIZE, figures.article_count).get_page(
        request.GET.get("articles_page")
    )
    count_quotes(article_page)
    return render(
        request,
        "web/outlet.html",
        {
            "outlet": outlet,
            "shares": drift_shares(figures.drift_counts, DRIFT_CLASSES),
            "quote_total": figures.quote_count,
            "statements": page,
            "rows": [
                (statement, DRIFT_LABELS.get(statement.outlet_drift, statement.outlet_drift))
                for statement in page
            ],
            "articles": article_page,
        },
    )


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
