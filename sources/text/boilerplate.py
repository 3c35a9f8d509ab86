"""Turn an article's plain text into clean paragraphs: the body quotes are found in.

In: the text of one article as a scraper or an extractor left it (one paragraph a
line, or paragraphs hard-wrapped inside blank-line blocks). Out: a `CleanText`
with the paragraphs that belong to the story, the byline, and the outlet a
signature line names ("By Some Outlet with AP").

What is removed is decided by general line and paragraph rules, never by phrases
of one outlet: "READ MORE:"-style links, share buttons, newsletter and editor's
pitches, "Follow X on Google News" promotions, photo captions ("In this photo
…", a caption line that repeats, an "Outlet Name:" label and the caption under
it), copyright lines, video-player notices with the video title after them,
navigation words ("Find Us", "Menu"), timestamp residue ("Published on
Updated"), bylines, and related-story blocks ("You might also like", "More
stories", …) with the short headline lines under them, up to the next long
paragraph or the end.

The characters of each kept paragraph are kept as they are (quote marks are
never changed); only the whitespace around a paragraph is stripped.

Limits: a caption with no marker, label or repeat looks like a short paragraph
and stays; a related-story heading this module does not know lets its headlines
through; a document hard-wrapped without blank lines between paragraphs becomes
one paragraph; a short sub-heading directly under a related-story block is
taken for one of its headlines.
"""

import re
from dataclasses import dataclass

from sources.text.headline import HEADLINE_MAX, is_headline_like

QUOTE_MARKS = "\"“”‘’'«»„‚"
OPENING_QUOTES = '"“‘«„'
SENTENCE_END = re.compile(r"[.!?…][\"“”‘’'»)\]]*$")

READ_MORE = re.compile(
    r"^(?:READ MORE\b|(?:read more|read also|also read|see also|related|watch|listen)\s*[:|–—-])",
    re.IGNORECASE,
)
NEWSLETTER = re.compile(
    r"^(?:sign up|subscribe)\b.*\bnewsletters?\b|^sign up (?:to|for) (?:our|the)\b", re.IGNORECASE
)
SHARE = re.compile(
    r"^(?:share (?:this|the|on|via)\b|share$|copy to clipboard|copy link|copy/paste\b.*\bembed)"
    r"|copy to clipboard",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s)|©", re.IGNORECASE)
CAPTION = re.compile(
    r"^(?:in this (?:file |handout )?(?:photo|image|picture|video grab)|file photo\b"
    r"|(?:photo|photograph|picture|image|pictured|caption|image caption|photo credit)\s*:)",
    re.IGNORECASE,
)
NAVIGATION = re.compile(
    r"^(?:find us|menu|skip to (?:main )?content|sign in|log in|subscribe|advertisement"
    r"|comments|close|search|home|story continues below(?: advertisement)?|listen to this article"
    r"|click here\b.*)\s*:?$",
    re.IGNORECASE,
)
TIMESTAMP_RESIDUE = re.compile(
    r"^(?:published|updated|last updated)(?:\s+(?:on|at)\b.*|:.*|\s+\S*\d.*|\s*)$", re.IGNORECASE
)
RELATED_HEADING = re.compile(
    r"^(?:articles you may like|you might also like|you may also like|more stories|more on this story"
    r"|more from [\w .'’&-]{1,40}|related(?: articles| stories| content| coverage| news)?"
    r"|read next|most read|recommended(?: for you| stories)?|trending(?: now)?|top stories)\s*:?$",
    re.IGNORECASE,
)
EDITOR_PITCH = re.compile(r"^a message from the editor\s*:?$", re.IGNORECASE)
FOLLOW_PROMO = re.compile(
    r"^follow .{1,60} on (?:google news|twitter|x|facebook|instagram|telegram|whatsapp|linkedin|youtube)\b",
    re.IGNORECASE,
)
VIDEO_PLAYER = re.compile(r"^please use .{0,40}browser\b.{0,60}\bvideo player", re.IGNORECASE)
CAPTION_LABEL = re.compile(r"^[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|the|and|&)){0,4}:$")
BYLINE = re.compile(
    r"^By\s+(?P<name>[A-Z][^\s!?]*(?:\s+(?:[A-Z][^\s!?]*|and|with|in|de|van|von|der|la|le|al|of|the))*)$"
)
SIGNATURE_OUTLET = re.compile(r"^(?P<outlet>.+?)\s+with\s+\S+$")

BYLINE_WORDS_MAX = 10
PROMO_TAIL_MAX = 80
SHORT_LINE_MAX = 150
REPEATED_CAPTION_WORDS = (3, 15)
HARD_WRAP_WIDTH = 100


@dataclass(frozen=True)
class CleanText:
    paragraphs: tuple
    byline: str = ""
    signature_outlet: str = ""

    @property
    def body(self):
        """Paragraphs separated by exactly one blank line: the text quote offsets point into."""
        return "\n\n".join(self.paragraphs)


