"""The long jobs as Celery tasks: `ingest --async` gives what the synchronous commands give,
in-process without a broker and on a real worker with Redis; clustering is one job at a time."""

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services.locks import lock_key, serialized
from sources.models import Article, Outlet
from tests.conftest import PROJECT, SAMPLES
from tests.servers import redis_answers


def outcome():
    """What a reader would see, without row ids: each quote with its speaker, and the
    statements as sets of (source, start) of their quotes."""
    quotes = {
        (q.article.source, q.start, q.end, q.text, q.kind, q.speaker.name if q.speaker else None)
        for q in Quote.objects.select_related("article", "speaker")
    }
    statements = {
        frozenset((q.article.source, q.start) for q in statement.quotes.select_related("article"))
        for statement in Statement.objects.prefetch_related("quotes")
    }
    return quotes, statements


def forget_everything():
    for model in (Quote, Statement, SpeakerAlias, Speaker, Article, Outlet):
        model.objects.all().delete()


@pytest.mark.slow
@pytest.mark.django_db
def test_ingest_async_without_a_broker_runs_in_process_with_the_synchronous_result(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER
    call_command("ingest", str(SAMPLES), "--manifest", str(SAMPLES / "manifest.csv"), stdout=io.StringIO())
    call_command("cluster_quotes", stdout=io.StringIO())
    synchronous = outcome()
    forget_everything()
    out = io.StringIO()
    call_command("ingest", str(SAMPLES), "--manifest", str(SAMPLES / "manifest.csv"), "--async", stdout=out)
    assert out.getvalue().splitlines()[0] == "ingest: 4 new, 0 updated, 0 unchanged, 0 failed"
    assert outcome() == synchronous and synchronous[1]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_second_clustering_job_waits_for_the_first():
    held, release, tried = threading.Event(), threading.Event(), []

    def first_job():
        with serialized("cluster"):
            held.set()
            release.wait(30)
        connections.close_all()

    worker = threading.Thread(target=first_job)
    worker.start()
    assert held.wait(30)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("cluster")])
        tried.append(cursor.fetchone()[0])
        release.set()
        worker.join(30)
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("cluster")])
        tried.append(cursor.fetchone()[0])
        cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key("cluster")])
    assert tried == [False, True]


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
@pytest.mark.skipif(not redis_answers(), reason="Redis is not answering on 127.0.0.1:6379")
def test_a_real_worker_gives_the_synchronous_result(tmp_path):
    queue = f"verbatim-test-{os.getpid()}-{time.monotonic_ns()}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'queued.sqlite3'}"}
    manage("migrate", "-v0", env=env)
    shutil.copy(tmp_path / "queued.sqlite3", tmp_path / "direct.sqlite3")
    queued = {**env, "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15", "CELERY_QUEUE": queue}
    worker = subprocess.Popen(
        [
            str(PROJECT / ".venv" / "bin" / "celery"),
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "-l",
            "WARNING",
        ],
        cwd=PROJECT,
        env=queued,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        samples = [str(SAMPLES), "--manifest", str(SAMPLES / "manifest.csv")]
        out = manage("ingest", *samples, "--async", "--wait", env=queued)
        assert out.splitlines()[0] == "ingest: 4 new, 0 updated, 0 unchanged, 0 failed"
    finally:
        worker.terminate()
        worker.wait(60)
    direct = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'direct.sqlite3'}"}
    manage("ingest", *samples, env=direct)
    manage("cluster_quotes", env=direct)
    queued_export, direct_export = (
        without_ids(manage("export_quotes", env=which)) for which in (queued, direct)
    )
    assert queued_export[0] and queued_export == direct_export


def without_ids(export):
    """An export's quotes without row ids, and its statements as sets of (source, start)."""
    rows = [json.loads(line) for line in export.splitlines()]
    clusters = {}
    for row in rows:
        clusters.setdefault(row["cluster"], set()).add((row["source"], row["start"]))
    plain = sorted(
        json.dumps({k: v for k, v in row.items() if k not in ("id", "cluster", "article")}, sort_keys=True)
        for row in rows
    )
    return plain, sorted(sorted(members) for key, members in clusters.items() if key is not None)
