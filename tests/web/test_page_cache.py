"""A reader's page asked for again comes from the cache, without a query, until what it
shows changes: an edit in the admin, a fix in the review queue, a job's bulk writes.
Editors are never served a cached page, and a cache that fails serves pages as without
one."""

# ruff: noqa: F811 (newsroom is a fixture imported from the admin tests)

import pytest
from django.core.cache import cache
from django.urls import reverse

from quotes.models import Job, Quote, Statement
from quotes.services.jobs import recorded
from tests.admin.conftest import newsroom, save_change_form  # noqa: F401 (the fixture)
from tests.admin.test_review_queue import fix
from web import page_cache

# Committed for real: the version moves on when a write commits, which a test's
# enclosing transaction would never do.
pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = "The budget is tight"


@pytest.fixture(autouse=True)
def pages_cached(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def home(client):
    response = client.get(reverse("web:search"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_asked_for_again_is_sent_from_the_cache_without_a_query(
    client, newsroom, django_assert_num_queries
):
    first = home(client)
    with django_assert_num_queries(0):
        assert home(client) == first


def test_each_query_string_is_a_page_of_its_own(client, newsroom):
    home(client)
    searched = client.get(reverse("web:search"), {"words": "bridge"}).content.decode()
    assert BUDGET in home(client) and BUDGET not in searched


def test_an_edit_in_the_admin_shows_at_once(client, admin_client, newsroom):
    assert BUDGET in home(client)
    quote = newsroom.quotes.valley_budget
    statement = quote.statement
    save_change_form(admin_client, statement, canonical_text="The budget is fine, the engineer says.")
    assert "The budget is fine" in home(client)


def test_a_quote_hidden_from_the_review_queue_leaves_the_pages_at_once(client, admin_client, newsroom):
    quote = newsroom.quotes.valley_budget
    statement_page = quote.statement.get_absolute_url()
    assert BUDGET in home(client) and client.get(statement_page).status_code == 200

    fix(admin_client, quote, action="not_a_quote")

    assert BUDGET not in home(client)
    assert client.get(statement_page).status_code == 404


def test_a_jobs_bulk_writes_show_when_it_ends(client, newsroom):
    assert BUDGET in home(client)
    with recorded(Job.Kind.CLUSTER):
        Quote.objects.filter(pk=newsroom.quotes.valley_budget.pk).update(hidden_by_editor=True)
        Statement.objects.filter(pk=newsroom.statements.budget.pk).update(quote_count=0)
        assert BUDGET in home(client)  # no signal: the page waits for the job's end
    assert BUDGET not in home(client)


def test_an_editor_is_never_served_a_cached_page(client, admin_client, newsroom):
    home(client)
    Quote.objects.filter(pk=newsroom.quotes.valley_budget.pk).update(text="The budget is loose")
    assert (
        "The budget is loose"
        in admin_client.get(newsroom.statements.budget.get_absolute_url()).content.decode()
    )


def test_pages_are_served_when_the_cache_fails(client, newsroom, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get", down)
    assert BUDGET in home(client)


def test_without_a_shared_cache_pages_are_not_kept(client, newsroom, settings):
    settings.PAGE_CACHE_SECONDS = None
    settings.CACHE_URL = ""
    client.get(newsroom.statements.budget.get_absolute_url())
    Quote.objects.filter(pk=newsroom.quotes.valley_budget.pk).update(text="The budget is loose")
    assert "The budget is loose" in client.get(newsroom.statements.budget.get_absolute_url()).content.decode()


def test_a_page_another_request_is_computing_is_awaited_not_computed_again(
    client, rf, newsroom, django_assert_num_queries, monkeypatch
):
    first = home(client)
    key = page_cache.page_key(rf.get(reverse("web:search")))
    stored = cache.get(key)
    cache.delete(key)
    cache.add(page_cache.computing(key), 1)  # another request is computing it

    def stored_meanwhile(seconds):  # the other request stores the page while this one waits
        cache.set(key, stored)

    monkeypatch.setattr(page_cache.time, "sleep", stored_meanwhile)
    with django_assert_num_queries(0):
        assert home(client) == first