def clean(text, lines_are_paragraphs=None):
    """Split `text` into paragraphs and drop the boilerplate among them.

    `lines_are_paragraphs`: True when each line is a paragraph (an HTML
    extractor's output), False when lines are hard-wrapped inside blank-line
    blocks, None to decide from the text (see `looks_hard_wrapped`).
    """
    paragraphs = split_paragraphs(text, lines_are_paragraphs)
    kept = []
    byline = ""
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        match = BYLINE.match(paragraph)
        if match and len(paragraph.split()) <= BYLINE_WORDS_MAX:
            byline = byline or " ".join(match.group("name").split())
            index += 1
            continue
        dropped = boilerplate_run(paragraphs, index)
        if dropped:
            index += dropped
            continue
        kept.append(paragraph)
        index += 1
    signature = SIGNATURE_OUTLET.match(byline)
    return CleanText(tuple(kept), byline, signature.group("outlet") if signature else "")


def split_paragraphs(text, lines_are_paragraphs=None):
    """Paragraphs of `text`, stripped, without empty ones."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if lines_are_paragraphs is None:
        lines_are_paragraphs = not looks_hard_wrapped(text)
    if lines_are_paragraphs:
        pieces = text.split("\n")
    else:
        pieces = [
            " ".join(line.strip() for line in block.split("\n")) for block in re.split(r"\n\s*\n", text)
        ]
    return [piece.strip() for piece in pieces if piece.strip()]


def looks_hard_wrapped(text):
    """True when the lines look cut at a fixed width rather than at paragraph ends:
    many lines, none longer than a wrap width, most of them close to it, and most
    ending inside a sentence."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 8 or max(len(line) for line in lines) > HARD_WRAP_WIDTH:
        return False
    long_lines = sum(len(line) >= HARD_WRAP_WIDTH // 2 for line in lines)
    open_ends = sum(not SENTENCE_END.search(line) for line in lines)
    return long_lines >= 0.6 * len(lines) and open_ends >= 0.5 * len(lines)


def boilerplate_run(paragraphs, index):
    """How many paragraphs from `index` on are boilerplate (0: the paragraph stays)."""
    paragraph = paragraphs[index]
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    if RELATED_HEADING.match(paragraph):
        return 1 + headline_run(paragraphs, index + 1)
    if EDITOR_PITCH.match(paragraph):
        return 2 if following is not None else 1
    if VIDEO_PLAYER.match(paragraph):
        return 2 if following is not None and is_headline_like(following) else 1
    if FOLLOW_PROMO.match(paragraph) and len(paragraph) <= SHORT_LINE_MAX:
        tail = following is not None and following[:1].islower() and len(following) <= PROMO_TAIL_MAX
        return 2 if tail else 1
    if is_caption_label(paragraph, following):
        return 2
    if is_boilerplate_line(paragraph) or is_repeated_caption(paragraphs, index):
        return 1
    return 0


def is_boilerplate_line(paragraph):
    """A single line that is never part of the story wherever it stands."""
    if READ_MORE.match(paragraph) or CAPTION.match(paragraph) or NAVIGATION.match(paragraph):
        return True
    if len(paragraph) > SHORT_LINE_MAX:
        return False
    if NEWSLETTER.search(paragraph) or SHARE.search(paragraph) or COPYRIGHT.search(paragraph):
        return True
    return (
        bool(TIMESTAMP_RESIDUE.match(paragraph))
        and len(paragraph) <= 60
        and not SENTENCE_END.search(paragraph)
    )


def headline_run(paragraphs, start):
    """How many short headline lines follow a related-story heading."""
    count = 0
    while start + count < len(paragraphs) and len(paragraphs[start + count]) <= HEADLINE_MAX:
        count += 1
    return count


def is_caption_label(paragraph, following):
    """An "Outlet Name:" line with a caption under it, the way some sites render photos:
    the caption is short, quotes nobody and ends without a full stop (a title-case
    sub-heading with a colon, followed by a sentence, stays)."""
    if following is None or len(paragraph) > 40 or not CAPTION_LABEL.match(paragraph):
        return False
    if len(following) > 200 or SENTENCE_END.search(following):
        return False
    return not any(mark in following for mark in OPENING_QUOTES)


def is_repeated_caption(paragraphs, index):
    """A short line printed again as a paragraph or as the opening of one: a photo
    caption repeated by the page. The headline (index 0) is never taken for one."""
    paragraph = paragraphs[index]
    low, high = REPEATED_CAPTION_WORDS
    if index == 0 or not low <= len(paragraph.split()) <= high or paragraph.endswith(":"):
        return False
    if any(mark in paragraph for mark in QUOTE_MARKS):
        return False
    for other_index, other in enumerate(paragraphs):
        if other_index != index and (other == paragraph or other.startswith(paragraph + " ")):
            return True
    return False
