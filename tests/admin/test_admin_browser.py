"""The editors' actions in a real browser: Debian's Chromium driven by Playwright.

The target of an action is picked with the admin's autocomplete, which only works
with JavaScript, so these tests type into it as an editor would. A screenshot of the
quote list after the action goes to $VERBATIM_TEST_OUTPUT/screenshots (default
test-output/screenshots in the project) for a person to look at.
"""

import pytest

from quotes.models import Speaker
from tests.admin.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]


def run_action(page, list_url, rows, action, field_index, typed, option):
    """Tick rows, choose action, pick option in the action's autocomplete field, press Go."""
    page.goto(list_url)
    for row in rows:
        page.check(f"input[name=_selected_action][value='{row.pk}']")
    page.select_option("select[name=action]", action)
    page.locator(".actions .select2-selection").nth(field_index).click()
    page.keyboard.type(typed)
    page.locator(".select2-results__option", has_text=option).click()
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")


def test_an_editor_sets_a_speaker_picked_by_autocomplete(editor_page, newsroom):
    quote = newsroom.quotes.harbour_ready

    run_action(editor_page, "/admin/quotes/quote/", [quote], "set_speaker", 0, "Ston", "Olu Stone")

    assert "1 quote(s) now attributed to Olu Stone." in editor_page.inner_text(".messagelist")
    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_method) == (newsroom.speakers.engineer, "editor")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor_page.screenshot(path=str(SCREENSHOTS / "admin-quotes-after-set-speaker.png"))


def test_an_editor_moves_a_quote_to_a_statement_picked_by_autocomplete(editor_page, newsroom):
    quote = newsroom.quotes.again_bridge

    run_action(
        editor_page, "/admin/quotes/quote/", [quote], "move_to_statement", 1, "budget", "The budget is tight."
    )

    quote.refresh_from_db()
    assert quote.statement == newsroom.statements.budget and quote.statement_set_by_editor


def test_an_editor_merges_speakers_into_one_picked_by_autocomplete(editor_page, newsroom):
    mayor, engineer = newsroom.speakers.mayor, newsroom.speakers.engineer

    run_action(
        editor_page,
        "/admin/quotes/speaker/",
        [mayor, engineer],
        "merge_into_chosen",
        0,
        "Bright",
        "Ada Brightwater",
    )

    assert list(Speaker.objects.all()) == [mayor]
    assert mayor.aliases.filter(alias="Olu Stone").exists()


def test_an_editor_adds_an_article_by_pasting_its_text_and_sees_the_job(editor_page):
    editor_page.goto("/admin/sources/article/")
    editor_page.get_by_role("link", name="Add article").click()
    editor_page.fill(
        "#id_text",
        "Night buses return\n\n“People can get home safely again,” said Tarek Haddad, the transport officer.",
    )
    editor_page.fill("#id_outlet", "Valley Courier")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor_page.screenshot(path=str(SCREENSHOTS / "admin-add-article.png"), full_page=True)
    editor_page.click("input[type=submit][value='Add article']")
    editor_page.wait_for_selector(".messagelist")
    assert "Stored “Night buses return” (new): 1 quotation(s) found." in editor_page.inner_text(
        ".messagelist"
    )
    editor_page.goto("/admin/quotes/job/")
    assert "pasted text" in editor_page.inner_text("#result_list")
    editor_page.screenshot(path=str(SCREENSHOTS / "admin-jobs.png"), full_page=True)
