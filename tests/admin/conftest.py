"""A small newsroom written for these tests: two outlets, three articles, two speakers,
and two Statements whose quotes the editors' actions move around."""

import os
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.urls import reverse

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from sources.models import Article, Outlet


def add_quote(article, text, **fields):
    start = article.body.index(text)
    return Quote.objects.create(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        quotation=fields.pop("quotation", 0),
        **fields,
    )


@pytest.fixture
def newsroom(db):
    harbour = Outlet.objects.create(name="Harbour Gazette", domain="harbour.example")
    valley = Outlet.objects.create(name="Valley Courier", domain="valley.example")
    mayor = Speaker.objects.create(name="Ada Brightwater", description="Mayor of Northport")
    SpeakerAlias.objects.create(speaker=mayor, alias="Ms Brightwater")
    engineer = Speaker.objects.create(name="Olu Stone", description="City engineer")
    SpeakerAlias.objects.create(speaker=engineer, alias="Mr Stone")
    bridge = Statement.objects.create(
        speaker=mayor,
        canonical_text="The bridge will open in May.",
        quote_count=3,
        outlet_count=2,
        first_seen=date(2024, 3, 1),
    )
    budget = Statement.objects.create(
        speaker=engineer,
        canonical_text="The budget is tight.",
        quote_count=1,
        outlet_count=1,
        first_seen=date(2024, 3, 2),
    )
    first = Article.objects.create(
        outlet=harbour,
        title="Bridge to open",
        published=date(2024, 3, 1),
        body='"The bridge will open in May." said Ms Brightwater. "It is ready."',
        source="harbour/bridge.txt",
        content_hash="a" * 64,
    )
    second = Article.objects.create(
        outlet=valley,
        title="Northport bridge",
        published=date(2024, 3, 2),
        body='"The bridge will open in May," the mayor said. "The budget is tight," said Mr Stone.',
        source="valley/bridge.txt",
        content_hash="b" * 64,
    )
    third = Article.objects.create(
        outlet=valley,
        title="Bridge, again",
        published=date(2024, 3, 4),
        body='"The bridge opens in May," she said.',
        source="valley/again.txt",
        content_hash="c" * 64,
    )
    quotes = SimpleNamespace(
        harbour_bridge=add_quote(
            first, "The bridge will open in May.", speaker=mayor, speaker_method="explicit", statement=bridge
        ),
        harbour_ready=add_quote(
            first, "It is ready.", quotation=1, speaker=mayor, speaker_method="continuation"
        ),
        valley_bridge=add_quote(
            second, "The bridge will open in May,", speaker=mayor, speaker_method="role", statement=bridge
        ),
        valley_budget=add_quote(
            second,
            "The budget is tight,",
            quotation=1,
            speaker=engineer,
            speaker_method="explicit",
            statement=budget,
        ),
        again_bridge=add_quote(
            third, "The bridge opens in May,", speaker=mayor, speaker_method="pronoun", statement=bridge
        ),
    )
    bridge.canonical_quote = quotes.harbour_bridge
    bridge.save()
    return SimpleNamespace(
        outlets=SimpleNamespace(harbour=harbour, valley=valley),
        articles=SimpleNamespace(first=first, second=second, third=third),
        speakers=SimpleNamespace(mayor=mayor, engineer=engineer),
        statements=SimpleNamespace(bridge=bridge, budget=budget),
        quotes=quotes,
    )


def form_values(form):
    """What a browser would post back for form unchanged."""
    values = {}
    for name, _field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        values[form.add_prefix(name)] = value
    return values


def change_form_data(response, **changes):
    """The POST data of the admin change page in response, with changes applied."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        for form in formset.forms:
            data.update(form_values(form))
    data.update(changes)
    return data


def save_change_form(client, obj, **changes):
    """Post obj's admin change page back with changes, as an editor would; obj refreshed."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return obj


def act(client, url, action, rows, **fields):
    """Post action on rows to the admin list at url; the messages the editor then sees."""
    response = client.post(
        url,
        {
            "action": action,
            "index": 0,
            "select_across": 0,
            "_selected_action": [row.pk for row in rows],
            **fields,
        },
    )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


# The browser tests (test_admin_browser, test_review_browser) drive Debian's Chromium with
# Playwright, whose sync API runs an event loop in this thread; the ORM calls made there
# (fixtures and checks) are synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("VERBATIM_TEST_OUTPUT", PROJECT / "test-output")) / "screenshots"
PASSWORD = "a-long-editor-pass-phrase"


@pytest.fixture
def editor_page(live_server):
    sync_api = pytest.importorskip("playwright.sync_api")
    User.objects.create_superuser("editor", password=PASSWORD)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
        page.goto("/admin/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        yield page
        browser.close()
