"""Assemble what is stored for one story from what was read, a manifest row and options.

In: a `formats.Received`, the matching `manifest.ManifestRow` (or None) and the
--outlet option. Out: an `ArticleRecord` with the clean body, title, byline,
outlet, date, URL, language and content hash, plus warnings; or `EmptyArticle`
when nothing of the story is left after cleaning.

Which value wins, first to last: the manifest row, the --outlet option, the
file's own metadata (JSON fields, HTML metadata), what the text says (the
signature line, the headline), and finally "Unknown" for the outlet.

A manifest URL names one story, so it applies to .txt and .html files, not to
the lines of a .jsonl file (each line carries its own "url").

The headline stays the first paragraph of the body (headlines carry quoted
fragments too) and is also the title; a title given in metadata that the body
does not open with is put in front of it.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .boilerplate import clean
from .headline import detect_title, shorten

UNKNOWN_OUTLET = "Unknown"
DEFAULT_LANGUAGE = "en"
TITLE_FIELD_MAX = 500
DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


class EmptyArticle(ValueError):
    """Nothing of the story is left to store."""


@dataclass(frozen=True)
class ArticleRecord:
    source: str
    raw: str
    body: str
    title: str
    byline: str
    outlet: str
    domain: str
    url: str
    published: date
    language: str
    content_hash: str


def content_hash(body):
    """sha256 of the body with whitespace collapsed: the same story read twice hashes the same."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def build_record(received, manifest_row=None, outlet_option=""):
    """The `ArticleRecord` for `received` and the warnings assembling it raised."""
    cleaned = clean(received.text, received.lines_are_paragraphs)
    paragraphs = list(cleaned.paragraphs)
    if not paragraphs:
        raise EmptyArticle("no article text is left after removing boilerplate")
    given_title = " ".join(received.title.split())
    if given_title and " ".join(paragraphs[0].split()) != given_title:
        paragraphs.insert(0, given_title)
    body = "\n\n".join(paragraphs)
    row = manifest_row
    manifest_url = row.url if row and not received.is_one_of_many else ""
    url = manifest_url or received.url
    published, warnings = parse_published((row and row.published) or received.published)
    outlet = (
        (row and row.outlet) or outlet_option or received.outlet or cleaned.signature_outlet or UNKNOWN_OUTLET
    )
    return ArticleRecord(
        source=received.source,
        raw=received.raw,
        body=body,
        title=shorten(given_title or detect_title(paragraphs), TITLE_FIELD_MAX),
        byline=" ".join((received.byline or cleaned.byline).split())[:300],
        outlet=" ".join(outlet.split())[:200],
        domain=domain_of(url),
        url=url,
        published=published,
        language=((row and row.language) or received.language or DEFAULT_LANGUAGE)[:16],
        content_hash=content_hash(body),
    ), received.warnings + warnings


def parse_published(value):
    """A date from an ISO date or timestamp; None and a warning for anything else."""
    value = (value or "").strip()
    if not value:
        return None, ()
    match = DATE_PREFIX.match(value)
    try:
        return date.fromisoformat(match.group(1)), ()
    except (AttributeError, ValueError):
        return None, (f"published date {value!r} is not YYYY-MM-DD; stored without a date",)


def domain_of(url):
    """The host of `url` without "www.", or "" when there is none."""
    if not url:
        return ""
    return (urlsplit(url).hostname or "").removeprefix("www.")
