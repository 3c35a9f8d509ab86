"""Find an article's title in its clean paragraphs.

A text file carries no title field, so the first paragraph is taken for the
headline when it reads like one: short, and not a finished sentence (a question
mark is allowed, as headlines ask). Otherwise the story opens straight with its
lead, and the title is the lead's first sentence, cut at a word boundary.

Limit: a headline written as a full sentence with a final full stop is taken
for a lead, and only its first sentence becomes the title (which is then the
headline anyway, unless it is long).
"""

import re

HEADLINE_MAX = 160
TITLE_MAX = 120
FIRST_SENTENCE = re.compile(r"^.+?[.!?][\"”’'»)]*(?=\s+[\"“‘'«(]?[A-Z0-9])")


def is_headline_like(paragraph):
    """Short and not a finished sentence: a headline, a cross-head or a video title."""
    return len(paragraph) <= HEADLINE_MAX and not paragraph.rstrip("\"”’'»)").endswith((".", "…"))


def detect_title(paragraphs):
    """The headline, or the opening sentence shortened; "" for no paragraphs."""
    if not paragraphs:
        return ""
    first = paragraphs[0]
    if is_headline_like(first):
        return first
    match = FIRST_SENTENCE.match(first)
    return shorten(match.group(0) if match else first)


def shorten(text, limit=TITLE_MAX):
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"
