"""load_synthetic: the benchmark's corpus as rows that agree with each other."""

import random
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services.synthetic import AlreadyLoaded, load_synthetic, statement_speakers
from sources.models import Article, Outlet

SIZE = 600


@pytest.fixture
def loaded(db):
    return load_synthetic(SIZE, seed=3)


def test_it_loads_the_corpus_with_its_statements_speakers_and_outlets(loaded):
    assert Quote.objects.count() == loaded.quotes == SIZE
    assert Statement.objects.count() == loaded.statements
    assert SIZE / 4 < loaded.statements < SIZE / 2
    assert Outlet.objects.count() == loaded.outlets == 60
    assert Article.objects.count() == loaded.articles
    assert Speaker.objects.count() == loaded.speakers
    assert SpeakerAlias.objects.count() == 2 * loaded.speakers


def test_its_quote_offsets_point_at_the_quote_in_its_article(loaded):
    for quote in Quote.objects.select_related("article")[:200]:
        assert quote.article.body[quote.start : quote.end] == quote.text


def test_its_statement_figures_count_their_visible_quotes(loaded):
    counted = Statement.objects.annotate(
        visible=Count("quotes", filter=Q(quotes__hidden_by_editor=False)),
        outlets=Count("quotes__article__outlet", distinct=True, filter=Q(quotes__hidden_by_editor=False)),
    )
    for statement in counted:
        assert statement.quote_count == statement.visible
        assert statement.outlet_count == statement.outlets
    assert not Quote.objects.filter(hidden_by_editor=True, statement__isnull=False).exists()


def test_its_canonical_quote_belongs_to_its_statement(loaded):
    for statement in Statement.objects.visible().select_related("canonical_quote"):
        assert statement.canonical_quote.statement_id == statement.pk
        assert statement.canonical_text == statement.canonical_quote.text


def test_one_speaker_says_one_statement_in_a_hundred_and_the_most_of_anyone():
    chosen = Counter(statement_speakers(100_000, 2_000, random.Random(1)))
    assert 900 < chosen[1] < 1_100
    assert chosen.most_common(1)[0][0] == 1


def test_it_gives_the_same_rows_for_the_same_seed(db):
    first = load_synthetic(200, seed=5)
    texts = list(Quote.objects.order_by("id").values_list("text", "statement_id", "speaker_id"))
    Quote.objects.all().delete()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    SpeakerAlias.objects.all().delete()
    Speaker.objects.all().delete()
    Outlet.objects.all().delete()
    assert load_synthetic(200, seed=5) == first
    assert list(Quote.objects.order_by("id").values_list("text", "statement_id", "speaker_id")) == texts


def test_it_refuses_to_load_into_a_database_that_holds_quotes(loaded):
    with pytest.raises(AlreadyLoaded, match="already holds"):
        load_synthetic(100)
    with pytest.raises(CommandError, match="fills an empty database"):
        call_command("load_synthetic", "--quotes", "100")
    assert Quote.objects.count() == SIZE


def test_new_rows_after_a_load_take_fresh_ids(loaded):
    outlet = Outlet.objects.create(name="A Later Outlet")
    speaker = Speaker.objects.create(name="A Later Speaker")
    statement = Statement.objects.create(canonical_text="Later.", quote_count=1)
    assert outlet.pk > 60
    assert speaker.pk > loaded.speakers
    assert statement.pk > loaded.statements
