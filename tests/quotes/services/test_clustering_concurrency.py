"""`cluster_quotes` and an editor saving the same Quote at once lose neither change (PostgreSQL).

A Statement already holds one outlet's quote; a second outlet's copy, attributed
weakly (by a pronoun) to someone else, waits to be placed. Clustering will put it
in the Statement and give it the Statement's speaker "by consensus"; meanwhile an
editor sets its speaker. Afterwards the quote must be in the Statement and carry
the editor's speaker.

The interleavings are forced, not left to chance: the test holds a row lock that
one side needs and releases it once PostgreSQL reports the other side waiting too.
Each side runs in a thread with its own connection. The clustering run loads the
embedding model (once per process).
"""

import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from quotes.models import Quote, Speaker, Statement
from quotes.services.editing import set_speaker
from sources.models import Article, Outlet
from tests.locks import waiting_for_locks

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

WORDING = "The new bridge over the river will open to traffic next spring."
PATIENCE = 120  # seconds to wait for a side to reach a lock (model loading included)


class Side(threading.Thread):
    """Runs work() in a thread with its own connection; keeps the error it raised."""

    def __init__(self, work):
        super().__init__(daemon=True)
        self.work, self.error = work, None

    def run(self):
        try:
            self.work()
        except Exception as error:
            self.error = error
        finally:
            connection.close()

    def finish(self):
        self.join(timeout=PATIENCE)
        assert not self.is_alive(), "still running"
        assert self.error is None, repr(self.error)


def wait_until(condition, *sides):
    deadline = time.monotonic() + PATIENCE
    while not condition():
        for side in sides:
            assert side.is_alive(), f"finished before reaching the lock: {side.error!r}"
        assert time.monotonic() < deadline, "no session reached the lock"
        time.sleep(0.05)


def quote_in(outlet_name, speaker, method):
    outlet = Outlet.objects.create(name=outlet_name)
    article = Article.objects.create(
        outlet=outlet,
        title=f"Bridge news from {outlet_name}",
        body=WORDING,
        source=f"{outlet.slug}.txt",
        content_hash=outlet.slug,
    )
    return Quote.objects.create(
        article=article,
        text=WORDING,
        start=0,
        end=len(WORDING),
        quotation=0,
        speaker=speaker,
        speaker_method=method,
        speaker_confidence=0.5,
    )


@pytest.fixture
def waiting_copy():
    """(Statement holding the first outlet's quote, a weakly attributed copy not yet placed)."""
    quill = Speaker.objects.create(name="Mara Quill")
    first = quote_in("Harbour Gazette", quill, Quote.SpeakerMethod.EXPLICIT)
    cluster()
    first.refresh_from_db()
    assert first.statement is not None
    copy = quote_in("Valley Courier", Speaker.objects.create(name="Ossian Pell"), Quote.SpeakerMethod.PRONOUN)
    return first.statement, copy


@pytest.fixture
def editor_speaker():
    return Speaker.objects.create(name="Ines Tarrow")


def cluster():
    call_command("cluster_quotes", stdout=StringIO())


def assert_both_changes_kept(copy, statement, editor_speaker):
    copy.refresh_from_db()
    assert (copy.speaker, copy.speaker_method) == (editor_speaker, Quote.SpeakerMethod.EDITOR)
    assert copy.statement == statement
    assert copy.drift != ""


def test_it_keeps_both_when_the_editor_saves_while_clustering_writes(waiting_copy, editor_speaker):
    """Clustering has placed the copy (uncommitted) and waits on the Statement's row;
    the editor's save of the copy waits on clustering; then both go on."""
    statement, copy = waiting_copy
    statement_locked, release = threading.Event(), threading.Event()

    def hold_statement():
        with transaction.atomic():
            Statement.objects.select_for_update().get(pk=statement.pk)
            statement_locked.set()
            release.wait(PATIENCE)

    holder = Side(hold_statement)
    holder.start()
    statement_locked.wait(PATIENCE)
    clustering = Side(cluster)
    clustering.start()
    wait_until(lambda: waiting_for_locks() >= 1, clustering)
    editor = Side(lambda: set_speaker(Quote.objects.filter(pk=copy.pk), editor_speaker))
    editor.start()
    wait_until(lambda: waiting_for_locks() >= 2 or not editor.is_alive(), clustering)
    release.set()
    for side in (holder, clustering, editor):
        side.finish()

    assert_both_changes_kept(copy, statement, editor_speaker)


def test_it_keeps_both_when_clustering_writes_while_the_editor_saves(waiting_copy, editor_speaker):
    """The editor has saved the copy (uncommitted) when clustering reaches it; clustering
    waits, then sees the editor's speaker."""
    statement, copy = waiting_copy
    saved, release = threading.Event(), threading.Event()

    def edit():
        with transaction.atomic():
            set_speaker(Quote.objects.filter(pk=copy.pk), editor_speaker)
            saved.set()
            release.wait(PATIENCE)

    editor = Side(edit)
    editor.start()
    saved.wait(PATIENCE)
    clustering = Side(cluster)
    clustering.start()
    wait_until(lambda: waiting_for_locks() >= 1, clustering)
    release.set()
    for side in (editor, clustering):
        side.finish()

    assert_both_changes_kept(copy, statement, editor_speaker)


def test_it_opens_one_statement_when_two_clustering_runs_place_the_same_quotes():
    """Both runs have decided where the new quotes go when they reach the quotes' rows,
    which the test holds locked; the second run to write must not leave the first
    one's Statement behind empty, nor split the quotes."""
    quill = Speaker.objects.create(name="Mara Quill")
    first = quote_in("Harbour Gazette", quill, Quote.SpeakerMethod.EXPLICIT)
    cluster()  # loads the embedding model once, before the threads share it
    Statement.objects.all().delete()
    copy = quote_in("Valley Courier", quill, Quote.SpeakerMethod.EXPLICIT)
    locked, release = threading.Event(), threading.Event()

    def hold_quotes():
        with transaction.atomic():
            list(Quote.objects.select_for_update().filter(pk__in=[first.pk, copy.pk]))
            locked.set()
            release.wait(PATIENCE)

    holder = Side(hold_quotes)
    holder.start()
    locked.wait(PATIENCE)
    runs = [Side(cluster), Side(cluster)]
    for run in runs:
        run.start()
    wait_until(lambda: waiting_for_locks() >= 2, *runs)
    release.set()
    for side in (holder, *runs):
        side.finish()

    first.refresh_from_db()
    copy.refresh_from_db()
    assert first.statement is not None and copy.statement == first.statement
    assert list(Statement.objects.all()) == [first.statement]
    assert first.statement.quote_count == 2
