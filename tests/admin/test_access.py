"""Only staff reach the admin: anonymous and non-staff users are sent to its login."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from tests.admin.conftest import act

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:index",
    "admin:quotes_quote_changelist",
    "admin:quotes_speaker_changelist",
    "admin:quotes_statement_changelist",
    "admin:sources_article_changelist",
    "admin:sources_outlet_changelist",
]


def assert_sent_to_login(response, url):
    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"


@pytest.mark.parametrize("name", PAGES)
def test_it_sends_anonymous_users_to_the_login(client, name):
    url = reverse(name)

    assert_sent_to_login(client.get(url), url)


@pytest.mark.parametrize("name", PAGES)
def test_it_sends_non_staff_users_to_the_login(client, name):
    client.force_login(User.objects.create_user("reader"))
    url = reverse(name)

    assert_sent_to_login(client.get(url), url)


def test_it_refuses_an_action_posted_by_a_non_staff_user(client, newsroom):
    client.force_login(User.objects.create_user("reader"))
    quote = newsroom.quotes.valley_budget
    url = reverse("admin:quotes_quote_changelist")

    response = client.post(url, {"action": "mark_not_a_quote", "_selected_action": [quote.pk]})

    assert_sent_to_login(response, url)
    quote.refresh_from_db()
    assert not quote.hidden_by_editor


def test_it_lets_staff_with_view_permission_look_but_not_act(client, newsroom):
    viewer = User.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_quote"))
    client.force_login(viewer)
    quote = newsroom.quotes.valley_budget
    url = reverse("admin:quotes_quote_changelist")

    assert client.get(url).status_code == 200
    client.post(url, {"action": "mark_not_a_quote", "_selected_action": [quote.pk]})

    quote.refresh_from_db()
    assert not quote.hidden_by_editor


def test_it_lets_an_editor_log_in_at_the_admin(client, newsroom):
    User.objects.create_user("editor", password="a-long-pass-phrase", is_staff=True, is_superuser=True)

    response = client.post(
        reverse("admin:login"),
        {
            "username": "editor",
            "password": "a-long-pass-phrase",
            "next": reverse("admin:index"),
        },
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_it_lets_a_staff_editor_with_change_permissions_act(client, newsroom):
    editors = Group.objects.create(name="Editors")
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label="quotes", codename__regex=r"^(view|change)_")
    )
    editor = User.objects.create_user("editor", is_staff=True)
    editor.groups.add(editors)
    client.force_login(editor)
    quote = newsroom.quotes.valley_budget

    said = act(
        client,
        reverse("admin:quotes_quote_changelist"),
        "set_speaker",
        [quote],
        speaker=newsroom.speakers.mayor.pk,
    )

    assert said == ["1 quote(s) now attributed to Ada Brightwater."]
    quote.refresh_from_db()
    assert quote.speaker == newsroom.speakers.mayor
    assert quote.history.first().history_user == editor
