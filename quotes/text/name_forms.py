"""The forms one person's name takes, so that they meet in one Speaker.

In: a person's name as an attribution gives it. Out: `without_modifiers(name)`, the
name with a place or party word that a parse left at its front taken off ("Texas Ted
Cruz" -> "Ted Cruz", from "Texas Sen. Ted Cruz"; "Republican Jo Smith" -> "Jo Smith");
`without_middle_initials(name)`, the shorter form outlets also print ("Peter T. King"
-> "Peter King", "Joseph R. Biden Jr." -> "Joseph Biden Jr."); `initials_clash(a, b)`,
whether two names are that one shorter form with different middle initials, so two
people ("George W. Bush", "George H. W. Bush"). Pure; no ORM.

quotes.services.speakers always takes the modifiers off (they are no part of a name),
but drops middle initials only where the shorter form is known too, so one outlet's
"Peter T. King" and another's "Peter King" are one Speaker, named "Peter King";
but names whose initials clash stay two Speakers, and their shared shorter form
joins neither.

Rules: a modifier is a country or top-level subdivision (quotes.text.places.is_place:
"Ohio", "New Hampshire"), a US state code, or a party word (PARTY_WORDS); it comes
off only when a given name and a surname are left, and never when the first word is
a common given name (lexicon.GIVEN_NAMES), so "Virginia Foxx", "Chad
Smith" and "Jordan Lee Smith" keep theirs. A middle initial is one capital letter with a full stop (or two, "H. W.", "H.W.")
between the first word and the surname; a name that opens with an initial keeps them
all ("C. Boyden Gray", "E. J. Fleming").
Limits: two people told apart only by their middle initials (a father and a son) are
told apart only once both are printed with them: before that the bare form joins the
one known; a person whose given name is a
place missing from those lists and who has a middle name ("Georgia Ann Hill") loses it.
"""

import re

from .lexicon import GIVEN_NAMES
from .places import is_place

PARTY_WORDS = frozenset({"republican", "democrat", "democratic", "gop", "independent", "libertarian"})
INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
LONGEST_PLACE = 3  # words: "District of Columbia"


def without_modifiers(name: str) -> str:
    """name without place and party words at its front (see the module docstring)."""
    words = name.split()
    while len(words) > 2 and words[0].lower() not in GIVEN_NAMES:
        width = modifier_width(words)
        if not width or len(words) - width < 2:
            break
        words = words[width:]
    return " ".join(words)


def modifier_width(words: list[str]) -> int:
    """How many of the first words make a place or a party word (0 for none)."""
    if words[0].lower().rstrip(".") in PARTY_WORDS:
        return 1
    for width in range(min(LONGEST_PLACE, len(words) - 1), 0, -1):
        if is_place(" ".join(words[:width])):
            return width
    return 0


def without_middle_initials(name: str) -> str:
    """name without the initials between its first word and its surname."""
    parts = split_name(name)
    if parts is None:
        return name
    first, middle, last = parts
    return " ".join([first, *(word for word in middle if not INITIAL.match(word)), last])


def middle_initials(name: str) -> tuple[str, ...]:
    """The initials between name's first word and its surname, as letters ("H. W." ->
    ("H", "W")); none for a name that opens with an initial."""
    parts = split_name(name)
    if parts is None:
        return ()
    return tuple(letter for word in parts[1] if INITIAL.match(word) for letter in word.split(".") if letter)


def split_name(name: str) -> tuple[str, list[str], str] | None:
    """(first word, the words between it and the surname, surname) of a name of three
    words or more, or None: a shorter name, or one that opens with an initial ("C.
    Boyden Gray"), has no middle initials to take off."""
    words = name.split()
    if len(words) < 3 or INITIAL.match(words[0]):
        return None
    return words[0], words[1:-1], words[-1]


def initials_clash(name: str, other: str) -> bool:
    """Whether two names are one shorter form printed with different middle initials:
    two people, not two forms of one ("George W. Bush", "George H. W. Bush")."""
    mine, theirs = middle_initials(name), middle_initials(other)
    same_form = without_middle_initials(name).lower() == without_middle_initials(other).lower()
    return same_form and bool(mine) and bool(theirs) and mine != theirs
