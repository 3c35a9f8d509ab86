"""A deploy check (`manage.py check --deploy`): the request limits must be counted where every
worker sees them.

With DEBUG off and a request limit on, Django's default cache must not be the per-process
memory cache: each gunicorn worker would count a client on its own, so a client would get
the rate times the number of workers (web/throttling.py). CACHE_URL (Redis) shares it.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def request_limits_are_shared(app_configs, **kwargs):
    limited = any(settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).values())
    if settings.DEBUG or not limited or settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The request limits are counted in each process's own memory, so each web worker "
            "lets a client make the full number of requests.",
            hint="Set CACHE_URL=redis://HOST:6379/1 (a cache every worker shares).",
            id="verbatim.W001",
        )
    ]
