"""Finding a quote in a real browser: a misspelt name, its suggestion picked, then a search
by meaning; screenshots at desktop and phone width (see test_browser.py for where)."""

import re

import pytest

from tests.web.test_browser import CHROMIUM, browser, page, screenshot  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]


def test_a_misspelt_name_is_suggested_picked_and_searched_by_meaning(page, meaning):  # noqa: F811
    page.goto("/")
    speaker_box = page.get_by_label("Speaker")
    speaker_box.press_sequentially("Marlowe", delay=30)
    option = page.locator('#speaker-options [role=option][data-value="Ada Marlow"]')
    option.wait_for(state="visible")
    assert "closest spelling" in option.text_content()
    screenshot(page, "suggestion")

    speaker_box.press("ArrowDown")
    speaker_box.press("Enter")
    assert speaker_box.input_value() == "Ada Marlow"
    page.get_by_label("Words").fill("port will open before the cold")
    page.get_by_label("Find").select_option("meaning")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"speaker=Ada\+Marlow.*match=meaning"))

    rows = page.locator("li.statement-row")
    assert rows.first.text_content().strip().startswith("“We will reopen the harbour")
    assert page.get_by_role("heading", name=re.compile(r"^\d+ statements?$")).is_visible()
    screenshot(page, "search-by-meaning")


def test_the_speakers_and_articles_indexes_are_one_click_from_any_page(page, story):  # noqa: F811
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Speakers").click()
    page.wait_for_url("**/speakers/")
    assert page.get_by_role("link", name="Ada Marlow").is_visible()
    screenshot(page, "speakers")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Articles").click()
    page.wait_for_url("**/articles/")
    assert page.get_by_role("link", name="Harbour work speeds up").is_visible()
    screenshot(page, "articles")
