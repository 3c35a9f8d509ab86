"""Why a quote's speaker may be wrong, and how likely: the review queue's reasons and score.

In: `Evidence`, the plain facts about one quote's attribution (how its speaker was found
and how sure, which of attribution's steps found it and what the others said, what was
read as its source, the speaker's name, kind and other names, the
quote's sentence, paragraph and article,
the other people the article quotes, whom it gives the same words to elsewhere, and what
the other outlets of its Statement say).
Out: `reasons(evidence)`, the codes of `REASONS` that apply, in `REASONS` order, and
`score(reasons, weights)`, the chance that the speaker is wrong, between 0 and 1. Pure;
no ORM.

The score is a logistic model over the reasons: score = 1 / (1 + exp(-(bias + sum of the
weights of the reasons present))). Each weight is at least `Weights.floor`, so a quote
with a reason always ranks above one with none, and a reason never lowers the score.
The weights were fitted on the development set (benchmarks/review_queue.py, `manage.py
bench_review_queue --fit`): every visible quote of ../shared/eval/dev/polnear_train after
ingest and clustering, labelled wrong when it holds a gold item with a named speaker and
does not name that speaker (as ../shared/eval/score_quotes.py judges speakers), a
logistic regression with non-negative weights and an L2 penalty of 1. Fitted on half of
the articles and measured on the other half, twelve times over (the benchmark's
halvings), 0.42 of the wrong speakers fall in the first 10% of the queue on average
(0.416 to 0.423 over three runs, since the labels move by a few quotes, see Weights;
standard deviation 0.035 over the halvings), 0.27 in 5%, 0.59 in 20%, 0.78 in 50%; the
even and odd halves alone give 0.44 and 0.44 to 0.46 at 10%. With these weights on all of
it, 0.32 to 0.33 in the first 5%, 0.47 in 10%, 0.63 in 20%, 0.80 in 50%.
repeated-by-another (the article gives the same words to another speaker elsewhere)
raised the held-out means from
0.262 / 0.390 / 0.556 / 0.781 at 5 / 10 / 20 / 50% (the even and odd halves from 0.41 and
0.43 at 10%, these weights on all from 0.31 / 0.43 / 0.59 / 0.79 with the weights fitted
before it); on the same halvings it adds 0.033 at 10% (standard deviation of that gain
0.013) and 0.035 at 20%, where 216 quotes carry it and 28 to 31 of them are wrong (1 in
7, against 1 in 39 in the queue). Its rules (three words or more, 80% of them, a copy
that names someone) were the best of seventeen variants (two to four words, 80 to 100%,
one way or both ways round, copies that name nobody or not), all of which added 0.017 to
0.035 at 10%: with copies that name nobody too, 0.022; the same words both ways round,
0.029. The four reasons from attribution's steps (no-adjacent-cue, word-pattern,
cues-disagree, not-speech-verb) raised the held-out means from 0.25 / 0.41 / 0.58 / 0.78
at 5 / 10 / 20 / 50% (three runs alike), each of them adding 0.004 to 0.007
at 10% (dropped one at a time, over the same halvings) and more elsewhere (no-adjacent-cue
0.023 at 5%, word-pattern 0.032 and cues-disagree 0.023 at 20%). Every quote counts,
judged or not, because the queue holds them all: the weights say how likely a quote is to
be one whose speaker an editor must change. What that gold cannot judge it cannot weigh:
it names no speaker where the source is a pronoun or a bare role noun, so the reasons about
pronouns weigh little there, and only the floor keeps them above quotes with no reason.

Limits: a reason is a rule on the text around the quote, not a second attribution: it
says where to look, not who spoke. Evidence tried and left out, since none moved the
first 10% by more than 0.01 over twelve random halvings (some by less than nothing): each
confidence of each method, the quote's kind with each method, its paragraph (headline,
lede), its length, first-person words in it, a speech verb near a quote with no speaker,
the mention's distance from the quote and whether it holds the speaker's name or a
lower-case word, a speaker quoted once, a paragraph that quotes two speakers, another
name or a second speech verb in the quote's sentence, another given name printed with the
speaker's surname; a gradient-boosted model over all of them did no better (0.40 and 0.42
on the even and odd halves). Of what attribution's steps can tell, these were tried and
left out: a continuation whose nearest named person is someone else, one across narration
whose subject is not the previous speaker, the parse's way to its subject (climbing past
clauses, the word's dependency) and, for a quote with no speaker, where the nearest person
was last named moved the first 10% by 0.002 or less; a pronoun or role noun with another
fitting person named since the paragraph before (5 wrong speakers in 388 such quotes), a
nearest subject that is not the nearest speaker (11 in 794), an outer speech verb or one in
another sentence, the verb's distance, and reported speech's verb and word order are wrong
no more often than quotes in general (1 in 35), so they cannot lift the queue. Also
tried and left out, gain at 10% over the same halvings (quotes that carry it, wrong among
them): another quoted person's surname in the quote's sentence, +0.007 (1,913, 82; the
paragraph's other-person-near holds most of it); "X's claim", "X's statement" (a speech
noun, lexicon.SPEECH_NOUNS or CONTENT_NOUNS, of someone not the speaker) in the sentence,
-0.002 (78, 6); a name and a speech verb inside the quote's own words, +0.001 (247, 15);
the speaker's surname inside the quote, -0.002 (113, 4); a question, -0.001 (383, 11); a
fragment after a determiner ("the “…” remark"), +0.001 (470, 25); the last fifth of the
article, +0.001; an article where a fifth of the quotes have no speaker, -0.003; one that
quotes six people or more, -0.002; another sentence of the same quotation passed on
from another source, +0.006 (14, 7), and with that a sentence opening "According to X,"
(which SECOND_HAND, in lower case, misses) read as second-hand too, +0.019 before
repeated-by-another but +0.003 with it (288 quotes, 32 wrong).
Tried later and left out, each beside these reasons, paired over the same twelve halvings
(a fresh ingest labelling 394 wrong, 0.402 at 10% with the reasons alone): how the
attribution was reached, each within 0.01 at 10%: the speaker being the article's
most-quoted person or not (+0.009, but -0.001 over 24 other halvings), the speaker's share
of the article's quotes, times printed, first printed after the quote, printed in this
paragraph or the one before; the nearest quoted person before or after the quote being
someone else, another quoted person in the quote, how many quoted people this paragraph
and the one before name, a paragraph after one that names only others, a paragraph with no
narration; the sentence's place in its quotation, the quote's length and place in the
article, how many quotes and people the article has, no reporting verb in the sentence,
no other outlet giving the same speaker. A capitalised word not of the speaker's names
within three words of a speech verb in the quote's sentence (2,553 quotes, 95 wrong) added
+0.011 (+0.013 over 24 other halvings, standard deviation of the gain 0.017, 17 of 24
positive); with one word's window or five, the paragraph for the sentence, belief verbs
too, only the people the article quotes or only the others, +0.000 to +0.014.
Other models over the reasons and all of these: a logistic regression with weights of
either sign (penalty C 0.01 to 1) -0.016 to +0.008; gradient-boosted trees -0.049 to
-0.030, on the reasons alone -0.007 to +0.007; the chance that the gold names the quote's
speaker at all times the chance that it is wrong when it does, -0.039 to -0.023; an L2
penalty of 0.1 to 30 instead of 1, +0.006 to -0.030. Part of what stays low is the label:
of the 394 wrong, 54 hold one gold speaker whose last word is the speaker's own (a name
printed another way, "Ada B. Brightwater" for "Ada Brightwater", or a relative), 8 of them in the
first 10%, and 33 hold gold items of two speakers or more (mostly a short phrase whose
words another gold sentence of the article prints too), 10 in the first 10%.

Place names are quotes.text.places's: countries, top-level subdivisions and US state
codes. Names are matched as printed (whole words, case
as written), so a name the article spells two ways counts as not printed for the other.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from .attribution import PARSE, SENTENCE, WORDS
from .drift import keys
from .lexicon import GROUP_NOUNS
from .places import is_place

# The reasons, in the order the queue shows them, and what each tells the editor.
REASONS = {
    "no-speaker": "No speaker found for this quotation",
    "no-source": "Nothing around it was read as its source",
    "speakerless-run": "One sentence of a quotation of several with no speaker",
    "unattributed-report": "Reported speech with no speaker",
    "low-confidence": "Attribution confidence below 0.6",
    "role-noun": "Speaker found from a role noun (“the spokeswoman”)",
    "full-by-role": "A full quoted sentence whose speaker was found from a role noun",
    "pronoun": "Speaker found from a pronoun",
    "far-reference": "Pronoun or role noun resolved to someone not named in this paragraph",
    "far-continuation": "Continues a quotation whose speaker is not named in this paragraph",
    "continuation-guess": "Continues a quotation across narration; the narration’s subject was taken as speaker",
    "cue-elsewhere": "The name its cue gives is not printed in this paragraph",
    "no-adjacent-cue": "No attribution right after the quote: the speaker came from the sentence’s grammar, "
    "a word pattern or the sentence before",
    "word-pattern": "Only a word pattern found the speaker: no cue right after the quote, none in the grammar",
    "cues-disagree": "Another way of reading the sentence (its grammar, a word pattern) names someone else",
    "not-speech-verb": "The speaker is the subject of a verb that is not a speech verb (“blamed”, “is”)",
    "second-hand": "Its sentence passes it on from another source (“according to …”, “… reported”)",
    "consensus": "Speaker taken from the other outlets, not from this article",
    "conflict": "The outlets’ explicit cues name different speakers",
    "outlets-disagree": "Another outlet gives another speaker",
    "organisation": "The speaker is an organisation or a group",
    "place-name": "The speaker’s name is a place",
    "not-a-name": "The speaker’s name does not read as a name",
    "surname-only": "The speaker is known by one word only",
    "shared-surname": "Another person in the article has the same surname",
    "other-person-near": "Another quoted person is named in the same paragraph",
    "repeated-by-another": "The article prints these words again and gives them to another speaker",
    "not-in-article": "The speaker’s name is not printed in the article",
    "fragment": "A short fragment: the subject of its sentence may not be the speaker",
}
LOW_CONFIDENCE = 0.6  # attribution.py gives 0.5 to a guess (a pronoun read forwards, a
# sentence's subject) and at most 0.6 to a colon introduction; 0.75 and up to cues.
# A sentence that passes words on from a report: "according to the Times", ", reports
# Reuters", "CNN reported". The capital after the phrase asks for a named source.
SECOND_HAND = re.compile(
    r"\baccording to\s+(?:the\s+)?[A-Z]"
    r"|,\s*(?:reports?|reported|writes|wrote)\s+(?:the\s+)?[A-Z]"
    r"|\b[A-Z][\w.]*\s+(?:reports|reported)\b"
)
# A quote's words "repeated" elsewhere in its article: at least REPEAT_WORDS of them (fewer,
# "No." or "Thank you", many say), REPEAT_SHARE of them, as a multiset, in another quote.
REPEAT_WORDS = 3
REPEAT_SHARE = 0.8
SENTENCE_END = re.compile(r"[.!?][\"”’']*\s+(?=[\"“‘'A-Z])")
NAME_CHARACTERS = re.compile(r"^[^\W\d_][\w .’'-]*$")
ADVERB = re.compile(r"ly$")


@dataclass(frozen=True)
class Evidence:
    """What is known about one quote's attribution.

    mention is what the attribution read as the speaker ("Ms Brightwater", "a
    spokesman", "the statement said"; "" for nothing); paragraph is the quote's
    paragraph with the quote cut out (narration and other quotes), sentence the narration
    of the quote's own sentence (quotes.text.doubt.sentence_around), body the whole article; names are the speaker's name, surname and aliases;
    article_people the names of the other people (kind person) the article's quotes are
    attributed to; other_outlets the speaker names (None for none) the quotes of the same
    Statement in other articles give; sentences how many quotes (sentences) the quote's
    quotation has; step and step_doubts are quotes.text.attribution's Attribution.step
    (which of its steps found the speaker) and Attribution.doubts (what the others saw
    against it, whose codes are reasons' codes)."""

    kind: str
    method: str
    confidence: float
    speaker: str | None = None
    speaker_kind: str = "person"
    names: tuple[str, ...] = ()
    mention: str = ""
    paragraph: str = ""
    sentence: str = ""
    body: str = ""
    article_people: tuple[str, ...] = ()
    statement_conflict: bool = False
    other_outlets: tuple[str | None, ...] = ()
    sentences: int = 1
    step: str = ""
    step_doubts: tuple[str, ...] = ()
    repeated_by: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Weights:
    """The logistic model's bias and one weight per reason (see the module docstring).

    Fitted on the development set (836 articles, 15,527 queued quotes, 399 of them with a
    wrong speaker, give or take a few: score_quotes.py breaks ties between rows by object
    identity) by `manage.py bench_review_queue --fit`. floor is the least weight
    a reason carries, so that a quote with a reason ranks above those with none: 0.05
    costs nothing measurable against no floor (0.428 against 0.427 of the wrong speakers
    caught in the first 10% of the queue, mean of the twelve held-out halves), where 0.3
    costs 0.008."""

    bias: float = -4.63
    floor: float = 0.05
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "no-speaker": 0.91,
            "no-source": 1.65,
            "speakerless-run": 0.65,
            "unattributed-report": 0.48,
            "low-confidence": 0.44,
            "role-noun": 0.26,
            "full-by-role": 1.06,
            "pronoun": 0.0,
            "far-reference": 0.0,
            "far-continuation": 0.24,
            "continuation-guess": 1.99,
            "cue-elsewhere": 0.43,
            "no-adjacent-cue": 0.37,
            "word-pattern": 1.15,
            "cues-disagree": 1.3,
            "not-speech-verb": 1.0,
            "second-hand": 1.36,
            "consensus": 1.12,
            "conflict": 0.47,
            "outlets-disagree": 0.0,
            "organisation": 0.0,
            "place-name": 0.4,
            "not-a-name": 0.0,
            "surname-only": 0.29,
            "shared-surname": 0.33,
            "other-person-near": 0.35,
            "repeated-by-another": 1.78,
            "not-in-article": 0.51,
            "fragment": 0.22,
        }
    )

    def weight(self, reason: str) -> float:
        return max(self.floor, self.weights.get(reason, 0.0))


