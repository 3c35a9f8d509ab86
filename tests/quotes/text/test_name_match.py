"""A misspelt name resembles the speaker's name; a name that merely shares letters does not."""

import pytest

from quotes.text.name_match import RESEMBLANCE_CUTOFF, resemblance


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Halvorsan", "Maren Halvorsen"),  # one letter wrong in the surname
        ("Maren Halvorsan", "Maren Halvorsen"),
        ("Kvistad", "Ola Kvisstad"),  # a letter missing
        ("halvorsen", "HALVORSEN, Maren"),  # case and punctuation
        ("Ostrova", "Dr Lena Ostrowa"),
    ],
)
def test_it_reads_a_misspelling_as_the_name(typed, name):
    assert resemblance(typed, name) >= RESEMBLANCE_CUTOFF


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Halvorsan", "Maren Halstad"),
        ("Kvistad", "Ola Kvam"),
        ("Smith", "Smithers"),
        ("Pootin", "Vladimir Putin"),  # sound, not spelling
    ],
)
def test_it_does_not_read_another_name_as_a_misspelling(typed, name):
    assert resemblance(typed, name) < RESEMBLANCE_CUTOFF


def test_it_corrects_nothing_too_short_to_tell():
    assert resemblance("Hal", "Hal Berg") == 0.0
