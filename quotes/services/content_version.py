"""A number that moves on whenever what a reader may see changes, so that whole pages can
be kept in the shared cache under it (web.page_cache) and none outlives the data it shows.

In: writes. Every save or delete of a row a reader's page shows (quotes, statements,
speakers and their aliases, wire copies, outlet figures, articles, outlets), whoever
makes it: the admin, the review queue, quotes.services.editing, a command. Those send
Django's post_save and post_delete signals (connected in quotes.apps); the pipeline's
bulk writes (bulk_create, bulk_update, queryset.update, COPY) send none, so every long
job moves the version when it ends (quotes.services.jobs: ingest, extract, cluster, from
a command, a worker or the admin), and `load_synthetic` does too.
Out: `current()`, the version now; `changed()` moves it on once the transaction that
wrote commits (at once outside one), so a page read after the commit is never served
from before it, and a page computed from the old rows is stored under the old version,
which no request asks for again.

The version lives in Django's default cache: with CACHE_URL naming Redis, one number
for every process on every machine. A version that is missing (the cache restarted or
evicted it) starts again from the clock in nanoseconds, past any number it held before.
A cache that fails is logged and the version stays; pages then skip the cache
(web.page_cache), and what was stored before expires within its timeout.

Limits: a write outside Django and outside a job (SQL typed by hand) is not seen: pages
lag it by at most web.page_cache's timeout. While a job writes row by row (ingest saves
each article) the version moves with each commit, so the pages are computed anew until
it ends.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

KEY = "quotes.content_version"
logger = logging.getLogger(__name__)


def current() -> int:
    """The content version now (started from the clock when the cache holds none)."""
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, time.time_ns(), timeout=None)
        version = cache.get(KEY)
    return version


def changed(using=None) -> None:
    """Move the version on when the current transaction on `using` commits."""
    transaction.on_commit(move_on, using=using)


def move_on() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # no version yet (or evicted): start one past every earlier number
        cache.add(KEY, time.time_ns(), timeout=None)
    except Exception as error:  # the cache is down: pages skip it meanwhile (web.page_cache)
        logger.warning("content version not moved on, the cache failed: %s: %s", type(error).__name__, error)


def on_write(sender, using=None, **kwargs) -> None:
    """A post_save / post_delete receiver for the models pages show."""
    changed(using)
