"""Embed Quotes that have no vector yet and group them into Statements."""
from django.core.management.base import BaseCommand

from quotes.clustering import cluster_quotes


class Command(BaseCommand):
    help = ("Embed pending quotes and place them in Statements (new quotes join existing "
            "Statements); --rebuild places every quote again, keeping what editors set.")

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true",
                            help="drop every assignment an editor did not make and start over")

    def handle(self, *args, rebuild=False, **options):
        summary = cluster_quotes(rebuild=rebuild)
        self.stdout.write(str(summary))
