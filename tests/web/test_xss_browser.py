"""Hostile content in a real browser: XSS payloads in every field that reaches a page, loaded in
Debian's Chromium on every public page and the admin; no script of theirs may run.

Each payload calls `xss(n)` (or `alert(n)`) if it ever runs. An init script defines `xss` to
record its argument, a dialog handler records any alert, a `securitypolicyviolation` listener
records what the Content-Security-Policy blocked (it must block nothing: injected markup that
the CSP stops is still an escaping bug), and each page's DOM is searched for markup a payload
could only have put there (event-handler attributes, javascript: links, frames, objects).
Screenshots of a hostile statement page and admin page go to $VERBATIM_TEST_OUTPUT/screenshots.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import quote as urlquote

import pytest
from django.contrib.auth.models import User

from quotes.models import Job, Quote, Speaker, SpeakerAlias, Statement
from sources.models import Article, Outlet

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("VERBATIM_TEST_OUTPUT", PROJECT / "test-output")) / "screenshots"
PASSWORD = "a-long-editor-pass-phrase"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium"),
]

PAYLOADS = [
    "<script>xss(1)</script>",
    '"><img src=x onerror=xss(2)>',
    "'><svg onload=xss(3)>",
    "</title><script>xss(4)</script>",
    "<svg><script>xss(5)</script></svg>",
    "javascript:xss(6)",
    '<a href="javascript:xss(7)">read</a>',
    '<iframe srcdoc="<script>parent.xss(8)</script>"></iframe>',
    '" onmouseover="xss(9)" autofocus onfocus="xss(9)" x="',
    "' onfocus='xss(10)' autofocus tabindex='1",
    "<body onload=xss(11)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=xss(12)>",
    "\uff1cscript\uff1exss(13)\uff1c/script\uff1e",
    "\u202e<script>xss(14)</script>\u200b",
    "<details open ontoggle=xss(15)>",
    "</textarea><script>xss(16)</script>",
    '<style>@import "javascript:xss(17)";</style>',
    "{{ request }}{% debug %}<!--",
    '<object data="data:text/html,<script>parent.xss(19)</script>"></object>',
    '<img src="x" onerror="alert(20)">',
    "]]></script><script>xss(21)</script>",
    '<input value="" autofocus onfocus=xss(22)>',
    "</script><script>xss(23)</script>",
    "<base href=//evil.example/>",
]
HOSTILE_URLS = [
    "javascript:xss(31)",
    'https://evil.example/"><script>xss(32)</script>',
    "data:text/html,<script>xss(33)</script>",
    " javascript:xss(34)",
]

WATCH = """
window.__xss = []; window.__csp = [];
window.xss = (n) => window.__xss.push(n);
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(el.tagName + "[" + attr.name + "]");
    }
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "MGLYPH"].includes(el.tagName)) found.push(el.tagName);
    if (el.tagName === "SCRIPT" && el.type !== "application/json"
        && !(el.src && el.src.startsWith(location.origin + "/")))
      found.push("inline SCRIPT");
  }
  for (const a of document.querySelectorAll("a[href], area[href], form[action]")) {
    const target = (a.getAttribute("href") || a.getAttribute("action")).replace(/[\\s\\x00-\\x1f]/g, "");
    if (/^(javascript|data|vbscript):/i.test(target)) found.push(a.tagName + "[" + target + "]");
  }
  return found;
}"""


@pytest.fixture
def hostile(db):
    """One outlet, article, speaker, alias and two-quote statement per payload, every text field
    holding it; article URLs and bylines hold hostile URLs too."""
    rows = []
    for n, payload in enumerate(PAYLOADS):
        outlet = Outlet.objects.create(name=f"{payload} Outlet {n}", domain=f"{payload}.example")
        speaker = Speaker.objects.create(name=f"{payload} Speaker {n}", description=payload)
        SpeakerAlias.objects.create(speaker=speaker, alias=f"{payload} alias")
        said = f"{payload} we will act {n}."
        articles = []
        for m in range(2):
            body = (
                f'{payload} headline {n}\n\n"{said}" said {payload}, the {payload}.\n\nMore {payload} text.'
            )
            articles.append(
                Article.objects.create(
                    outlet=outlet,
                    title=f"{payload} title {n}.{m}",
                    url=(HOSTILE_URLS[n % len(HOSTILE_URLS)] + f"/{n}/{m}")
                    if m
                    else f"https://ok.example/{n}",
                    byline=HOSTILE_URLS[(n + 1) % len(HOSTILE_URLS)] if m else payload,
                    body=body,
                    raw=body,
                    source=f"/in/{payload}/{n}-{m}.jsonl:1",
                    published=datetime.date(2024, 1, 1 + n % 28),
                    content_hash=f"hostile-{n}-{m}",
                )
            )
        statement = Statement.objects.create(
            speaker=speaker,
            canonical_text=said,
            outlet_count=2,
            quote_count=2,
            first_seen=datetime.date(2024, 1, 1),
        )
        quotes = []
        for m, article in enumerate(articles):
            start = article.body.index(said)
            quotes.append(
                Quote.objects.create(
                    article=article,
                    text=said,
                    start=start,
                    end=start + len(said),
                    quotation=0,
                    speaker=speaker,
                    speaker_mention=payload[:200],
                    speaker_method="explicit",
                    statement=statement,
                    drift="verbatim" if m == 0 else "reworded",
                    lexical_similarity=1.0,
                    embedding_similarity=1.0,
                    diff=[
                        {"op": "equal", "canonical": said, "variant": said},
                        {"op": "replace", "canonical": payload, "variant": payload},
                        {"op": "insert", "canonical": "", "variant": payload},
                        {"op": "delete", "canonical": payload, "variant": ""},
                    ],
                )
            )
        statement.canonical_quote = quotes[0]
        statement.save()
        Job.objects.create(
            kind="ingest",
            via="admin",
            description=payload,
            counts={payload: 1},
            summary=payload,
            messages=f"{payload}: failed: {payload}",
            error=payload,
        )
        rows.append((payload, outlet, speaker, articles, statement, quotes))
    return rows


def reader_urls(hostile):
    urls = ["/", "/outlets/", "/sitemap.xml", "/sitemap-statements.xml"]
    for payload, outlet, speaker, articles, statement, quotes in hostile:
        typed = urlquote(payload)
        urls += [
            f"/?words={typed}&speaker={typed}",
            f"/?speaker={urlquote(speaker.name[:12])}",
            f"/speaker-suggestions/?speaker={typed}",
            f"/no-such-page/{typed}",
            outlet.get_absolute_url(),
            speaker.get_absolute_url(),
            statement.get_absolute_url(),
            f"/compare/?a={quotes[0].pk}&b={quotes[1].pk}",
            *(article.get_absolute_url() for article in articles),
            f"/api/quotes/?statement={statement.pk}",
            f"/api/speakers/{speaker.slug}/",
        ]
    return urls


def admin_urls(hostile):
    urls = [
        "/admin/",
        "/admin/quotes/quote/",
        "/admin/quotes/statement/",
        "/admin/quotes/speaker/",
        "/admin/sources/article/",
        "/admin/sources/outlet/",
        "/admin/sources/article/add/",
        "/admin/quotes/job/",
    ]
    for payload, outlet, speaker, articles, statement, quotes in hostile:
        typed = urlquote(payload)
        urls += [
            f"/admin/quotes/quote/?q={typed}",
            f"/admin/quotes/quote/{quotes[1].pk}/change/",
            f"/admin/quotes/statement/{statement.pk}/change/",
            f"/admin/quotes/speaker/{speaker.pk}/change/",
            f"/admin/sources/article/{articles[1].pk}/change/",
            f"/admin/sources/outlet/{outlet.pk}/change/",
            f"/admin/quotes/quote/{quotes[1].pk}/history/",
            f"/admin/quotes/job/?q={typed}",
        ]
    urls += [f"/admin/quotes/job/{pk}/change/" for pk in Job.objects.values_list("pk", flat=True)]
    return urls


@pytest.fixture
def browser(live_server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def watched_page(browser, live_server, dialogs):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page


def visit(page, urls):
    """Load each URL; {url: (problems)} for those where anything ran, was blocked or injected."""
    problems = {}
    for url in urls:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(30)  # let autofocus, load and toggle handlers fire, were there any
        ran = page.evaluate("window.__xss || []")
        blocked = page.evaluate("window.__csp || []")
        injected = page.evaluate(INJECTED)
        if url.endswith(".xml"):  # Chromium's own XML viewer styles the tree with inline CSS
            blocked = [entry for entry in blocked if entry != "style-src-elem inline"]
        if ran or blocked or injected:
            problems[url] = (ran, blocked, injected)
    return problems


def screenshot(page, url, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(url)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_no_payload_runs_on_any_public_page(browser, live_server, hostile):
    dialogs = []
    page = watched_page(browser, live_server, dialogs)
    urls = reader_urls(hostile)
    problems = visit(page, urls)
    assert problems == {} and dialogs == []
    screenshot(page, hostile[1][4].get_absolute_url(), "xss-statement")
    screenshot(page, hostile[0][3][1].get_absolute_url(), "xss-article")
    print(f"{len(urls)} public page loads, {len(PAYLOADS)} payloads, none ran")


def test_no_payload_runs_in_the_admin(browser, live_server, hostile):
    User.objects.create_superuser("editor", password=PASSWORD)
    dialogs = []
    page = watched_page(browser, live_server, dialogs)
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    urls = admin_urls(hostile)
    problems = visit(page, urls)
    assert problems == {} and dialogs == []
    screenshot(page, f"/admin/quotes/quote/{hostile[1][5][1].pk}/change/", "xss-admin-quote")
    print(f"{len(urls)} admin page loads, {len(PAYLOADS)} payloads, none ran")


def test_the_watch_notices_markup_that_slips_through(browser, live_server, db):
    """The control: markup injected into a served page is reported, as run, blocked or found."""
    page = watched_page(browser, live_server, [])
    page.goto("/outlets/")
    page.evaluate("document.querySelector('main').innerHTML += '<img src=x onerror=xss(99)>'")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__csp") == ["script-src-attr inline"]  # the CSP stopped it
    assert page.evaluate(INJECTED) == ["IMG[onerror]"]
