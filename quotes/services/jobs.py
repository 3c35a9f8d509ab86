"""A row per long job (quotes.models.Job), so that what ran, what it counted and what failed
can be seen in the admin: ingest, extract and cluster runs from a command, a Celery task or
the admin's "add article".

`with recorded(kind, via, description, task_id) as job:` writes the row as the job
starts (state "running", with the host and process id); inside, the caller notes what it
counts (`job.counts`, `job.failures`, `job.summary`) and calls `note(job, line)` for each
failure or warning line. When the block ends the row is "succeeded" (inputs that failed
are counted in `failures`, not a failed job), or "failed" with the error when an
exception left the block, which is logged on "verbatim.jobs" at ERROR (mailed to ADMINS
in production, config/settings.py) and raised on. At most MAX_MESSAGES lines are kept,
then how many more there were.

A job whose process was killed (SIGKILL, a lost machine) cannot write its end: its row
stays "running". `seems_interrupted(job)` tells such a row on the machine that ran it
(its process is gone); the next ingest finishes the work (quotes.services.extraction).
If the database itself goes away, the end is not written either, and the error is
raised as it came.

Every job's end, failed or not, moves the content version on
(quotes.services.content_version): its bulk writes send no signal, and cached pages must
not outlive them.
"""

import logging
import os
import socket
from contextlib import contextmanager, suppress

from django.db import DatabaseError
from django.utils import timezone

from quotes.models import Job
from quotes.services import content_version

MAX_MESSAGES = 200
logger = logging.getLogger("verbatim.jobs")


@contextmanager
def recorded(kind, via=Job.Via.COMMAND, description="", task_id=""):
    job = Job.objects.create(
        kind=kind,
        via=via,
        description=description[: Job._meta.get_field("description").max_length],
        task_id=task_id or "",
        host=socket.gethostname()[:255],
        pid=os.getpid(),
    )
    job.noted = []
    try:
        yield job
    except BaseException as error:
        reason = (str(error).strip().splitlines() or [""])[0]
        job.error = f"{type(error).__name__}: {reason}" if reason else type(error).__name__
        logger.error("%s job %s (%s) failed: %s", job.kind, job.pk, job.description, job.error)
        finish(job, Job.State.FAILED)
        raise
    finish(job, Job.State.SUCCEEDED)


def note(job, line):
    """Keep one failure or warning line of the job (the first MAX_MESSAGES, then a count)."""
    job.noted.append(line)


def finish(job, state):
    content_version.changed()
    job.state = state
    job.finished_at = timezone.now()
    lines = job.noted[:MAX_MESSAGES]
    if len(job.noted) > MAX_MESSAGES:
        lines.append(f"… and {len(job.noted) - MAX_MESSAGES} more")
    job.messages = "\n".join(lines)
    with suppress(DatabaseError):  # the database went away with the job: the row stays "running"
        job.save()


def seems_interrupted(job):
    """A running job whose process, on this machine, no longer exists (it was killed)."""
    if job.state != Job.State.RUNNING or job.host != socket.gethostname() or not job.pid:
        return False
    try:
        os.kill(job.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # the process exists, under another user
        return False
    return False
