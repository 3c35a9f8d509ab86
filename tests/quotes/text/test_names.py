"""quotes.text.names: noun phrases that name a speaker, read without a parser."""

from quotes.text.names import (
    GROUP,
    NAME,
    ORGANISATION,
    PERSON,
    ROLE,
    clean_name,
    is_np_word,
    mention_of,
    mid_sentence_capitals,
    opens_sentence,
    surname,
    tokens,
)


def mention(phrase):
    return mention_of(phrase, tokens(phrase))


def test_it_passes_over_a_generational_suffix_for_the_surname():
    assert surname("Joseph R. Biden Jr.") == "Biden"
    assert surname("Olav Lind III") == "Lind"
    assert surname("Anna Berg") == "Berg"


def test_it_keeps_the_full_stop_of_an_abbreviation_ending_a_name():
    assert clean_name("Olav Lind Jr.") == "Olav Lind Jr."
    assert clean_name("F.B.I.") == "F.B.I."
    assert clean_name("Anna Berg’s") == "Anna Berg"
    assert clean_name("Anna Berg,") == "Anna Berg"


def test_it_takes_lower_case_words_between_a_determiner_and_a_name_for_role():
    found = mention("the younger Mr. Lind")
    assert (found.name, found.form, found.kind) == ("Lind", NAME, PERSON)


def test_it_takes_a_lower_case_word_before_a_full_name_for_the_end_of_what_describes_it():
    found = mention("Harbour delegate Olav Lind")
    assert (found.name, found.form, found.kind) == ("Olav Lind", NAME, PERSON)
    found = mention("Lind ally Anna Berg")
    assert (found.name, found.kind) == ("Anna Berg", PERSON)


def test_it_reads_a_party_or_an_abbreviated_title_before_a_name_as_no_part_of_it():
    assert mention("Republican Anna Maria Berg").name == "Anna Maria Berg"
    assert mention("Democrat Olav Lind").name == "Olav Lind"
    assert mention("Pres. Olav Lind").name == "Olav Lind"
    found = mention("Democratic National Convention")
    assert (found.name, found.kind) == ("Democratic National Convention", "organisation")


def test_it_reads_a_plural_title_before_a_name_as_a_title():
    found = mention("Senators Berg")
    assert (found.name, found.kind) == ("Berg", PERSON)


def test_it_reads_a_capitalised_title_after_the_as_a_role_and_one_after_a_name_as_a_surname():
    assert (mention("The Governor").form, mention("The Governor").kind) == (ROLE, PERSON)
    assert (mention("Rosa King").name, mention("Rosa King").form) == ("Rosa King", NAME)


def test_it_reads_speaker_as_a_title():
    found = mention("House Speaker Anna Berg")
    assert (found.name, found.role) == ("Anna Berg", "House Speaker")


def test_it_reads_a_players_position_before_a_name_as_a_title():
    found = mention("Defenceman Tom Berg")
    assert (found.name, found.role) == ("Tom Berg", "Defenceman")
    assert mention("Goaltender Anna Berg").name == "Anna Berg"


def test_it_finds_the_words_capitalised_in_mid_sentence():
    text = "Within the port, boats waited. The council met Anna Berg, and Mr. Lind said no."
    capitals = mid_sentence_capitals(text)
    assert {"anna", "berg", "lind"} <= capitals
    assert "within" not in capitals and "the" not in capitals


def test_it_tells_a_word_that_opens_a_sentence():
    text = "Boats waited. “Open the gates,” Much of the crowd said\nWithin hours"
    assert opens_sentence(text, text.index("Boats"))
    assert opens_sentence(text, text.index("Within"))
    assert not opens_sentence(text, text.index("crowd"))


def test_it_keeps_a_compound_modifier_out_of_a_name():
    assert not is_np_word("Harbour-born") and not is_np_word("Oscar-winning")
    assert is_np_word("Jean-Luc") and is_np_word("Secretary-General")


