"""The read-only JSON API: what each list holds, the search page's filters, cursor pages,
JSON errors, and a fixed number of queries per page of results."""

import json

import pytest
from django.urls import reverse

from quotes.models import Quote
from quotes.services.export import export_lines
from tests.web.conftest import REOPEN, SCRIPT, WAIT

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(client, url):
    return get(client, url)["results"]


def test_the_root_lists_every_resource(client):
    assert set(get(client, "/api/")) == {"statements", "quotes", "speakers", "outlets", "articles"}


def test_statements_are_the_visible_ones_with_their_speaker_and_links(client, story):
    rows = results(client, "/api/statements/")
    assert [row["canonical"] for row in rows] == [REOPEN, WAIT, SCRIPT]
    first = rows[0]
    assert first["speaker"] == {"id": story.ada.pk, "name": "Ada Marlow", "slug": "ada-marlow"}
    assert first["page"] == f"http://testserver/statements/{story.reopen.pk}/"
    assert first["quotes"] == f"http://testserver/api/quotes/?statement={story.reopen.pk}"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("speaker=the+harbour+commissioner", [REOPEN, WAIT]),
        ("words=winter+storms", [REOPEN]),
        ("outlet=northern-courier", [REOPEN, WAIT]),
        ("drift=trimmed", [REOPEN]),
        ("said_from=2024-03-05", [SCRIPT]),
    ],
)
def test_statements_take_the_search_pages_filters(client, story, query, expected):
    assert [row["canonical"] for row in results(client, f"/api/statements/?{query}")] == expected


def test_quotes_without_a_filter_are_every_visible_quote_those_in_no_statement_too(client, story):
    story.reopen_reworded.statement = None
    story.reopen_reworded.save()
    texts = [row["text"] for row in results(client, "/api/quotes/")]
    assert len(texts) == 6 and story.reopen_reworded.text in texts and "Closed for works" not in texts


def test_quotes_filtered_by_an_outlet_are_that_outlets_wording_of_the_statements_found(client, story):
    rows = results(client, "/api/quotes/?speaker=Marlow&outlet=harbour-times")
    assert [row["text"] for row in rows] == [story.reopen_reworded.text]


def test_quotes_found_by_words_are_all_the_quotes_of_the_statements_found(client, story):
    rows = results(client, "/api/quotes/?words=a+day+later")
    assert sorted(row["id"] for row in rows) == sorted(
        q.pk for q in (story.reopen_verbatim, story.reopen_trimmed, story.reopen_reworded)
    )


def test_quotes_narrow_by_statement_article_and_kind(client, story):
    assert {row["id"] for row in results(client, f"/api/quotes/?statement={story.wait.pk}")} == {
        story.wait_ledger.pk,
        story.wait_courier.pk,
    }
    assert [row["id"] for row in results(client, f"/api/quotes/?article={story.times_article.pk}")] == [
        story.reopen_reworded.pk
    ]
    assert results(client, "/api/quotes/?kind=indirect") == []


def test_a_quote_reads_as_its_export_record(client, story):
    row = get(client, f"/api/quotes/{story.reopen_trimmed.pk}/")
    exported = [json.loads(line) for line in export_lines(Quote.objects.filter(pk=story.reopen_trimmed.pk))]
    assert [row] == exported
    assert (row["drift"], row["lexical_similarity"], row["canonical"]) == ("trimmed", 0.83, REOPEN)


def test_hidden_quotes_and_empty_statements_are_not_found(client, story):
    assert get(client, f"/api/quotes/{story.hidden.pk}/", status=404) == {
        "detail": "No Quote matches the given query."
    }
    get(client, f"/api/statements/{story.sign.pk}/", status=404)


def test_speakers_are_found_by_any_of_their_names(client, story):
    rows = results(client, "/api/speakers/?name=ms+marlow")
    assert [(row["name"], row["aliases"]) for row in rows] == [
        ("Ada Marlow", ["Ms Marlow", "the harbour commissioner"])
    ]
    assert get(client, "/api/speakers/ada-marlow/")["page"] == "http://testserver/speakers/ada-marlow/"


def test_articles_filter_by_outlet_and_date(client, story):
    rows = results(client, "/api/articles/?outlet=harbour-times&published_from=2024-03-07")
    assert [(row["id"], row["outlet"]) for row in rows] == [(story.script_article.pk, "harbour-times")]
    assert [row["slug"] for row in results(client, "/api/outlets/")] == [
        "the-daily-ledger",
        "northern-courier",
        "harbour-times",
    ]


def test_lists_are_paged_by_cursor_without_gaps_or_repeats(client, more_statements):
    seen, url = [], "/api/statements/?page_size=5"
    while url:
        page = get(client, url)
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert len(seen) == 15 and seen == sorted(set(seen))


@pytest.mark.parametrize(
    "url",
    [
        "/api/statements/?said_from=2024-03-09&said_to=2024-03-01",
        "/api/quotes/?outlet=no-such-outlet",
        "/api/articles/?published_from=yesterday",
    ],
)
def test_a_refused_filter_is_a_json_400_naming_the_reason(client, story, url):
    assert get(client, url, status=400)


def test_unknown_addresses_and_cursors_are_json_404s(client, story):
    assert get(client, "/api/quotes/not-an-id/", status=404) == {"detail": "Not found."}
    assert get(client, "/api/nothing-here/", status=404) == {"detail": "Not found."}
    assert get(client, "/api/statements/?cursor=forged", status=404) == {"detail": "Invalid cursor"}


def test_the_openapi_schema_describes_every_resource(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    for path in ("/api/statements/", "/api/quotes/", "/api/speakers/", "/api/outlets/", "/api/articles/"):
        assert f"  {path}:" in text


ENDPOINTS = {
    # the outlet named, whether a speaker has that name (else the closest spelling is
    # looked for), how many quotes the words match (PostgreSQL's planner estimates them,
    # SQLite counts them) and the newest of them (quotes.services.search), the page of
    # statements with their speakers
    "statements": ("/api/statements/?speaker=marlow&words=statement&outlet=harbour-times", 5),
    # the outlet named, whether a speaker has that name, the page of quotes with article,
    # outlet, speaker, statement and its speaker
    "quotes": ("/api/quotes/?speaker=marlow&outlet=harbour-times&drift=verbatim", 3),
    # the page of speakers, their aliases
    "speakers": ("/api/speakers/", 2),
    "outlets": ("/api/outlets/", 1),
    # the outlet named, the page of articles with their outlets
    "articles": ("/api/articles/?outlet=harbour-times", 2),
    "statement": (lambda s: reverse("api:statement-detail", args=[s.reopen.pk]), 1),
    "quote": (lambda s: reverse("api:quote-detail", args=[s.reopen_trimmed.pk]), 1),
    "speaker": (lambda s: reverse("api:speaker-detail", args=[s.ada.slug]), 2),
    "outlet": (lambda s: reverse("api:outlet-detail", args=[s.ledger.slug]), 1),
    "article": (lambda s: reverse("api:article-detail", args=[s.ledger_article.pk]), 1),
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_each_endpoint_makes_a_fixed_number_of_queries_however_many_rows(
    client, more_statements, django_assert_num_queries, name
):
    url, queries = ENDPOINTS[name]
    url = url(more_statements) if callable(url) else url
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