def score(found: tuple[str, ...] | list[str], weights: Weights | None = None) -> float:
    """The chance that the speaker is wrong, given the reasons found (0 to 1)."""
    weights = weights or Weights()
    logit = weights.bias + sum(weights.weight(reason) for reason in found)
    return 1.0 / (1.0 + math.exp(-logit))


def reasons(evidence: Evidence) -> tuple[str, ...]:
    """The codes of REASONS that apply to evidence, in REASONS order."""
    found = (
        set(attribution_reasons(evidence)) | set(outlet_reasons(evidence)) | set(article_reasons(evidence))
    )
    if evidence.speaker:
        found |= set(speaker_reasons(evidence))
    return tuple(code for code in REASONS if code in found)


def attribution_reasons(evidence: Evidence):
    """Reasons in how the speaker was found."""
    if evidence.kind == "fragment":
        yield "fragment"
    if SECOND_HAND.search(evidence.sentence):
        yield "second-hand"
    if not evidence.speaker:
        yield "unattributed-report" if evidence.kind == "indirect" else "no-speaker"
        if evidence.kind != "indirect" and not evidence.mention.strip():
            yield "no-source"
        if evidence.kind != "indirect" and evidence.sentences > 1:
            yield "speakerless-run"
        return
    if evidence.confidence < LOW_CONFIDENCE:
        yield "low-confidence"
    method = evidence.method
    if method == "role":
        yield "role-noun"
        if evidence.kind == "full":
            yield "full-by-role"
    if method == "pronoun":
        yield "pronoun"
    if method == "consensus":
        yield "consensus"
    if method in ("pronoun", "role", "continuation") and not printed(evidence.paragraph, evidence.names):
        yield "far-continuation" if method == "continuation" else "far-reference"
    if method == "continuation" and evidence.confidence < LOW_CONFIDENCE:
        yield "continuation-guess"
    if method == "explicit" and evidence.mention and evidence.mention not in evidence.paragraph:
        yield "cue-elsewhere"
    if method != "consensus":
        yield from step_reasons(evidence)


