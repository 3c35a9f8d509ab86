"""Embed Quotes that have no vector yet, group them into Statements, and score the
editors' review queue (which needs the Statements)."""

from django.core.management.base import BaseCommand, CommandError

from quotes.models import Job
from quotes.services.clustering import ModelUnavailable, cluster_quotes
from quotes.services.jobs import recorded
from quotes.services.locks import serialized
from quotes.services.review import score_articles


class Command(BaseCommand):
    help = (
        "Embed pending quotes and place them in Statements (new quotes join existing "
        "Statements); --rebuild places every quote again, keeping what editors set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="drop every assignment an editor did not make and start over",
        )

    def handle(self, *args, rebuild=False, **options):
        try:
            with recorded(Job.Kind.CLUSTER, description="rebuild" if rebuild else "") as job:
                with serialized("cluster"):  # never interleaved with another clustering run
                    summary = cluster_quotes(rebuild=rebuild)
                job.summary = str(summary)
        except ModelUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(summary))
        self.stdout.write(f"review queue: {score_articles()} quote(s) scored anew")
