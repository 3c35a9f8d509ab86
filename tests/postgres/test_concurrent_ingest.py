"""Two `ingest` runs of one folder at the same time store each story once (PostgreSQL).

The runs are threads, each with its own database connection, released together
from a barrier so that they store the same stories at the same moment; in
separate processes the start-up time alone usually lets one run finish first.
"""
import re
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sources.models import Article, Outlet

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

STORIES = 30
SUMMARY = re.compile(r"ingest: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed")


@pytest.fixture
def folder(tmp_path):
    """STORIES short articles, each its own story, in one folder."""
    for number in range(STORIES):
        (tmp_path / f"story_{number:02}.txt").write_text(
            f"Harbour plan {number} approved by the council\n\n"
            f"The council approved harbour plan {number} on Monday after a long debate.\n\n"
            f'"Plan {number} will be built by spring," said Mara Quill, who chairs the council.\n',
            encoding="utf-8",
        )
    return tmp_path


def ingest_at_once(folder, runs=2):
    """Run `ingest folder` in `runs` threads at once; their summary counts, in order."""
    barrier = threading.Barrier(runs)
    outputs = [StringIO() for _ in range(runs)]
    errors = []

    def run(output):
        try:
            barrier.wait()
            call_command("ingest", str(folder), outlet="Harbour Gazette", stdout=output, stderr=output)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(output,)) for output in outputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, [output.getvalue() for output in outputs]
    return [[int(count) for count in SUMMARY.search(output.getvalue()).groups()] for output in outputs]


def test_it_stores_each_story_once_when_two_ingests_run_at_once(folder):
    (new_a, updated_a, unchanged_a, failed_a), (new_b, updated_b, unchanged_b, failed_b) = ingest_at_once(folder)

    assert Article.objects.count() == STORIES
    assert Article.objects.values("source").distinct().count() == STORIES
    assert Outlet.objects.filter(name="Harbour Gazette").count() == 1
    assert (new_a + new_b, unchanged_a + unchanged_b) == (STORIES, STORIES)
    assert (updated_a, updated_b, failed_a, failed_b) == (0, 0, 0, 0)


def test_it_extracts_each_story_s_quotes_once_when_two_ingests_run_at_once(folder):
    ingest_at_once(folder)
    quotes_per_article = [article.quotes.count() for article in Article.objects.all()]

    # Every story has the same one quotation: extracted once each, none twice, none skipped.
    assert len(quotes_per_article) == STORIES
    assert len(set(quotes_per_article)) == 1
    assert quotes_per_article[0] >= 1
