"""manage.py export_quotes [--output FILE]"""

from django.core.management.base import BaseCommand, CommandError

from quotes.services.export import write_export


class Command(BaseCommand):
    help = "Write every quote as JSON Lines (the format in DESIGN.md) to FILE or standard output."

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE", help="file to write (default: standard output)")

    def handle(self, *args, output, **options):
        if not output:
            count = write_export(self.stdout)
            self.stderr.write(f"export_quotes: {count} quote(s)")
            return
        try:
            with open(output, "w", encoding="utf-8") as stream:
                count = write_export(stream)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from error
        self.stdout.write(f"export_quotes: {count} quote(s) written to {output}")
