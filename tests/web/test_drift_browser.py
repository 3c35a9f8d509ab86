"""The drift pictures in a real browser: the statement page with meaning flags, context and
the timeline, and the outlets page's fidelity bars, at desktop and phone width.

Screenshots (whole page, and the timeline alone) go where tests/web/test_browser.py puts
its own, for a person to look at. The CSP forbids inline style: each page is checked for
CSP violations the browser reports.
"""

import datetime
import re

import pytest

from quotes.models import Statement, WireCopy
from quotes.services.figures import refresh_outlet_figures
from quotes.services.variants import refresh_variants
from sources.models import Outlet
from tests.web import test_browser as shared
from tests.web.conftest import make_article, make_quote
from tests.web.test_meaning_flags import NEGATED

# The browser and page fixtures of tests/web/test_browser.py (Chromium, desktop and phone).
browser, page, screenshot, SCREENSHOTS = shared.browser, shared.page, shared.screenshot, shared.SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shared.CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]


def csp_violations(page):
    found = []
    page.on(
        "console",
        lambda message: found.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return found


@pytest.fixture
def drifted(story):
    """The reopen statement printed a day later by the Valley Post with a "not" added (flags
    stored), and the Harbour Times's article a wire copy of the Ledger's."""
    post = Outlet.objects.create(name="Valley Post")
    article = make_article(post, "No reopening", f'Ms Marlow said: "{NEGATED}"', datetime.date(2024, 3, 7))
    quote = make_quote(article, NEGATED, 0, speaker=story.ada, statement=story.reopen, drift="reworded")
    refresh_variants(Statement.objects.values_list("pk", flat=True))
    WireCopy.objects.create(article=story.times_article, original=story.ledger_article, similarity=0.9)
    refresh_outlet_figures()
    story.negated = quote
    return story


def test_the_statement_page_shows_flags_context_and_a_timeline(page, drifted):
    violations = csp_violations(page)
    page.goto(drifted.reopen.get_absolute_url())
    negated = page.locator(f"#variant-{drifted.negated.pk}")
    assert negated.locator(".meaning-flag").inner_text().endswith("Negation added: ‘not’")
    assert NEGATED in negated.locator("blockquote").inner_text()
    trimmed = page.locator(f"#variant-{drifted.reopen_trimmed.pk}")
    assert trimmed.locator("mark.quoted").inner_text().endswith("before the winter storms arrive.")
    timeline = page.get_by_role("img", name="When each outlet first printed it")
    assert timeline.is_visible()
    box = timeline.bounding_box()
    assert box["width"] <= page.viewport_size["width"]
    assert re.search(
        r"Harbour Times, reworded, as a wire copy of The Daily Ledger\.",
        timeline.locator("desc").text_content(),
    )
    assert page.locator(".tl-flag").count() == 1
    screenshot(page, "statement-drift")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    timeline.screenshot(path=str(SCREENSHOTS / f"timeline-{page.viewport_name}.png"))
    assert violations == []


def test_the_outlets_page_draws_fidelity_bars_that_fit_the_screen(page, drifted):
    violations = csp_violations(page)
    page.goto("/outlets/")
    charts = page.locator("svg.fidelity-chart")
    assert charts.count() >= 1
    for index in range(charts.count()):
        assert charts.nth(index).bounding_box()["width"] <= page.viewport_size["width"]
    assert page.get_by_role(
        "img", name="How The Daily Ledger printed statements other outlets printed too"
    ).is_visible()
    assert page.get_by_role("table").first.is_visible()
    screenshot(page, "outlets-fidelity")
    assert violations == []
