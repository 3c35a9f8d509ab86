"""manage.py ingest URL...: pages fetched from a server on 127.0.0.1 (tests/pages.py), stored and
extracted like files; a page that fails is one line, and the batch goes on."""

import pytest

from quotes.models import Quote
from sources.models import Article
from tests.quotes.test_ingest_command import ingest

pytestmark = pytest.mark.django_db


def test_a_page_is_fetched_stored_and_its_quotes_extracted(page_server):
    url = page_server.url("/story.html")
    out, err, error = ingest(url, "--outlet", "Island Post")
    assert (out.strip(), err, error) == ("ingest: 1 new, 0 updated, 0 unchanged, 0 failed", "", None)
    article = Article.objects.get()
    assert (article.url, article.source, article.outlet.name) == (url, url, "Island Post")
    assert article.title == "Ferry fares frozen for a year"
    quote = Quote.objects.get(kind="full")
    assert (quote.text, quote.speaker.name) == ("Nobody should pay more to get to work,", "Mira Kovac")


def test_pages_that_fail_are_one_line_each_and_the_others_are_stored(page_server, tmp_path):
    story = tmp_path / "crane.txt"
    story.write_text("Crane back\n\n“We lost three days,” said Olu Adeyemi.\n", encoding="utf-8")
    urls = [page_server.url(path) for path in ("/missing", "/plain.txt", "/picture.png", "/slow")]
    out, err, error = ingest(story, *urls, "--timeout", "1")
    assert out.splitlines()[0] == "ingest: 2 new, 0 updated, 0 unchanged, 3 failed"
    assert err.splitlines() == [
        f"{urls[0]}: failed: HTTP 404 Not Found",
        f"{urls[2]}: failed: is image/png, not a web page (HTML or plain text)",
        f"{urls[3]}: failed: no answer within 1.0 s",
    ]
    assert str(error) == "3 input(s) failed; see the lines above."
    assert sorted(Article.objects.values_list("source", flat=True)) == sorted([str(story), urls[1]])


def test_a_page_over_the_size_limit_is_refused(page_server):
    url = page_server.url("/story.html")
    _, err, error = ingest(url, "--max-bytes", "100")
    assert err == f"{url}: failed: page is 417 bytes, over the 100-byte limit\n" and error is not None
    assert not Article.objects.exists()


def test_the_same_page_fetched_again_is_unchanged(page_server):
    ingest(page_server.url("/story.html"))
    out, _, error = ingest(page_server.url("/story.html"))
    assert error is None and out.splitlines()[0] == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"


def test_a_page_reached_by_redirects_is_stored_under_its_final_address(page_server):
    ingest(page_server.url("/moved-twice"))
    article = Article.objects.get()
    assert (article.url, article.source) == (page_server.url("/story.html"), page_server.url("/moved-twice"))
