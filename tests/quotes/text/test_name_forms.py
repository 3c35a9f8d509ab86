"""quotes.text.name_forms: the forms one person's name takes."""

import pytest

from quotes.text.name_forms import initials_clash, without_middle_initials, without_modifiers


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Texas Ted Cruz", "Ted Cruz"),
        ("New Hampshire Anna Berg", "Anna Berg"),
        ("Republican Olav Lind", "Olav Lind"),
        ("Ohio Berg", "Ohio Berg"),  # a surname alone is not enough to stand without it
        ("New Hampshire Republican", "New Hampshire Republican"),
        ("Virginia Foxworth", "Virginia Foxworth"),  # a given name, not a place
        ("Jordan Lee Smith", "Jordan Lee Smith"),
        ("Chad Smith", "Chad Smith"),
        ("Anna Berg", "Anna Berg"),
    ],
)
def test_a_place_or_party_word_at_the_front_of_a_name_comes_off(name, expected):
    assert without_modifiers(name) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Peter T. King", "Peter King"),
        ("Joseph R. Biden Jr.", "Joseph Biden Jr."),
        ("George H. W. Bush", "George Bush"),
        ("Olav T.R. Lind", "Olav Lind"),
        ("C. Boyden Gray", "C. Boyden Gray"),
        ("E. J. Fleming", "E. J. Fleming"),
        ("Anna Berg", "Anna Berg"),
        ("Berg", "Berg"),
    ],
)
def test_middle_initials_drop_but_a_leading_initial_stays(name, expected):
    assert without_middle_initials(name) == expected


@pytest.mark.parametrize(
    "name, other, expected",
    [
        ("Olav K. Lind", "Olav T. R. Lind", True),
        ("Olav K. Lind", "Olav T.K. Lind", True),
        ("Olav T. R. Lind", "Olav T.R. Lind", False),  # one person, spaced two ways
        ("Olav K. Lind", "Olav Lind", False),  # the shorter form of either
        ("Olav K. Lind", "Anna K. Berg", False),
        ("E. J. Fleming", "E. K. Fleming", False),  # opens with an initial: no middle ones
    ],
)
def test_different_middle_initials_in_one_name_form_mean_two_people(name, other, expected):
    assert initials_clash(name, other) is expected
