"""One line saying which database could not be reached, for commands and logs.

In: an exception raised by the database layer. Out: "cannot use the database at
HOST:PORT/NAME: FIRST LINE OF THE ERROR" for PostgreSQL (the URL's password is never
shown), or the SQLite file's path. Commands print it instead of a traceback; the
readiness check logs it.
"""

from django.db import connection


def where():
    """HOST:PORT/NAME of the default database, or the SQLite file."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite file {settings['NAME']}"
    return f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}/{settings.get('NAME')}"


def describe(error):
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return f"cannot use the database at {where()}: {first_line}"
