"""gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Workers: WEB_CONCURRENCY, else 2 per core plus 1 (sync workers, one request each at a
time, so each holds at most one PostgreSQL connection: keep workers x machines under
the server's max_connections). A request is given GUNICORN_TIMEOUT seconds (default 30)
before its worker is killed and replaced; a worker is recycled after about 10,000
requests (jittered) so a slow leak never grows (at 1,000, pages from the cache at 300
a second recycled all five workers within seconds of each other every 15 s or so). Access log: one line a request on
stdout, with the time taken in microseconds; errors on stderr. Web workers cancel any
PostgreSQL statement that runs past DATABASE_STATEMENT_TIMEOUT_MS (default 10000 here,
none for commands), so one expensive search cannot hold a connection for minutes.
The embedding model's libraries are imported once, before the workers fork, and each
worker loads the model before it takes a request: otherwise the first search by meaning
in each worker waited 8-10 s for it. What is loaded then is frozen out of the garbage
collector's reach (gc.freeze): with torch and transformers a worker holds over 500,000
objects, and each full collection walked them all, 0.9-3.1 s on the loaded 2-core
machine, every few renders of the outlets page.
"""

import gc
import multiprocessing
import os

os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "10000")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
max_requests = 10000
max_requests_jitter = 2000
# The app is imported once, before the workers fork: a worker recycled (or replaced after a
# timeout) serves again at once instead of importing Django, spaCy and the rules anew
# (10-20 s each on a loaded 2-core machine, during which its share of clients waited).
preload_app = True
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)sus'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """In the master, after the app was preloaded and before any worker forks: the slow
    imports of the embedding model, shared by every worker from here."""
    from quotes.text.embedding import import_libraries

    import_libraries()
    gc.freeze()


def post_worker_init(worker):
    """In each worker, before its first request: the model itself (about a second)."""
    from quotes.services.search import warm_meaning_search

    warm_meaning_search()
    gc.freeze()
