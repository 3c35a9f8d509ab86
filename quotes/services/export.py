"""The quotes as JSON Lines, in the format DESIGN.md fixes and the evaluation reads.

One line per visible Quote (editors' "not a quotation" rows are left out):
{"id", "text", "kind", "speaker": name or null, "cluster": Statement id or null,
"start", "end", "quotation", "article": {"id", "title", "outlet", "url",
"source"}, "source", "meaning_flags"}, where meaning_flags lists each change of meaning from the
quote's Statement's canonical wording as {"kind", "canonical", "variant"} (quotes.text.meaning;
[] for a quote in no Statement). Rows stream from the database in chunks, with article,
outlet, speaker and Statement joined, so memory stays flat however many quotes there are.
"""

import json

from quotes.models import Quote
from quotes.text.meaning import meaning_changes

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
    """The quote's changes of meaning from its Statement's canonical wording, as plain dicts."""
    statement = quote.statement
    if statement is None:
        return []
    changes = meaning_changes(
        statement.canonical_text,
        quote.text,
        canonical_speaker=statement.speaker.name if statement.speaker else None,
        variant_speaker=quote.speaker.name if quote.speaker else None,
        reported=quote.kind == "indirect",
    )
    return [{"kind": c.kind, "canonical": c.canonical, "variant": c.variant} for c in changes]


def export_lines(queryset=None):
    """JSON lines (without newline) for the visible quotes, article by article."""
    queryset = Quote.objects.visible() if queryset is None else queryset
    rows = (
        queryset.select_related("article__outlet", "speaker", "statement__speaker")
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
