"""manage.py bench_extraction FOLDER [--limit N] [--no-database]"""

import resource
import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.extraction import records_of, time_reading
from quotes.services.extraction import extract_pending
from sources.models import Article
from sources.services.ingestion import ingest_paths


class Command(BaseCommand):
    help = (
        "Print extraction + attribution speed on a folder of articles, stage by stage, in "
        "articles per second, without the database and (unless --no-database) with it: the "
        "folder is ingested into the configured database first, so point DATABASE_URL at a scratch one."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="FOLDER")
        parser.add_argument("--limit", type=int, default=None, metavar="N", help="the first N stories only")
        parser.add_argument("--no-database", action="store_true", help="skip the run with the database")
        parser.add_argument(
            "--processes",
            type=int,
            nargs="+",
            default=[1, 2],
            metavar="N",
            help="worker processes parsing in the run with the database, one run each (1: none; default 1 2)",
        )

    def handle(self, *args, folder, limit, no_database, processes, **options):
        records = records_of(folder, limit)
        if not records:
            raise CommandError(f"no articles in {folder}")
        figures = time_reading([record.body for record in records])
        if not no_database:
            ingest_paths([folder], on_message=lambda message: None, progress=False)
            hashes = {record.content_hash for record in records}
            articles = [a for a in Article.objects.only("pk", "content_hash") if a.content_hash in hashes]
            for count in processes:
                started, cpu_started = time.perf_counter(), cpu_seconds()
                extract_pending(force=True, articles=articles, processes=count)
                figures.database_runs.append(
                    (count, time.perf_counter() - started, cpu_seconds() - cpu_started)
                )
        for line in figures.lines():
            self.stdout.write(line)


def cpu_seconds():
    """CPU seconds of this process and of its children that have ended (the workers)."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