def step_reasons(evidence: Evidence):
    """Reasons in which of attribution's steps found the speaker and what the others said
    (quotes.text.attribution: Attribution.step and .doubts); none for a speaker the other
    outlets gave, since the steps found another."""
    if evidence.step in (PARSE, WORDS, SENTENCE):
        yield "no-adjacent-cue"
    if evidence.step == WORDS:
        yield "word-pattern"
    yield from evidence.step_doubts  # attribution's codes are reasons' codes


def outlet_reasons(evidence: Evidence):
    """Reasons in what the other outlets of the quote's Statement say."""
    if evidence.statement_conflict:
        yield "conflict"
    if any(other and other != evidence.speaker for other in evidence.other_outlets):
        yield "outlets-disagree"


def article_reasons(evidence: Evidence):
    """Reasons in what the rest of the article makes of the same words: a quote it prints
    twice (a headline, a pull quote, a phrase quoted back from a full sentence) with two
    named speakers is wrong in one place at least; a copy with no speaker says nothing.
    Two people who do say the same words (a slogan, a phrase one quotes back at the
    other) both carry it too."""
    if any(other and other != evidence.speaker for other in evidence.repeated_by):
        yield "repeated-by-another"


def speaker_reasons(evidence: Evidence):
    """Reasons in who the speaker is and how the article prints them."""
    name = evidence.speaker or ""
    words = name.split()
    if evidence.speaker_kind != "person":
        yield "organisation"
    if is_place(name):
        yield "place-name"
    if not reads_as_name(name, evidence.body):
        yield "not-a-name"
    if len(words) == 1:
        yield "surname-only"
    others = [person for person in evidence.article_people if person != name]
    if any(person.split()[-1] == words[-1] for person in others):
        yield "shared-surname"
    if any(printed(evidence.paragraph, (person.split()[-1],)) for person in others):
        yield "other-person-near"
    if not printed(evidence.body, evidence.names or (name,)):
        yield "not-in-article"


