"""Celery tasks for the long jobs, and `queue_ingest`, which splits an ingest into them.

`queue_ingest(paths, ...)` finds the files (a missing path is reported at once), splits
them and any URLs among the paths (fetched by the workers) into batches of FILES_PER_TASK
and queues one `ingest_files` task per batch; each stores its stories and extracts the
articles it stored, so workers read and extract in parallel. When every batch is done,
`finish` extracts whatever is still pending (from a batch whose worker was killed, say)
and clusters, inside `serialized("cluster")`, so clustering is one job at a time, then
scores the editors' review queue. Results are the synchronous path's: the same services,
idempotent, so a task retried after a crash (tasks are acknowledged late) stores no
duplicate rows.

`refresh_figures` recomputes the outlets' stored figures (quotes.services.figures), which
pages only read: Celery beat queues it every VERBATIM_FIGURES_REFRESH_MINUTES
(CELERY_BEAT_SCHEDULE in config/settings.py) when `celery -A config beat` runs beside
the workers; without a broker, `manage.py refresh_figures` from cron does the same.

Each task returns plain JSON: counts per outcome, the one-line messages, and for
`finish` the clustering summary. Each task is a row of the admin's jobs list
(quotes.services.jobs), whose task id the ingest's job id (`finish`'s) is. Without a
broker (CELERY_BROKER_URL unset) the whole chain runs in-process when queued.
"""

from collections import Counter

from celery import chord, shared_task

from quotes.models import Job
from quotes.services.clustering import cluster_quotes
from quotes.services.extraction import extract_pending
from quotes.services.figures import refresh_unless_running
from quotes.services.intake import ingest_and_extract
from quotes.services.jobs import recorded
from quotes.services.locks import serialized
from quotes.services.review import score_articles
from sources.services.ingestion import FAILED, OUTCOMES, ingest_paths
from sources.text.fetch import looks_like_url
from sources.text.formats import Failure, find_files
from sources.text.manifest import read_manifest

FILES_PER_TASK = 50


@shared_task(acks_late=True, bind=True)
def ingest_files(task, paths, manifest_path=None, outlet="", max_bytes=None):
    """Store and extract the stories in `paths`: {"counts": {...}, "messages": [...]}."""
    rows = read_manifest(manifest_path) if manifest_path else {}
    messages = []
    intake = ingest_and_extract(
        lambda tell: ingest_paths(
            paths, manifest=rows, outlet=outlet, max_bytes=max_bytes, on_message=tell, progress=False
        ),
        via=via(task),
        description=f"{len(paths)} file(s) from {paths[0]}" if paths else "",
        task_id=task.request.id,
        all_pending=False,
        on_message=messages.append,
    )
    return {"counts": dict(intake.report.counts), "messages": messages}


@shared_task(acks_late=True, bind=True)
def finish(task, results, failed_paths=()):
    """Sum the batches, extract what is still pending, cluster once: the job's report."""
    counts, messages = Counter(), [f"{failure}" for failure in failed_paths]
    counts[FAILED] += len(failed_paths)
    for result in results:
        counts.update(result["counts"])
        messages += result["messages"]
    with recorded(Job.Kind.CLUSTER, via(task), "after an ingest's batches", task.request.id) as job:
        extract_pending(on_error=messages.append)
        with serialized("cluster"):
            summary = cluster_quotes()
        job.summary = f"{summary}; review queue: {score_articles()} quote(s) scored anew"
    return {
        "summary": "ingest: " + ", ".join(f"{counts[outcome]} {outcome}" for outcome in OUTCOMES),
        "cluster": str(summary),
        "messages": messages,
        "failed": counts[FAILED],
    }


@shared_task(acks_late=True)
def refresh_figures():
    """Refresh every outlet's figures unless a refresh is under way: {"outlets": n} or
    {"outlets": None} when it was left to the other."""
    figures = refresh_unless_running()
    return {"outlets": None if figures is None else len(figures)}


def via(task):
    """Who ran the task: a worker, or this process when there is no broker."""
    return Job.Via.COMMAND if task.request.is_eager else Job.Via.WORKER


def queue_ingest(paths, manifest_path=None, outlet="", max_bytes=None, files_per_task=FILES_PER_TASK):
    """Queue the ingest of `paths` as batches of files and a final `finish`; the AsyncResult."""
    files = [path for path in paths if looks_like_url(path)]  # fetched by the workers
    missing = []
    for item in find_files(path for path in paths if not looks_like_url(path)):
        (missing if isinstance(item, Failure) else files).append(item)
    batches = [files[i : i + files_per_task] for i in range(0, len(files), files_per_task)]
    tasks = [ingest_files.s([str(f) for f in batch], manifest_path, outlet, max_bytes) for batch in batches]
    failed = [f"{failure.source}: failed: {failure.reason}" for failure in missing]
    if not tasks:
        return finish.delay([], failed)
    return chord(tasks)(finish.s(failed))