def test_it_reads_a_title_with_of_before_a_name_as_the_persons_title():
    found = mention("Secretary of State Anna Berg")
    assert (found.name, found.form, found.role) == ("Anna Berg", NAME, "Secretary of State")
    found = mention("the spokesman of Senator Anna Berg")
    assert found.name == "spokesman"


def test_it_does_not_take_a_body_ending_in_er_for_a_demonym():
    found = mention("the Center")
    assert (found.name, found.kind) == ("Center", "organisation")
    assert mention("the Spaniard").kind == PERSON


def test_it_splits_an_acronym_glued_to_a_full_name_but_not_a_one_word_name():
    assert mention("NATOAnna Berg").name == "Anna Berg"
    assert mention("AZHarbour").name == "AZHarbour"


def test_it_reads_someone_unnamed_speaking_for_a_person_as_that_person():
    found = mention("a spokesman for Mayor Anna Berg")
    assert (found.name, found.form, found.role) == ("Anna Berg", NAME, "")


def test_a_given_name_that_is_also_a_bodys_noun_opens_a_persons_name():
    assert mention("Bill Harmon").kind == PERSON


def test_a_bill_with_a_number_or_after_another_word_stays_a_body():
    assert [mention(phrase).kind for phrase in ("the Farm Bill", "Bill C-51")] == [ORGANISATION, ORGANISATION]


def test_it_reads_general_before_one_capitalised_word_as_a_company_and_before_a_full_name_as_a_title():
    assert mention("General Harbourworks").name == "General Harbourworks"
    assert mention("General Olav Lind").name == "Olav Lind"
    assert mention("Attorney General Anna Berg").name == "Anna Berg"


def test_it_reads_a_middle_initial_a_as_part_of_the_name_not_an_article():
    assert mention("Olav A. Lind").name == "Olav A. Lind"
    assert mention("a spokesman").form == "role"


def test_a_title_of_a_body_before_an_honorific_and_a_name_names_the_person():
    found = mention("Speaker of the Harbour Board Rep. Olav Lind")
    assert (found.name, found.kind) == ("Olav Lind", PERSON)
    assert mention("chairman of Our Harbour Fund").form == "role"


def test_a_titled_given_name_opens_a_persons_name_whatever_body_noun_the_surname_is():
    found = mention("Harbour City Mayor Don Guardian")
    assert (found.name, found.kind) == ("Don Guardian", PERSON)
    assert mention("The Guardian").kind == "organisation"


def test_a_body_named_with_of_or_for_keeps_its_whole_name():
    assert mention("the Bank of Harbourland").name == "Bank of Harbourland"
    assert mention("The Department of Justice").name == "Department of Justice"
    assert (
        mention("the Centers for Harbour Safety and Prevention").name
        == "Centers for Harbour Safety and Prevention"
    )
    assert mention("the Club for Growth").kind == ORGANISATION
    assert mention("a spokesman for the Bank of Harbourland").name == "Bank of Harbourland"


def test_a_person_or_a_titled_name_after_a_body_with_of_stays_the_person():
    assert mention("Rep. Olav Lind of Ohio").name == "Olav Lind"
    assert mention("the Centers for Harbour Safety Director Anna Berg").name == "Anna Berg"


def test_a_domain_word_before_a_country_names_a_department_not_a_person_called_after_the_country():
    found = mention("Health Canada")
    assert (found.name, found.kind) == ("Health Canada", ORGANISATION)
    assert mention("Chairman Jordan").name == "Jordan"
    assert mention("Health Minister Anna Berg").name == "Anna Berg"


def test_a_share_of_a_group_names_no_one():
    for phrase in ("The vast majority of Harbourlanders", "Most of the protesters", "Half of the anglers"):
        found = mention(phrase)
        assert (found.name, found.kind) == ("", GROUP)


def test_a_plural_title_is_no_part_of_the_name_after_it():
    assert mention("Sens. Olav Lind").name == "Olav Lind"
    assert mention("Reps. Anna Berg").name == "Anna Berg"