def sentence_around(before: str, after: str) -> str:
    """The narration of a quote's sentence, from the text of its paragraph before and
    after the quote: back to the last sentence end before it, on to the first after it."""
    ends = list(SENTENCE_END.finditer(before))
    start = before[ends[-1].end() :] if ends else before
    end = SENTENCE_END.search(after)
    return start + " " + (after[: end.start()] if end else after)


def word_bag(text: str) -> Counter:
    """The comparable words of text (quotes.text.drift.keys), counted."""
    return Counter(keys(text))


def repeats(whole: Counter, part: Counter) -> bool:
    """Whether the words whole holds repeat part: REPEAT_WORDS of them or more, and
    REPEAT_SHARE of them (as a multiset) in whole."""
    wanted = sum(part.values())
    if wanted < REPEAT_WORDS or sum(whole.values()) < REPEAT_SHARE * wanted:
        return False
    return sum(min(count, whole[word]) for word, count in part.items()) >= REPEAT_SHARE * wanted


def printed(text: str, names) -> bool:
    """Whether text prints any of names as whole words."""
    return any(name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names)


def reads_as_name(name: str, body: str = "") -> bool:
    """False for what a name is not: lower case first ("candidate Jo Smith"), letters
    that are no name's ("Fran§ois"), a first word that is a common word (a stop word,
    an adverb, a group noun: "Within Sanders", "Many", "Officials") or that the article
    also prints in lower case mid-sentence ("Understated" beside "understated")."""
    if not NAME_CHARACTERS.match(name) or not name[:1].isupper():
        return False
    if name.isupper() and len(name.replace(".", "")) <= 2:
        return True  # initials and two-letter bodies ("AP"); place codes are place names
    first = name.split()[0].lower()
    if first in STOP_WORDS or first in GROUP_NOUNS or ADVERB.search(first):
        return False
    return not re.search(rf"[a-z,;] {re.escape(first)}(?!\w)", body)
