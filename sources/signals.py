"""What sources asks of the apps above it, which it must not import (layers: web -> quotes -> sources).

`ingest_requested` is sent by the admin's "add article" (sources.admin) with
- `store`: a function of one argument (a function that takes one line of text) that
  stores the editor's stories through sources.services.ingestion and returns the
  IngestReport;
- `description`: what the editor asked for (the URL, the file's name, "pasted text");
- `on_message`: where each failure or warning line goes.
The quotes app answers it (quotes/apps.py): it runs `store` as a recorded job and
extracts the quotes of the articles stored, exactly as `manage.py ingest` does, and
returns its quotes.services.intake.Intake. With no receiver, the admin runs `store` alone.
"""

from django.dispatch import Signal

ingest_requested = Signal()
