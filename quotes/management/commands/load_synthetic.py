"""Fill an empty database with the benchmark's synthetic corpus, to measure pages at scale."""

import time

from django.core.management.base import BaseCommand, CommandError

from quotes.services.synthetic import AlreadyLoaded, load_synthetic


class Command(BaseCommand):
    help = (
        "Load a seeded synthetic corpus of N quotes (outlets, articles, speakers with aliases, "
        "statements, quotes with drift and vectors) into an empty database: COPY on PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, required=True, metavar="N", help="how many quotes")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, quotes, seed, **options):
        if quotes < 1:
            raise CommandError("--quotes must be positive")
        start = time.perf_counter()
        try:
            loaded = load_synthetic(quotes, seed=seed)
        except AlreadyLoaded as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{loaded} in {time.perf_counter() - start:.0f} s")
