"""The search page's results download as CSV and JSON Lines: the quotes behind them, with
every field of the export, streamed, formula-safe."""

import csv
import io
import json

import pytest

from tests.web.conftest import REOPEN, WAIT

pytestmark = pytest.mark.django_db


def download(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response, b"".join(response.streaming_content).decode() if response.streaming else response.content


def rows_of(client, query):
    response, body = download(client, f"/quotes.csv?{query}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="verbatim-quotes.csv"'
    return list(csv.DictReader(io.StringIO(body)))


def test_the_search_page_links_its_results_downloads_with_the_same_query(client, story):
    page = client.get("/?speaker=marlow&page=1").content.decode()
    assert 'href="/quotes.csv?speaker=marlow"' in page
    assert 'href="/quotes.jsonl?speaker=marlow"' in page


def test_the_csv_holds_the_quotes_of_the_statements_found_statement_by_statement(client, story):
    rows = rows_of(client, "speaker=the+harbour+commissioner")
    assert [(row["statement"], row["outlet"]) for row in rows] == [
        (str(story.reopen.pk), "The Daily Ledger"),
        (str(story.reopen.pk), "Northern Courier"),
        (str(story.reopen.pk), "Harbour Times"),
        (str(story.wait.pk), "The Daily Ledger"),
        (str(story.wait.pk), "Northern Courier"),
    ]
    trimmed = rows[1]
    assert (trimmed["canonical"], trimmed["drift"], trimmed["lexical_similarity"]) == (
        REOPEN,
        "trimmed",
        "0.83",
    )
    assert (trimmed["published"], trimmed["article_title"], trimmed["speaker_method"]) == (
        "2024-03-05",
        "Harbour work speeds up",
        "explicit",
    )


def test_filtered_by_an_outlet_and_a_class_it_holds_that_outlets_wording_of_that_class(client, story):
    rows = rows_of(client, "outlet=northern-courier&drift=verbatim")
    assert [(row["text"], row["speaker"], row["speaker_method"]) for row in rows] == [
        (WAIT, "Ada Marlow", "role")
    ]


def test_json_lines_carry_the_same_records_as_the_export(client, story):
    response, body = download(client, "/quotes.jsonl?words=winter")
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    records = [json.loads(line) for line in body.splitlines()]
    assert [record["id"] for record in records] == [
        story.reopen_verbatim.pk,
        story.reopen_trimmed.pk,
        story.reopen_reworded.pk,
    ]
    assert records[0]["article"]["outlet"] == "The Daily Ledger" and records[0]["cluster"] == story.reopen.pk


def test_hidden_quotes_are_never_downloaded(client, story):
    _, body = download(client, "/quotes.jsonl")
    assert "Closed for works" not in body and len(body.splitlines()) == 6


def test_a_quote_that_reads_as_a_formula_is_downloaded_as_text(client, story):
    story.script_quote.text = "=cmd|' /C calc'!A0"
    story.script_quote.save()
    rows = rows_of(client, "speaker=lena+fox")
    assert rows[0]["text"] == "'=cmd|' /C calc'!A0"


def test_a_search_the_form_refuses_is_a_400_saying_why(client, story):
    _, body = download(client, "/quotes.csv?said_from=2024-03-09&said_to=2024-03-01", status=400)
    assert body.decode().startswith("This search cannot be downloaded: The “from” date must not be after")


def test_the_download_streams(client, story):
    response = client.get("/quotes.csv")
    assert response.streaming


def test_a_search_that_finds_more_quotes_than_a_download_holds_says_so(client, story, settings):
    settings.VERBATIM_DOWNLOAD_MAX_QUOTES = 5
    _, body = download(client, "/quotes.csv", status=400)
    assert body.decode().startswith("This search finds more than 5 quotes, more than one download holds.")
    response, _ = download(client, "/quotes.csv?speaker=marlow")
    assert response.status_code == 200
