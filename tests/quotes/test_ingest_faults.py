"""Faults forced on real processes: `ingest` killed with SIGKILL mid-run, then run again; a
database that does not answer; a statement that runs past the web's statement timeout."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import PROJECT

ARTICLES = 300


def manage(*args, env, timeout=300):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def feed(path):
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            text = (
                f"Dam talks, day {n}\n\n"
                f'"We will keep the river open on day {n}," said Mara Quell, the commission\'s chair. '
                f'She added: "Nothing is settled until everything is settled."'
            )
            out.write(
                json.dumps({"text": text, "url": f"https://ledger.example/{n}", "outlet": "Ledger"}) + "\n"
            )
    return path


def rows(database):
    with sqlite3.connect(database) as db:
        articles = db.execute(
            "SELECT count(*), sum(extracted_hash = content_hash) FROM sources_article"
        ).fetchone()
        quotes = db.execute(
            'SELECT a.url, q.start, q."end", q.text, s.name FROM quotes_quote q '
            "JOIN sources_article a ON a.id = q.article_id LEFT JOIN quotes_speaker s ON s.id = q.speaker_id"
        ).fetchall()
    return articles, sorted(quotes, key=repr)


def stored(database):
    try:
        with sqlite3.connect(database, timeout=0.1) as db:
            return db.execute("SELECT count(*) FROM sources_article").fetchone()[0]
    except sqlite3.OperationalError:  # locked by the writer a moment
        return 0


@pytest.fixture
def sqlite_env(tmp_path):
    """An environment whose database is a migrated SQLite file of its own, and a spare copy."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'killed.sqlite3'}"}
    result = manage("migrate", "-v0", env=env)
    assert result.returncode == 0, result.stderr
    shutil.copy(tmp_path / "killed.sqlite3", tmp_path / "whole.sqlite3")
    return env


def test_ingest_killed_mid_run_is_finished_by_the_next_run_with_the_same_result(tmp_path, sqlite_env):
    path = feed(tmp_path / "feed.jsonl")
    killed = tmp_path / "killed.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(path)],
        cwd=PROJECT,
        env=sqlite_env,
        stdout=subprocess.PIPE,
    )
    while stored(killed) < ARTICLES // 3 and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    (count, extracted), _ = rows(killed)
    assert 0 < count < ARTICLES and not extracted  # stored, none extracted yet: extraction comes last

    rerun = manage("ingest", str(path), env=sqlite_env)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.splitlines() == [
        f"ingest: {ARTICLES - count} new, 0 updated, {count} unchanged, 0 failed",
        f"extract: also {count} article(s) an earlier run left pending",
    ]
    whole_env = {**sqlite_env, "DATABASE_URL": f"sqlite:///{tmp_path / 'whole.sqlite3'}"}
    assert manage("ingest", str(path), env=whole_env).returncode == 0
    after_kill, whole = rows(killed), rows(tmp_path / "whole.sqlite3")
    assert after_kill[0] == (ARTICLES, ARTICLES)
    assert len(whole[1]) == 2 * ARTICLES and after_kill == whole


def test_a_database_that_refuses_connections_is_one_line_naming_host_and_port(tmp_path):
    (tmp_path / "story.txt").write_text("Headline\n\nThe story.\n", encoding="utf-8")
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/verbatim",
        "DATABASE_CONNECT_TIMEOUT": "2",
    }
    result = manage("ingest", str(tmp_path), env=env, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "ingest: cannot use the database at 127.0.0.1:1/verbatim: "
    )


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_statement_timeout_cancels_a_long_statement():
    from django.db import connection

    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DATABASE_STATEMENT_TIMEOUT_MS": "200"}
    script = "from django.db import connection; connection.cursor().execute('SELECT pg_sleep(3)')"
    result = manage("shell", "-c", script, env=env, timeout=60)
    assert result.returncode == 1
    assert "canceling statement due to statement timeout" in result.stderr.strip().splitlines()[-1]
