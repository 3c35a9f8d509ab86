"""Rows for the service tests: one statement three outlets printed, one of them a wire copy.

The Ledger wrote its own story; the Courier ran the Ledger's story (wire copy) under a line
of its own; the Times wrote its own story and printed the statement without its "not".
"""

import datetime
from types import SimpleNamespace

import pytest

from quotes.models import Speaker, Statement
from sources.models import Outlet
from tests.web.conftest import make_article, make_quote

CANONICAL = "We will not open the northern gates before 40 days have passed."
STORY = (
    "The river authority opened the southern sluice on Tuesday after three weeks of heavy rain "
    "swelled the reservoir above its seasonal mark. Engineers said the release would continue "
    "through the weekend and that farmland downstream had been warned in good time. Residents of "
    "the lower valley were told to move livestock to higher pastures and to keep clear of the banks "
    "until the level falls again. The authority's chair spoke to reporters at the dam."
)
OWN_WORDS = (
    "Reporters gathered in the rain outside the council chamber where the chair of the authority "
    "took questions for an hour about the flood defences, the budget for repairs and the timetable "
    "for the works on the eastern embankment, which local farmers have demanded for years. The "
    "questions turned at last to the gates."
)

REWRITTEN = (
    "Farmers in the lower valley spent Tuesday driving cattle uphill as brown water crept across "
    "the meadows below the dam, and several said they had not been told early enough. The "
    "authority says its warnings went out on time; the farmers' union wants an inquiry into how "
    "the release was planned and who was told when, and it will raise the matter with the minister."
)


def article(outlet, body, day):
    return make_article(outlet, f"{outlet.name} on the gates", body, datetime.date(2024, 5, day))


def quote(article, text, statement, **fields):
    return make_quote(article, text, 0, statement=statement, **fields)


@pytest.fixture
def gates():
    """One statement printed by three outlets: the Ledger's own story, the Courier's copy of
    it (wire copy), and the Times's own story that drops the "not"."""
    chair = Speaker.objects.create(name="Ada Marlow")
    ledger, courier, times = (Outlet.objects.create(name=name) for name in ("Ledger", "Courier", "Times"))
    statement = Statement.objects.create(
        canonical_text=CANONICAL, speaker=chair, outlet_count=3, quote_count=3
    )
    ledger_article = article(ledger, f'{STORY}\n\nShe said: "{CANONICAL}"', 1)
    courier_article = article(courier, f'Our correspondent adds: {STORY}\n\nShe said: "{CANONICAL}"', 2)
    dropped = "We will open the northern gates before 40 days have passed."
    times_article = article(times, f'{OWN_WORDS}\n\nShe said: "{dropped}"', 3)
    return SimpleNamespace(
        statement=statement,
        chair=chair,
        ledger=ledger,
        courier=courier,
        times=times,
        ledger_quote=quote(ledger_article, CANONICAL, statement, speaker=chair, drift="verbatim"),
        courier_quote=quote(courier_article, CANONICAL, statement, speaker=chair, drift="verbatim"),
        times_quote=quote(times_article, dropped, statement, speaker=chair, drift="reworded"),
    )
