"""quotes.text.given_names: the gender a given name tells."""

from quotes.text.given_names import gender_of, is_given_name


def test_a_name_the_lexicon_lacks_tells_its_gender_from_the_census_lists():
    assert gender_of("Hillary") == "she"
    assert gender_of("Marco") == "he"
    assert gender_of("carly") == "she"


def test_a_name_borne_by_both_genders_tells_nothing():
    assert gender_of("Chris") is None
    assert gender_of("Lindsey") is None


def test_a_name_in_no_list_tells_nothing():
    assert gender_of("Barack") is None
    assert gender_of("Ferryboat") is None


def test_the_lexicon_decides_before_the_census():
    assert gender_of("Jordan") == "he"


def test_a_given_name_is_one_the_lexicon_or_the_census_lists_know():
    assert is_given_name("Don")
    assert not is_given_name("Ferryboat")


def test_a_name_printed_with_accents_tells_what_it_tells_without_them():
    assert gender_of("Mélanie") == "she"
    assert gender_of("José") == gender_of("Jose")
