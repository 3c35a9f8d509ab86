"""Two extractions that meet the same new speaker at once make one Speaker (PostgreSQL).

Two ingest runs (or an ingest and an `extract`) extract different articles at the
same time; when both articles quote a speaker not yet stored, both runs look the
name up, find nothing and create it. The interleaving is forced: the test holds
both articles' rows locked, so each extraction stops at its last write, after
creating its Speaker, until both have got that far.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from quotes.models import Speaker
from quotes.services.extraction import extract_pending
from sources.models import Article, Outlet
from tests.locks import waiting_for_locks

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

PATIENCE = 60


def article(number):
    outlet, _ = Outlet.objects.get_or_create(name="Harbour Gazette")
    body = (
        f"Harbour works {number} begin\n\n"
        f'"The harbour will reopen in May," said Mara Quill, who chairs the port board. '
        f"Works on quay {number} start on Monday."
    )
    return Article.objects.create(
        outlet=outlet,
        title=f"Harbour works {number} begin",
        body=body,
        source=f"harbour-{number}.txt",
        content_hash=f"harbour-{number}",
    )


def test_it_makes_one_speaker_when_two_extractions_meet_the_same_new_name():
    articles = [article(1), article(2)]
    locked, release = threading.Event(), threading.Event()
    errors = []

    def run(work):
        try:
            work()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    def hold_articles():
        with transaction.atomic():
            list(Article.objects.select_for_update().filter(pk__in=[a.pk for a in articles]))
            locked.set()
            release.wait(PATIENCE)

    holder = threading.Thread(target=run, args=(hold_articles,))
    holder.start()
    locked.wait(PATIENCE)
    extractions = [
        threading.Thread(target=run, args=(lambda a=a: extract_pending(articles=[a]),)) for a in articles
    ]
    for thread in extractions:
        thread.start()
    deadline = time.monotonic() + PATIENCE
    while waiting_for_locks() < 2 and time.monotonic() < deadline and not errors:
        time.sleep(0.05)
    release.set()
    for thread in (holder, *extractions):
        thread.join(PATIENCE)

    assert not errors
    assert Speaker.objects.filter(name="Mara Quill").count() == 1
    assert all(a.quotes.filter(speaker__name="Mara Quill").exists() for a in articles)
