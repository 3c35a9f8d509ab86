"""Anonymous clients get a number of requests per period: the API, the search page, its
speaker suggestions and its downloads.

In: a request and a scope ("api", "search"). Out: allowed, or refused with 429 and a
Retry-After header saying in how many seconds the next request is counted again. Staff
and other logged-in users are never throttled. The rates are the scopes' entries in
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] ("60/minute"; None turns a scope off), read on
every request (config/settings.py sets them from THROTTLE_API_RATE and
THROTTLE_SEARCH_RATE).

How: a fixed window per client address, scope and period, counted with the cache's
atomic `incr` (`add` opens the window). The counts live in Django's default cache, so
with CACHE_URL naming Redis every gunicorn worker on every machine counts against the
same window; with the default per-process memory cache each worker counts on its own
(a client then gets up to workers × rate). DRF's own throttles keep a list of request
times and write it back after reading it, so concurrent requests from one client
through several workers overwrite each other's entry and pass uncounted; an `incr`
cannot lose one. Measured (`python -m benchmarks.throttling`: 40 requests at once from 20
threads against Redis, a rate of 10): DRF's AnonRateThrottle let 24, 16, 13 (another run
38, 40, 40) through; this one 10 each time. A test runs four gunicorn workers on Redis. A window allows up to twice the rate across its edge (the end of one
window and the start of the next): the price of one counter per client.

A cache that fails (Redis down) lets every request through, with a warning in the log:
the limit protects the service, so it must not be what takes the service down.

The client is the address DRF's `get_ident` reads: REMOTE_ADDR, or behind proxies the
address NUM_PROXIES hops back in X-Forwarded-For (settings: 1 with
SECURE_PROXY_SSL_HEADER, as the proxy that sets it also sets X-Forwarded-For).
"""

import logging
import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """(requests, seconds) from "60/minute" (s, m, h or d is enough); None for None."""
    if rate is None:
        return None
    number, period = rate.split("/")
    return int(number), PERIODS[period.strip()[0].lower()]


class AnonymousRateThrottle(BaseThrottle):
    """A DRF throttle for anonymous clients, one fixed window per address and scope."""

    scope = "api"

    def __init__(self, scope=None):
        self.scope = scope or self.scope
        self.retry_after = None

    def allow_request(self, request, view):
        rate = parse_rate(api_settings.DEFAULT_THROTTLE_RATES.get(self.scope))
        if rate is None or (request.user and request.user.is_authenticated):
            return True
        limit, period = rate
        now = time.time()
        window = int(now // period)
        key = f"throttle:{self.scope}:{self.get_ident(request)}:{window}"
        try:
            count = counted(key, period)
        except Exception as error:  # the cache is down: serve, as without a limit, and say so
            logger.warning("request limit not applied, the cache failed: %s: %s", type(error).__name__, error)
            return True
        if count <= limit:
            return True
        self.retry_after = max(1, int((window + 1) * period - now) + 1)
        return False

    def wait(self):
        return self.retry_after


def counted(key, period):
    """Add one to the window's count under key (opened for `period` seconds); the new count."""
    cache.add(key, 0, timeout=period + 1)
    try:
        return cache.incr(key)
    except ValueError:  # the window closed between add and incr: this is its first request
        return 1


def throttled(scope):
    """A view decorator: anonymous requests beyond the scope's rate are answered 429."""

    def decorate(view):
        @wraps(view)
        def throttled_view(request, *args, **kwargs):
            throttle = AnonymousRateThrottle(scope)
            if throttle.allow_request(request, view):
                return view(request, *args, **kwargs)
            response = render(request, "429.html", {"retry_after": throttle.wait()}, status=429)
            response["Retry-After"] = str(throttle.wait())
            return response

        return throttled_view

    return decorate
