"""quotes.services.speakers: one Speaker per person or body across articles, with aliases."""

import pytest

from quotes.models import Speaker, SpeakerAlias
from quotes.services.speakers import SpeakerResolver
from quotes.text.attribution import Attribution

pytestmark = pytest.mark.django_db


def said(name, kind="person", role="", forms=()):
    return Attribution(0, name, kind, name, "explicit", 0.95, role, tuple(forms) or (name,))


def aliases(speaker):
    return set(SpeakerAlias.objects.filter(speaker=speaker).values_list("alias", flat=True))


def test_it_creates_a_speaker_with_surname_alias_and_role_as_description():
    speaker = SpeakerResolver().speaker_for(said("Anna Berg", role="Harbour commissioner"))
    assert (speaker.name, speaker.kind, speaker.description) == (
        "Anna Berg",
        "person",
        "Harbour commissioner",
    )
    assert {"Berg", "Harbour commissioner"} <= aliases(speaker)


def test_the_same_name_in_two_articles_is_one_speaker():
    first = SpeakerResolver().speaker_for(said("Anna Berg"))
    second = SpeakerResolver().speaker_for(said("Anna Berg"))
    assert first == second and Speaker.objects.count() == 1


def test_a_surname_resolves_to_the_person_whose_name_ends_with_it():
    full = SpeakerResolver().speaker_for(said("Anna Berg"))
    assert SpeakerResolver().speaker_for(said("Berg", forms=("Ms Berg",))) == full
    assert "Ms Berg" in aliases(full)


def test_a_surname_two_people_share_names_neither():
    mike = SpeakerResolver().speaker_for(said("Mike Hale"))
    tom = SpeakerResolver().speaker_for(said("Tom Hale"))
    alone = SpeakerResolver().speaker_for(said("Hale"))
    assert alone not in (mike, tom) and alone.name == "Hale"
    anna = SpeakerResolver().speaker_for(said("Anna Hale"))
    alone.refresh_from_db()
    assert anna != alone and alone.name == "Hale"


def test_a_speaker_known_by_surname_takes_the_full_name_later():
    short = SpeakerResolver().speaker_for(said("Berg"))
    full = SpeakerResolver().speaker_for(said("Anna Berg"))
    short.refresh_from_db()
    assert full == short and short.name == "Anna Berg"
    assert "Berg" in aliases(short)


def test_it_keeps_a_name_an_editor_edited():
    short = SpeakerResolver().speaker_for(said("Berg"))
    Speaker.objects.filter(pk=short.pk).update(edited_by_editor=True, name="A. Berg")
    SpeakerResolver().speaker_for(said("Anna Berg"))
    short.refresh_from_db()
    assert short.name == "A. Berg"


def test_it_resolves_through_the_aliases_an_editor_merge_left():
    kept = Speaker.objects.create(name="Olav Lind")
    SpeakerAlias.objects.create(speaker=kept, alias="Olaf Lindt")
    assert SpeakerResolver().speaker_for(said("Olaf Lindt")) == kept


def test_groups_and_bodies_keep_their_kind():
    resolver = SpeakerResolver()
    assert resolver.speaker_for(said("Harbour Office", kind="organisation")).kind == "organisation"
    assert resolver.speaker_for(said("fishing ministers", kind="group")).kind == "group"


def test_nobody_named_gives_no_speaker():
    assert SpeakerResolver().speaker_for(Attribution(0, None, "person", "", "none", 0.0)) is None
    assert Speaker.objects.count() == 0


def test_it_does_not_add_back_an_alias_an_editor_deleted():
    speaker = SpeakerResolver().speaker_for(said("Anna Berg", forms=("Ms Berg",)))
    SpeakerAlias.objects.get(speaker=speaker, alias="Ms Berg").delete()
    SpeakerResolver().speaker_for(said("Anna Berg", forms=("Ms Berg",)))
    assert "Ms Berg" not in aliases(speaker)


def test_a_fuller_form_with_middle_initials_finds_the_person_known_by_the_shorter_one():
    short = SpeakerResolver().speaker_for(said("Anna Berg"))
    assert SpeakerResolver().speaker_for(said("Anna K. Berg")) == short
    short.refresh_from_db()
    assert short.name == "Anna Berg" and "Anna K. Berg" in aliases(short)


def test_a_person_known_by_a_fuller_form_takes_the_shorter_one_when_it_is_printed():
    full = SpeakerResolver().speaker_for(said("Anna K. Berg"))
    assert SpeakerResolver().speaker_for(said("Anna Berg")) == full
    full.refresh_from_db()
    assert full.name == "Anna Berg" and "Anna K. Berg" in aliases(full)
    assert Speaker.objects.count() == 1


def test_a_place_a_parse_left_before_a_name_is_no_part_of_it():
    speaker = SpeakerResolver().speaker_for(said("Texas Anna Berg"))
    assert speaker.name == "Anna Berg"
    assert SpeakerResolver().speaker_for(said("Anna Berg")) == speaker


def test_a_name_printed_in_capitals_does_not_rename_the_speaker():
    speaker = SpeakerResolver().speaker_for(said("Anna Berg"))
    assert SpeakerResolver().speaker_for(said("ANNA BERG")) == speaker
    speaker.refresh_from_db()
    assert speaker.name == "Anna Berg"


def test_names_whose_middle_initials_differ_are_two_people():
    son = SpeakerResolver().speaker_for(said("Olav K. Lind"))
    father = SpeakerResolver().speaker_for(said("Olav T. R. Lind"))

    assert son != father and Speaker.objects.count() == 2


def test_the_bare_form_joins_the_one_person_known_by_it():
    son = SpeakerResolver().speaker_for(said("Olav K. Lind"))

    assert SpeakerResolver().speaker_for(said("Olav Lind")) == son


def test_the_bare_form_joins_neither_of_two_people_with_clashing_initials():
    son = SpeakerResolver().speaker_for(said("Olav K. Lind"))
    father = SpeakerResolver().speaker_for(said("Olav T. R. Lind"))

    bare = SpeakerResolver().speaker_for(said("Olav Lind"))

    assert bare not in (son, father) and bare.name == "Olav Lind"
    assert SpeakerResolver().speaker_for(said("Olav Lind")) == bare


def test_a_person_renamed_to_the_bare_form_takes_back_the_initials_when_another_appears():
    son = SpeakerResolver().speaker_for(said("Olav K. Lind"))
    SpeakerResolver().speaker_for(said("Olav Lind"))  # son is "Olav Lind" now

    father = SpeakerResolver().speaker_for(said("Olav T. R. Lind"))

    son.refresh_from_db()
    assert father != son and (son.name, father.name) == ("Olav K. Lind", "Olav T. R. Lind")
    assert SpeakerResolver().speaker_for(said("Olav K. Lind")) == son


def test_one_run_does_not_keep_the_bare_form_once_initials_clash():
    resolver = SpeakerResolver()
    son = resolver.speaker_for(said("Olav K. Lind"))
    assert resolver.speaker_for(said("Olav Lind")) == son

    resolver.speaker_for(said("Olav T. R. Lind"))

    assert resolver.speaker_for(said("Olav Lind")) != son
