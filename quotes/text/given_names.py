"""The gender a given name tells, for "he" and "she" to pass over a person of the
other gender.

In: a given name. Out: "he", "she" or None. The lexicon's short lists
(lexicon.MALE_NAMES / FEMALE_NAMES) cover the most common names only, so
"Hillary", "Ted", "Marco" or "Carly" told nothing. This reads the 1990 US Census
lists of given names, 1,219 male and 4,275 female with the share of people who
bear each (public domain, shipped as data in the `names` package, MIT licence),
once per process. A name borne by both counts only where DOMINANT_SHARE of its
bearers are of one gender ("Jordan", "Chris" and "Lindsey" tell nothing; "Bernie"
is 80% male: nothing either). Pure; no ORM.

Limits: US names of 1990; a name the lists lack ("Barack", "Jeb", "Kieran") tells
nothing, as before.
"""

import unicodedata
from functools import lru_cache
from importlib import resources

from .lexicon import FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES

DOMINANT_SHARE = 0.95
CENSUS_LISTS = (("he", "dist.male.first"), ("she", "dist.female.first"))


@lru_cache(maxsize=1)
def census_shares() -> dict[str, dict[str, float]]:
    """Given name (lower case) -> {"he"/"she": percent of that gender who bear it}."""
    shares: dict[str, dict[str, float]] = {}
    for gender, listing in CENSUS_LISTS:
        for line in resources.files("names").joinpath(listing).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                shares.setdefault(fields[0].lower(), {})[gender] = float(fields[1])
    return shares


def without_accents(name: str) -> str:
    """name with its letters' accents dropped ("Mélanie" -> "Melanie")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def is_given_name(name: str) -> bool:
    """Whether the lexicon or the Census lists know name as a given name ("Don")."""
    low = without_accents(name).lower()
    return low in GIVEN_NAMES or low in census_shares()


def gender_of(name: str) -> str | None:
    """ "he" or "she" for a given name most of whose bearers are of one gender, else None.
    Accents are read as the lists print names, without them ("Mélanie" -> "melanie")."""
    low = without_accents(name).lower()
    if low in MALE_NAMES:
        return "he"
    if low in FEMALE_NAMES:
        return "she"
    share = census_shares().get(low)
    if not share:
        return None
    he, she = share.get("he", 0.0), share.get("she", 0.0)
    if he >= DOMINANT_SHARE * (he + she):
        return "he"
    if she >= DOMINANT_SHARE * (he + she):
        return "she"
    return None
