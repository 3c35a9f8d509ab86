"""Each long job is a row: running while it runs, then what it counted and what failed; a job
that stops on an error says why, and the error is reported to the admins."""

import io
import socket
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from quotes.models import Job
from quotes.services.jobs import MAX_MESSAGES, note, recorded, seems_interrupted
from sources.models import Article

pytestmark = pytest.mark.django_db


def test_a_job_is_running_while_it_runs_then_succeeded_with_its_counts():
    with recorded(Job.Kind.EXTRACT, description="pending articles") as job:
        assert Job.objects.get().state == "running"
        job.counts, job.failures, job.summary = {"extracted": 3}, 1, "3 extracted"
        note(job, "article 9 failed")
    job = Job.objects.get()
    assert (job.state, job.counts, job.failures, job.messages) == (
        "succeeded",
        {"extracted": 3},
        1,
        "article 9 failed",
    )
    assert job.finished_at >= job.started_at and job.via == "command"


def test_a_job_that_stops_on_an_error_is_failed_with_the_reason_and_the_error_goes_on(caplog):
    with pytest.raises(RuntimeError), recorded(Job.Kind.CLUSTER):
        raise RuntimeError("the index file is unreadable\nsecond line")
    job = Job.objects.get()
    assert (job.state, job.error) == ("failed", "RuntimeError: the index file is unreadable")
    assert f"cluster job {job.pk} () failed: RuntimeError: the index file is unreadable" in caplog.text


def test_a_failed_job_is_mailed_to_the_admins_in_production(settings):
    settings.ADMINS = [("", "ops@verbatim.example")]
    with pytest.raises(ValueError), recorded(Job.Kind.INGEST, description="/data/feeds"):
        raise ValueError("disk full")
    assert [message.to for message in mail.outbox] == [["ops@verbatim.example"]]
    assert "ingest job" in mail.outbox[0].subject and "disk full" in mail.outbox[0].subject


def test_only_the_first_lines_are_kept_then_how_many_more():
    with recorded(Job.Kind.INGEST) as job:
        for n in range(MAX_MESSAGES + 5):
            note(job, f"file {n}: failed")
    lines = Job.objects.get().messages.splitlines()
    assert len(lines) == MAX_MESSAGES + 1 and lines[-1] == "… and 5 more"


def test_a_running_job_whose_process_is_gone_seems_interrupted():
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    killed = Job.objects.create(
        kind="ingest", via="command", host=socket.gethostname(), pid=int(ended.stdout)
    )
    with recorded(Job.Kind.INGEST) as running:
        assert (seems_interrupted(killed), seems_interrupted(running)) == (True, False)
    assert seems_interrupted(Job.objects.get(pk=running.pk)) is False  # it finished


def test_the_commands_record_their_runs(tmp_path):
    story = tmp_path / "buses.txt"
    story.write_text("Buses back\n\n“We are back,” said Tarek Haddad.\n", encoding="utf-8")
    call_command("ingest", str(story), stdout=io.StringIO(), stderr=io.StringIO())
    call_command("extract", "--all", stdout=io.StringIO(), stderr=io.StringIO())
    ingest, extract = Job.objects.order_by("pk")
    assert (ingest.kind, ingest.description, ingest.counts) == (
        "ingest",
        str(story),
        {"new": 1, "extracted": 1},
    )
    assert ingest.summary == "ingest: 1 new, 0 updated, 0 unchanged, 0 failed; 1 article(s) extracted"
    assert (extract.kind, extract.counts, extract.state) == ("extract", {"extracted": 1}, "succeeded")
    assert Article.objects.count() == 1


def test_editors_see_recent_jobs_in_the_admin(admin_client):
    with recorded(Job.Kind.INGEST, description="/data/feeds") as job:
        job.counts, job.summary = {"new": 2, "failed": 1}, "ingest: 2 new, 0 updated, 0 unchanged, 1 failed"
        note(job, "/data/feeds/bad.jsonl:3: failed: malformed JSON line")
    listing = admin_client.get(reverse("admin:quotes_job_changelist")).text
    assert "2 new, 1 failed" in listing and "/data/feeds" in listing
    detail = admin_client.get(reverse("admin:quotes_job_change", args=[job.pk])).text
    assert "malformed JSON line" in detail
