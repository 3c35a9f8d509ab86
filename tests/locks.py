"""What the concurrency tests watch to force an interleaving: sessions waiting on row locks."""

from django.db import connection


def waiting_for_locks():
    """How many sessions on the test database wait for a lock now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]
