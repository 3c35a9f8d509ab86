"""Whole reader pages kept in the shared cache, under the content version, so a page
asked for again is sent without a query until what it shows changes.

In: a view. Out: the view wrapped: a GET (or HEAD) is answered from the cache when the
same path and query string were rendered under the current content version
(quotes.services.content_version: it moves on with every edit, ingest, extraction and
clustering run); otherwise the view runs and a 200 answer is stored for
PAGE_CACHE_SECONDS. The middleware still runs on every answer (security headers, CSP),
and the request limiter (web.throttling) still counts every request: the cache only
stands in for the view.

Why: on 2 cores a page that queries and renders takes 20-100 ms of CPU at 1,000,000
quotes, so 20 clients queue behind each other (p95 2.2-9.1 s measured with
`manage.py bench_pages`); a page from Redis takes about 1 ms. The figures before and
after are in the commit that added this module.

On only where the cache is shared (settings: PAGE_CACHE_SECONDS defaults to
DEFAULT_SECONDS when CACHE_URL names Redis, else 0): with a per-process cache a
command or another worker could not move the version this process reads, and pages
would lag an edit by the timeout. The timeout bounds what a write the version misses
(SQL typed by hand) can leave, and lets a stored page go when nobody asks for it.
A page asked for by many clients at once is computed by one request while the others
wait for it (up to WAIT_SECONDS), not by every worker at once: without that, 20 clients
on a page of 5 paths kept all workers computing the same pages (1,000,000 quotes: 3
answers a second on a rare word, while one request alone takes about 0.1 s).
Pages no reader shares are not kept: an answer that sets a cookie, a streamed one, or
one for a logged-in user (an editor sees the database as it is). A cache that fails
is logged and the page is computed as without one.
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from quotes.services import content_version

DEFAULT_SECONDS = 300
WAIT_SECONDS = 10
"""How long a request waits for another computing the same page before computing it too."""
POLL_SECONDS = 0.02
logger = logging.getLogger(__name__)
KEPT_HEADERS = ("Content-Type", "Content-Language")


def cached_page(view):
    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = timeout()
        if not seconds or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            key = page_key(request)
            stored = cache.get(key)
            if stored is None and not cache.add(computing(key), 1, timeout=WAIT_SECONDS):
                stored = awaited(key)
        except Exception as error:  # the cache is down: serve the page as without one
            logger.warning("page cache skipped, the cache failed: %s: %s", type(error).__name__, error)
            return view(request, *args, **kwargs)
        if stored is not None:
            return answer(stored)
        response = None
        try:
            response = view(request, *args, **kwargs)
        finally:
            keep(key, response, seconds)
        return response

    return cached_view


def timeout() -> int:
    """PAGE_CACHE_SECONDS, else DEFAULT_SECONDS where CACHE_URL names a shared cache, else 0."""
    configured = getattr(settings, "PAGE_CACHE_SECONDS", None)
    if configured is not None:
        return configured
    return DEFAULT_SECONDS if getattr(settings, "CACHE_URL", "") else 0


def keep(key, response, seconds) -> None:
    """Store a 200 answer under key, and take away the mark that it is being computed."""
    try:
        if shared(response):
            kept = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.content, kept), seconds)
        cache.delete(computing(key))
    except Exception as error:
        logger.warning("page not cached, the cache failed: %s: %s", type(error).__name__, error)


def shared(response) -> bool:
    """A complete 200 answer that sets no cookie: the same for every reader."""
    return (
        response is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
    )


def computing(key: str) -> str:
    """The mark a request leaves while it computes the page under key."""
    return f"{key}:computing"


def awaited(key: str):
    """The page under key once the request computing it has stored it, or None when that
    request gave up, stored nothing (not a 200) or took longer than WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = cache.get_many([key, computing(key)])
        if key in found:
            return found[key]
        if computing(key) not in found:
            return None
    return None


def page_key(request) -> str:
    """The cache key of the page the request asks for, under the current content version."""
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return f"page:{content_version.current()}:{path}"


def answer(stored) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response
