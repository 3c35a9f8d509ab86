"""manage.py ingest PATH_OR_URL... [--manifest FILE.csv] [--outlet NAME] [--max-bytes N]
                                   [--timeout S] [--async [--wait]]

Files and folders are read; each http(s) URL is fetched (sources.text.fetch: a time
limit, the --max-bytes cap, one line per page that fails, and the batch goes on).

Stores the stories, then extracts every article still pending: the ones this run stored
or changed, and any that an earlier run stored but did not extract (killed, say), whose
number it prints, so a rerun after a crash finishes the work. The run is one row of the
admin's jobs list (quotes.services.intake).

--async queues the work for Celery workers instead (quotes/tasks.py: batches of files
read and extracted in parallel, then one clustering job) and prints the job's id; with
--wait it waits and prints the same summary as a run in-process, plus clustering's.
Without CELERY_BROKER_URL the job runs here, at once, and its report is printed.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quotes.services.intake import ingest_and_extract
from quotes.tasks import queue_ingest
from sources.services.ingestion import FAILED, ingest_paths
from sources.text.manifest import ManifestError, read_manifest


class Command(BaseCommand):
    help = (
        "Store one Article per story from .txt, .html and .jsonl files or folders (searched "
        "recursively) and from web pages at http(s) URLs, then extract quotes from the new or "
        "changed ones. Exits 1 when any input failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL", help="files, folders or http(s) URLs")
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
            help="skip files and pages larger than this (default: VERBATIM_INGEST_MAX_BYTES)",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=None,
            metavar="S",
            help="seconds to wait for a page (default: VERBATIM_FETCH_TIMEOUT, else 10)",
        )
        parser.add_argument(
            "--async",
            dest="run_async",
            action="store_true",
            help="queue for Celery workers, then cluster (in-process when CELERY_BROKER_URL is unset)",
        )
        parser.add_argument("--wait", action="store_true", help="with --async: wait and print the report")

    def handle(
        self, *args, paths, manifest, outlet, max_bytes, timeout=None, run_async=False, wait=False, **options
    ):
        try:
            rows = read_manifest(manifest) if manifest else {}
        except ManifestError as error:
            raise CommandError(str(error)) from error
        if run_async:
            return self.queue(paths, manifest, outlet, max_bytes, wait)
        intake = ingest_and_extract(
            lambda tell: ingest_paths(
                paths, manifest=rows, outlet=outlet, max_bytes=max_bytes, timeout=timeout, on_message=tell
            ),
            description=" ".join(map(str, paths)),
            on_message=self.stderr.write,
        )
        self.stdout.write(intake.report.summary())
        if intake.left_pending:
            self.stdout.write(f"extract: also {intake.left_pending} article(s) an earlier run left pending")
        if intake.report.counts[FAILED]:
            raise CommandError(f"{intake.report.counts[FAILED]} input(s) failed; see the lines above.")
        if intake.failures:
            raise CommandError(
                f"{len(intake.failures)} article(s) stored but not extracted; see the lines above."
            )

    def queue(self, paths, manifest, outlet, max_bytes, wait):
        result = queue_ingest([str(p) for p in paths], manifest, outlet, max_bytes)
        if not (wait or settings.CELERY_TASK_ALWAYS_EAGER):
            self.stdout.write(f"ingest: queued as job {result.id}")
            return
        report = result.get()
        for message in report["messages"]:
            self.stderr.write(message)
        self.stdout.write(report["summary"])
        self.stdout.write(report["cluster"])
        if report["failed"]:
            raise CommandError(f"{report['failed']} input(s) failed; see the lines above.")
