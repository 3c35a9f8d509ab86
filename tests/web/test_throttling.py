"""Anonymous clients get so many requests per period on the API and the search page; editors
are not counted; the counts are shared by every worker through the cache."""

import concurrent.futures
import os
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from tests.servers import Gunicorn, redis_answers, status_of
from web.throttling import parse_rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    """Two requests a minute on each scope, counted from zero."""
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "2/minute", "search": "2/minute"},
    }
    yield
    cache.clear()


@pytest.mark.parametrize("url", ["/", "/speaker-suggestions/?speaker=ma", "/quotes.csv", "/api/outlets/"])
def test_the_request_past_the_rate_is_refused_with_a_time_to_wait(client, story, rates, url):
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 61


def test_the_search_page_says_when_to_come_back(client, story, rates):
    for _ in range(2):
        client.get("/")
    page = client.get("/").content.decode()
    assert "Too many requests" in page and "try again in" in page


def test_the_search_page_and_its_downloads_share_one_count_and_the_api_has_its_own(client, story, rates):
    assert [client.get(url).status_code for url in ("/", "/quotes.jsonl", "/speaker-suggestions/")] == [
        200,
        200,
        429,
    ]
    assert client.get("/api/").status_code == 200


def test_each_address_is_counted_apart(client, story, rates):
    for _ in range(3):
        client.get("/api/outlets/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/outlets/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_logged_in_editors_are_not_throttled(client, story, rates):
    client.force_login(User.objects.create_user("editor", is_staff=True))
    assert {client.get(url).status_code for url in ["/", "/api/outlets/"] * 3} == {200}


def test_a_rate_of_none_turns_a_scope_off(client, story, rates, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"api": None}}
    assert {client.get("/api/outlets/").status_code for _ in range(5)} == {200}


@pytest.mark.parametrize(
    "rate, parsed", [("60/minute", (60, 60)), ("5/s", (5, 1)), ("100/hour", (100, 3600)), (None, None)]
)
def test_rates_read_as_requests_per_seconds(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.skipif(not redis_answers(), reason="Redis is not answering on 127.0.0.1:6379")
def test_several_gunicorn_workers_share_one_count_through_redis():
    """Four workers, forty requests at once from one address, a rate of ten: exactly ten pass."""
    with (
        Gunicorn(
            WEB_CONCURRENCY="4",
            CACHE_URL="redis://127.0.0.1:6379/13",
            CACHE_KEY_PREFIX=f"verbatim-test-{os.getpid()}-{time.monotonic_ns()}",
            THROTTLE_API_RATE="10/hour",
        ) as server,
        concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool,
    ):
        statuses = list(pool.map(status_of, [server.url("/api/")] * 40))
    assert (statuses.count(200), statuses.count(429)) == (10, 30)


def test_a_cache_that_fails_lets_requests_through_and_says_so(client, story, rates, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("web.throttling.cache.add", unreachable)
    assert {client.get("/api/outlets/").status_code for _ in range(3)} == {200}
    assert "request limit not applied, the cache failed: ConnectionError" in caplog.text
