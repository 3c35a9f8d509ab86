"""Editors add an article in the admin by web address, by file or by pasting its text: it is
stored and its quotes found as `manage.py ingest` does, and the job is recorded."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quotes.models import Job, Quote
from sources.models import Article

pytestmark = pytest.mark.django_db

ADD = reverse("admin:sources_article_add")
PASTED = (
    "Night buses return to the valley\n\n"
    "The valley's night buses run again from Monday.\n\n"
    "“People can get home safely again,” said Tarek Haddad, the transport officer.\n"
)


def add(client, **fields):
    data = {"page": "", "text": "", "title": "", "outlet": "", "published": "", "byline": "", "url": ""}
    return client.post(ADD, {**data, **fields})


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_an_article_is_added_by_its_web_address_and_its_quotes_found(admin_client, page_server):
    url = page_server.url("/story.html")
    response = add(admin_client, page=url, outlet="Island Post")
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:sources_article_change", args=[article.pk])
    assert (article.url, article.source, article.outlet.name) == (url, url, "Island Post")
    assert Quote.objects.filter(article=article, speaker__name="Mira Kovac").exists()
    page = admin_client.get(response["Location"])
    assert "Stored “Ferry fares frozen for a year” (new): 1 quotation(s) found." in messages_of(page)
    job = Job.objects.get()
    assert (job.kind, job.via, job.state, job.description) == ("ingest", "admin", "succeeded", url)
    assert job.counts == {"new": 1, "extracted": 1}


def test_an_article_is_added_from_pasted_text_with_what_the_editor_knows(admin_client):
    response = add(
        admin_client,
        text=PASTED,
        outlet="Valley Courier",
        published="2024-05-06",
        url="https://courier.example/night-buses",
        byline="Ana Ruiz",
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, article.outlet.name, article.published.isoformat()) == (
        "Night buses return to the valley",
        "Valley Courier",
        "2024-05-06",
    )
    assert (article.url, article.byline, article.source) == (
        "https://courier.example/night-buses",
        "Ana Ruiz",
        "pasted text (added in the admin by admin)",
    )
    (quote,) = Quote.objects.filter(kind="full")
    assert (quote.text, quote.speaker.name) == ("People can get home safely again,", "Tarek Haddad")


def test_an_article_is_added_from_a_file_with_the_title_the_editor_gives(admin_client):
    upload = SimpleUploadedFile("buses.txt", PASTED.encode(), content_type="text/plain")
    response = admin_client.post(ADD, {"file": upload, "title": "Valley night buses are back"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Valley night buses are back"
    assert article.body.startswith("Valley night buses are back\n\nNight buses return to the valley")
    assert article.source == "buses.txt (added in the admin by admin)"


def test_a_page_that_cannot_be_fetched_comes_back_with_the_reason(admin_client, page_server):
    url = page_server.url("/missing")
    response = add(admin_client, page=url)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        f"Nothing was stored: {url}: failed: HTTP 404 Not Found"
    ]
    assert not Article.objects.exists()
    job = Job.objects.get()
    assert (job.state, job.failures, job.messages) == ("succeeded", 1, f"{url}: failed: HTTP 404 Not Found")


def test_the_same_text_again_is_nothing_new(admin_client):
    add(admin_client, text=PASTED)
    response = add(admin_client, text=PASTED)
    assert response.context["form"].non_field_errors() == ["Nothing new: this article is stored already."]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [{}, {"text": PASTED, "page": "https://news.example/a"}, {"text": "   "}],
    ids=["nothing", "two", "blank text"],
)
def test_exactly_one_source_is_asked_for(admin_client, fields):
    response = add(admin_client, **fields)
    assert response.context["form"].non_field_errors() == [
        "Give one of: a web address to fetch, a file, or the text."
    ]


def test_a_file_of_another_type_or_over_the_limit_is_refused(admin_client, settings):
    picture = SimpleUploadedFile("photo.png", b"\x89PNG" + bytes(20), content_type="image/png")
    response = admin_client.post(ADD, {"file": picture})
    assert response.context["form"].errors["file"] == ["Use a .txt, .html or .jsonl file."]
    settings.VERBATIM_INGEST_MAX_BYTES = 10
    big = SimpleUploadedFile("long.txt", PASTED.encode())
    response = admin_client.post(ADD, {"file": big})
    assert response.context["form"].errors["file"] == [
        f"The file is {len(PASTED.encode())} bytes, over the 10-byte limit."
    ]


def test_staff_without_the_add_permission_cannot_add(client):
    editor = User.objects.create_user("viewer", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(editor)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, {"text": PASTED}).status_code == 403
    assert not Article.objects.exists()


def test_the_articles_list_offers_to_add_one_and_the_form_asks_for_each_way(admin_client):
    assert ADD in admin_client.get(reverse("admin:sources_article_changelist")).text
    form = admin_client.get(ADD).text
    for name in ("page", "file", "text", "title", "outlet", "published", "byline", "url"):
        assert f'name="{name}"' in form
    assert 'enctype="multipart/form-data"' in form
