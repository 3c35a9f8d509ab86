"""Shared fixtures: where the evaluation data lives, plain static storage, fast password hashing
and a local web server in tests."""

from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from tests.pages import PageServer

# No per-example deadline: a timing limit is a speed assertion, and on a loaded 2-core
# machine it fails examples that are merely slow (speed is measured by benchmarks).
hypothesis_settings.register_profile("verbatim", deadline=None)
hypothesis_settings.load_profile("verbatim")

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = PROJECT / "sources" / "samples"


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Log-in tests hash a password per attempt; PBKDF2's million rounds cost seconds each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty per-process cache (the speakers ranking lives there)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def seeds_dir():
    if not (SEEDS / "manifest.csv").exists():
        pytest.skip("../shared/seeds is not beside the project")
    return SEEDS


@pytest.fixture
def page_server():
    """Web pages on 127.0.0.1 (tests/pages.py): what fetching an article's URL must meet."""
    with PageServer() as server:
        yield server


def pytest_collection_modifyitems(config, items):
    """Skip tests marked postgres_only, with a reason, when the database is not PostgreSQL."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for item in items:
        if item.get_closest_marker("postgres_only"):
            item.add_marker(skip)
