"""Place names: countries and top-level subdivisions (states, provinces, regions) as
pycountry lists them, and US state codes ("OH"). Cities are not, since many are also
surnames. Pure; no ORM."""

from functools import lru_cache

import pycountry


def is_place(name: str) -> bool:
    """Whether name is a country, a top-level subdivision or a US state code."""
    return name.strip().lower() in place_names()


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        names.update(getattr(country, attribute, "") for attribute in ("name", "common_name"))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            names.add(subdivision.name)
        if subdivision.country_code == "US":
            names.add(subdivision.code.split("-", 1)[1])
    return frozenset(name.lower() for name in names if name)
