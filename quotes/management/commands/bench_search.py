"""Time search by meaning and by words in-process, one search at a time, and print p50/p95."""

import random
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand
from django.db import connection

from benchmarks.corpus import vocabulary
from benchmarks.search import HEADER, noisy, timed
from quotes.models import Quote, Statement
from quotes.services import search
from quotes.services.meaning_index import MeaningUnavailable, searchable_index
from quotes.text import embedding as embed

PAGE = 20
COMMON_RANKS = range(20, 25)  # as bench_pages: ~7% of statements hold each
RARE_RANKS = range(-5, 0)


class Command(BaseCommand):
    help = "Time search by meaning (index and model) and by a rare and a common word: p50/p95/max in ms."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-model", action="store_true", help="skip timing the query's embedding")

    def handle(self, *args, rounds, seed, no_model, **options):
        visible = Statement.objects.visible()
        words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
        try:
            index = searchable_index()
            self.stdout.write(f"{connection.vendor}, {index.size} indexed quotes, {rounds} searches each")
        except MeaningUnavailable as problem:
            index = None
            self.stdout.write(f"{connection.vendor}, {rounds} searches each; no meaning figures: {problem}")
        self.stdout.write(HEADER)
        if index is not None:
            self.time_meaning(visible, rounds, seed, words, no_model)
        for name, ranks in (("words rare", RARE_RANKS), ("words common", COMMON_RANKS)):
            chosen = [words[ranks[n % len(ranks)]] for n in range(rounds)]
            page = lambda word: list(search.matching_statements(visible, word)[:PAGE])  # noqa: E731
            self.stdout.write(timed(name, page, chosen).line())

    def time_meaning(self, visible, rounds, seed, words, no_model):
        """The graph and the database with the query's vector given, then with the model."""
        rng = np.random.default_rng(seed)
        last = Quote.objects.order_by("-pk").values_list("pk", flat=True).first()
        picks = [random.Random(seed + n).randint(1, last) for n in range(rounds)]
        blobs = Quote.objects.filter(pk__in=picks, embedding__isnull=False).values_list(
            "embedding", flat=True
        )
        vectors = [noisy(embed.from_bytes(blob), rng) for blob in blobs][:rounds]
        original = search.query_vector
        try:
            search.query_vector = lambda vector: vector
            nearest = lambda vector: search.nearest_statements(vector, visible)  # noqa: E731
            self.stdout.write(timed("meaning (index)", nearest, vectors).line())
        finally:
            search.query_vector = original
        if not no_model:
            texts = [" ".join(random.Random(seed + n).sample(words[100:3000], 6)) for n in range(rounds)]
            search.query_vector(texts[0])  # load the model before timing
            nearest = lambda text: search.nearest_statements(text, visible)  # noqa: E731
            self.stdout.write(timed("meaning (model)", nearest, texts).line())
