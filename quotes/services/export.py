"""The quotes as JSON Lines, in the format DESIGN.md fixes and the evaluation reads.

One line per visible Quote (editors' "not a quotation" rows are left out):
{"id", "text", "kind", "speaker": name or null, "cluster": Statement id or null,
"start", "end", "quotation", "article": {"id", "title", "outlet", "url",
"source"}, "source", "meaning_flags"}, where meaning_flags lists each change of meaning from the
quote's Statement's canonical wording as {"kind", "canonical", "variant"} (quotes.text.meaning),
as clustering's refresh stored them (quotes.services.variants; [] for a quote in no
Statement), so the export parses nothing. Rows stream from the database in chunks, with
article, outlet and speaker joined, so memory stays flat however many quotes there are.
"""

import json

from quotes.models import Quote

CHUNK = 2000


def quote_record(quote):
    article = quote.article
    return {
        "id": quote.pk,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker.name if quote.speaker else None,
        "cluster": quote.statement_id,
        "start": quote.start,
        "end": quote.end,
        "quotation": quote.quotation,
        "article": {
            "id": article.pk,
            "title": article.title,
            "outlet": article.outlet.name,
            "url": article.url,
            "source": article.source,
        },
        "source": article.source,
        "meaning_flags": meaning_flags(quote),
    }


def meaning_flags(quote):
    """The quote's stored changes of meaning from its Statement's canonical wording
    (quotes.services.variants keeps them current); [] for a quote in no Statement."""
    return list(quote.meaning_flags or []) if quote.statement_id is not None else []


def export_lines(queryset=None):
    """JSON lines (without newline) for the visible quotes, article by article."""
    queryset = Quote.objects.visible() if queryset is None else queryset
    rows = (
        queryset.select_related("article__outlet", "speaker")
        .defer("embedding", "diff", "article__body", "article__raw")
        .order_by("article_id", "start", "pk")
    )
    for quote in rows.iterator(chunk_size=CHUNK):
        yield json.dumps(quote_record(quote), ensure_ascii=False)


def write_export(stream):
    """Write every visible quote to stream; return how many."""
    count = 0
    for line in export_lines():
        stream.write(line + "\n")
        count += 1
    return count
