"""The review queue in a real browser (Debian's Chromium through Playwright): keyboard
shortcuts, one full review action timed, and screenshots of the queue, a quote and the
quote list at 1366 px and 390 px in $VERBATIM_TEST_OUTPUT/screenshots (default
test-output/screenshots) for a person to look at. No page may scroll sideways."""

import time

import pytest

from quotes.models import Quote
from quotes.services import review
from tests.admin.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def page_of(quote):
    return f"/admin/quotes/quote/review/{quote.pk}/"


@pytest.fixture
def queue(newsroom):
    Quote.objects.filter(pk=newsroom.quotes.again_bridge.pk).update(speaker_mention="she")
    review.score_articles()
    return newsroom


def test_the_keyboard_accepts_and_moves_to_the_next_quote(editor_page, queue):
    first, second = list(Quote.objects.queued()[:2])
    editor_page.goto("/admin/quotes/quote/review/")

    started = time.perf_counter()
    editor_page.keyboard.press("n")
    editor_page.wait_for_url(f"**{page_of(first)}")
    editor_page.keyboard.press("a")
    editor_page.wait_for_url(f"**{page_of(second)}")
    elapsed = time.perf_counter() - started

    assert "Accepted" in editor_page.inner_text(".messagelist")
    first.refresh_from_db()
    assert first.speaker_method == "editor"
    print(f"one review action (open from the queue, accept, land on the next): {elapsed:.2f} s")


def test_the_keyboard_skips_and_focuses_the_speaker_search(editor_page, queue):
    first, second = list(Quote.objects.queued()[:2])
    editor_page.goto(page_of(first))

    editor_page.keyboard.press("/")
    editor_page.keyboard.type("n")  # typed into the search box, so no "next"

    assert editor_page.evaluate("document.activeElement.name") == "find"
    assert editor_page.url.endswith(page_of(first))
    editor_page.locator("body").click()
    editor_page.keyboard.press("n")
    editor_page.wait_for_url(f"**{page_of(second)}")


def test_a_fix_by_mouse_sets_a_suggested_speaker(editor_page, queue):
    quote = queue.quotes.again_bridge
    editor_page.goto(page_of(quote) + "?find=Olu+Stoen")

    editor_page.check(f"input[name=speaker][value='{queue.speakers.engineer.pk}']")
    editor_page.click("text=Set this speaker")
    editor_page.wait_for_selector(".messagelist")

    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_method) == (queue.speakers.engineer, "editor")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_pages_fit_the_screen(editor_page, queue, width):
    editor_page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "review-queue": "/admin/quotes/quote/review/",
        "review-quote": page_of(queue.quotes.again_bridge),
        "quote-list": "/admin/quotes/quote/",
        "corrections": "/admin/quotes/quote/review/report/",
    }
    for name, url in pages.items():
        editor_page.goto(url)
        editor_page.screenshot(path=str(SCREENSHOTS / f"{name}-{WIDTHS[width][0]}.png"), full_page=True)
        overflow = editor_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, overflow)
    editor_page.goto("/admin/quotes/quote/")
    assert editor_page.locator("#result_list .field-drift_class").first.is_visible()
