"""Query strings no view has to defend against: a NUL character anywhere is a 400.

In: every request. Out: 400 "NUL characters are not allowed in the query." when a
decoded query-string key or value holds U+0000; otherwise the request goes on.

Why here: PostgreSQL refuses NUL in text, so any GET parameter that reaches a
query (the speaker box's suggestions, the admin's autocomplete and search, the
reader's search) raised DataError and answered 500 on PostgreSQL while SQLite
answered 200. Form fields posted are left to Django's forms, whose CharField
already rejects NUL. Invalid percent-encodings and UTF-8 need nothing: Django
decodes them to U+FFFD.
"""

from django.http import HttpResponseBadRequest


class RejectNulInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "NUL characters are not allowed in the query.\n", content_type="text/plain"
            )
        return self.get_response(request)
