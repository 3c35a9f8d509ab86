"""manage.py extract [--all]"""
from django.core.management.base import BaseCommand

from quotes.extraction import extract_pending


class Command(BaseCommand):
    help = "Find the quotations and their speakers in new or changed articles (all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="redo every article")

    def handle(self, *args, all, **options):
        count = extract_pending(force=all)
        self.stdout.write(f"extract: {count} article(s) processed")
