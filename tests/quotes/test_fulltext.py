"""SQLite's word index stays whole when a migration rebuilds the quotes table (its
triggers go with the old table): ensure_sqlite_word_index restores and refills it."""

import pytest
from django.db import connection

from quotes.fulltext import FTS_TABLE, ensure_sqlite_word_index
from quotes.models import Statement
from quotes.services.search import matching_statements
from tests.quotes.services.test_search import Newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's (PostgreSQL keeps a tsvector column)")


def found(words):
    return list(matching_statements(Statement.objects.all(), words))


def test_it_restores_lost_triggers_and_refills_what_they_missed():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER quotes_quote_fts_insert")
    tolls = Newsroom().statement("Tolls stay.")
    assert found("tolls") == []

    assert ensure_sqlite_word_index(connection) is True

    assert found("tolls") == [tolls]
    later = Newsroom().statement("Ferries run.", outlet="Valley Courier")
    assert found("ferries") == [later]


def test_it_leaves_a_whole_index_alone():
    Newsroom().statement("Tolls stay.")

    assert ensure_sqlite_word_index(connection) is False


def test_it_refills_an_index_that_lost_rows():
    tolls = Newsroom().statement("Tolls stay.")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")

    assert ensure_sqlite_word_index(connection) is True
    assert found("tolls") == [tolls]
