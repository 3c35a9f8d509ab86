"""The search page's results as a file: CSV or JSON Lines, one row per quote.

`/quotes.csv?…` and `/quotes.jsonl?…` take the search page's query string and stream the
quotes behind its results (web.quote_filters.QuoteFilter), Statement by Statement, in
the records of quotes.services.export (the fields of `manage.py export_quotes`). Rows
are written as the database hands them over, so memory stays flat and the first bytes
leave at once. A query the search form refuses is answered 400 with the form's errors.
Anonymous clients share the search page's request limit (web/urls.py).

A download holds at most MAX_QUOTES quotes (VERBATIM_DOWNLOAD_MAX_QUOTES overrides it): a
search that finds more is answered 400 saying so (counted no further than that), rather
than cut short without a word. Why: a gunicorn worker is given 30 s a request, and a
file cut off by it looks complete. Measured (`python -m benchmarks.export` on PostgreSQL,
meaning flags stored by clustering, load 7): 999 quotes took 3.8 s CPU and 9,992 took 4.5 s,
almost all of it the process starting, so about 13,000 quotes a second once running;
100,000 take about 8 s.
"""

from django.conf import settings
from django.db.models import F
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from quotes.models import Quote
from quotes.services.export import CONTENT_TYPES, export_lines
from web.quote_filters import QuoteFilter

MAX_QUOTES = 100_000
ORDER = (F("statement").asc(nulls_last=True), "article__published", "article_id", "start", "pk")


@require_GET
def search_results(request, format):
    filterset = QuoteFilter(request.GET, queryset=Quote.objects.visible())
    if not filterset.is_valid():
        errors = "; ".join(" ".join(messages) for messages in filterset.errors.values())
        return HttpResponseBadRequest(
            f"This search cannot be downloaded: {errors}\n", content_type="text/plain"
        )
    limit = getattr(settings, "VERBATIM_DOWNLOAD_MAX_QUOTES", None) or MAX_QUOTES
    if filterset.qs.order_by()[: limit + 1].count() > limit:
        return HttpResponseBadRequest(
            f"This search finds more than {limit} quotes, more than one download holds. Narrow it, "
            "page through /api/quotes/ with the same query, or ask for an export.\n",
            content_type="text/plain",
        )
    lines = export_lines(filterset.qs.order_by(*ORDER), format)
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="verbatim-quotes.{format}"'
    return response
