"""manage.py ingest PATH... [--manifest FILE.csv] [--outlet NAME] [--max-bytes N]

Stores the stories, then extracts every article still pending: the ones this run stored
or changed, and any that an earlier run stored but did not extract (killed, say), whose
number it prints, so a rerun after a crash finishes the work.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quotes.services.extraction import extract_pending, pending_articles
from sources.services.ingestion import FAILED, ingest_paths
from sources.text.manifest import ManifestError, read_manifest


class Command(BaseCommand):
    help = (
        "Store one Article per story from .txt, .html and .jsonl files or folders (searched "
        "recursively), then extract quotes from the new or changed ones. Exits 1 when any input failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument(
            "--manifest", metavar="FILE.csv", help="CSV with file,outlet,published,url,language"
        )
        parser.add_argument(
            "--outlet", default="", metavar="NAME", help="outlet for files the manifest does not name"
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.VERBATIM_INGEST_MAX_BYTES,
            metavar="N",
            help="skip files larger than this (default: VERBATIM_INGEST_MAX_BYTES)",
        )

    def handle(self, *args, paths, manifest, outlet, max_bytes, **options):
        try:
            rows = read_manifest(manifest) if manifest else {}
        except ManifestError as error:
            raise CommandError(str(error)) from error
        left_pending = pending_articles().count()
        report = ingest_paths(
            paths, manifest=rows, outlet=outlet, max_bytes=max_bytes, on_message=self.stderr.write
        )
        self.stdout.write(report.summary())
        if left_pending:
            self.stdout.write(f"extract: also {left_pending} article(s) an earlier run left pending")
        failures = []
        extract_pending(on_error=failures.append)
        for failure in failures:
            self.stderr.write(failure)
        if report.counts[FAILED]:
            raise CommandError(f"{report.counts[FAILED]} input(s) failed; see the lines above.")
        if failures:
            raise CommandError(f"{len(failures)} article(s) stored but not extracted; see the lines above.")
