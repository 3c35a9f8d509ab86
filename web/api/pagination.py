"""Cursor pages in id order: stable while rows are added, and cheap at any depth.

A cursor names the last id seen, so page 10,000 costs what page 1 does (an offset would
read every row before it) and a quote added while a client pages through is neither
skipped nor listed twice. Cursor pagination needs a unique, unchanging order, so lists
come in id order; the search page's other orders (outlets, dates, relevance) change as
clustering runs and are not offered here.
"""

from rest_framework.pagination import CursorPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class IdCursorPagination(CursorPagination):
    ordering = "id"
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
