"""manage.py export_quotes: the JSON Lines contract, and the seeds scored with it."""

import csv
import datetime
import hashlib
import importlib.util
import io
import json

import pytest
from django.core.management import CommandError, call_command

from quotes.models import Quote, Statement
from quotes.services.extraction import extract_pending
from quotes.services.variants import refresh_variants
from sources.models import Article, Outlet
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db

BODY = "Harbour deal signed\n\nAnna Berg said: “The gates open at noon. Boats may pass.”"
# DESIGN.md's contract, in its order, then what researchers need beside it.
CONTRACT_KEYS = ["id", "text", "kind", "speaker", "cluster", "start", "end", "quotation", "article", "source"]
KEYS = [
    *CONTRACT_KEYS,
    "canonical",
    "published",
    "drift",
    "lexical_similarity",
    "embedding_similarity",
    "speaker_method",
    "speaker_confidence",
    "speaker_mention",
    "meaning_flags",
]


@pytest.fixture
def article():
    outlet = Outlet.objects.create(name="The Ledger")
    article = Article.objects.create(
        outlet=outlet,
        title="Harbour deal signed",
        url="https://ledger.example/deal",
        body=BODY,
        source="/data/ledger/deal.txt",
        content_hash=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    extract_pending()
    return article


def export(*args):
    out = io.StringIO()
    call_command("export_quotes", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_writes_one_json_line_per_quote_in_the_design_format(article):
    statement = Statement.objects.create(canonical_text="The gates open at noon.")
    Quote.objects.filter(text="The gates open at noon.").update(statement=statement)
    rows = [json.loads(line) for line in export().splitlines()]
    assert [list(row) for row in rows] == [KEYS, KEYS]
    first = rows[0]
    assert (first["text"], first["kind"], first["speaker"], first["cluster"]) == (
        "The gates open at noon.",
        "full",
        "Anna Berg",
        statement.pk,
    )
    assert (first["start"], first["end"], first["quotation"]) == (
        BODY.index("The gates"),
        BODY.index(" Boats"),
        0,
    )
    assert first["article"] == {
        "id": article.pk,
        "title": "Harbour deal signed",
        "outlet": "The Ledger",
        "url": "https://ledger.example/deal",
        "source": "/data/ledger/deal.txt",
    }
    assert first["source"] == "/data/ledger/deal.txt"
    assert rows[1]["cluster"] is None


def test_it_leaves_out_quotes_an_editor_marked_as_not_a_quote(article):
    Quote.objects.filter(text="Boats may pass.").update(hidden_by_editor=True)
    assert [json.loads(line)["text"] for line in export().splitlines()] == ["The gates open at noon."]


def test_it_writes_to_a_file_and_reports_the_count(article, tmp_path):
    target = tmp_path / "quotes.jsonl"
    assert export("--output", str(target)).strip() == f"export_quotes: 2 quote(s) written to {target}"
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_it_refuses_a_file_it_cannot_write(article, tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        export("--output", str(tmp_path / "missing" / "quotes.jsonl"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seeds_score_above_the_thresholds(seeds_dir, tmp_path):
    gold_path = SHARED / "eval" / "seeds_gold.jsonl"
    if not gold_path.exists():
        pytest.skip("../shared/eval/seeds_gold.jsonl is not beside the project")
    call_command(
        "ingest",
        str(seeds_dir),
        "--manifest",
        str(seeds_dir / "manifest.csv"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    target = tmp_path / "export.jsonl"
    export("--output", str(target))
    scorer = load_scorer()
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    # The seed gold annotates no reported speech: its rows (kind indirect) are scored
    # on the development set (tests/quotes/test_dev_set_score.py), not here.
    rows = [row for row in rows if row["kind"] != "indirect"]
    aliases = json.loads((SHARED / "eval" / "seeds_speakers.json").read_text(encoding="utf-8"))
    result = scorer.score(gold, rows, aliases)
    assert result["recall_full"] >= 0.98, result["missed"]
    assert result["recall_fragment"] >= 0.90, result["missed"]
    assert result["precision"] >= 0.97, result["false_rows"]
    assert result["speaker_accuracy"] >= 0.97, result["wrong_speakers"]


def test_it_carries_each_quotes_stored_meaning_flags_against_its_canonical_wording(article):
    statement = Statement.objects.create(canonical_text="Boats may not pass.")
    Quote.objects.update(statement=statement)
    refresh_variants([statement.pk])
    rows = {row["text"]: row for row in map(json.loads, export().splitlines())}
    assert rows["Boats may pass."]["meaning_flags"] == [
        {"kind": "negation_dropped", "canonical": "not", "variant": ""}
    ]


@pytest.fixture
def clustered(article):
    """The first quote in a Statement, measured against it as clustering would."""
    article.published = datetime.date(2024, 5, 2)
    article.save()
    statement = Statement.objects.create(canonical_text="The gates open at noon today.")
    Quote.objects.filter(text="The gates open at noon.").update(
        statement=statement,
        drift="trimmed",
        lexical_similarity=0.875,
        embedding_similarity=0.97,
        speaker_confidence=0.9,
    )
    return statement


def test_it_carries_what_a_researcher_needs_beside_the_contract(clustered):
    first = json.loads(export().splitlines()[0])
    assert {key: first[key] for key in KEYS[len(CONTRACT_KEYS) :] if key != "meaning_flags"} == {
        "canonical": "The gates open at noon today.",
        "published": "2024-05-02",
        "drift": "trimmed",
        "lexical_similarity": 0.875,
        "embedding_similarity": 0.97,
        "speaker_method": "explicit",
        "speaker_confidence": 0.9,
        "speaker_mention": "Anna Berg",
    }


def test_it_writes_the_same_records_as_csv_with_a_header(clustered):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert [row["text"] for row in rows] == ["The gates open at noon.", "Boats may pass."]
    first = rows[0]
    assert (first["statement"], first["canonical"], first["outlet"], first["published"]) == (
        str(clustered.pk),
        "The gates open at noon today.",
        "The Ledger",
        "2024-05-02",
    )
    assert (first["article_title"], first["article_url"], first["drift"], first["lexical_similarity"]) == (
        "Harbour deal signed",
        "https://ledger.example/deal",
        "trimmed",
        "0.875",
    )
    assert (first["speaker"], first["speaker_method"], first["speaker_confidence"]) == (
        "Anna Berg",
        "explicit",
        "0.9",
    )
    assert rows[1]["statement"] == "" and rows[1]["embedding_similarity"] == ""


def test_the_csv_file_counts_quotes_not_its_header(article, tmp_path):
    target = tmp_path / "quotes.csv"
    assert export("--output", str(target), "--format", "csv").strip().startswith("export_quotes: 2 quote(s)")
    assert len(list(csv.reader(target.open(encoding="utf-8", newline="")))) == 3


def test_a_quotation_that_reads_as_a_spreadsheet_formula_is_written_as_text(article):
    Quote.objects.filter(text="Boats may pass.").update(text='=HYPERLINK("http://evil.example","see")')
    Outlet.objects.update(name='@Ledger, "the" paper\nof record')
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert rows[1]["text"] == '\'=HYPERLINK("http://evil.example","see")'
    assert rows[0]["outlet"] == '\'@Ledger, "the" paper\nof record'


def test_an_unknown_format_is_refused(article):
    with pytest.raises(CommandError, match="invalid choice"):
        export("--format", "xlsx")


def test_it_reads_the_stored_flags_without_parsing_again(article, monkeypatch):
    statement = Statement.objects.create(canonical_text="Boats may pass.")
    stored = [{"kind": "number_changed", "canonical": "noon", "variant": "one"}]
    Quote.objects.update(statement=statement, meaning_flags=stored, meaning_changed=True)
    monkeypatch.setattr("quotes.text.meaning.parsed", None)  # any parse would fail
    rows = list(map(json.loads, export().splitlines()))
    assert [row["meaning_flags"] for row in rows] == [stored, stored]


def test_a_quote_in_no_statement_carries_no_flags_whatever_it_kept(article):
    Quote.objects.update(meaning_flags=[{"kind": "negation_added", "canonical": "", "variant": "not"}])
    assert [json.loads(line)["meaning_flags"] for line in export().splitlines()] == [[], []]
