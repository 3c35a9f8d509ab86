"""Fill an empty database with the benchmark's synthetic corpus, to measure pages at scale,
then build the meaning index search by meaning reads (1,000,000 vectors: 71 min on the
shared, loaded 2-core machine; --no-meaning-index leaves it to `manage.py meaning_index`)."""

import time

from django.core.management.base import BaseCommand, CommandError

from quotes.services.meaning_index import build
from quotes.services.synthetic import AlreadyLoaded, load_synthetic


class Command(BaseCommand):
    help = (
        "Load a seeded synthetic corpus of N quotes (outlets, articles, speakers with aliases, "
        "statements, quotes with drift and vectors) into an empty database: COPY on PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, required=True, metavar="N", help="how many quotes")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-meaning-index", action="store_true", help="do not build the meaning index")

    def handle(self, *args, quotes, seed, no_meaning_index, **options):
        if quotes < 1:
            raise CommandError("--quotes must be positive")
        start = time.perf_counter()
        try:
            loaded = load_synthetic(quotes, seed=seed)
        except AlreadyLoaded as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{loaded} in {time.perf_counter() - start:.0f} s")
        if not no_meaning_index:
            start = time.perf_counter()
            index = build()
            self.stdout.write(f"meaning index of {index.size} quotes in {time.perf_counter() - start:.0f} s")
