"""Store articles: the thin layer between the pure reading/cleaning modules and the database.

`ingest_paths` reads every file under the paths given (`formats`) and fetches the page at
each URL among them (`fetch`); `ingest_records` takes records read elsewhere (the admin's
upload or pasted text); each assembles every story (`records`) and stores it with
`store_record`, one transaction per story, so a story that fails stores nothing and
changes nothing stored before. Each returns an `IngestReport`.

Bad input never stops a batch: whatever one story raises while it is read,
assembled or stored becomes one "SOURCE: failed: REASON" line and a "failed"
count, and the next story is read. The exception is the database itself
going away (`OperationalError`, `InterfaceError`): every later story would fail
the same way, so it ends the batch at once and the caller says so in one line.

Idempotent: a story is one Article. Looked up by URL first, then by content
hash. Same URL with another body updates the Article in place ("updated"); the
same hash is "unchanged" (when re-read from the same source, metadata that
changed, say from a corrected manifest, is refreshed and counted "updated").
When two runs store the same story at once, the loser's insert hits the unique
url/content_hash constraint inside a savepoint and counts as "unchanged".
"""

import sys
from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, transaction
from tqdm import tqdm

from sources.models import Article, Outlet
from sources.text.characters import normalise_text
from sources.text.fetch import TIMEOUT as FETCH_TIMEOUT
from sources.text.fetch import looks_like_url, read_url
from sources.text.formats import Failure, find_files, read_file
from sources.text.records import build_record

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"
OUTCOMES = (NEW, UPDATED, UNCHANGED, FAILED)


@dataclass
class IngestReport:
    """Counts per outcome and the Articles whose text is new or changed."""

    counts: Counter = field(default_factory=Counter)
    changed: list = field(default_factory=list)

    def summary(self):
        return "ingest: " + ", ".join(f"{self.counts[outcome]} {outcome}" for outcome in OUTCOMES)


class Batch:
    """One run: its report, and one line through `on_message` per bad input or warning."""

    def __init__(self, on_message=print, manifest=None, outlet=""):
        self.report = IngestReport()
        self.on_message = on_message
        self.manifest = manifest or {}
        self.outlet = outlet

    def tell(self, message):
        with tqdm.external_write_mode(file=sys.stderr):
            self.on_message(normalise_text(message))

    def fail(self, failure):
        self.report.counts[FAILED] += 1
        self.tell(f"{failure.source}: failed: {failure.reason}")

    def take(self, received, row=None):
        """Assemble and store one `Received` (or count a `Failure`); `row` (a ManifestRow)
        wins over the manifest's row for the file, which wins over what the file says."""
        if isinstance(received, Failure):
            self.fail(received)
            return
        try:
            record, warnings = build_record(
                received, row or self.manifest.get(received.file_name), self.outlet
            )
        except Exception as error:  # EmptyArticle, MalformedURL, or anything one story can raise
            self.fail(Failure(received.source, reason_for(error)))
            return
        for warning in warnings:
            self.tell(f"{received.source}: warning: {warning}")
        try:
            outcome, article = store_record(record)
        except (OperationalError, InterfaceError):
            raise
        except DatabaseError as error:
            self.fail(Failure(received.source, f"could not be stored ({error})"))
            return
        self.report.counts[outcome] += 1
        if outcome in (NEW, UPDATED):
            self.report.changed.append(article)


def ingest_paths(
    paths, manifest=None, outlet="", max_bytes=None, on_message=print, progress=None, timeout=None
):
    """Read and store every story under `paths`, and at each URL among them (fetched with
    sources.text.fetch, in the order given, after the files); `on_message` gets one line
    per bad input or warning. `manifest` maps file names to `ManifestRow`s."""
    max_bytes = max_bytes or settings.VERBATIM_INGEST_MAX_BYTES
    timeout = timeout or getattr(settings, "VERBATIM_FETCH_TIMEOUT", None) or FETCH_TIMEOUT
    batch = Batch(on_message, manifest, outlet)
    urls = [str(path) for path in paths if looks_like_url(str(path))]
    files = list(find_files(path for path in paths if not looks_like_url(str(path))))
    for item in tqdm(files + urls, desc="ingest", unit="file", file=sys.stderr, disable=not shown(progress)):
        if isinstance(item, Failure):
            batch.fail(item)
            continue
        try:
            is_url = isinstance(item, str)
            found = (
                read_url(normalise_text(item), max_bytes, timeout) if is_url else read_file(item, max_bytes)
            )
            for received in found:
                batch.take(received)
        except (OperationalError, InterfaceError):
            raise
        except Exception as error:  # a file whose reading broke off: its other stories are lost
            batch.fail(Failure(str(item), f"could not be read further ({type(error).__name__}: {error})"))
    return batch.report


def ingest_records(records, row=None, title="", byline="", on_message=print):
    """Store each `Received` in `records` (a `Failure` among them counts as failed) with the
    values an editor gave winning: title and byline here, outlet, date, URL and language
    in `row`. The admin's "add article" stores an upload or pasted text this way."""
    batch = Batch(on_message)
    given = {name: value for name, value in (("title", title), ("byline", byline)) if value}
    for received in records:
        if given and not isinstance(received, Failure):
            received = replace(received, **given)
        batch.take(received, row)
    return batch.report


def shown(progress):
    """Whether a progress bar is drawn: as asked, else when stderr is a terminal."""
    return sys.stderr.isatty() if progress is None else progress


def reason_for(error):
    """One line saying why a story failed: our own errors speak for themselves."""
    if isinstance(error, ValueError) and type(error).__module__.startswith("sources."):
        return str(error)
    return f"could not be read ({type(error).__name__}: {error})"


def store_record(record):
    """Store one `records.ArticleRecord`; returns (outcome, Article or None)."""
    try:
        with transaction.atomic():
            return write_article(record)
    except IntegrityError:
        return UNCHANGED, None


def write_article(record):
    article, found_by_url = stored_version(record)
    if article is not None and not found_by_url and article.source != record.source:
        return UNCHANGED, article
    values = article_values(record, outlet_named(record.outlet, record.domain, record.language))
    if article is None:
        return NEW, Article.objects.create(**values)
    if not record.url:
        values.pop("url")
    changed = {name: value for name, value in values.items() if getattr(article, name) != value}
    if not changed:
        return UNCHANGED, article
    for name, value in changed.items():
        setattr(article, name, value)
    article.save(update_fields=list(changed))
    return UPDATED, article


def stored_version(record):
    """The Article already stored for this story, if any, and whether its URL matched."""
    if record.url:
        article = Article.objects.filter(url=record.url).first()
        if article is not None:
            return article, True
    return Article.objects.filter(content_hash=record.content_hash).first(), False


def article_values(record, outlet):
    return {
        "outlet": outlet,
        "title": record.title,
        "url": record.url or None,
        "published": record.published,
        "byline": record.byline,
        "language": record.language,
        "body": record.body,
        "raw": record.raw,
        "source": record.source,
        "content_hash": record.content_hash,
    }


def outlet_named(name, domain="", language=""):
    """The Outlet called `name` (any case), created when new."""
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is not None:
        if domain and not outlet.domain:
            outlet.domain = domain
            outlet.save(update_fields=["domain"])
        return outlet
    fields = {"name": name, "domain": domain, "language": language or "en"}
    try:
        with transaction.atomic():
            return Outlet.objects.create(**fields)
    except IntegrityError:  # a concurrent run took the name or the slug a moment earlier
        return Outlet.objects.filter(name__iexact=name).first() or Outlet.objects.create(**fields)
