"""manage.py bench_extraction FOLDER [--limit N] [--no-database]"""

import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.extraction import cpu_seconds, records_of, time_reading, time_reading_ahead
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
            help="worker processes parsing, one run each with the database and, for 2 or more, one "
            "without it (1: none, the staged run; default 1 2)",
        )

    def handle(self, *args, folder, limit, no_database, processes, **options):
        records = records_of(folder, limit)
        if not records:
            raise CommandError(f"no articles in {folder}")
        bodies = [record.body for record in records]
        figures = time_reading(bodies)
        figures.worker_runs = [time_reading_ahead(bodies, count) for count in processes if count > 1]
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
