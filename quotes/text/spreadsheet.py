"""Quote records as CSV rows a spreadsheet opens safely: flat columns, no formulas.

In: the records quotes.services.export builds (one dict per quote, with the nested
"article" object and the "meaning_flags" list of JSON Lines). Out: the header row
(`COLUMNS`) and one row of cells per record (`csv_row`), for `csv.writer`.

Flattening: the article's fields become article_id, article_title, article_url and
outlet; each meaning flag is written 'kind: "canonical" -> "variant"' and several are joined
by " | "; None is an empty cell. Numbers stay numbers.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
"=", "+", "-" or "@" as a formula (and a tab or carriage return before one can hide
it), so a quotation printed as "=HYPERLINK(...)" could run in a researcher's
spreadsheet. Such a text cell is written with a leading apostrophe, which spreadsheets
show as text and do not print; numbers, which the CSV holds as plain digits, are left
alone (a negative similarity is a number, not a formula). Limits: the apostrophe is
visible to a program that reads the CSV as data (strip one leading "'" before "=", "+",
"-", "@", tab or CR to get the text back).
"""

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FLAG_SEPARATOR = " | "

# The columns, in the order researchers read a row: the statement, the quote, who, where, how.
COLUMNS = (
    "statement",
    "canonical",
    "quote",
    "text",
    "kind",
    "speaker",
    "speaker_method",
    "speaker_confidence",
    "speaker_mention",
    "outlet",
    "published",
    "article_id",
    "article_title",
    "article_url",
    "source",
    "start",
    "end",
    "quotation",
    "drift",
    "lexical_similarity",
    "embedding_similarity",
    "meaning_flags",
)


def csv_row(record: Mapping[str, Any]) -> list[Any]:
    """The cells of one quote record, in `COLUMNS` order, safe to open in a spreadsheet."""
    article = record["article"]
    values = {
        **record,
        "statement": record["cluster"],
        "quote": record["id"],
        "outlet": article["outlet"],
        "article_id": article["id"],
        "article_title": article["title"],
        "article_url": article["url"],
        "meaning_flags": flags_text(record.get("meaning_flags") or ()),
    }
    return [safe_cell(values.get(column)) for column in COLUMNS]


def flags_text(flags: Iterable[Mapping[str, str]]) -> str:
    """Meaning flags as one readable cell: 'negation_dropped: "not" -> ""' per flag."""
    return FLAG_SEPARATOR.join(f'{f["kind"]}: "{f["canonical"]}" -> "{f["variant"]}"' for f in flags)


def safe_cell(value: Any) -> Any:
    """value for csv.writer: "" for None, numbers as they are, text that a spreadsheet
    would run as a formula prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
