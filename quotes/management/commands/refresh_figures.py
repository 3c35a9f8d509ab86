"""Compute every outlet's stored figures now: what cron or a systemd timer runs (see the
README), since pages only read them (quotes.services.figures)."""

import time

from django.core.management.base import BaseCommand

from quotes.services.figures import refresh_unless_running


class Command(BaseCommand):
    help = (
        "Refresh the outlets' stored figures (each clustering run does too); run it periodically "
        "so that editors' changes reach the outlet pages. Does nothing while another refresh runs."
    )

    def handle(self, *args, **options):
        start = time.perf_counter()
        figures = refresh_unless_running()
        if figures is None:
            self.stdout.write("outlet figures are being refreshed by another process: left to it")
            return
        self.stdout.write(
            f"figures of {len(figures)} outlet(s) refreshed in {time.perf_counter() - start:.1f} s"
        )
