"""Load the reader's pages with wrk against a running server and print latency per page."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.urls import reverse

from benchmarks.corpus import vocabulary
from benchmarks.pages import HEADER, load_page
from quotes.models import Speaker, Statement
from quotes.text import embedding as embed
from sources.models import Outlet

# benchmarks.corpus draws words with Zipf-like weights in vocabulary order: words near the
# start are common (ranks 20-24: about 25,000 statements in 350,000), the last ones rare.
COMMON_RANKS = range(20, 25)
RARE_RANKS = range(-5, 0)


def pages_of_database():
    """{page: [paths]} for the pages issue 18 names (a common word with an outlet too), and
    those issue 13 added (a phrase, a search by meaning, the speakers and articles indexes),
    picked from what the database holds."""
    top = list(
        Statement.objects.visible()
        .values("speaker")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("speaker", flat=True)[:5]
    )
    speakers = [Speaker.objects.get(pk=pk) for pk in top if pk is not None]
    names = [speaker.name.split()[-1].lower() for speaker in speakers]
    outlets = list(Outlet.objects.order_by("pk").values_list("slug", flat=True)[:10])
    words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
    last = Statement.objects.visible().order_by("-pk").values_list("pk", flat=True).first() or 0
    statements = list(
        Statement.objects.visible()
        .filter(pk__in=[1 + n * last // 40 for n in range(40)])
        .values_list("pk", flat=True)
    )
    search = reverse("web:search")
    return {
        "home": [search],
        "search-speaker": [f"{search}?speaker={name}" for name in names],
        "search-rare-word": [f"{search}?words={words[rank]}" for rank in RARE_RANKS],
        "search-common-word": [f"{search}?words={words[rank]}" for rank in COMMON_RANKS],
        "search-outlet": [
            f"{search}?speaker={name}&outlet={outlet}" for name in names for outlet in outlets[:4]
        ],
        "search-word-outlet": [
            f"{search}?words={words[rank]}&outlet={outlet}" for rank in COMMON_RANKS for outlet in outlets[:4]
        ],
        "statement": [reverse("web:statement", args=[pk]) for pk in statements],
        "speaker": [reverse("web:speaker", args=[speakers[0].slug])],
        "outlet": [reverse("web:outlet", args=[slug]) for slug in outlets],
        "outlets": [reverse("web:outlet-list")],
        "search-phrase": [f"{search}?words=%22{words[rank]}+{words[rank + 1]}%22" for rank in COMMON_RANKS],
        "search-meaning": [
            f"{search}?words={words[rank]}+{words[rank + 300]}&match=meaning" for rank in range(100, 110)
        ],
        "speakers": [reverse("web:speaker-list")],
        "articles": [reverse("web:article-list") + f"?outlet={slug}" for slug in outlets[:5]]
        + [reverse("web:article-list")],
    }


class Command(BaseCommand):
    help = (
        "Request each reader page (search by speaker, rare and common word, outlet filter, "
        "statement, speaker, outlet, outlets) with wrk and print p50/p95/p99, req/s and errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running server")
        parser.add_argument("--seconds", type=int, default=15, help="timed run per page")
        parser.add_argument("--connections", type=int, default=20)
        parser.add_argument(
            "--warmup", type=int, default=2, help="untimed seconds a page is loaded first (fills caches)"
        )
        parser.add_argument("--pages", nargs="+", metavar="PAGE", help="only these pages")
        parser.add_argument("--show-paths", action="store_true", help="print each page's paths")

    def handle(self, *args, url, seconds, connections, warmup, pages, show_paths, **options):
        chosen = pages_of_database()
        unknown = set(pages or []) - set(chosen)
        if unknown:
            raise CommandError(f"unknown pages: {', '.join(sorted(unknown))}; known: {', '.join(chosen)}")
        self.stdout.write(
            f"{connections} connections, {seconds} s a page after {warmup} s untimed, against {url}"
        )
        self.stdout.write(HEADER)
        for name, paths in chosen.items():
            if pages and name not in pages:
                continue
            if show_paths:
                self.stdout.write(f"  {name}: {' '.join(paths)}")
            try:
                figures = load_page(
                    url.rstrip("/"), name, paths, seconds=seconds, connections=connections, warmup=warmup
                )
            except RuntimeError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(figures.line())
