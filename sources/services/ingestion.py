"""Store articles: the thin layer between the pure reading/cleaning modules and the database.

`ingest_paths` reads every file under the paths given (`formats`), assembles
each story (`records`) and stores it with `store_record`, one transaction per
story, so a file that fails stores nothing and changes nothing stored before.

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
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, transaction
from tqdm import tqdm

from sources.models import Article, Outlet
from sources.text.characters import normalise_text
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


def ingest_paths(paths, manifest=None, outlet="", max_bytes=None, on_message=print, progress=None):
    """Read and store every story under `paths`; `on_message` gets one line per
    bad input or warning. `manifest` maps file names to `ManifestRow`s."""
    manifest = manifest or {}
    max_bytes = max_bytes or settings.VERBATIM_INGEST_MAX_BYTES
    report = IngestReport()
    if progress is None:
        progress = sys.stderr.isatty()

    def tell(message):
        with tqdm.external_write_mode(file=sys.stderr):
            on_message(normalise_text(message))

    def fail(failure):
        report.counts[FAILED] += 1
        tell(f"{failure.source}: failed: {failure.reason}")

    files = list(find_files(paths))
    for item in tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=not progress):
        if isinstance(item, Failure):
            fail(item)
            continue
        try:
            for received in read_file(item, max_bytes):
                if isinstance(received, Failure):
                    fail(received)
                    continue
                ingest_one(received, manifest, outlet, report, tell, fail)
        except (OperationalError, InterfaceError):
            raise
        except Exception as error:  # a file whose reading broke off: its other stories are lost
            fail(Failure(str(item), f"could not be read further ({type(error).__name__}: {error})"))
    return report


def ingest_one(received, manifest, outlet, report, tell, fail):
    """Assemble and store one story, counting its outcome; a failure is one line."""
    try:
        record, warnings = build_record(received, manifest.get(received.file_name), outlet)
    except Exception as error:  # EmptyArticle, MalformedURL, or anything one story can raise
        fail(Failure(received.source, reason_for(error)))
        return
    for warning in warnings:
        tell(f"{received.source}: warning: {warning}")
    try:
        outcome, article = store_record(record)
    except (OperationalError, InterfaceError):
        raise
    except DatabaseError as error:
        fail(Failure(received.source, f"could not be stored ({error})"))
        return
    report.counts[outcome] += 1
    if outcome in (NEW, UPDATED):
        report.changed.append(article)


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
