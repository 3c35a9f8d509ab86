"""Two ingest runs of one folder at the same time store each story once (PostgreSQL).

The runs are threads, each with its own database connection, released together
from a barrier so that they reach the same stories at the same moment; as
separate processes, start-up time alone usually lets one run finish first.
The first test runs the storage layer alone, the second the whole `ingest`
command, which also extracts the quotes of the stories it stored: both runs then
meet the same speaker for the first time, and must end with one Speaker row.
"""

import re
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from quotes.models import Speaker
from sources.models import Article, Outlet
from sources.services.ingestion import ingest_paths

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

STORIES = 30
SUMMARY = re.compile(r"ingest: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed")


@pytest.fixture
def folder(tmp_path):
    """STORIES short articles, each its own story, in one folder, all quoting one speaker."""
    for number in range(STORIES):
        (tmp_path / f"story_{number:02}.txt").write_text(
            f"Harbour plan {number} approved by the council\n\n"
            f"The council approved harbour plan {number} on Monday after a long debate.\n\n"
            f'"Plan {number} will be built by spring," said Mara Quill, who chairs the council.\n',
            encoding="utf-8",
        )
    return tmp_path


def at_once(work, runs=2):
    """Call work() in `runs` threads released together; their results, in order."""
    barrier = threading.Barrier(runs)
    results, errors = [None] * runs, []

    def run(index):
        try:
            barrier.wait()
            results[index] = work()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors
    return results


def ingest_command(folder):
    output = StringIO()
    call_command("ingest", str(folder), outlet="Harbour Gazette", stdout=output, stderr=output)
    return [int(count) for count in SUMMARY.search(output.getvalue()).groups()]


def test_it_stores_each_story_once_when_two_runs_store_a_folder_at_once(folder):
    reports = at_once(
        lambda: ingest_paths([str(folder)], outlet="Harbour Gazette", on_message=lambda line: None)
    )

    assert Article.objects.count() == STORIES
    assert Article.objects.values("source").distinct().count() == STORIES
    assert Outlet.objects.filter(name="Harbour Gazette").count() == 1
    assert sum(report.counts["new"] for report in reports) == STORIES
    assert sum(report.counts["unchanged"] for report in reports) == STORIES
    assert [report.counts["failed"] for report in reports] == [0, 0]


def test_it_stores_and_extracts_each_story_once_when_two_ingests_run_at_once(folder):
    (new_a, _updated_a, unchanged_a, failed_a), (new_b, _updated_b, unchanged_b, failed_b) = at_once(
        lambda: ingest_command(folder)
    )
    quotes_per_article = [article.quotes.count() for article in Article.objects.all()]

    assert (new_a + new_b, unchanged_a + unchanged_b, failed_a + failed_b) == (STORIES, STORIES, 0)
    assert len(quotes_per_article) == STORIES
    # Every story has the same one quotation: extracted once each, none twice, none skipped.
    assert len(set(quotes_per_article)) == 1 and quotes_per_article[0] >= 1
    assert Speaker.objects.filter(name="Mara Quill").count() == 1
