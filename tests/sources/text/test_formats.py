"""Reading article files: each format, and a clear line for each kind of bad input."""

import json
from pathlib import Path

from sources.text.formats import Failure, Received, find_files, read_file

LIMIT = 1024 * 1024
PAGE = """<html><head><title>Dam deal | The Paper</title>
<meta property="og:site_name" content="The Paper">
<meta property="og:title" content="Dam deal reached">
<link rel="canonical" href="https://paper.example/dam-deal">
<meta property="article:published_time" content="2025-03-11T10:00:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Dam deal reached</h1>
<p>The commissioner said on Tuesday that the water would flow again in April, after talks that lasted all night.</p>
<p>"We have reached an agreement," she told reporters outside the building, "and it will hold."</p>
</article><footer>About us. Contact. Careers.</footer></body></html>"""


def read_one(path):
    (record,) = list(read_file(path, LIMIT))
    return record


def test_it_reads_a_text_file_as_it_is(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\n“Quoted,” she said.\n", encoding="utf-8")
    record = read_one(path)
    assert isinstance(record, Received)
    assert record.text == record.raw == "Headline\n\n“Quoted,” she said.\n"
    assert record.source == str(path.resolve()) and record.file_name == "story.txt"
    assert record.warnings == ()


def test_it_reads_the_main_text_and_metadata_of_an_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    record = read_one(path)
    assert record.title == "Dam deal reached"
    assert record.outlet == "The Paper"
    assert record.url == "https://paper.example/dam-deal"
    assert record.published == "2025-03-11"
    assert '"We have reached an agreement," she told reporters' in record.text
    assert "Careers" not in record.text and "World" not in record.text
    assert record.raw == PAGE


def test_it_reads_one_story_per_json_line_with_text_or_html(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {
            "title": "First",
            "text": "First\n\nThe story.",
            "url": "https://a.example/1",
            "outlet": "A",
            "published": "2025-03-11",
        },
        {"html": PAGE, "outlet": "Given Outlet"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = list(read_file(path, LIMIT))
    assert (first.title, first.url, first.outlet) == ("First", "https://a.example/1", "A")
    assert first.published == "2025-03-11"
    assert first.source.endswith("feed.jsonl:1") and first.file_name == "feed.jsonl"
    assert second.outlet == "Given Outlet" and second.title == "Dam deal reached"
    assert second.source.endswith("feed.jsonl:2")


def test_it_fails_a_malformed_json_line_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "Good story."}\n{"text": broken\n[1, 2]\n{"title": "no text"}\n', encoding="utf-8"
    )
    records = list(read_file(path, LIMIT))
    assert isinstance(records[0], Received)
    assert [type(record) for record in records[1:]] == [Failure, Failure, Failure]
    assert "feed.jsonl:2: malformed JSON line" in str(records[1])
    assert "must be an object" in records[2].reason
    assert 'no "text" or "html"' in records[3].reason


def test_it_fails_an_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    assert read_one(path).reason == "the file is empty"


def test_it_fails_a_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read_one(path).reason == "looks like a binary file, not text"


def test_it_decodes_invalid_utf8_with_replacement_and_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Headline\n\nThe café opened.".encode("latin-1"))
    record = read_one(path)
    assert record.text == "Headline\n\nThe caf\ufffd opened."
    assert record.warnings == ("invalid UTF-8 at byte 17; decoded with replacement characters",)


def test_it_fails_a_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    (failure,) = list(read_file(path, max_bytes=100))
    assert failure.reason == "file is 500 bytes, over the 100-byte limit"


def test_it_fails_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Headline", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert read_one(path).reason == "cannot be read (Permission denied)"


def test_it_fails_an_unsupported_file_type_given_by_name(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("a,b", encoding="utf-8")
    assert "unsupported file type .csv" in read_one(path).reason


def test_it_finds_supported_files_in_folders_recursively_and_reports_missing_paths(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/one.txt", "a/b/two.html", "a/b/three.jsonl", "a/manifest.csv", ".hidden/four.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(find_files([tmp_path, tmp_path / "missing.txt"]))
    assert [path.name for path in found[:-1]] == ["three.jsonl", "two.html", "one.txt"]
    assert str(found[-1]) == f"{tmp_path / 'missing.txt'}: no such file or folder"
