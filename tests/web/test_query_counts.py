"""No page makes a query per row: each page's query count is fixed, whatever it lists.

Every page is requested with the twelve extra statements (three quotes each, in three
outlets) and must make exactly the number of queries it makes for its few rows. The
quotes' meaning flags and the outlets' stored figures are computed first, as they stand
between two refreshes, and one article is made a wire copy of another's.
"""

import pytest
from django.urls import reverse

from quotes.models import Statement, WireCopy
from quotes.services.figures import refresh_outlet_figures
from quotes.services.variants import refresh_variants

# The session and user are never touched by these pages, so the counts are the views' own.
PAGES = {
    # count, page of results, results with their quotes and outlets, outlet choices
    "search": (lambda s: reverse("web:search"), 4),
    # the same, plus the outlet named in the query string and whether any name or
    # alias holds the speaker typed (else the closest spellings stand in), and first the
    # newest matching quotes' ids (quotes.services.search), after asking how many quotes
    # the words match (PostgreSQL's planner estimates them, SQLite counts them)
    "search-filtered": (
        lambda s: (
            reverse("web:search") + "?speaker=marlow&words=statement"
            "&drift=verbatim&outlet=harbour-times&sort=newest"
        ),
        8,
    ),
    # the same, with the tick boxes "meaning changed" and "show lone fragments"
    "search-meaning": (lambda s: reverse("web:search") + "?meaning=on&fragments=on", 4),
    # statement with speaker and canonical quote, its quotes with outlets, speakers, wire
    # copies and the stretch of body around fragments and trims
    "statement": (lambda s: reverse("web:statement", args=[s.reopen.pk]), 2),
    # the two quotes (with the stretch of body around a trim)
    "compare": (lambda s: reverse("web:compare") + f"?a={s.reopen_verbatim.pk}&b={s.reopen_trimmed.pk}", 2),
    # speaker, aliases, outlets, statement count, statement page, their quotes,
    # the ids of statements other outlets attribute to them, those statements, their
    # quotes, whether they are visible
    "speaker": (lambda s: reverse("web:speaker", args=[s.ada.slug]), 10),
    # the ranking (counted once a minute; the cache is emptied before each test), the page's speakers
    "speaker-list": (lambda s: reverse("web:speaker-list"), 2),
    # the outlet named, capped count, the page of articles with outlets, their quotation
    # counts, outlet choices
    "article-list": (lambda s: reverse("web:article-list") + "?outlet=harbour-times", 5),
    # outlets, their stored figures (drift and article counts)
    "outlet-list": (lambda s: reverse("web:outlet-list"), 2),
    # outlet, its stored figures (drift, statement and article counts, fidelity, comparisons),
    # the outlets it is compared with, statement page, article page (with their wire
    # copies), the page's quotation counts
    "outlet": (lambda s: reverse("web:outlet", args=[s.ledger.slug]), 6),
    # article with outlet, its quotes with speakers and statements
    "article": (lambda s: reverse("web:article", args=[s.ledger_article.pk]), 2),
}


@pytest.mark.parametrize("name", PAGES)
def test_it_makes_a_fixed_number_of_queries_however_many_rows(
    client, more_statements, django_assert_num_queries, name
):
    url, queries = PAGES[name]
    refresh_variants(Statement.objects.values_list("pk", flat=True))  # meaning flags stored
    WireCopy.objects.create(
        article=more_statements.courier_article, original=more_statements.ledger_article, similarity=0.9
    )
    refresh_outlet_figures()
    with django_assert_num_queries(queries):
        response = client.get(url(more_statements))
    assert response.status_code == 200
