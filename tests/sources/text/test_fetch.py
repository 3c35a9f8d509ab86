"""Fetching an article's page: the story read from HTML or plain text, and one clear line for
every way a fetch fails, against a server on 127.0.0.1 (tests/pages.py)."""

import socket
import time

import pytest

from sources.text.fetch import looks_like_url, read_url
from sources.text.formats import Failure, Received
from tests import pages

LIMIT = 1_000_000


def fetched(server, path, max_bytes=LIMIT, timeout=5):
    (record,) = list(read_url(server.url(path), max_bytes, timeout))
    return record


def reason(server, path, **options):
    record = fetched(server, path, **options)
    assert isinstance(record, Failure), record
    assert "\n" not in record.reason and record.source == server.url(path)
    return record.reason


def test_an_html_page_is_read_as_a_story_with_the_address_it_came_from(page_server):
    record = fetched(page_server, "/story.html")
    assert isinstance(record, Received)
    assert record.title == "Ferry fares frozen for a year"
    assert "“Nobody should pay more to get to work,” said Mira Kovac" in record.text
    assert record.source == record.url == page_server.url("/story.html")


def test_a_canonical_url_the_page_names_is_its_url(page_server):
    record = fetched(page_server, "/canonical.html")
    assert (record.url, record.source) == (
        "https://news.example/ferry-fares",
        page_server.url("/canonical.html"),
    )


def test_a_plain_text_page_is_read_as_text(page_server):
    record = fetched(page_server, "/plain.txt")
    assert record.text == pages.PLAIN and record.url == page_server.url("/plain.txt")


def test_the_charset_the_server_names_decodes_the_page(page_server):
    assert '"It is a fair deal for everyone," said Renée Martel' in fetched(page_server, "/latin.html").text


def test_a_redirect_is_followed_and_the_final_address_kept(page_server):
    record = fetched(page_server, "/moved-twice")
    assert record.url == page_server.url("/story.html") and record.source == page_server.url("/moved-twice")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/picture.png", "is image/png, not a web page (HTML or plain text)"),
        ("/report.pdf", "is application/pdf, not a web page (HTML or plain text)"),
        ("/empty.html", "the file is empty"),
        ("/no-article.html", "no article text found in the HTML"),
        ("/huge-declared.html", f"page is 999999999 bytes, over the {LIMIT}-byte limit"),
        ("/endless", f"page is over the {LIMIT}-byte limit"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_a_page_that_cannot_be_used_fails_with_one_line_saying_why(page_server, path, expected):
    assert reason(page_server, path) == expected


def test_a_redirect_to_a_file_is_never_followed(page_server):
    assert reason(page_server, "/to-file").startswith(
        "redirected to an address that is not a web page's (URL 'file:///etc/passwd'"
    )


def test_a_server_that_does_not_answer_in_time_fails_within_the_limit(page_server):
    started = time.monotonic()
    assert reason(page_server, "/slow", timeout=1) == "no answer within 1 s"
    assert time.monotonic() - started < pages.SLOW


def test_a_page_that_trickles_in_past_the_limit_fails(page_server):
    assert reason(page_server, "/drip", timeout=1) == "the page did not arrive within 1 s"


def test_a_port_where_nothing_listens_fails_with_the_reason():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (record,) = list(read_url(f"http://127.0.0.1:{port}/story.html", LIMIT, 5))
    assert record.reason == "could not connect (Connection refused)"


@pytest.mark.parametrize("url", ["ftp://files.example/story.txt", "file:///etc/passwd", "http://[::1"])
def test_an_address_that_is_not_http_is_never_opened(url):
    (record,) = list(read_url(url, LIMIT, 5))
    assert isinstance(record, Failure) and record.reason.startswith("URL ")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("https://news.example/a", True),
        ("HTTP://NEWS.EXAMPLE", True),
        ("news/a.html", False),
        ("c:/a", False),
    ],
)
def test_urls_are_told_from_paths_by_their_scheme(text, expected):
    assert looks_like_url(text) is expected
