"""Production mode: settings that refuse to start half-configured, `check --deploy` clean with the
README's environment, security headers and CSP on every page, static files on a fresh checkout,
health and readiness, errors reported, and gunicorn serving it."""

import json
import os
import re
import secrets
import subprocess
import sys
import urllib.request

import pytest
from django.core import mail
from django.db import OperationalError

from tests.conftest import PROJECT
from tests.servers import Gunicorn

pytestmark = pytest.mark.django_db

# The README's production block, less the database (any URL parses; nothing connects).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "verbatim.example",
    "SECURE_PROXY_SSL_HEADER": "1",
    "DATABASE_URL": "postgres://verbatim@127.0.0.1:5432/verbatim",
    "ADMINS": "ops@verbatim.example",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def manage(*args, **env):
    """Run manage.py in a clean environment holding only `env`; the CompletedProcess."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_readme_production_block_names_every_variable_the_deploy_check_is_run_with():
    readme = (PROJECT / "README.md").read_text()
    block = next(
        block for block in readme.split("```sh")[1:] if "gunicorn -c config/gunicorn.conf.py" in block
    )
    for name in PRODUCTION_ENV:
        assert f"{name}=" in block.split("```")[0]


def test_check_deploy_with_the_production_environment_gives_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_when_the_request_limits_are_counted_per_process():
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != "CACHE_URL"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "(verbatim.W001) The request limits are counted in each process's own memory" in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_a_server_with_debug_off_and_no_secret_key_or_host_list_stops_with_one_clear_line(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    result = manage("check", VERBATIM_SERVING="1", **env)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: DEBUG is off, so set")
    assert missing in last


def test_the_wsgi_entry_point_marks_its_process_as_serving():
    assert "VERBATIM_SERVING" in (PROJECT / "config" / "wsgi.py").read_text()


def test_a_command_that_serves_nothing_runs_without_a_key_and_never_on_a_known_one():
    show_key = ("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)")
    first, second = manage(*show_key), manage(*show_key)
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    assert first.stdout.strip() and first.stdout != second.stdout
    assert "insecure" not in first.stdout


def test_debug_mode_alone_runs_with_the_development_key_and_local_hosts():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.ALLOWED_HOSTS)", DEBUG="1"
    )
    assert result.returncode == 0, result.stderr
    assert "127.0.0.1" in result.stdout


def test_every_page_carries_the_csp_and_the_browser_protections(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_holds_inline_script_or_style():
    for template in (PROJECT / "web" / "templates").rglob("*.html"):
        html = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), template
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", html), template


def test_a_fresh_checkout_without_collectstatic_serves_pages_and_their_stylesheet(client, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "config.staticfiles.FallbackManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path / "not-collected"
    settings.DEBUG = False
    page = client.get("/outlets/")
    assert page.status_code == 200
    assert 'href="/static/css/site.css"' in page.content.decode()
    stylesheet = client.get("/static/css/site.css")
    assert stylesheet.status_code == 200
    assert b".drift-bar" in b"".join(stylesheet.streaming_content)


def test_health_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_readiness_checks_the_database(client, monkeypatch, caplog):
    assert client.get("/readyz").content == b"ready\n"

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("config.operations.connection.cursor", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.content == b"database unavailable\n"
    assert "cannot use the database at" in caplog.text


def test_csp_reports_are_logged_in_one_line(client, caplog):
    report = {"csp-report": {"violated-directive": "script-src", "blocked-uri": "inline"}}
    response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")
    assert response.status_code == 204
    assert "Content-Security-Policy violation" in caplog.text and "script-src" in caplog.text


def test_a_server_error_is_mailed_to_the_admins(client, settings, monkeypatch):
    settings.ADMINS = [("", "ops@verbatim.example")]

    def broken(*args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr("config.operations.connection.cursor", broken)
    client.raise_request_exception = False
    assert client.get("/readyz").status_code == 500
    assert [message.to for message in mail.outbox] == [["ops@verbatim.example"]]
    assert "RuntimeError" in mail.outbox[0].body


def test_gunicorn_serves_the_app_with_its_configuration_and_logs_each_request():
    with Gunicorn(WEB_CONCURRENCY="1") as server:
        body = urllib.request.urlopen(server.url("/healthz"), timeout=2).read()
    assert body == b"ok\n"
    assert re.search(r'"GET /healthz HTTP/1\.1" 200 3 .*\d+us', server.output), server.output
