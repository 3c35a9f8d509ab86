"""The quotes as JSON Lines or CSV: the format DESIGN.md fixes and the evaluation reads,
with every field a researcher needs after it.

One record per visible Quote (editors' "not a quotation" rows are left out), as
`quote_record` builds it; the keys of DESIGN.md's contract come first:
{"id", "text", "kind", "speaker": name or null, "cluster": Statement id or null,
"start", "end", "quotation", "article": {"id", "title", "outlet", "url", "source"},
"source"}, then "canonical" (the Statement's canonical wording), "published" (the
article's date, YYYY-MM-DD), "drift" (class against the canonical wording, "" before
clustering), "lexical_similarity" and "embedding_similarity" (null before clustering),
"speaker_method", "speaker_confidence", "speaker_mention" (the words the article named
the speaker with) and "meaning_flags", each change of meaning from the canonical wording
as {"kind", "canonical", "variant"} (quotes.text.meaning), as clustering's refresh stored
them (quotes.services.variants; [] for a quote in no Statement), so the export parses
nothing. CSV rows flatten the same records (quotes.text.spreadsheet: columns, formula-safe cells).

`export_lines(quotes, format)` streams the lines (each ending in its line break) of any
Quote queryset: rows come from the database in chunks of CHUNK with article, outlet,
speaker and Statement joined and the heavy columns (vectors, diffs, article bodies) left
behind, so memory stays flat however many quotes there are; a server streams them as
they come (the search page's download, web.views.downloads).
"""

import csv
import json

from quotes.models import Quote
from quotes.text.spreadsheet import COLUMNS, csv_row

CHUNK = 2000
FORMATS = ("jsonl", "csv")
CONTENT_TYPES = {"jsonl": "application/jsonl; charset=utf-8", "csv": "text/csv; charset=utf-8"}


def quote_record(quote):
    """The export record of one Quote (its article, outlet, speaker and Statement joined)."""
    article = quote.article
    statement = quote.statement
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
        "canonical": statement.canonical_text if statement else None,
        "published": article.published.isoformat() if article.published else None,
        "drift": quote.drift,
        "lexical_similarity": quote.lexical_similarity,
        "embedding_similarity": quote.embedding_similarity,
        "speaker_method": quote.speaker_method,
        "speaker_confidence": quote.speaker_confidence,
        "speaker_mention": quote.speaker_mention,
        "meaning_flags": meaning_flags(quote),
    }


def meaning_flags(quote):
    """The quote's stored changes of meaning from its Statement's canonical wording
    (quotes.services.variants keeps them current); [] for a quote in no Statement."""
    return list(quote.meaning_flags or []) if quote.statement_id is not None else []


def with_record_columns(quotes):
    """`quotes` with what `quote_record` reads joined, and nothing heavy loaded."""
    return quotes.select_related("article__outlet", "speaker", "statement").defer(
        "embedding", "diff", "article__body", "article__raw"
    )


def export_lines(quotes=None, format="jsonl"):
    """Lines (each with its line break) for `quotes` (every visible quote, article by
    article, when None) in `format`, "jsonl" or "csv" (whose first line is the header)."""
    if quotes is None:
        quotes = Quote.objects.visible().order_by("article_id", "start", "pk")
    records = (quote_record(quote) for quote in with_record_columns(quotes).iterator(chunk_size=CHUNK))
    if format == "csv":
        return csv_lines(records)
    return (json.dumps(record, ensure_ascii=False) + "\n" for record in records)


class LineBuffer:
    """A file for csv.writer whose write() hands back the line written, so rows stream."""

    def write(self, line):
        return line


def csv_lines(records):
    writer = csv.writer(LineBuffer())
    yield writer.writerow(COLUMNS)
    for record in records:
        yield writer.writerow(csv_row(record))


def write_export(stream, format="jsonl", quotes=None):
    """Write the quotes (every visible one when None) to stream in `format`; return how many."""
    count = -1 if format == "csv" else 0  # the CSV header is no quote
    for line in export_lines(quotes, format):
        stream.write(line)
        count += 1
    return count
