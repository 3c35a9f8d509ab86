"""The review queue's order, filters, suggestions and corrections report, on a newsroom
written for the tests (tests/admin/conftest.py)."""

import io
from datetime import date

import pytest

from quotes.models import Quote, Review, Speaker
from quotes.services import editing, review
from sources.models import Article, Outlet
from tests.admin.conftest import add_quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(db):
    """One article per reason worth ordering, and one with none."""
    outlet = Outlet.objects.create(name="Harbour Gazette")
    mayor = Speaker.objects.create(name="Ada Brightwater")
    board = Speaker.objects.create(name="Harbour Board", kind=Speaker.Kind.ORGANISATION)

    def article(name, body):
        return Article.objects.create(
            outlet=outlet,
            title=name,
            published=date(2024, 3, 1),
            body=body,
            source=f"{name}.txt",
            content_hash=name.ljust(64, "0"),
        )

    clean = article("clean", 'Ada Brightwater spoke.\n"The bridge will open," said Ada Brightwater.')
    rows = {
        "clean": add_quote(
            clean, "The bridge will open,", speaker=mayor, speaker_method="explicit", speaker_confidence=0.95
        ),
        "no-speaker": add_quote(
            article("none", 'Talks went on.\n"We need more time," it was said.'), "We need more time,"
        ),
        "organisation": add_quote(
            article("board", '"Fees will rise," the Harbour Board said.'),
            "Fees will rise,",
            speaker=board,
            speaker_method="explicit",
            speaker_confidence=0.95,
        ),
        "low-confidence": add_quote(
            article("guess", 'Ada Brightwater arrived late.\n"It is ready," she said.'),
            "It is ready,",
            speaker=mayor,
            speaker_method="pronoun",
            speaker_confidence=0.5,
        ),
    }
    review.score_articles()
    return {name: Quote.objects.get(pk=quote.pk) for name, quote in rows.items()}


def test_it_puts_every_quote_with_a_reason_above_the_clean_one(desk):
    order = list(review.queue())

    assert order[-1] == desk["clean"]
    assert order[0] == desk["no-speaker"]
    assert desk["clean"].doubt_reasons == ""
    assert "organisation" in desk["organisation"].reason_codes


def test_it_reads_which_step_found_the_speaker_and_what_the_other_steps_said(desk):
    clean = desk["clean"]
    Quote.objects.filter(pk=clean.pk).update(speaker_step="words", speaker_doubts="cues-disagree")
    review.score_articles([clean.article_id])
    disputed = Quote.objects.get(pk=clean.pk)

    assert disputed.reason_codes == ["no-adjacent-cue", "word-pattern", "cues-disagree"]
    assert disputed.doubt > clean.doubt
    assert list(review.queue(reason="cues-disagree")) == [disputed]


def test_it_reads_the_source_found_and_the_sentence_around_each_quote(desk):
    assert "no-source" in desk["no-speaker"].reason_codes
    article = Article.objects.get(title="none")
    article.body = 'Talks went on.\n"We need more time," a spokesman said, according to the Harbour Gazette.'
    article.save()
    Quote.objects.filter(pk=desk["no-speaker"].pk).update(speaker_mention="a spokesman")
    review.score_articles([article.pk])
    codes = Quote.objects.get(pk=desk["no-speaker"].pk).reason_codes

    assert "no-speaker" in codes and "second-hand" in codes and "no-source" not in codes


def test_it_counts_the_sentences_of_a_quotation_with_no_speaker(desk):
    article = Article.objects.get(title="none")
    article.body += ' "It will take a year. Nobody can promise more."'
    article.save()
    first = add_quote(article, "It will take a year.", quotation=1)
    second = add_quote(article, "Nobody can promise more.", quotation=1, sentence=1)

    review.score_articles([article.pk])

    assert all("speakerless-run" in Quote.objects.get(pk=q.pk).reason_codes for q in (first, second))
    assert "speakerless-run" not in Quote.objects.get(pk=desk["no-speaker"].pk).reason_codes


def test_it_reads_whom_the_article_gives_the_same_words_elsewhere(desk):
    article = Article.objects.get(title="clean")
    article.body += '\nOlu Stone was sure: "The bridge will open, and soon."'
    article.save()
    engineer = Speaker.objects.create(name="Olu Stone")
    echo = add_quote(article, "The bridge will open, and soon.", quotation=1, speaker=engineer)

    review.score_articles([article.pk])

    assert "repeated-by-another" in Quote.objects.get(pk=desk["clean"].pk).reason_codes
    assert "repeated-by-another" not in Quote.objects.get(pk=echo.pk).reason_codes


def test_it_filters_the_queue_by_reason_outlet_and_date(desk):
    assert list(review.queue("organisation")) == [desk["organisation"]]
    assert list(review.queue(outlet=Outlet.objects.create(name="Elsewhere"))) == []
    assert list(review.queue(since=date(2024, 3, 2))) == []
    assert review.queue(until=date(2024, 3, 1)).count() == 4


def test_the_next_quote_follows_the_queue_order_even_after_a_fix(desk):
    first, second = list(review.queue())[:2]

    editing.accept(first)

    assert review.next_in_queue(review.queue(), first) == second
    assert first not in review.queue()


def test_it_scores_only_what_changed_the_second_time(desk):
    assert review.score_articles() == 0


def test_it_suggests_the_people_the_article_names(desk):
    quote = desk["no-speaker"]
    Article.objects.filter(pk=quote.article_id).update(body=quote.article.body + "\nAda Brightwater left.")
    quote.refresh_from_db()

    assert Speaker.objects.get(name="Ada Brightwater") in review.suggested_speakers(quote)


def test_it_finds_a_speaker_with_a_typo(desk):
    assert [s.name for s in review.find_speakers("Brightwter")][:1] == ["Ada Brightwater"]
    assert review.find_speakers("zz") == []


def test_the_corrections_report_counts_decisions_by_reason_and_method(desk):
    editing.accept(desk["organisation"])
    editing.reassign(desk["low-confidence"], Speaker.objects.get(name="Harbour Board"))
    stream = io.StringIO()

    review.write_corrections_csv(stream)

    rows = {(row.group, row.value): row for row in review.corrections()}
    assert (rows["reason", "organisation"].accepted, rows["reason", "low-confidence"].reassigned) == (1, 1)
    assert rows["method", "pronoun"].corrected_share == 1.0
    assert stream.getvalue().splitlines()[0].startswith("group,value,label,decided")
    assert Review.objects.count() == 2
