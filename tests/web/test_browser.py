"""The pages in a real browser: Debian's Chromium driven by Playwright against a live server.

A reader searches by speaker (with suggestions as they type), opens a Statement,
opens the compare view and sees the differences marked, and downloads a search's quotes. Screenshots of every page, at
desktop and phone width, go to $VERBATIM_TEST_OUTPUT/screenshots (default
test-output/screenshots in the project) for a person to look at.
"""

import csv
import io
import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made here
# (fixtures) are synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("VERBATIM_TEST_OUTPUT", PROJECT / "test-output")) / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(params=VIEWPORTS)
def page(request, browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS[request.param], base_url=live_server.url)
    page = context.new_page()
    page.viewport_name = request.param
    yield page
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{page.viewport_name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0


def test_it_searches_by_speaker_opens_a_statement_and_compares_two_versions(page, story):
    page.goto("/")
    speaker_box = page.get_by_label("Speaker")
    speaker_box.press_sequentially("commiss", delay=30)
    page.locator('#speaker-options [role=option][data-value="Ada Marlow"]').click()
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"speaker=Ada\+Marlow"))
    assert page.get_by_role("heading", name="2 statements").is_visible()
    screenshot(page, "search")

    page.get_by_role("link", name=re.compile("We will reopen the harbour")).click()
    page.wait_for_url(f"**{story.reopen.get_absolute_url()}")
    assert page.locator("li.variant").count() == 3
    assert page.locator("li.variant del.cut").first.text_content() == "cut: and not a day later."
    screenshot(page, "statement")

    reworded = page.locator(f"#variant-{story.reopen_reworded.pk}")
    reworded.get_by_role("link", name="Compare with the canonical wording").click()
    page.wait_for_url(re.compile(r"/compare/\?a=\d+&b=\d+"))
    first, second = page.locator(".compare-side").nth(0), page.locator(".compare-side").nth(1)
    assert first.locator("del.cut").text_content() == "cut: the"
    assert [m.text_content() for m in second.locator(".replaced").all()] == [
        "replaced: port",
        "replaced: come,",
    ]
    assert page.locator("dl.legend").is_visible()
    assert page.get_by_text("reworded", exact=True).is_visible()
    screenshot(page, "compare")


def test_it_downloads_the_results_of_a_search_as_csv(page, story):
    page.goto("/")
    page.get_by_text("Outlet, dates, how it was printed, order").click()
    page.get_by_label("Outlet", exact=True).select_option("northern-courier")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"outlet=northern-courier"))
    screenshot(page, "search-downloads")
    with page.expect_download() as started:
        page.get_by_role("link", name="CSV").click()
    download = started.value
    assert download.suggested_filename == "verbatim-quotes.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert [(row["outlet"], row["text"], row["drift"]) for row in rows] == [
        ("Northern Courier", story.reopen_trimmed.text, "trimmed"),
        ("Northern Courier", story.wait_courier.text, "verbatim"),
    ]


def test_it_compares_the_pair_chosen_in_the_statement_pages_form(page, story):
    page.goto(story.reopen.get_absolute_url())
    page.get_by_label("First version").select_option(str(story.reopen_trimmed.pk))
    page.get_by_label("Second version").select_option(str(story.reopen_verbatim.pk))
    page.get_by_role("button", name="Compare side by side").click()
    page.wait_for_url(re.compile(r"/compare/"))
    added = page.locator(".compare-side").nth(1).locator("ins.added")
    assert added.text_content() == "added: and not a day later."


def test_it_shows_the_other_pages_with_escaped_text(page, story):
    for name, url in (
        ("speaker", story.ada.get_absolute_url()),
        ("outlets", "/outlets/"),
        ("outlet", story.times.get_absolute_url()),
        ("article", story.ledger_article.get_absolute_url()),
        ("article-with-markup", story.script_article.get_absolute_url()),
        ("conflict", story.wait.get_absolute_url()),
        ("not-found", "/statements/987654/"),
    ):
        page.goto(url)
        screenshot(page, name)
    page.goto(story.script_article.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == (
        "<script>alert('title')</script> Council row"
    )


def test_it_lets_a_keyboard_user_skip_to_the_content(page, story):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


CONTRAST_SCRIPT = """
() => {
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  const texts = [...document.querySelectorAll("main *")].filter(
    (el) => el instanceof HTMLElement  // an SVG <title> (the drift bar's tooltip) is never painted
      && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      && el.offsetParent !== null && getComputedStyle(el).clip !== "rect(0px, 0px, 0px, 0px)");
  return texts.map((el) => {
    const [fg, bg] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    return [el.tagName + "." + el.className, el.textContent.trim().slice(0, 30), ratio];
  });
}
"""


def test_its_text_has_at_least_aa_contrast(page, story):
    """WCAG AA asks 4.5:1 for body text; badges, diff marks and muted notes included."""
    for url in (
        story.reopen.get_absolute_url(),
        "/outlets/",
        story.wait.get_absolute_url(),
        f"/compare/?a={story.reopen_verbatim.pk}&b={story.reopen_reworded.pk}",
        "/",
    ):
        page.goto(url)
        measured = page.evaluate(CONTRAST_SCRIPT)
        assert len(measured) > 10
        low = [item for item in measured if item[2] < 4.5]
        assert low == [], f"{url}: {low}"


ONE_LINE_HEADINGS = """() => [...document.querySelectorAll('.index-table th')].filter(th => {
    const words = th.textContent.trim();
    const range = document.createRange();
    range.selectNodeContents(th);
    return !words.includes(' ') && range.getClientRects().length > 1;
}).map(th => th.textContent.trim())"""


def test_its_index_tables_break_headings_between_words_only(page, story):
    for url in ("/speakers/", "/articles/"):
        page.goto(url)
        assert page.evaluate(ONE_LINE_HEADINGS) == [], url  # not "Publ/ishe/d", "Quote/s" on a phone
