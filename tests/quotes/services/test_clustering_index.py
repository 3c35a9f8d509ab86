"""The saved clustering index: incremental runs read only their candidates, and a
missing, corrupted or stale index is rebuilt with a message."""

import pytest

from quotes.models import Quote, Speaker
from quotes.services.clustering import cluster_quotes
from quotes.text import embedding as embed
from tests.quotes.services.test_clustering import add_quote, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CORRIDOR = "We will open the northern corridor to aid convoys before the end of the week."
BUDGET = "The budget for the new hospital wing was approved by the regional council on Monday."
HARBOUR = "Fishing boats may not leave port until this storm warning is lifted."


@pytest.fixture(autouse=True)
def index_dir(settings, tmp_path):
    settings.VERBATIM_INDEX_DIR = str(tmp_path / "indexes")
    return tmp_path / "indexes"


def partition():
    groups = {}
    for pk, statement in Quote.objects.values_list("id", "statement_id"):
        groups.setdefault(statement, set()).add(pk)
    return sorted(sorted(group) for group in groups.values())


def first_day(minister):
    for outlet in ("Outlet A", "Outlet B"):
        article = make_article(outlet)
        add_quote(article, CORRIDOR, minister, "explicit")
        add_quote(article, BUDGET, minister, "explicit", start=200)
    add_quote(make_article("Outlet C"), HARBOUR, minister, "explicit")


def test_an_incremental_run_reads_only_its_candidates_and_groups_as_a_rebuild_would():
    """The harbour quote shares no word and little meaning with the new ones: not read."""
    minister = Speaker.objects.create(name="Mara Lind")
    first_day(minister)
    cluster_quotes()
    later = make_article("Outlet D")
    add_quote(later, CORRIDOR.replace("We will", "We are going to"), minister, "explicit")
    add_quote(
        later,
        "Inflation eased to three percent in the last quarter, the central bank said.",
        minister,
        "pronoun",
        300,
    )

    incremental = cluster_quotes()
    grouped = partition()
    rebuilt = cluster_quotes(rebuild=True)

    assert incremental.placed == 2 and incremental.index_rebuilt == ""
    assert incremental.read < Quote.objects.count()
    assert partition() == grouped and rebuilt.placed == 0
    assert len(grouped) == 4


def test_it_rebuilds_a_deleted_index_and_says_so(index_dir):
    first_day(Speaker.objects.create(name="Mara Lind"))
    cluster_quotes()
    for path in index_dir.iterdir():
        path.unlink()
    add_quote(make_article("Outlet D"), HARBOUR, None, "none")

    summary = cluster_quotes()

    assert "no index" in summary.index_rebuilt and "rebuilt the clustering index" in str(summary)
    assert summary.placed == 1 and len(partition()) == 3
    assert cluster_quotes().index_rebuilt == ""


def test_it_rebuilds_a_corrupted_index_and_says_so(index_dir):
    first_day(Speaker.objects.create(name="Mara Lind"))
    cluster_quotes()
    graph = index_dir / "window.npz"
    graph.write_bytes(graph.read_bytes()[:100] + b"garbage")

    summary = cluster_quotes()

    assert "corrupted" in summary.index_rebuilt
    assert cluster_quotes().index_rebuilt == ""


def test_it_detects_a_vector_changed_behind_the_index():
    first_day(Speaker.objects.create(name="Mara Lind"))
    cluster_quotes()
    quote = Quote.objects.filter(text=HARBOUR).get()
    Quote.objects.filter(pk=quote.pk).update(embedding=embed.to_bytes(embed.encode(["Something else."])[0]))

    summary = cluster_quotes()

    assert "stale" in summary.index_rebuilt and f"quote {quote.pk}" in summary.index_rebuilt
    assert cluster_quotes().index_rebuilt == ""


def test_it_drops_a_hidden_quote_from_the_index_without_rebuilding_it():
    first_day(Speaker.objects.create(name="Mara Lind"))
    cluster_quotes()
    Quote.objects.filter(text=HARBOUR).update(hidden_by_editor=True)

    summary = cluster_quotes()

    assert summary.index_rebuilt == "" and summary.statements_removed == 1
    assert cluster_quotes().index_rebuilt == ""


def test_a_run_with_nothing_new_reads_no_quote():
    """Quotes left alone (a reported row, a fragment) wait for a new full sentence."""
    minister = Speaker.objects.create(name="Mara Lind")
    first_day(minister)
    article = make_article("Outlet E")
    fragment = add_quote(article, "the storm passes", minister, "explicit")
    reported = add_quote(
        article, "the harbour would stay closed until the storm passed", minister, "explicit", 100
    )
    Quote.objects.filter(pk=fragment.pk).update(kind=Quote.Kind.FRAGMENT)
    Quote.objects.filter(pk=reported.pk).update(kind=Quote.Kind.INDIRECT)
    cluster_quotes()

    summary = cluster_quotes()

    assert (summary.read, summary.placed) == (0, 0)
