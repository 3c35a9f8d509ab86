"""Text that every later step, and the database, can take: lone surrogates and NUL bytes gone.

In: any `str`. Out: the same text with each lone UTF-16 surrogate (U+D800 to
U+DFFF, which `json.loads` makes of an escape like "\\ud800" and the file
system of undecodable bytes in a file name) replaced by U+FFFD, and every NUL
(U+0000) removed. Nothing else changes: no Unicode normalisation, so the body
and the offsets into it stay what the source printed.

Why: a surrogate cannot be encoded as UTF-8 (hashing, writing to stderr or to
PostgreSQL raises UnicodeEncodeError) and PostgreSQL refuses NUL in text. Both
are cleaned once, where text comes in, rather than failing wherever it lands.
Linear in the length of the text (two regular-expression passes).
"""

import re

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def normalise_text(text):
    """`text` with lone surrogates replaced by U+FFFD and NUL bytes removed."""
    if not text:
        return text
    return LONE_SURROGATE.sub(REPLACEMENT, text.replace("\x00", ""))
