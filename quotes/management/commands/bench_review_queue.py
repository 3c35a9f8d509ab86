"""manage.py bench_review_queue FOLDER [--scorer PATH] [--fit]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.review_queue import labelled_rows, report
from quotes.services.review import score_articles
from quotes.text.doubt import Weights


class Command(BaseCommand):
    help = (
        "Print how soon the review queue shows the wrong speakers of an evaluation folder "
        "(gold.jsonl, speakers.json) already ingested and clustered into the configured database: "
        "wrong speakers caught after reviewing 5, 10, 20, 50%% of the queue; --fit fits the weights again."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="FOLDER", help="holds gold.jsonl and speakers.json")
        parser.add_argument(
            "--scorer",
            default=str(Path(settings.BASE_DIR).parent / "shared" / "eval" / "score_quotes.py"),
            help="the evaluation's score_quotes.py (default ../shared/eval/score_quotes.py)",
        )
        parser.add_argument("--fit", action="store_true", help="fit the reasons' weights again")

    def handle(self, *args, folder, scorer, fit, **options):
        folder = Path(folder)
        paths = [folder / "gold.jsonl", folder / "speakers.json", Path(scorer)]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"not found: {', '.join(missing)}")
        self.stdout.write(f"scored anew: {score_articles()} quote(s)")
        for text in report(labelled_rows(*paths), Weights(), refit=fit):
            self.stdout.write(text)
