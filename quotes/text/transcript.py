"""Paragraphs that name their speaker with a label before a colon, as transcripts,
interviews and headlines print them: "TAPPER: Do you think he has changed?", "Holm: The
ferry will run all winter".

In: an article body and its paragraph spans. Out: `Labelled` paragraphs: the label
as printed and the body offsets of what follows it. Pure; no ORM. What the label
says is spoken speech printed without quote marks, so it is read as reported
speech, with the label for its speaker (quotes.text.attribution names it like any
mention).

A label is a name in capitals ("JAKE TAPPER", "MR. LIND") or one to three capitalised
words ("Maria Holm", "Poll"), at the start of a paragraph and followed by at least
MIN_WORDS words; a tag in capitals may open it ("EXCLUSIVE – Holm: …"), and a
headline's label may say whom it was addressed to ("Holm to Harbour Board: …"): the
speaker is Holm (on the development set, 3 headlines more, all three annotated so).
Not labels: words that head the writer's own text ("Update:",
"Editor's note:", "Watch:", "Related:", "The result:"), an interview's unnamed "Q:"
and "A:" (on the development set 0.71 of such lines lay in an annotation), what
follows a label that is itself a quotation ("Holm: “…”": the quotation is read as
such), and a label in capitals opening the body when no other paragraph has one: a
dateline with a colon, as Indian and Pakistani outlets print one ("NEW DELHI: Union
minister X said …"). Limits: a label is not checked against the article's
people, so a capitalised phrase that heads a list ("Student Loans: …") reads as a
speaker.
"""

import re
from dataclasses import dataclass

from .lexicon import LINK_LABELS

MIN_WORDS = 5
LIST_COMMAS = 3
LIST_CAPITALS = 0.6
MAX_CAPITAL_WORDS = 4
MAX_TITLE_WORDS = 3
LABEL = re.compile(
    r"(?:[A-Z]{4,} [–—-] )?([A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|to|at|on|in)){0,6}):[ \t]+(?=\S)"
)
# What a headline's label may add after the speaker: whom or where they spoke to
# ("Clinton to Planned Parenthood: …", "Former AG Mukasey at RNC: …").
ADDRESSED = re.compile(r" (?:to|at|on|in) [A-Z].*$")
# First words of a label that heads the writer's own text, not a speaker's words.
NOT_SPEAKERS = frozenset(
    """the a an this that these those our my his her their its your here there what
    why how who when where update updated note editor's editor’s correction related
    watch read photo photos video source sources credit advertisement breaking
    exclusive analysis opinion warning disclaimer subscribe follow listen more also
    see share tags topics filed posted published bottom example step part chapter
    question answer day week key fact facts background context number quote q a
    contributing contributors boom bombshell wow whoa shocking developing alert""".split()
)
WORD = re.compile(r"[\w’'-]+")
OPENING_MARKS = "\"“‘'«„"


@dataclass(frozen=True)
class Labelled:
    """One labelled paragraph: body[start:end] is what the speaker said."""

    paragraph: int
    start: int
    end: int
    label: str  # as printed
    label_start: int


def labelled_paragraphs(body, paragraphs):
    """The labelled paragraphs of body, in order."""
    found = []
    for index, (lo, hi) in enumerate(paragraphs):
        match = LABEL.match(body, lo, hi)
        if match is None:
            continue
        label, start = match.group(1), match.end()
        if index == 0:  # a headline: "Clinton to Planned Parenthood: …" is Clinton's
            label = ADDRESSED.sub("", label)
        end = len(body[:hi].rstrip())
        text = body[start:end]
        if text[:1] in OPENING_MARKS or len(WORD.findall(text)) < MIN_WORDS:
            continue
        if is_speaker_label(label) and not is_list(text):
            found.append(Labelled(index, start, end, label, match.start(1)))
    if len(found) == 1 and found[0].paragraph == 1 and found[0].label.isupper():
        return []  # "NEW DELHI: Union minister X informed …": a dateline, not a transcript's label
    return found


def is_list(text):
    """Whether what follows a label is a list of names ("Iowa: Tim Roe, Ann Lee, Bo
    Sun, …"), a heading over names rather than anyone's words."""
    words = WORD.findall(text)
    capitalised = [w for w in words if w[0].isupper()]
    return text.count(",") >= LIST_COMMAS and len(capitalised) > LIST_CAPITALS * len(words)


def is_speaker_label(label):
    """Whether a label before a colon names who speaks: a name in capitals or a few
    capitalised words, none of them a heading of the writer's own."""
    words = label.split()
    first = words[0].lower()
    if first in NOT_SPEAKERS or label.lower().startswith(LINK_LABELS):
        return False
    if label.isupper():
        return len(words) <= MAX_CAPITAL_WORDS
    return len(words) <= MAX_TITLE_WORDS and all(w[0].isupper() for w in words)
