"""Fetch one web page to ingest: an article's URL in, a `Received` record (or a `Failure`) out.

In: an http(s) URL, the largest page to accept (bytes) and a time limit (seconds). Out:
`read_url` gives the story as `formats.read_data` reads a file (trafilatura's main text
and metadata for HTML, the text as is for plain text), with the URL it was fetched from
as its source and, unless the page names a canonical URL of its own, the address it
was finally served from as its URL; or one `Failure` whose reason is one line:
- the URL is not an http(s) address with a host (`records.checked_url`);
- the server cannot be reached, or refuses ("could not connect (Connection refused)");
- it answers an HTTP error ("HTTP 404 Not Found");
- no answer, or not the whole page, within the time limit;
- the page is larger than the limit (by its Content-Length before anything is read,
  or while reading: never more than limit + 1 bytes are held);
- it is not a web page (Content-Type other than HTML or plain text: a PDF, an image);
- it redirects more than MAX_REDIRECTS times, or to an address that is not http(s)
  (a file: or ftp: URL is never opened).

Why not trafilatura's `fetch_url`: it answers None for every kind of failure and logs
the reason, so a batch could not say which URL failed and why; this plain fetch (the
standard library's urllib, no other dependency) gives the reason, and trafilatura
still reads the page. Limits: no JavaScript (a page that builds its text in the
browser has none to read), no cookies or log-ins, no retries; the time limit bounds
each wait for the server and the whole download; a server on a private address is
fetched like any other (only editors and operators can ask for a URL).
"""

import re
import time
import urllib.error
import urllib.request
from dataclasses import replace
from email.message import Message
from http.client import HTTPException
from urllib.parse import urljoin

from .formats import Failure, read_data
from .records import MalformedURL, checked_url

TIMEOUT = 10
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "Verbatim/0.1 (news quotation research; article ingest)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}


URL_START = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def looks_like_url(text):
    """Whether a command-line argument is a URL to fetch ("scheme://…") rather than a path."""
    return bool(URL_START.match(text))


class FetchError(Exception):
    """The page could not be fetched; the message says why, in one line."""


class WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, each to an http(s) address."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("Location") or headers.get("URI")
        if location:
            try:
                checked_url(urljoin(req.full_url, location))
            except MalformedURL as error:
                raise FetchError(f"redirected to an address that is not a web page's ({error})") from None
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


OPENER = urllib.request.build_opener(WebRedirects)


def read_url(url, max_bytes, timeout=TIMEOUT):
    """The records of the page at `url`: one `Received`, or one `Failure` saying why not."""
    try:
        final_url, content_type, charset, data = fetch(url, max_bytes, timeout)
    except (FetchError, MalformedURL) as error:
        yield Failure(url, str(error))
        return
    suffix = ".html" if content_type in HTML_TYPES or not content_type else ".txt"
    for received in read_data(data, url, suffix, encoding=charset):
        if isinstance(received, Failure) or received.url:
            yield received
        else:
            yield replace(received, url=final_url)


def fetch(url, max_bytes, timeout=TIMEOUT):
    """(final URL, content type, charset or None, body bytes) of the page at `url`."""
    checked_url(url)
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"}
    )
    try:
        with OPENER.open(request, timeout=timeout) as response:
            content_type, charset = media_type(response.headers)
            if content_type and content_type not in HTML_TYPES | TEXT_TYPES:
                raise FetchError(f"is {content_type}, not a web page (HTML or plain text)")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"page is {declared} bytes, over the {max_bytes}-byte limit")
            data = read_body(response, max_bytes, deadline, timeout)
            return response.geturl(), content_type, charset, data
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib gives up on a redirect loop with the last 3xx
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        raise FetchError(f"HTTP {error.code} {str(error.reason).splitlines()[0]}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(f"no answer within {timeout} s") from None
        raise FetchError(f"could not connect ({reason_text(error.reason)})") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout} s") from None
    except (HTTPException, OSError, ValueError) as error:
        raise FetchError(f"could not be fetched ({type(error).__name__}: {error})") from None


def read_body(response, max_bytes, deadline, timeout):
    """The body, read in chunks; FetchError past max_bytes or past the deadline."""
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"page is over the {max_bytes}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError(f"the page did not arrive within {timeout} s")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(headers):
    """("text/html", "utf-8") from a Content-Type header; ("", None) when there is none."""
    if not headers.get("Content-Type"):
        return "", None
    message = Message()
    message["Content-Type"] = headers["Content-Type"]
    return message.get_content_type().lower(), message.get_param("charset")


def reason_text(reason):
    """The words of a connection error, without the errno: "Connection refused"."""
    return getattr(reason, "strerror", None) or str(reason)
