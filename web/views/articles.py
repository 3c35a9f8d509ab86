"""The reader's pages about sources: all outlets, one outlet, one article.

The outlet pages show how each outlet treats quotations (its share of each drift
class) as a bar drawn with CSS on the server, with the figures beside it in text.
"""

from collections import defaultdict
from pathlib import PurePath

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, render

from quotes.models import Quote, Statement
from sources.models import Article, Outlet
from web import markup
from web.charts import DRIFT_CLASSES, drift_shares

PAGE_SIZE = 20
DRIFT_LABELS = dict(DRIFT_CLASSES)
WEB_SCHEMES = ("http://", "https://")


def outlet_list(request):
    """Every outlet with a bar of how it printed its quotations."""
    counts = defaultdict(dict)
    rows = Quote.objects.visible().values_list("article__outlet", "drift").annotate(n=Count("pk"))
    for outlet_id, drift, n in rows.order_by():
        counts[outlet_id][drift] = n
    outlets = Outlet.objects.annotate(article_count=Count("articles")).order_by("name")
    chart = [
        (outlet, [share for share in drift_shares(counts[outlet.pk], DRIFT_CLASSES) if share.count])
        for outlet in outlets
    ]
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
    printed = Quote.objects.visible().filter(article__outlet=outlet)
    counts = dict(printed.values_list("drift").annotate(n=Count("pk")).order_by())
    own_version = printed.filter(statement=OuterRef("pk")).order_by("article__published", "pk")
    statements = (
        Statement.objects.visible()
        .filter(Exists(own_version))
        .annotate(outlet_drift=Subquery(own_version.values("drift")[:1]))
    )
    articles = outlet.articles.annotate(
        quote_count=Count("quotes", filter=Q(quotes__hidden_by_editor=False))
    ).order_by(F("published").desc(nulls_last=True), "title", "pk")
    page = Paginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/outlet.html",
        {
            "outlet": outlet,
            "shares": drift_shares(counts, DRIFT_CLASSES),
            "quote_total": sum(counts.values()),
            "statements": page,
            "rows": [
                (statement, DRIFT_LABELS.get(statement.outlet_drift, statement.outlet_drift))
                for statement in page
            ],
            "articles": Paginator(articles, PAGE_SIZE).get_page(request.GET.get("articles_page")),
        },
    )


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
