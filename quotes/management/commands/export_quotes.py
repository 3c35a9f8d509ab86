"""manage.py export_quotes [--output FILE] [--format jsonl|csv]"""

from django.core.management.base import BaseCommand, CommandError

from quotes.services.export import FORMATS, write_export


class Command(BaseCommand):
    help = (
        "Write every visible quote as JSON Lines (the format in DESIGN.md, the default) or CSV "
        "to FILE or standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE", help="file to write (default: standard output)")
        parser.add_argument("--format", choices=FORMATS, default="jsonl", help="jsonl (default) or csv")

    def handle(self, *args, output, format, **options):
        if not output:
            count = write_export(self.stdout, format)
            self.stderr.write(f"export_quotes: {count} quote(s)")
            return
        try:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = write_export(stream, format)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from error
        self.stdout.write(f"export_quotes: {count} quote(s) written to {output}")
