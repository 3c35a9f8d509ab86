"""The URL of a link that list pages repeat, reversed once per process rather than on every
row: `url(name, *args)` in Python, `{% link name arg %}` in templates (web.templatetags.links).

Why: reverse() costs about 20-30 us a call here (namespace walk, then a regular expression
check of the candidate), and the list pages reverse one per link: the home page 171 a
view (every outlet on every row), 4 ms of its 21 ms of CPU; the outlets page 125. A
view name and its arguments give the same URL as long as the process runs, under one
script prefix and URL configuration, so those are part of the key. The URLS_KEPT most
recent are kept (a few hundred bytes each): outlets, busy speakers and the statements of
the busiest pages stay, the rest come and go.
"""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

URLS_KEPT = 4096


@lru_cache(maxsize=URLS_KEPT)
def reversed_url(prefix, urlconf, name, args):
    return reverse(name, urlconf=urlconf, args=args)


def url(name, *args):
    """reverse(name, args=args), remembered."""
    return reversed_url(get_script_prefix(), get_urlconf(), name, args)
