"""Bring the search's meaning index in line with the stored vectors, or build it anew."""

import time

from django.core.management.base import BaseCommand

from quotes.services.meaning_index import build, directory, update_meaning_index


class Command(BaseCommand):
    help = (
        "Update the meaning index that search by meaning reads (cluster_quotes does this after each "
        "run): add the quotes it lacks, or rebuild it from the stored vectors when it is missing or "
        "stale; --rebuild builds it anew."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="build it anew from the stored vectors")

    def handle(self, *args, rebuild, **options):
        start = time.perf_counter()
        if rebuild:
            index = build()
            done = f"built the meaning index of {index.size} quotes"
        else:
            why = update_meaning_index()
            done = f"rebuilt the meaning index ({why})" if why else "updated the meaning index"
        files = sorted(directory().iterdir())
        size = sum(file.stat().st_size for file in files)
        self.stdout.write(
            f"{done} in {directory()}: {size / 2**20:.1f} MiB, {time.perf_counter() - start:.1f} s"
        )
