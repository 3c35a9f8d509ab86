"""Benchmark embedding and clustering on a synthetic corpus of N quotes."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.pipeline import run
from quotes.services.clustering import batch_size, thresholds


class Command(BaseCommand):
    help = (
        "Build a seeded synthetic corpus of N quotes and print embedding throughput (app vs "
        "raw sentence-transformers), clustering time and peak memory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quotes",
            type=int,
            nargs="+",
            default=[10_000],
            metavar="N",
            help="corpus sizes, each measured in turn (e.g. 10000 100000)",
        )
        parser.add_argument(
            "--embed-sample",
            type=int,
            default=2_000,
            metavar="M",
            help="time embedding on the first M quotes (all N: cluster the "
            "model's vectors; fewer: cluster synthetic vectors)",
        )
        parser.add_argument(
            "--backend",
            default=None,
            help="embedding backend to time against raw sentence-transformers "
            "(default: the VERBATIM_EMBEDDING_BACKEND setting)",
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, quotes, embed_sample, seed, backend, **options):
        if min(quotes) < 1 or embed_sample < 1:
            raise CommandError("--quotes and --embed-sample must be positive")
        for size in quotes:
            figures = run(
                size,
                min(embed_sample, size),
                thresholds(),
                seed=seed,
                batch_size=batch_size(),
                backend=backend or getattr(settings, "VERBATIM_EMBEDDING_BACKEND", "auto"),
            )
            for line in figures.lines():
                self.stdout.write(line)
