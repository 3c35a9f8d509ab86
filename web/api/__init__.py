"""The read-only JSON API: statements, quotes, speakers, outlets and articles.

Built on Django REST framework; drf-spectacular writes its OpenAPI schema at
/api/schema/. Lists take the search page's filters (web.filters.StatementFilter, the
same rules: one place) and are paged by cursor in id order (pagination.py); anonymous
clients are throttled (web.throttling). Views are thin: querysets with what each record
shows joined, so a page of results costs the same few queries however long it is.
"""
