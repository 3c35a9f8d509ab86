"""Assemble what is stored for one story from what was read, a manifest row and options.

In: a `formats.Received`, the matching `manifest.ManifestRow` (or None) and the
--outlet option. Out: an `ArticleRecord` with the clean body, title, byline,
outlet, date, URL, language and content hash, plus warnings; or `EmptyArticle`
when nothing of the story is left after cleaning; `MalformedURL` when the URL
given for it is not one a reader's browser could open.

Which value wins, first to last: the manifest row, the --outlet option, the
file's own metadata (JSON fields, HTML metadata), what the text says (the
signature line, the headline), and finally "Unknown" for the outlet.

A manifest URL names one story, so it applies to .txt and .html files, not to
the lines of a .jsonl file (each line carries its own "url").

The headline stays the first paragraph of the body (headlines carry quoted
fragments too) and is also the title; a title given in metadata that the body
does not open with is put in front of it.

Every text field is normalised (`characters.normalise_text`: no lone
surrogates, no NUL) before the hash is taken and anything is stored, whatever
the caller passed in. A URL must be http(s) with a host, parse (a bracketed
IPv6 host closed, a port in range), hold no whitespace or control characters,
and fit the 2,000 characters Article.url holds; otherwise the record is
rejected with `MalformedURL`, since the URL is how the story is identified and
linked, and a story stored without it would come back as a duplicate when the
URL is corrected.
"""

import hashlib
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import urlsplit

from .boilerplate import clean
from .characters import normalise_text
from .headline import detect_title, shorten

UNKNOWN_OUTLET = "Unknown"
DEFAULT_LANGUAGE = "en"
TITLE_FIELD_MAX = 500
DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")
URL_MAX = 2000
WEB_SCHEMES = ("http", "https")
WHITESPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
HASH_WINDOW = 1 << 20


class EmptyArticle(ValueError):
    """Nothing of the story is left to store."""


class MalformedURL(ValueError):
    """The story's URL is not a web address that can be stored and linked."""


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


def content_hash(body, window=HASH_WINDOW):
    """sha256 of the body with whitespace collapsed: the same story read twice hashes the same.

    The hash of `" ".join(body.split())`, fed a window of the body at a time: joining every
    word of a 100 MB body at once held 1.28 GB more (re.sub, which collects its pieces in a
    list, 1.41 GB). A word or a run of whitespace that spans two windows is joined as
    the whole body would join it."""
    digest = hashlib.sha256()
    started = space_due = False
    for start in range(0, len(body), window):
        piece = body[start : start + window]
        words = piece.split()
        if not words:
            space_due = started
            continue
        if started and (space_due or piece[0].isspace()):
            digest.update(b" ")
        digest.update(" ".join(words).encode("utf-8"))
        started, space_due = True, piece[-1].isspace()
    return digest.hexdigest()


def build_record(received, manifest_row=None, outlet_option=""):
    """The `ArticleRecord` for `received` and the warnings assembling it raised."""
    received = normalised(received)
    manifest_row = manifest_row and normalised(manifest_row)
    outlet_option = normalise_text(outlet_option)
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
    url = checked_url(manifest_url or received.url)
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


def normalised(record):
    """A copy of the dataclass `record` with every text field normalised."""
    values = {field.name: getattr(record, field.name) for field in fields(record)}
    return replace(record, **{name: normalise_text(v) for name, v in values.items() if isinstance(v, str)})


def checked_url(url):
    """`url` stripped, "" for none; `MalformedURL` when a browser could not open it."""
    url = (url or "").strip()
    if not url:
        return ""
    if len(url) > URL_MAX:
        raise MalformedURL(f"URL is {len(url)} characters, over the {URL_MAX} stored")
    if WHITESPACE_OR_CONTROL.search(url):
        raise MalformedURL(f"URL {shorten(url, 80)!r} holds whitespace or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (parsing the port raises on one out of range)
    except ValueError as error:
        raise MalformedURL(f"URL {shorten(url, 80)!r} is malformed ({error})") from None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise MalformedURL(f"URL {shorten(url, 80)!r} is not an http(s) address with a host")
    return url


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
    """The host of `url` without "www.", or "" when there is none or it does not parse."""
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""
