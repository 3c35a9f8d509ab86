"""Stories stored and their quotes extracted, as one recorded job: what `manage.py ingest`, its
Celery batches and the admin's "add article" share.

`ingest_and_extract(store, via, description, task_id, all_pending, on_message)` runs
`store(on_message)` (a function that stores stories through sources.services.ingestion
and returns its IngestReport), then extracts: every article still pending with
`all_pending` (the command: so a run after a killed one finishes its work), else only
the articles this run stored or changed (a worker's batch, the admin). All of it is one
quotes.models.Job row (quotes.services.jobs): the report's counts plus "extracted", the
failed inputs and articles, and each failure line, which also goes to `on_message`.
Returns an `Intake`: the report, how many articles an earlier run had left pending, how
many were extracted, and the extraction failures.
"""

from dataclasses import dataclass

from quotes.models import Job
from quotes.services.extraction import extract_pending, pending_articles
from quotes.services.jobs import note, recorded
from sources.services.ingestion import FAILED


@dataclass
class Intake:
    report: object
    left_pending: int
    extracted: int
    failures: list


def ingest_and_extract(
    store, via=Job.Via.COMMAND, description="", task_id="", all_pending=True, on_message=print
):
    with recorded(Job.Kind.INGEST, via, description, task_id) as job:

        def tell(line):
            note(job, line)
            on_message(line)

        left_pending = pending_articles().count() if all_pending else 0
        report = store(tell)
        failures = []
        extracted = extract_pending(
            articles=None if all_pending else report.changed, on_error=failures.append
        )
        for failure in failures:
            tell(failure)
        job.counts = {**report.counts, "extracted": extracted}
        job.failures = report.counts[FAILED] + len(failures)
        job.summary = report.summary() + f"; {extracted} article(s) extracted"
    return Intake(report, left_pending, extracted, failures)


def ingest_for_editor(sender, store, description="", on_message=print, **kwargs):
    """The answer to sources.signals.ingest_requested (the admin's "add article"): the stories
    stored and their quotes extracted as one job, as `ingest` would."""
    return ingest_and_extract(
        store, via=Job.Via.ADMIN, description=description, all_pending=False, on_message=on_message
    )
