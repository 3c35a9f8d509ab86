"""quotes.services.speakers: a run reads the stored names once and asks the database
only about names that may match, with the same Speakers and aliases as asking it every time."""

import io

import pytest
from django.core.management import call_command

from quotes.models import Quote, Speaker, SpeakerAlias
from quotes.services import speakers
from quotes.services.extraction import extract_article
from quotes.services.speakers import SpeakerResolver
from quotes.text.attribution import Attribution
from tests.conftest import SAMPLES
from tests.quotes.services.test_extraction import make_article

pytestmark = pytest.mark.django_db


def said(name, kind="person", role="", forms=()):
    return Attribution(0, name, kind, name, "explicit", 0.95, role, tuple(forms) or (name,))


class AskingEveryTime(speakers.SpeakerIndex):
    """An index that lets every lookup through to the database (how runs looked up before)."""

    def may_name(self, name):
        return True

    def may_end(self, name):
        return True


def test_a_speaker_made_earlier_in_the_run_is_found_by_its_surname_and_aliases():
    resolver = SpeakerResolver()
    resolver.speaker_for(said("Pell Harbour Board", kind="organisation"))  # the index is read here
    anna = resolver.speaker_for(said("Anna Berg", role="Harbour commissioner"))
    assert resolver.speaker_for(said("Berg")) == anna
    assert resolver.speaker_for(said("harbour commissioner", kind="organisation")) == anna
    assert Speaker.objects.count() == 2


def test_a_name_the_run_lengthened_is_found_by_its_old_form():
    resolver = SpeakerResolver()
    short = resolver.speaker_for(said("Berg"))
    resolver.speaker_for(said("Anna Berg"))
    assert resolver.speaker_for(said("BERG", kind="organisation")) == short
    assert Speaker.objects.get().name == "Anna Berg"


def test_a_new_name_costs_only_its_writes(django_assert_num_queries):
    Speaker.objects.create(name="Olav Lind")
    resolver = SpeakerResolver()
    resolver.speaker_for(said("Olav Lind"))
    # savepoint, slug, insert, history, release; the aliases ("Berg"); nothing looked up
    with django_assert_num_queries(6):
        resolver.speaker_for(said("Anna Berg"))


def test_an_article_quoting_people_the_run_met_costs_only_its_own_rows(django_assert_max_num_queries):
    harbour = (
        "Harbour deal signed\n\n"
        "Harbour commissioner Anna Berg said: “The gates open at noon. Boats may pass.”\n\n"
        "“We asked for this for years,” said Olav Lind, who fishes from the quay."
    )
    resolver = SpeakerResolver()
    extract_article(make_article(harbour), resolver)
    later = make_article(
        harbour.replace("noon", "dawn").replace("years", "decades"), url="https://ledger.example/later"
    )
    # a savepoint, the article's quotes locked, inserted, the article marked, released
    with django_assert_max_num_queries(5):
        extract_article(later, resolver)
    assert set(later.quotes.values_list("speaker__name", flat=True)) == {"Anna Berg", "Olav Lind"}


def rows():
    quotes = Quote.objects.values_list("article__source", "start", "end", "kind", "speaker__name")
    aliases = SpeakerAlias.objects.values_list("speaker__name", "alias")
    people = Speaker.objects.values_list("name", "kind", "description")
    return sorted(quotes), sorted(aliases), sorted(people)


def ingest_samples():
    manifest = str(SAMPLES / "manifest.csv")
    call_command("ingest", str(SAMPLES), "--manifest", manifest, stdout=io.StringIO(), stderr=io.StringIO())


def test_the_samples_give_the_same_rows_as_asking_the_database_every_time(monkeypatch):
    ingest_samples()
    with_index = rows()
    Quote.objects.all().delete()
    Speaker.objects.all().delete()
    call_command("extract", "--all", stdout=io.StringIO())
    assert rows() == with_index
    Quote.objects.all().delete()
    Speaker.objects.all().delete()
    monkeypatch.setattr(speakers, "SpeakerIndex", AskingEveryTime)
    call_command("extract", "--all", stdout=io.StringIO())
    assert rows() == with_index
