"""The admin log-in refuses guessing: after AXES_FAILURE_LIMIT wrong passwords for one user
name from one address, that pair is locked out, the right password included, until the
cool-off ends or `axes_reset` lifts it; other users and addresses still log in."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    return User.objects.create_user(
        "editor", password="right-horse-battery", is_staff=True, is_superuser=True
    )


def log_in(client, password, username="editor", address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_logs_in(client, editor):
    assert log_in(client, "right-horse-battery").status_code == 302


def test_repeated_failures_lock_the_user_out_from_that_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200  # the form again, with an error
    assert log_in(client, "wrong").status_code == 429
    assert log_in(client, "right-horse-battery").status_code == 429
    assert log_in(client, "right-horse-battery", address="203.0.113.9").status_code == 302


def test_thirty_guesses_are_all_refused_after_the_limit(client, editor, settings):
    answers = [log_in(client, f"guess-{n}").status_code for n in range(30)]
    assert answers.count(429) == 30 - settings.AXES_FAILURE_LIMIT + 1


def test_axes_reset_lifts_the_lock_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    call_command("axes_reset", verbosity=0)
    assert log_in(client, "right-horse-battery").status_code == 302
