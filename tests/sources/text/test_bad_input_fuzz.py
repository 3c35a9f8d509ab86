"""Whatever a JSON line or a URL holds, reading and assembling a story either gives a record
that can be hashed and stored (valid UTF-8, no NUL, a URL that parses) or one clear failure;
never an exception out of the reading modules."""

import json
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.text.characters import normalise_text
from sources.text.formats import Failure, Received, from_json_line, guarded
from sources.text.records import EmptyArticle, MalformedURL, build_record, checked_url

SURROGATES = st.integers(0xD800, 0xDFFF).map(lambda code: f"\\u{code:04x}")
ESCAPES = st.sampled_from(["\\u0000", "\\ud83d\\ude00", "\\n", '\\"', "\\\\", "\\u2028", "\\ufeff"])
PLAIN = st.text(alphabet=st.characters(blacklist_characters='"\\', blacklist_categories=("Cs",)), max_size=8)
# The inside of a JSON string literal: plain text, escapes, and lone surrogate escapes.
JSON_STRING = st.lists(st.one_of(PLAIN, SURROGATES, ESCAPES), max_size=30).map("".join)
URL_PIECES = st.sampled_from(
    [
        "http://",
        "https://",
        "ftp://",
        "javascript:",
        "[",
        "]",
        "::1",
        ":",
        "99999",
        "/",
        "?",
        "#",
        "%00",
        "example.com",
        "www.",
        " ",
        "\t",
        "\x00",
        "@",
        "\ud800",
        "[::1",
        "http://[::1",
    ]
)
URLS = st.lists(st.one_of(URL_PIECES, st.text(max_size=6)), max_size=12).map("".join)


def stored_safely(value):
    value.encode("utf-8")  # no lone surrogate
    assert "\x00" not in value


def read_line(line):
    return guarded("f.jsonl:1", from_json_line, "f.jsonl", "f.jsonl:1", line, ())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=JSON_STRING, title=JSON_STRING, byline=JSON_STRING, outlet=JSON_STRING)
def test_surrogate_and_nul_escapes_in_any_field_never_reach_the_hash_or_the_database(
    text, title, byline, outlet
):
    line = f'{{"text": "{text} said", "title": "{title}", "byline": "{byline}", "outlet": "{outlet}"}}'
    received = read_line(line)
    if isinstance(received, Failure):
        assert received.reason  # e.g. no text left; one line, no exception
        return
    try:
        record, warnings = build_record(received)
    except EmptyArticle:
        return
    for value in (record.body, record.raw, record.title, record.byline, record.outlet, *warnings):
        stored_safely(value)
    assert len(record.content_hash) == 64


@settings(max_examples=300)
@given(URLS)
def test_a_url_is_either_a_web_address_that_parses_or_rejected_with_malformed_url(url):
    try:
        checked = checked_url(normalise_text(url))
    except MalformedURL as error:
        assert str(error)
        return
    if checked:
        parts = urlsplit(checked)
        assert parts.scheme.lower() in ("http", "https") and parts.hostname
        parts.port  # noqa: B018 (parses)
        assert len(checked) <= 2000


@settings(max_examples=100)
@given(URLS)
def test_a_story_with_any_url_is_assembled_or_rejected_alone(url):
    received = Received(path="/in/a.jsonl", source="/in/a.jsonl:1", raw="Text.", text="Text.", url=url)
    try:
        record, _ = build_record(received)
    except MalformedURL:
        return
    stored_safely(record.url)
    stored_safely(record.domain)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "http://a:99999/",
        "http://a:x/",
        "javascript:alert(1)",
        "http://exa mple.com/",
        "//no-scheme.example/",
        "https://",
        "http://" + "a" * 2000,
    ],
)
def test_malformed_urls_are_rejected(url):
    with pytest.raises(MalformedURL):
        checked_url(url)


def test_a_lone_surrogate_in_json_text_becomes_a_replacement_character():
    received = read_line(json.dumps({"text": "He said \ud800 \x00it."}, ensure_ascii=True))
    record, _ = build_record(received)
    assert record.body == "He said \ufffd it."
