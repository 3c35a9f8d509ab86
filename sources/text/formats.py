"""Read article files (.txt, .html, .jsonl) into `Received` records, one per story.

In: paths to files or folders (folders are searched recursively for the
supported suffixes; other files in them are passed over). Out: `Received`
records with the decoded text and what metadata the file itself carries, or a
`Failure` with one clear line for the reader when a file or a JSON line cannot
be used. Nothing here touches the database.

Formats:
- .txt: the text as is; title, outlet and byline are found later by cleaning.
- .html/.htm: trafilatura extracts the main text, title, site name, author,
  date and canonical URL.
- .jsonl: one JSON object a line with "text" or "html", and optionally
  "title", "url", "outlet", "published", "language", "byline". A malformed line
  fails alone; the other lines are read.

Bad input, each a `Failure`: a path that does not exist or cannot be read, a
file over the size limit, an empty file, a binary file (NUL bytes or many
control characters). Invalid UTF-8 is decoded with replacement characters and
the record carries a warning. Any other error while reading one story (say,
trafilatura failing on one page) is a `Failure` for that story alone, never an
exception out of `read_file`: one bad record never stops a batch.

Text is normalised where it comes in (`characters.normalise_text`): lone
surrogates, which JSON escapes like "\\ud800" produce, become U+FFFD and NUL
bytes are dropped, in the decoded file and in every JSON field.
"""

import codecs
import json
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from .characters import normalise_text

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
JSON_FIELDS = ("title", "url", "outlet", "published", "language", "byline")
BINARY_SAMPLE = 8192
CONTROL_SHARE_MAX = 0.1


@dataclass(frozen=True)
class Received:
    """One story as read from its file, before cleaning."""

    path: str
    source: str
    raw: str
    text: str
    lines_are_paragraphs: bool | None = None
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: str = ""
    language: str = ""
    byline: str = ""
    warnings: tuple = ()

    @property
    def file_name(self):
        """The name a manifest row matches."""
        return Path(self.path).name

    @property
    def is_one_of_many(self):
        """True for a JSON line: its file holds other stories too."""
        return self.source != self.path


@dataclass(frozen=True)
class Failure:
    """A file or JSON line that could not be used, and why, in one line."""

    source: str
    reason: str

    def __str__(self):
        return f"{self.source}: {self.reason}"


def find_files(paths):
    """Files to read, in a stable order: each path given, and the supported files
    under each folder given. A missing path yields a `Failure`."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in SUPPORTED_SUFFIXES and not hidden(found, path):
                    yield found
        elif path.exists():
            yield path
        else:
            yield Failure(str(given), "no such file or folder")


def hidden(found, root):
    return any(part.startswith(".") for part in found.relative_to(root).parts)


def read_file(path, max_bytes):
    """The records in one file: `Received` for each story, `Failure` for what fails."""
    source = normalise_text(str(Path(path).resolve()))
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Failure(source, f"unsupported file type {suffix or '(none)'}; use .txt, .html or .jsonl")
        return
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            yield Failure(source, f"file is {size} bytes, over the {max_bytes}-byte limit")
            return
        data = Path(path).read_bytes()
    except OSError as error:
        yield Failure(source, f"cannot be read ({error.strerror or error})")
        return
    yield from read_data(data, source, suffix)


def read_data(data, source, suffix, encoding=None):
    """The records in the bytes of one file of type `suffix` (".txt", ".html", ".jsonl"),
    read from `source` (a path, an upload, a URL). Bytes are UTF-8 unless `encoding` (a
    charset a web server named) says otherwise."""
    problem = content_problem(data)
    if problem:
        yield Failure(source, problem)
        return
    text, warnings = decode(data, encoding)
    if suffix in JSONL_SUFFIXES:
        yield from read_json_lines(source, text, warnings)
    elif suffix in HTML_SUFFIXES:
        yield guarded(source, from_html, source, source, text, warnings=warnings)
    else:
        yield Received(path=source, source=source, raw=text, text=text, warnings=warnings)


def guarded(source, read, *args, **kwargs):
    """read(*args, **kwargs), or a `Failure` naming the error it raised: whatever one
    story holds, the caller goes on to the next."""
    try:
        return read(*args, **kwargs)
    except Exception as error:  # one bad story fails alone, the batch goes on
        return Failure(source, f"could not be read ({type(error).__name__}: {error})")


def content_problem(data):
    """Why these bytes are not an article's text, or "" when they may be."""
    if not data.strip():
        return "the file is empty"
    sample = data[:BINARY_SAMPLE]
    controls = sum(byte < 32 and byte not in b"\t\n\r\f" for byte in sample)
    if b"\x00" in sample or controls > CONTROL_SHARE_MAX * len(sample):
        return "looks like a binary file, not text"
    return ""


def decode(data, encoding=None):
    """The text (a byte-order mark dropped, NUL bytes removed) and the warnings decoding
    raised: UTF-8, or `encoding` when one is named and Python knows it."""
    codec = known_codec(encoding)
    try:
        return normalise_text(data.decode(codec)), ()
    except UnicodeDecodeError as error:
        text = normalise_text(data.decode(codec, errors="replace"))
        name = "UTF-8" if codec == "utf-8-sig" else codec
        return text, (f"invalid {name} at byte {error.start}; decoded with replacement characters",)


def known_codec(encoding):
    """Python's codec for a charset name; UTF-8 (with or without a byte-order mark) for none,
    for one Python does not know, and for "utf-8" itself."""
    try:
        codec = codecs.lookup(encoding).name if encoding else "utf-8"
    except LookupError:
        codec = "utf-8"
    return "utf-8-sig" if codec == "utf-8" else codec


def from_html(path, source, html, warnings=(), **given):
    """A record from an HTML page: trafilatura's main text and metadata; values in
    `given` (from a JSON line) win over the page's own."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (document.text if document else "") or ""
    if not text.strip():
        return Failure(source, "no article text found in the HTML")
    found = {
        "title": document.title or "",
        "url": document.url or "",
        "outlet": document.sitename or "",
        "published": document.date or "",
        "language": document.language or "",
        "byline": document.author or "",
    }
    found.update({name: value for name, value in given.items() if value})
    return Received(
        path=path,
        source=source,
        raw=html,
        text=text,
        lines_are_paragraphs=True,
        warnings=tuple(warnings),
        **found,
    )


def read_json_lines(path, text, warnings):
    """A record for each non-blank line; the source of each is "PATH:LINE"."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            source = f"{path}:{number}"
            yield guarded(source, from_json_line, path, source, line, warnings)


def from_json_line(path, source, line, warnings):
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(source, f"malformed JSON line ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return Failure(source, 'a JSON line must be an object with "text" or "html"')
    given = {name: normalise_text(str(record.get(name) or "")).strip() for name in JSON_FIELDS}
    html, text = (
        normalise_text(record[name]) if isinstance(record.get(name), str) else "" for name in ("html", "text")
    )
    if html.strip():
        return from_html(path, source, html, warnings=warnings, **given)
    if text.strip():
        return Received(path=path, source=source, raw=text, text=text, warnings=warnings, **given)
    return Failure(source, 'the JSON line has no "text" or "html"')
