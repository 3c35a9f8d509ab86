"""A web server on 127.0.0.1 for the tests that fetch pages: every case `ingest URL` and the
admin's "add by URL" must meet, and never a request to the internet.

`PageServer()` starts a threaded server on a free port (`with PageServer() as server:`,
or the `page_server` fixture of tests/conftest.py); `server.url(path)` is the address of
one of PAGES (status, headers, body), or of a behaviour: /slow answers after SLOW seconds,
/drip sends its body a little at a time for DRIP seconds, /endless streams without end
and without a Content-Length, /loop redirects to itself, /to-file redirects to a file: URL.
"""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORY = (
    "<html><head><title>Ferry fares frozen for a year</title>"
    '<link rel="canonical" href="{canonical}"></head><body><article>'
    "<h1>Ferry fares frozen for a year</h1>"
    "<p>The island council froze ferry fares on Tuesday after a week of protests.</p>"
    "<p>\u201cNobody should pay more to get to work,\u201d said Mira Kovac, the council leader.</p>"
    "<p>The freeze holds until next spring, when the council reviews its budget.</p>"
    "</article></body></html>"
)
PLAIN = (
    "Harbour crane back in service\n\n"
    "The harbour's largest crane returned to work on Monday.\n\n"
    "\u201cWe lost three days, not three weeks,\u201d said Olu Adeyemi, the harbour master.\n"
)
LATIN = (
    "<html><head><title>Caf\u00e9 owners welcome the plan</title></head><body><article>"
    "<p>Caf\u00e9 owners in the old town welcomed the new opening hours on Friday.</p>"
    '<p>"It is a fair deal for everyone," said Ren\u00e9e Martel, who runs a caf\u00e9 by the square.</p>'
    "</article></body></html>"
)
SLOW = 3
DRIP = 3


def page(status, content_type, body, **headers):
    return status, {"Content-Type": content_type, **headers}, body


PAGES = {
    "/story.html": page(200, "text/html; charset=utf-8", STORY.format(canonical="").encode()),
    "/canonical.html": page(
        200,
        "text/html; charset=utf-8",
        STORY.format(canonical="https://news.example/ferry-fares").encode(),
    ),
    "/plain.txt": page(200, "text/plain; charset=utf-8", PLAIN.encode()),
    "/latin.html": page(200, "text/html; charset=iso-8859-1", LATIN.encode("iso-8859-1")),
    "/missing": page(404, "text/html", b"<h1>Not Found</h1>"),
    "/broken": page(500, "text/html", b"<h1>Server Error</h1>"),
    "/picture.png": page(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "/report.pdf": page(200, "application/pdf", b"%PDF-1.4\n" + bytes(200)),
    "/empty.html": page(200, "text/html", b""),
    "/no-article.html": page(
        200, "text/html", b"<html><head><title>Home</title></head><body> </body></html>"
    ),
    "/huge-declared.html": page(200, "text/html", b"<p>short</p>", **{"Content-Length": "999999999"}),
    "/moved": page(302, "text/html", b"", Location="/story.html"),
    "/moved-twice": page(301, "text/html", b"", Location="/moved"),
    "/loop": page(302, "text/html", b"", Location="/loop"),
    "/to-file": page(302, "text/html", b"", Location="file:///etc/passwd"),
}


class PageHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(SLOW)
            return self.answer(*PAGES["/story.html"])
        if path == "/drip":
            return self.drip()
        if path == "/endless":
            return self.endless()
        return self.answer(*PAGES.get(path, PAGES["/missing"]))

    def answer(self, status, headers, body):
        self.send_response(status)
        headers = {"Content-Length": str(len(body)), **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def drip(self):
        body = STORY.format(canonical="").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = max(1, len(body) // 20)
        try:
            for start in range(0, len(body), step):
                self.wfile.write(body[start : start + step])
                self.wfile.flush()
                time.sleep(DRIP / 20)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"more words " * 6000 + b"</p>"
        try:
            for _ in range(10_000):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format, *args):
        pass


class PageServer:
    """The server, running in a thread while the `with` block (or fixture) lasts."""

    def __enter__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def url(self, path):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"
