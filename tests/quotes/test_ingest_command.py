"""manage.py ingest: the samples, deduplication, updates, bad input, and the seeds."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quotes.models import Quote
from quotes.services import extraction
from sources.models import Article, Outlet
from sources.services import ingestion
from sources.text import formats
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db


def ingest(*args):
    """Run the command; (stdout, stderr, the CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def story(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_it_stores_the_bundled_samples_in_every_format():
    out, err, error = ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    assert error is None and err == ""
    assert out.strip() == "ingest: 4 new, 0 updated, 0 unchanged, 0 failed"
    articles = {article.outlet.name: article for article in Article.objects.select_related("outlet")}
    assert set(articles) == {
        "The Harbour Ledger",
        "Northgate Daily",
        "Continental Wire",
        "Radio Estmark International",
    }
    ledger = articles["The Harbour Ledger"]
    assert ledger.title == "Serin dam deal brings ‘fragile calm’ to two-year river dispute"
    assert ledger.body.startswith(ledger.title + "\n\n")
    assert ledger.byline == "Mara Quell" and ledger.published.isoformat() == "2025-03-11"
    assert ledger.url == "https://harbourledger.example/news/2025/03/11/serin-dam-deal-fragile-calm"
    assert ledger.raw == (SAMPLES / "harbour_ledger_serin_accord.txt").read_text(encoding="utf-8")
    assert articles["Continental Wire"].title == 'Serin river deal a "fragile calm", commission warns'
    assert articles["Radio Estmark International"].source.endswith("radio_estmark_serin.jsonl:1")
    for article in articles.values():
        for leftover in (
            "READ MORE",
            "Share this",
            "Sign up",
            "More stories",
            "Related",
            "Google News",
            "In this photo",
            "Copyright",
            "Commissioner Ilse Marrow arrives",
        ):
            assert leftover not in article.body, f"{article.outlet}: {leftover!r} left in the body"
        assert "\n\n\n" not in article.body


def test_a_second_run_stores_nothing_new():
    ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    before = list(Article.objects.values_list("pk", "content_hash", "body"))
    out, _, error = ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    assert error is None
    assert out.strip() == "ingest: 0 new, 0 updated, 4 unchanged, 0 failed"
    assert list(Article.objects.values_list("pk", "content_hash", "body")) == before


def test_it_runs_extraction_for_new_and_changed_articles_only(monkeypatch):
    extracted = []
    real_extract = extraction.extract_article
    monkeypatch.setattr(
        extraction,
        "extract_article",
        lambda article, *args, **options: (
            extracted.append(article.pk) or real_extract(article, *args, **options)
        ),
    )
    ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    assert extracted == sorted(Article.objects.values_list("pk", flat=True))


def test_it_extracts_articles_an_earlier_run_stored_but_left_pending(tmp_path):
    ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    Article.objects.filter(outlet__name="Northgate Daily").update(extracted_hash="")
    Quote.objects.filter(article__outlet__name="Northgate Daily").delete()
    out, err, error = ingest(SAMPLES, "--manifest", SAMPLES / "manifest.csv")
    assert error is None, err
    assert out.splitlines() == [
        "ingest: 0 new, 0 updated, 4 unchanged, 0 failed",
        "extract: also 1 article(s) an earlier run left pending",
    ]
    assert Quote.objects.filter(article__outlet__name="Northgate Daily").exists()
    assert not extraction.pending_articles().exists()


def test_the_same_story_in_two_files_is_one_article(tmp_path):
    text = "Dam deal reached\n\n“It will hold,” she said.\n"
    story(tmp_path / "one.txt", text)
    story(tmp_path / "copy.txt", text.replace("\n\n", "\n\n\n"))
    out, _, _ = ingest(tmp_path)
    assert out.strip() == "ingest: 1 new, 0 updated, 1 unchanged, 0 failed"
    assert Article.objects.count() == 1


def test_the_same_url_with_new_text_updates_the_article_in_place(tmp_path):
    manifest = story(
        tmp_path / "manifest.csv", "file,outlet,url\nlive.txt,The Paper,https://paper.example/live\n"
    )
    path = story(tmp_path / "live.txt", "Talks go on\n\nThe talks went on all night.\n")
    ingest(path, "--manifest", manifest)
    first = Article.objects.get()
    story(path, "Deal reached\n\nThe talks ended with a deal.\n")
    out, _, _ = ingest(path, "--manifest", manifest)
    assert out.strip() == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed"
    article = Article.objects.get()
    assert article.pk == first.pk and article.title == "Deal reached"
    assert article.body == "Deal reached\n\nThe talks ended with a deal."
    assert article.content_hash != first.content_hash


def test_a_corrected_manifest_updates_the_metadata_of_the_same_file(tmp_path):
    path = story(tmp_path / "story.txt", "Headline\n\nThe story.\n")
    ingest(path)
    assert Article.objects.get().outlet.name == "Unknown"
    manifest = story(tmp_path / "manifest.csv", "file,outlet,published\nstory.txt,The Paper,2025-03-11\n")
    out, _, _ = ingest(path, "--manifest", manifest)
    assert out.strip() == "ingest: 0 new, 1 updated, 0 unchanged, 0 failed"
    article = Article.objects.select_related("outlet").get()
    assert (article.outlet.name, article.published.isoformat()) == ("The Paper", "2025-03-11")


def test_the_outlet_option_names_the_outlet_of_files_the_manifest_does_not(tmp_path):
    path = story(tmp_path / "story.txt", "Headline\n\nBy Signed Outlet with AP\n\nThe story.\n")
    ingest(path, "--outlet", "Option Outlet")
    assert Article.objects.get().outlet.name == "Option Outlet"


def test_outlet_names_that_differ_only_in_case_share_one_outlet(tmp_path):
    ingest(story(tmp_path / "a.txt", "One\n\nFirst story."), "--outlet", "The Paper")
    ingest(story(tmp_path / "b.txt", "Two\n\nSecond story."), "--outlet", "the paper")
    assert list(Outlet.objects.values_list("name", flat=True)) == ["The Paper"]


def test_each_bad_input_gets_one_line_and_the_batch_goes_on(tmp_path):
    story(tmp_path / "good.txt", "Headline\n\nThe story.\n")
    story(tmp_path / "empty.txt", "")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "latin1.txt").write_bytes("Café\n\nThe café opened.".encode("latin-1"))
    story(tmp_path / "big.txt", "Headline\n\n" + "word " * 400)
    story(tmp_path / "feed.jsonl", json.dumps({"text": "Fed\n\nA story from a feed."}) + "\n{not json\n")
    story(tmp_path / "only_boilerplate.txt", "Share this article\nREAD MORE: Elsewhere\n")
    out, err, error = ingest(tmp_path, tmp_path / "missing.txt", "--max-bytes", "1000")
    lines = err.strip().splitlines()
    big_size = (tmp_path / "big.txt").stat().st_size
    assert out.strip() == "ingest: 3 new, 0 updated, 0 unchanged, 6 failed"
    assert str(error) == "6 input(s) failed; see the lines above."
    assert sorted(lines) == sorted(
        [
            f"{tmp_path / 'big.txt'}: failed: file is {big_size} bytes, over the 1000-byte limit",
            f"{tmp_path / 'binary.txt'}: failed: looks like a binary file, not text",
            f"{tmp_path / 'empty.txt'}: failed: the file is empty",
            f"{tmp_path / 'feed.jsonl'}:2: failed: malformed JSON line"
            " (Expecting property name enclosed in double quotes at column 2)",
            f"{tmp_path / 'latin1.txt'}: warning: invalid UTF-8 at byte 3; decoded with replacement characters",
            f"{tmp_path / 'only_boilerplate.txt'}: failed: no article text is left after removing boilerplate",
            f"{tmp_path / 'missing.txt'}: failed: no such file or folder",
        ]
    )
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Caf\ufffd", "Fed", "Headline"]


def test_hostile_json_lines_each_fail_or_are_cleaned_alone_and_later_files_are_stored(tmp_path, monkeypatch):
    lines = [
        r'{"text": "A lone \ud800 surrogate, she said.", "title": "Surrogate \udfff title"}',
        r'{"text": "NUL \u0000 inside the text.", "byline": "By \u0000 Nul", "url": "https://n.example/\u0000"}',
        '{"text": "Bad URL.", "url": "http://[::1"}',
        '{"text": "Script URL.", "url": "javascript:alert(1)"}',
        '{"html": "<html><body><p>Breaks the HTML reader.</p></body></html>"}',
        '{"text": "The good line, after them all."}',
    ]
    (tmp_path / "a_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    story(tmp_path / "b_later.txt", "Later file\n\nIt is stored too.\n")

    def from_html(*args, **kwargs):
        raise RuntimeError("the HTML reader broke")

    monkeypatch.setattr(formats, "from_html", from_html)
    out, err, error = ingest(tmp_path)
    feed = tmp_path / "a_feed.jsonl"
    assert out.strip() == "ingest: 4 new, 0 updated, 0 unchanged, 3 failed"
    assert str(error) == "3 input(s) failed; see the lines above."
    assert err.splitlines() == [
        f"{feed}:3: failed: URL 'http://[::1' is malformed (Invalid IPv6 URL)",
        f"{feed}:4: failed: URL 'javascript:alert(1)' is not an http(s) address with a host",
        f"{feed}:5: failed: could not be read (RuntimeError: the HTML reader broke)",
    ]
    titles = sorted(Article.objects.values_list("title", flat=True))
    assert titles == [
        "Later file",
        "NUL inside the text.",
        "Surrogate \ufffd title",
        "The good line, after them all.",
    ]
    assert Article.objects.get(url="https://n.example/").byline == "By Nul"
    for article in Article.objects.all():
        for value in (article.body, article.raw, article.title, article.byline):
            value.encode("utf-8")
            assert "\x00" not in value


def test_a_failed_file_changes_nothing_stored_before(tmp_path):
    path = story(tmp_path / "story.txt", "Headline\n\nThe story.\n")
    ingest(path)
    before = Article.objects.values().get()
    path.write_bytes(b"\x00" * 100)
    out, err, error = ingest(path)
    assert error is not None and "binary" in err
    assert out.strip() == "ingest: 0 new, 0 updated, 0 unchanged, 1 failed"
    assert Article.objects.values().get() == before


def test_a_bad_manifest_stops_before_anything_is_read(tmp_path):
    story(tmp_path / "story.txt", "Headline\n\nThe story.\n")
    _, _, error = ingest(tmp_path, "--manifest", tmp_path / "nowhere.csv")
    assert "the manifest cannot be read" in str(error)
    assert not Article.objects.exists()


def test_a_story_another_run_stored_meanwhile_counts_as_unchanged(tmp_path, monkeypatch):
    path = story(tmp_path / "story.txt", "Headline\n\nThe story.\n")
    ingest(path)
    monkeypatch.setattr(ingestion, "stored_version", lambda record: (None, False))
    out, _, error = ingest(path)
    assert error is None
    assert out.strip() == "ingest: 0 new, 0 updated, 1 unchanged, 0 failed"
    assert Article.objects.count() == 1


def test_it_stores_the_seeds_with_their_outlets_and_titles_once(seeds_dir):
    out, err, error = ingest(seeds_dir, "--manifest", seeds_dir / "manifest.csv")
    assert error is None and err == ""
    assert out.strip() == "ingest: 5 new, 0 updated, 0 unchanged, 0 failed"
    articles = {Path(article.source).name: article for article in Article.objects.select_related("outlet")}
    assert {name: article.outlet.name for name, article in articles.items()} == {
        "000_89953f9e03293ee1.txt": "The National",
        "001_99fd4522f5dd8861.txt": "NationalWorld",
        "002_2dbcaf611ce57b93.txt": "Skai.gr",
        "003_df18cb733380b1bd.txt": "Sky News",
        "004_f6ca11d0d6f69656.txt": "Euronews",
    }
    for article in articles.values():
        first_paragraph = article.body.split("\n\n", 1)[0]
        assert 10 <= len(article.title) <= 120
        assert first_paragraph.startswith(article.title.rstrip("…"))
        assert "READ MORE" not in article.body and "Articles You May Like" not in article.body
    out, _, _ = ingest(seeds_dir, "--manifest", seeds_dir / "manifest.csv")
    assert out.strip() == "ingest: 0 new, 0 updated, 5 unchanged, 0 failed"


def test_without_a_manifest_a_signature_line_names_the_outlet(seeds_dir, tmp_path):
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, tmp_path)
    ingest(tmp_path)
    outlets = sorted(Article.objects.values_list("outlet__name", flat=True))
    assert outlets == ["Euronews", "Unknown", "Unknown", "Unknown", "Unknown"]
