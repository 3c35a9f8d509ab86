"""What a search reads from the database again for every request that narrows it the
same way (the ids of an outlet's statements, which a common word searched in that
outlet lists: 16,610 at 1,000,000 quotes, 40 ms of PostgreSQL's time), kept in the
shared cache under the content version, so it is read once until the data changes.

In: the queryset read and how to read it (a function of no argument). Out: what that
function returns, from the cache when the same query (its SQL and parameters, on the
same database) was read under the current content version
(quotes.services.content_version: it moves on with every save or delete a reader's
page shows and at the end of every job), else read now and kept for SECONDS.

On only where the cache is shared (CACHE_URL names Redis), as web.page_cache is: with a
per-process cache another worker's edit or a command's job would not move the version
this process reads, and a list kept here would miss what they added until SECONDS
passed. A cache that fails is logged and the query is read as without one. What this
keeps is a filter's result, not a page: a list that lags a write the version misses
(SQL typed by hand) only narrows a search, whose count and page still read the
statements themselves.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet

from quotes.services import content_version

SECONDS = 300
logger = logging.getLogger(__name__)
MISSING = object()


def kept(queryset, read):
    """read(), kept under the content version and the SQL of `queryset` (what read reads)."""
    if not getattr(settings, "CACHE_URL", ""):
        return read()
    try:
        key = query_key(queryset)
        stored = cache.get(key, MISSING)
    except EmptyResultSet:  # a filter that leaves nothing: no SQL to key, and nothing to read
        return read()
    except Exception as error:  # the cache is down: read as without one
        logger.warning("list not kept, the cache failed: %s: %s", type(error).__name__, error)
        return read()
    if stored is not MISSING:
        return stored[0]
    value = read()
    try:
        cache.set(key, (value,), SECONDS)  # in a tuple: a None read is kept too
    except Exception as error:
        logger.warning("list not kept, the cache failed: %s: %s", type(error).__name__, error)
    return value


def query_key(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    query = hashlib.blake2b(repr((queryset.db, sql, params)).encode(), digest_size=16).hexdigest()
    return f"kept:{content_version.current()}:{query}"
