"""manage.py extract [--all]"""

from django.core.management.base import BaseCommand, CommandError

from quotes.models import Job
from quotes.services.extraction import extract_pending
from quotes.services.jobs import note, recorded


class Command(BaseCommand):
    help = "Find the quotations and their speakers in new or changed articles (all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="redo every article")

    def handle(self, *args, all, **options):
        failures = []
        with recorded(Job.Kind.EXTRACT, description="every article" if all else "pending articles") as job:
            count = extract_pending(force=all, on_error=failures.append)
            for failure in failures:
                note(job, failure)
            job.counts, job.failures = {"extracted": count}, len(failures)
        for failure in failures:
            self.stderr.write(failure)
        self.stdout.write(
            f"extract: {count} article(s) processed" + (f", {len(failures)} failed" if failures else "")
        )
        if failures:
            raise CommandError(f"{len(failures)} article(s) failed; see the lines above.")
