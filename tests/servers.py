"""What the tests that run real servers share: a free port, whether Redis answers, and gunicorn
serving the app with its production configuration (config/gunicorn.conf.py)."""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def status_of(url):
    """The HTTP status of a GET of url (an error status too); None when nothing answers."""
    try:
        return urllib.request.urlopen(url, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class Gunicorn:
    """`with Gunicorn(WEB_CONCURRENCY="4") as server:` gunicorn on a free port, with the
    environment plus `env`, answering /healthz; after the block, `server.output` is what it
    printed (access log and errors)."""

    def __init__(self, **env):
        self.port = free_port()
        self.env = {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "ALLOWED_HOSTS": "127.0.0.1",
            **env,
        }
        self.output = ""

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(PROJECT / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=PROJECT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 60
        while status_of(self.url("/healthz")) != 200:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__()
                raise AssertionError(f"gunicorn did not start:\n{self.output}")
            time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.output = self.process.communicate(timeout=30)[0]
