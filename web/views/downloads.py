"""The search page's results as a file: CSV or JSON Lines, one row per quote.

`/quotes.csv?…` and `/quotes.jsonl?…` take the search page's query string and stream the
quotes behind its results (web.quote_filters.QuoteFilter), Statement by Statement, in
the records of quotes.services.export (the fields of `manage.py export_quotes`). Rows
are written as the database hands them over, so memory stays flat and the first bytes
leave at once. A query the search form refuses is answered 400 with the form's errors.
Anonymous clients share the search page's request limit (web/urls.py).
"""

from django.db.models import F
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from quotes.models import Quote
from quotes.services.export import CONTENT_TYPES, export_lines
from web.quote_filters import QuoteFilter

ORDER = (F("statement").asc(nulls_last=True), "article__published", "article_id", "start", "pk")


@require_GET
def search_results(request, format):
    filterset = QuoteFilter(request.GET, queryset=Quote.objects.visible())
    if not filterset.is_valid():
        errors = "; ".join(" ".join(messages) for messages in filterset.errors.values())
        return HttpResponseBadRequest(
            f"This search cannot be downloaded: {errors}\n", content_type="text/plain"
        )
    lines = export_lines(filterset.qs.order_by(*ORDER), format)
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="verbatim-quotes.{format}"'
    return response
