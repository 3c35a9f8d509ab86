"""Assembling a story: which value wins, the title, the body and its hash."""

import hashlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.text.formats import Received
from sources.text.manifest import ManifestRow
from sources.text.records import EmptyArticle, build_record, content_hash


def received(text, **fields):
    return Received(path="/in/story.txt", source="/in/story.txt", raw=text, text=text, **fields)


def test_it_keeps_the_headline_as_the_first_paragraph_and_the_title():
    record, _ = build_record(received("Dam deal ‘holds’\n\nBy Ann Writer\n\nThe story."))
    assert record.title == "Dam deal ‘holds’"
    assert record.body == "Dam deal ‘holds’\n\nThe story."
    assert record.byline == "Ann Writer"


def test_it_puts_a_given_title_in_front_of_a_body_that_lacks_it():
    record, _ = build_record(received("The story.", title="Given title"))
    assert record.body == "Given title\n\nThe story."
    assert record.title == "Given title"


def test_the_manifest_wins_over_the_option_the_file_and_the_signature():
    text = "Headline\nBy Signed Outlet with AP\nThe story."
    row = ManifestRow(
        outlet="Manifest Outlet", published="2025-03-11", url="https://m.example/a", language="de"
    )
    record, _ = build_record(
        received(text, outlet="File Outlet", url="https://f.example/a"), row, "Option Outlet"
    )
    assert (record.outlet, record.url, record.published, record.language) == (
        "Manifest Outlet",
        "https://m.example/a",
        date(2025, 3, 11),
        "de",
    )
    assert record.domain == "m.example"
    assert (
        build_record(received(text, outlet="File Outlet"), None, "Option Outlet")[0].outlet == "Option Outlet"
    )
    assert build_record(received(text, outlet="File Outlet"))[0].outlet == "File Outlet"
    assert build_record(received(text))[0].outlet == "Signed Outlet"
    assert build_record(received("Headline\nThe story."))[0].outlet == "Unknown"


def test_it_reads_a_timestamp_as_a_date_and_warns_about_a_bad_one():
    assert build_record(received("Story.", published="2025-03-11T18:40:00+00:00"))[0].published == date(
        2025, 3, 11
    )
    record, warnings = build_record(received("Story.", published="last Tuesday"))
    assert record.published is None
    assert warnings == ("published date 'last Tuesday' is not YYYY-MM-DD; stored without a date",)


def test_it_hashes_the_body_with_whitespace_collapsed():
    assert content_hash("One  two\n\nthree") == content_hash("One two three")
    assert content_hash("One two three") != content_hash("One two four")


def test_it_refuses_a_story_that_is_only_boilerplate():
    with pytest.raises(EmptyArticle, match="no article text is left"):
        build_record(received("Share this article\nREAD MORE: Elsewhere"))


def test_a_manifest_url_names_a_single_story_file_not_the_lines_of_a_feed():
    row = ManifestRow(outlet="Feed Outlet", url="https://m.example/feed")
    line = Received(
        path="/in/feed.jsonl",
        source="/in/feed.jsonl:2",
        raw="Story.",
        text="Story.",
        url="https://f.example/2",
    )
    record, _ = build_record(line, row)
    assert (record.outlet, record.url) == ("Feed Outlet", "https://f.example/2")


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2003é"), max_size=60), st.integers(1, 7))
def test_the_content_hash_read_in_windows_is_the_hash_of_the_words_joined(body, window):
    expected = hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()
    assert content_hash(body, window=window) == expected
