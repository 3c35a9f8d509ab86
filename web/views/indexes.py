"""Every way in: all speakers (most quoted first) and all articles (by outlet and date).

Speakers: the ranking comes from quotes.services.speaker_ranking (counted at most once a
minute per process); the page reads only its own 50 speakers, each checked to be
visible, so a speaker with no visible quote is never listed. Articles: newest first,
narrowed by outlet and a date range, counted up to web.paging.COUNT_CAP, with their
visible quotes counted for the 50 shown; article bodies stay in the database.
"""

import django_filters
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render

from quotes.models import Speaker
from quotes.services.speaker_ranking import most_quoted
from sources.models import Article, Outlet
from web.filters import DateInput, StatementSearchForm
from web.paging import CappedPaginator
from web.views.articles import count_quotes
from web.widgets import ListSelect

PAGE_SIZE = 50


def speaker_list(request):
    """Speakers with visible quotes, most quoted first, with counts, kinds and descriptions."""
    page = Paginator(most_quoted(), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = {pk: (quotes, statements) for pk, quotes, statements in page}
    speakers = Speaker.objects.visible().filter(pk__in=counts)
    rows = sorted(
        ((speaker, *counts[speaker.pk]) for speaker in speakers),
        key=lambda row: (-row[1], -row[2], row[0].pk),
    )
    return render(request, "web/speaker_list.html", {"page": page, "rows": rows})


class ArticleListForm(StatementSearchForm):
    date_range = ("published_from", "published_to")


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet",
        queryset=Outlet.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any outlet",
        widget=ListSelect,
    )
    published_from = django_filters.DateFilter(
        label="Published from", field_name="published", lookup_expr="gte", widget=DateInput
    )
    published_to = django_filters.DateFilter(
        label="Published to", field_name="published", lookup_expr="lte", widget=DateInput
    )

    class Meta:
        model = Article
        fields = []
        form = ArticleListForm


def article_list(request):
    """Articles newest first, by outlet and date, with how many quotes each has."""
    articles = (
        Article.objects.select_related("outlet")
        .defer("body", "raw")
        .order_by(F("published").desc(nulls_last=True), "-pk")
    )
    filterset = ArticleFilter(request.GET, queryset=articles)
    if not filterset.is_valid():
        return render(request, "web/article_list.html", {"filterset": filterset, "page": None}, status=400)
    page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    count_quotes(page)
    return render(request, "web/article_list.html", {"filterset": filterset, "page": page})
