"""A list read for a search is read once per content version where the cache is shared,
and read anew after a write, without a shared cache, or when the cache fails."""

import pytest
from django.core.cache import cache

from quotes.models import Statement
from quotes.services.kept_lists import kept

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    settings.CACHE_URL = "redis://shared.invalid:6379/1"  # the tests' own cache stands in for it


class Reader:
    """Reads the ids of the statements in order, counting its reads."""

    def __init__(self):
        self.ids = Statement.objects.order_by("pk").values_list("pk", flat=True)
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return list(self.ids.all())  # a fresh query each time


def test_a_list_is_read_once_until_the_content_changes(shared_cache, django_capture_on_commit_callbacks):
    first = Statement.objects.create(canonical_text="The bridge will open.")
    read = Reader()
    assert kept(read.ids, read) == kept(read.ids, read) == [first.pk]
    assert read.reads == 1

    with django_capture_on_commit_callbacks(execute=True):
        second = Statement.objects.create(canonical_text="The bridge will close.")

    assert kept(read.ids, read) == [first.pk, second.pk]
    assert read.reads == 2


def test_each_query_is_kept_apart(shared_cache):
    opening = Statement.objects.create(canonical_text="The bridge will open.")
    Statement.objects.create(canonical_text="The bridge will close.")
    ids = Statement.objects.values_list("pk", flat=True)
    opened = ids.filter(canonical_text__contains="open")

    assert kept(opened, lambda: list(opened)) == [opening.pk]
    assert len(kept(ids, lambda: list(ids))) == 2


def test_nothing_read_is_kept_too(shared_cache):
    reads = []

    def too_many():  # as a search reads a list too long to give: None
        reads.append(1)

    ids = Statement.objects.values_list("pk", flat=True)
    assert kept(ids, too_many) is None and kept(ids, too_many) is None
    assert len(reads) == 1


def test_without_a_shared_cache_a_list_is_read_each_time(settings):
    settings.CACHE_URL = ""
    read = Reader()
    kept(read.ids, read)
    kept(read.ids, read)
    assert read.reads == 2


def test_a_list_is_read_when_the_cache_fails(shared_cache, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    Statement.objects.create(canonical_text="The bridge will open.")
    monkeypatch.setattr(cache, "get", down)
    read = Reader()
    assert len(kept(read.ids, read)) == len(kept(read.ids, read)) == 1
    assert read.reads == 2
