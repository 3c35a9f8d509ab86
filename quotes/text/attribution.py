"""Who said each quotation: the speaker's name as the article prints it in full.

In: an article body, its `Quotation`s (quotes.text.quotations) and, when it was
parsed, its `ParsedArticle` (quotes.text.parse). Out: one `Attribution` per
quotation: the speaker's fullest name in the article, whether a person, a group
or a body, the words that named it, how it was found (explicit / pronoun / role
/ continuation / none) and how sure, which step below found it (`step`) and what
the other steps saw against it (`doubts`: a later cue step naming someone else, a
fragment hung on a verb that is no speech verb), which the review queue reads;
`attribute_reports` does the same for the reported speech of quotes.text.reported,
over the same `Article` that `attribute_quotations` read (`attribute` builds it
from a body). Pure; no ORM.

How, in order:
1. the attribution printed right after the quote's closing mark, in the same
   sentence ("…,” he said", "…?” asked Dunn", "…,” Mr. Lind said", also with a
   finite verb the lexicon lacks: "…?” Beck questioned"): news copy attributes
   a quote so, and a parse that hangs the quote on an earlier verb is wrong
   more often than this convention;
2. from the dependency parse: the subject of the speech verb that governs the
   quote or hangs from it (nearest first; for a full quote also a verb the
   lexicon lacks whose complement the quote is, "“…,” Kelly charged"), the
   object of "according to" and "as X put it" beside the quote's clause, the
   agent of a passive, the subject of the verb a subjectless "…, adding" hangs
   from, the noun a relative clause is about ("X, who said …"), the maker of
   a document ("an analysis by X"); a speech verb in another's complement
   ("Obama said Americans will say “no”") gives way to the outer one; the
   name printed after a verb that follows the quote ("“…,” said retired pilot
   X"), whatever the parse made of it; appositive names, titles with a home
   state and party labels as the parse's heads give them;
3. else word rules: a speech cue after the quote in its sentence, or before it
   for a quote in mid-sentence ("X told reporters that “…”"), past
   appositives, and for a relative clause's verb the name the clause is
   about ("the backing of X, who declared, “…”");
4. a colon introduction closing the paragraph before ("The ministers said:",
   "… X issued the following statement:"), a name alone before a colon in a
   headline ("Berg: “…”") or set off after a dash ("… - Philip Bump: “…”"), a
   paragraph that only signs the quote paragraph before it ("— Sanders."), and
   the parse's subject of any clause a colon closes right before the quote ("And
   she is sure it will backfire: “…”");
5. a paragraph that opens with a quote and has no cue continues the quotation
   before it, when only captions or cross-heads lie between (method
   continuation); otherwise the last subject of the narration between; a
   full quote with no cue after another quote of its paragraph continues it too;
6. a quote opening a sentence with no cue takes whom the sentence before it is
   about ("According to X, …. “…”"); a fragment with no cue takes its
   sentence's subject, when that is a person.
Names resolve to the fullest form the article prints in its narration ("Mr
Stoltenberg" -> "Jens Stoltenberg", "Mr. Biden" -> "Joseph R. Biden Jr."), not
in headlines, whose Title Case tells nothing; a word capitalised only for
opening a sentence ("Within", "Neither") starts no name (Article.is_opener),
and of two full names with one surname, one opening with a given name wins,
and for an honorific ("Mr. Berg", with Anna and Tom Berg both named) one not
marked as the other gender.
Pronouns resolve to the last person (or group or body, for
"they" and "it") that was a speaker or the subject of a sentence of narration,
never a name in a headline, a caption or an object position; "he" and "she"
pass over a person the article marks as the other gender: by an honorific
("Ms", "Mr"), a given name (quotes.text.given_names: the lexicon and the US Census lists), or an
earlier "he"/"she" opening a sentence about them, noted under the full name,
so that two people who share a surname keep their own. Role nouns ("the NATO leader",
"the 62-year-old") go to the person printed with that role, never to one who holds
another office of that name ("the shadow transport secretary" for "the transport
secretary"), else like a pronoun; a title word that is the surname of one person named
in full ("King said" after "Chief Wilfred King") to that person; groups ("the
ministers") to the fullest phrase with the same head noun, and so does "they" after
them. A passive of quoting gives its subject, not its agent ("X was quoted by the
agency as saying").
Someone unnamed ("a senior official", "officials", "his spokesman") is nobody,
and so is a pronoun that refers back to them, and the first person ("I", "we")
of a feature's narrator; someone unnamed speaking for a named body or person
("a spokesman for Senator X") speaks for it. Datelines ("WASHINGTON (AP) —",
"Washington (AFP) –") are blanked by quotations.mark_view before anything
reads them.

Measured on the development set (PolNeAR train, 837 articles, harness that
reruns reading on cached parses, scored as score_quotes.py does): speaker
accuracy 0.905 before this set of rules, 0.938 with them (wrong speakers 538 ->
352 of 5,666 found items with a named gold speaker); seeds stay 1.0.

Limits: names come from the tagger's proper nouns and names.py, not NER: NER
costs two thirds of the parse, and with NER on the same rules scored 0.929
against 0.934 without it (it splits and mislabels names the rules already
join); a speaker named only in a later sentence ("…,” the statement read,
quoting X) is missed; a cue more than a sentence away is not seen; an
attribution nested in another ("X said, according to the Times") gives the
inner speaker, and a speech verb in a reported clause the outer one; a
one-word subject with no title that the article never prints in full ("Omar
said") is taken for a body; a given name missing from the lexicon tells no
gender.
"""

import re
from bisect import bisect_left
from collections import Counter
from copy import copy
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS

from .given_names import gender_of, is_given_name
from .lexicon import (
    BE_FORMS,
    CUE_WORDS,
    GIVEN_NAMES,
    GROUP_NOUNS,
    HONORIFICS,
    INDEFINITE_WORDS,
    NARRATORS,
    NOT_NAMES,
    PERSON_PRONOUNS,
    SPEECH_PARTICLES,
    SPEECH_VERBS,
    SUBORDINATE_ROLES,
    TITLE_WORDS,
    verb_forms,
)
from .names import (
    DETERMINERS,
    GROUP,
    NAME,
    ORGANISATION,
    PARTICLES,
    PERSON,
    POSSESSIVE_ENDINGS,
    PRONOUN,
    ROLE,
    Mention,
    bare,
    clean_name,
    is_coordinated_body,
    is_np_word,
    joins_phrase,
    keeps_full_stop,
    leading_phrase,
    mention_of,
    mid_sentence_capitals,
    opens_sentence,
    phrase_after,
    surname,
    tokens,
    trailing_phrase,
)
from .parse import parse_view
from .quotations import (
    FRAGMENT_MASK,
    Quotation,
    Segment,
    ends_unpunctuated,
    is_link_line,
    mark_view,
    masked,
    paragraph_spans,
)
from .reported import issuing_verb
from .sentences import SentenceIndex, sentence_spans

EXPLICIT, BY_PRONOUN, BY_ROLE, CONTINUATION, NONE = ("explicit", "pronoun", "role", "continuation", "none")
# Which step found the speaker (Attribution.step), as the module docstring numbers them:
# 1 the cue right after the quote, 2 the parse, 3 and 4 the word rules and a colon
# introduction, 5 a continuation (across narration: its last subject), 6 the sentence
# before or the sentence's subject; reported speech's speaker is the parse's, a
# labelled paragraph's (quotes.text.transcript) its label's.
ADJACENT, PARSE, WORDS, CONTINUED, NARRATION, SENTENCE, REPORT, LABEL = (
    "adjacent",
    "parse",
    "words",
    "continuation",
    "narration",
    "sentence",
    "report",
    "label",
)
# What the steps saw that casts doubt on the speaker they gave (Attribution.doubts):
# a later cue step names someone else; the parse hung a fragment on a verb that is no
# speech verb ("X blamed the council for the “empty harbour”").
CUES_DISAGREE, NOT_SPEECH_VERB = "cues-disagree", "not-speech-verb"
# A passive that passes on what its subject said, whoever its agent: "X is quoted (by the
# agency) as saying", "was described as saying", "was cited as saying".
QUOTED_AS = frozenset({"quoted", "described", "cited"})
# Speech verbs whose passive subject is the one spoken to: "“…?” Hale was asked".
ADDRESSED = frozenset({"asked", "told", "pressed", "questioned", "urged", "warned", "reminded"})
AUXILIARIES = frozenset(
    """has have had also later then again further previously earlier repeatedly
    once just recently would will is was did does only even not never
    already since subsequently separately today yesterday""".split()
)
# A sentence opening with one of these starts with a clause, not its subject.
CLAUSE_OPENERS = frozenset(
    """asked speaking in on at after before during but yet however meanwhile
    earlier later despite while although for with following writing talking
    addressing responding according as when since""".split()
)
AFTER_CUE_WORDS = 10
# Words that open a new sentence after a quote that ends its own, never a cue.
NEW_SENTENCE = frozenset({"But", "And", "Yet", "However", "Meanwhile", "Still", "So"})
# A speech verb this close after a closing mark attributes the quote ("…,” said X").
ADJACENT_CUE_WORDS = 4
# The last character of a quote that its attribution follows in the same sentence.
QUOTE_THEN_ATTRIBUTION = frozenset(",?!—–-")
# Words after a speech verb that close an attribution: "he said in a statement".
ATTRIBUTION_ENDINGS = frozenset(
    "in on at during after before to of last this yesterday today and as while when".split()
)
CLOSING_MARKS = "”’\"'»“"
# A word printed all in lower case (Article.is_opener).
LOWER_CASE_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
# A paragraph that only signs the quote before it, as fact checks, pull quotes and
# readers' letters print a source: "— Sanders.", "- Hillary Clinton", "- Jane Roe, Leeds".
SIGNATURE = re.compile(
    r"[-–—]{1,2} ?([A-Z][\w.'’-]*?(?: (?:[A-Z][\w.'’-]*?|de|del|der|da|di|du|van|von|bin|ibn|al|la|le)){0,4})"
    r"(?:,[^\n]{1,60})?\.?"
)
# How far back from a verb (or on from a sentence start) a subject is sought, in characters.
CLAUSE_REACH = 400
APPOSITIVE_WORDS = 8
# Most spaces between two words of one name: a wider gap is something blanked
# between them (a party label, a dateline), as in "Sen. X (I-Vt.) Clinton".
NAME_GAP = 2
LABEL_WORDS = 4
RELATIVE_PRONOUNS = frozenset({"who", "whose", "which", "whom"})
# Relative pronouns that stand for the subject of their clause (", who said …").
RELATIVE_SUBJECTS = frozenset({"who", "which"})
OWNERS = frozenset({"his", "her", "its", "their", "our"})
# Words before a role's noun that do not modify it (word_before).
NOT_MODIFIERS = OWNERS | DETERMINERS
# Verbs whose object is who or what the quote names, never who said it: "called the
# Saudis “free riders”".
NAMING_VERBS = frozenset(verb_forms("call", "dub", "label", "brand", "term", "nickname"))
# Honorifics printed before a given name, not a surname ("Sir Keir" for Keir Starmer).
KNIGHTHOODS = frozenset({"sir", "dame"})
GENDER_OF_HONORIFIC = {
    "mr": "he",
    "sir": "he",
    "lord": "he",
    "herr": "he",
    "monsieur": "he",
    "mrs": "she",
    "ms": "she",
    "miss": "she",
    "dame": "she",
    "lady": "she",
    "frau": "she",
    "madame": "she",
}


@dataclass(frozen=True)
class Attribution:
    """Who said one quotation, and how that was found."""

    quotation: int
    name: str | None
    kind: str
    mention: str
    method: str
    confidence: float
    role: str = ""
    forms: tuple = field(default=())
    step: str = ""
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """A speaker as one article knows it; an empty name is someone unnamed."""

    name: str
    kind: str
    role: str = ""


class Article:
    """What attribution knows of one article: its paragraphs, its narration with
    quotes blanked out, the people it names in full, and its sentence subjects."""

    def __init__(self, body, quotations, parsed=None):
        self.body = body
        self.quotations = quotations
        self.parsed = parsed
        self.paragraphs = paragraph_spans(body)
        self.paragraph_starts = [lo for lo, _ in self.paragraphs]
        self.frame = masked(parse_view(mark_view(body)), [s for q in quotations for s in q.segments])
        self.sentences = SentenceIndex(self.frame)
        self.narrative = [
            index > 0
            and not ends_unpunctuated(body, lo, hi)
            and not is_link_line(body, lo, hi)
            and not is_label(body, lo, hi)
            for index, (lo, hi) in enumerate(self.paragraphs)
        ]
        self.capitals = mid_sentence_capitals(self.frame)
        self.lower_case = frozenset(LOWER_CASE_WORD.findall(self.frame))
        self.quoted_capitals = mid_sentence_capitals(body)
        self.full_names = Counter()
        self.roles = {}
        self.groups = []
        self.genders = {}  # surname -> "he" / "she": honorifics, first names, pronouns
        self.collect_names()
        self.introduced = {}  # a full name's first word -> the order it was first printed in
        for name in self.full_names:
            self.introduced.setdefault(bare(name.split()[0]), len(self.introduced))
        if parsed is not None:
            self.collect_appositive_roles()
        self.person_names = Counter(person_names(parsed)) if parsed is not None else Counter()
        for name in [*self.full_names, *self.person_names]:
            self.note_first_name(name)
        self.shared_surnames = shared_surnames([*self.full_names, *self.person_names])
        self.subjects = self.collect_subjects()

    def for_run(self):
        """This article for one attribution run, which shares all it knows but
        the genders: resolving "he" or "she" teaches the run a gender, and that
        stays in the run, so the quotations and the reported speech, attributed
        in two runs over one Article (built once: it is two thirds of
        attribution's time), each start from what the narration alone tells."""
        run = copy(self)
        run.genders = dict(self.genders)
        return run

    def collect_names(self):
        """Every multi-word person name and group phrase, with the roles printed
        before the names."""
        for index, (lo, hi) in enumerate(self.paragraphs):
            if not self.narrative[index]:
                continue
            run = []
            words = [*tokens(self.frame, lo, hi), (".", hi, hi)]
            for i, word in enumerate(words):
                following = words[i + 1] if i + 1 < len(words) else None
                joined = not run or word[1] - run[-1][2] <= NAME_GAP
                if joined and (is_np_word(word[0]) or joins_phrase(words, i, following)):
                    run.append(word)
                    continue
                self.note_run(run)
                run = [word] if is_np_word(word[0]) else []

    def collect_appositive_roles(self):
        """The roles printed beside full names, set off by commas: "Anna Berg, the
        mayor of Bergen," / "The harbour master, Kari Holm,": what "the mayor said"
        later refers to (the roles printed before names are noted with them)."""
        for paragraph, doc in self.parsed.docs.items():
            for token in doc:
                if token.dep_ != "appos" or token.head.i == token.i:
                    continue
                name, role = (token.head, token) if token.head.pos_ == "PROPN" else (token, token.head)
                if name.pos_ != "PROPN" or role.pos_ != "NOUN" or not role.text.islower():
                    continue
                first = min([name.i, *(c.i for c in name.children if c.dep_ == "compound")])
                start = self.parsed.offset(paragraph, doc[first])
                mention = mention_of(
                    self.frame, tokens(self.frame, start, self.parsed.offset(paragraph, name) + len(name))
                )
                if (
                    mention is None
                    or mention.form != NAME
                    or mention.kind != PERSON
                    or " " not in mention.name
                ):
                    continue
                named = range(first, name.i + 1)
                of = [t for c in role.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
                # the role and what comes before it, and "of <place>": not a clause about it
                # ("donors who have become allies of the candidate")
                words = [t for t in role.subtree if t.i <= role.i] + of
                described = [t.text for t in words if t.i not in named and not t.is_punct]
                if described:
                    self.roles.setdefault(mention.name, " ".join(described))

    def note_run(self, run):
        """Note the phrase a run of name words makes, less a first word that
        only opens its sentence."""
        if run and self.is_opener(*run[0][:2]):
            run = run[1:]
        if len(run) > 1 or (run and bare(run[0][0]) in GROUP_NOUNS):
            self.note_phrase(mention_of(self.frame, run))

    def is_opener(self, word, start):
        """Whether a capitalised word is capitalised only because it opens a
        sentence ("Within Sanders’ circle", "Much of it"): the article never
        prints it capitalised in mid-sentence, it is no given name, title or
        honorific, and the article prints it in lower case elsewhere ("Polls show …"
        after "the polls") or the parse does not take it for a proper noun (or, where
        there is no parse, it is one of spaCy's English stop words)."""
        low = bare(word)
        if not word[:1].isupper() or low in self.capitals or not opens_sentence(self.frame, start):
            return False
        if low in GIVEN_NAMES or low in HONORIFICS or low in TITLE_WORDS:
            return False
        if low in DETERMINERS:  # "A spokesman", "The council": part of the phrase, named or not
            return False
        if low in self.lower_case:  # "Tunnels are so numerous …" after "dig tunnels"
            return True
        token = self.token_at(start)
        if token is None:  # not parsed: a function word ("Beyond", "Last", "Nor") opens no name
            return low in STOP_WORDS
        return token.tag_ not in PROPER_NOUN_TAGS

    def token_at(self, offset):
        """The parsed token at a body offset, or None where it was not parsed."""
        if self.parsed is None:
            return None
        paragraph = bisect_left(self.paragraph_starts, offset + 1) - 1
        span = self.parsed.span(paragraph, offset, offset + 1) if paragraph >= 0 else None
        return span[0] if span is not None and len(span) else None

    def is_finite_verb(self, offset):
        """Whether the parse takes the word at a body offset for a finite verb."""
        token = self.token_at(offset)
        return token is not None and token.tag_ in FINITE_VERB_TAGS and token.pos_ == "VERB"

    def without_opener(self, mention):
        """mention less a first word capitalised only for opening its sentence;
        None when nothing that names anyone is left ("Between", "Much")."""
        words = tokens(self.frame, mention.start, mention.end)
        if not words or not self.is_opener(*words[0][:2]) or is_coordinated_body([w for w, _, _ in words]):
            return mention
        return mention_of(self.frame, words[1:])

    def named_without_opener(self, mention):
        """A name less a first word that only opens its sentence ("Beyond that, …", "Last
        fall, …"); any other mention as it is."""
        return self.without_opener(mention) if mention is not None and mention.form == NAME else mention

    def note_phrase(self, mention):
        if mention is None or mention.form == PRONOUN:
            return
        first = bare(mention.text.split()[0])
        if mention.kind == PERSON and mention.form == NAME and first in GENDER_OF_HONORIFIC:
            self.note_gender(mention.name, GENDER_OF_HONORIFIC[first])
        if mention.kind == PERSON and mention.form == NAME and len(mention.name.split()) >= 2:
            self.full_names[mention.name] += 1
            if mention.role:
                self.roles.setdefault(mention.name, mention.role)
        elif mention.kind == GROUP and mention.name:  # not "most of the voters": no one named
            self.groups.append(mention.name)

    def note_first_name(self, name):
        """The gender a given name tells ("John Hale" -> "he"; quotes.text.given_names)."""
        words = name.split()
        first = bare(words[0]) if len(words) >= 2 else ""
        gender = gender_of(first) if first else None
        if gender is not None:
            self.note_gender(name, gender)

    def note_gender(self, name, gender):
        """Note that the person named is "he" or "she": under the full name, and
        under the surname, for a later mention by surname alone ("Ms Berg")."""
        if len(name.split()) >= 2:
            self.genders.setdefault(name.lower(), gender)
        self.genders.setdefault(surname(name).lower(), gender)

    def learn_gender(self, name, gender):
        """Note the gender a pronoun resolved to name gives it, unless name's
        surname is shared: which of the two the pronoun meant was a guess, and
        a wrong guess noted would send the other's honorific astray."""
        if surname(name).lower() not in self.shared_surnames:
            self.note_gender(name, gender)

    def canonical(self, name, gender=None):
        """The fullest name the article prints for name ("Stoltenberg" ->
        "Jens Stoltenberg"): of the full names ending with its surname, one whose
        first word is a given name before one whose first word may be a word
        capitalised for opening a sentence ("Stated Stone:"), then the most
        frequent, then the one introduced first (of a father and a son printed
        in full as often, the son an article is about comes first), then the
        longest. With a gender (an honorific's: "Mr. Berg"),
        never a full name the article marks as the other ("Anna Berg", when her
        husband "Tom Berg" is named too)."""
        last = surname(name).lower()

        def fits(full):
            other = gender is not None and self.genders.get(full.lower(), gender) != gender
            return surname(full).lower() == last and len(full) >= len(name) and not other

        recognised = [(count, len(full), full) for full, count in self.person_names.items() if fits(full)]
        if recognised and (len(name.split()) == 1 or name not in self.person_names):
            best = max(recognised)[2]
            first = name.split()[0]
            if (
                len(name.split()) == 1
                or best.endswith(name)
                or not any(full.startswith(first) for full in self.person_names)
            ):
                return best
        candidates = [
            (
                self.is_given_name(full.split()[0]),
                count,
                -self.introduced[bare(full.split()[0])],
                len(full),
                full,
            )
            for full, count in self.full_names.items()
            if fits(full)
        ]
        if not candidates:
            return name
        best = max(candidates)[-1]
        return best if len(name.split()) == 1 or best.endswith(name) else name

    def is_given_name(self, word):
        """A first word known to begin a name: a common given name, or a word
        the article prints capitalised in mid-sentence, in its quotes too
        ("running against Marisol": a given name the lexicon lacks)."""
        low = bare(word)
        return low in GIVEN_NAMES or low in self.capitals or low in self.quoted_capitals

    def resolve_name(self, mention):
        """The speaker a name mention stands for. A lone capitalised word that
        is no surname of the article's people and has no title or honorific
        ("Moscow said") is taken for a body."""
        if mention.kind != PERSON and not self.is_surname_of_person(mention):
            return Speaker(mention.name, mention.kind)
        opener = bare(mention.text.split()[0])
        name = self.knighted(mention.name) if opener in KNIGHTHOODS else None
        name = name or self.canonical(mention.name, GENDER_OF_HONORIFIC.get(opener))
        titled = mention.role or mention.text.split()[0].lower() in HONORIFICS
        if len(name.split()) == 1 and not titled:
            return Speaker(name, ORGANISATION)
        return Speaker(name, PERSON, mention.role or self.roles.get(name, ""))

    def knighted(self, name):
        """The full name of the one person whose given name is name, for "Sir Keir" or
        "Dame Judi": a knighthood goes before the given name, not the surname. None when
        no one or several people the article names in full have that given name."""
        if " " in name:
            return None
        named = {full for full in self.full_names if full.split()[0] == name}
        return named.pop() if len(named) == 1 else None

    def is_surname_of_person(self, mention):
        """Whether a one-word name read as a body's is the surname of a person the
        article names in full: "Guardian said" after "Mayor Don Guardian" is the mayor,
        not the newspaper."""
        return (
            mention.kind == ORGANISATION
            and " " not in mention.name
            and any(surname(full) == mention.name for full in self.full_names)
        )

    def collect_subjects(self):
        """(offset, Speaker) for the subject of each sentence of narration, and
        of its speech verbs ("…, X said"), when a person, group or body is named
        outright: the antecedents of pronouns. Someone unnamed ("a spokesman
        said") is an antecedent with no name, so "he" after it is nobody known."""
        subjects = []
        for index, (lo, hi) in enumerate(self.paragraphs):
            if not self.narrative[index]:
                continue
            for start, end in self.sentences.spans(lo, hi):
                opening = self.named_without_opener(opening_subject(self.frame, start, end))
                if opening is None:
                    opening = self.named_without_opener(self.parsed_subject(index, start, end))
                for mention in (opening, self.named_without_opener(cue_before(self.frame, start, end))):
                    if mention is not None and mention.form == PRONOUN and mention.name in PERSON_PRONOUNS:
                        self.note_pronoun(mention, subjects)
                    elif mention is not None and mention.form == NAME:
                        subjects.append((mention.start, self.resolve_name(mention)))
                    elif mention is not None and mention.form == ROLE and is_unnamed(mention):
                        subjects.append((mention.start, Speaker("", mention.kind)))
                    elif mention is not None and mention.form == ROLE and mention.kind == GROUP:
                        # "Analysts at a bank said …": what "they" says next is theirs
                        subjects.append((mention.start, group_speaker(self, mention)))
        return sorted(subjects, key=lambda event: event[0])

    def parsed_subject(self, paragraph, start, end):
        """The named subject of a sentence's main verb from the parse, for a sentence
        whose opening words name no one: a description in lower case before the
        name stops the word rules ("Tennis great Billie Jean King remembered …",
        "Longtime pollster-turned-author X wrote …"). A name only: a pronoun or a
        common noun here is left to the word rules."""
        if self.parsed is None:
            return None
        span = self.parsed.span(paragraph, start, end)
        root = next((t for t in span if t.dep_ == "ROOT"), None) if span is not None else None
        subject = first_subject(root) if root is not None else None
        if subject is None or (subject.pos_ != "PROPN" and not has_apposed_person(subject)):
            return None
        mention = mention_from_token(self, paragraph, subject)
        return mention if mention is not None and mention.form == NAME and mention.kind == PERSON else None

    def note_pronoun(self, mention, subjects):
        """The gender "he" or "she" opening a sentence of narration gives the
        person it refers to (the last person subject it can take), so a later
        pronoun passes over people of the other gender."""
        fits = self.fitting(mention.name, {PERSON})
        found = nearest(sorted(subjects, key=lambda event: event[0]), mention.start, fits, True)
        if found is not None and found[1].name:
            self.learn_gender(found[1].name, mention.name)

    def fitting(self, pronoun, kinds):
        """Whether a speaker can be what pronoun refers to: of the kinds, and not
        of the other gender for "he" or "she"."""

        def fits(speaker):
            known = self.gender(speaker) if pronoun in PERSON_PRONOUNS else None
            return speaker.kind in kinds and (known is None or known == pronoun)

        return fits

    def gender(self, speaker):
        """The gender noted for a speaker: under the full name, else under the
        surname, unless two people the article names share it ("Tom and
        Anna Berg"), where what was noted for one would pass for the other."""
        if not speaker.name:
            return None
        known = self.genders.get(speaker.name.lower())
        if known is not None or surname(speaker.name).lower() in self.shared_surnames:
            return known
        return self.genders.get(surname(speaker.name).lower())

    def antecedent(self, position, kinds, resolved, before=True, pronoun=None):
        """The last (or, with before=False, the next) speaker of the given kinds
        that was a sentence subject or resolved speaker around position; for
        "he" or "she", not one the article marks as the other ("Ms", "Mr")."""
        return self.nearest_speaker(position, self.fitting(pronoun, kinds), resolved, before)

    def nearest_speaker(self, position, fits, resolved, before=True):
        """The last (or, with before=False, the next) sentence subject or resolved
        speaker around position for which fits holds."""
        found = [nearest(events, position, fits, before) for events in (self.subjects, resolved)]
        found = [f for f in found if f is not None]
        if not found:
            return None
        return (max if before else min)(found, key=lambda event: event[0])[1]


def shared_surnames(names):
    """The surnames (lower case) of two people or more among full names: two
    first words before one surname ("Tom Berg", "Anna Berg")."""
    firsts = {}
    for name in names:
        firsts.setdefault(surname(name).lower(), set()).add(bare(name.split()[0]))
    return frozenset(last for last, words in firsts.items() if len(words) >= 2)


def nearest(events, position, fits, before):
    """The event whose speaker fits nearest to position on one side; events are
    (offset, Speaker) sorted by offset."""
    i = bisect_left([offset for offset, _ in events], position)
    scan = range(i - 1, -1, -1) if before else range(i, len(events))
    for j in scan:
        if fits(events[j][1]) and events[j][0] != position:
            return events[j]
    return None


def is_label(text, lo, hi):
    """A short line ending with a colon that introduces no quote ("Pictured:")."""
    line = text[lo:hi].rstrip()
    return line.endswith(":") and len(line.split()) <= LABEL_WORDS and not speech_verbs(tokens(text, lo, hi))


def attribute_reports(article, reports):
    """One Attribution per Report (quotes.reported) of an Article, numbered on
    from its quotations: the speaker the parse gives, named as attribute names it."""
    return attribute_spans(article, reports, len(article.quotations), report_mention, REPORT)


def report_mention(article, report):
    if report.speaker is None:
        return None  # "Asked whether …": no one named asked
    return mention_from_token(article, report.paragraph, report.speaker)


def report_quotation(index, report):
    return Quotation(index, (Segment(report.start, report.end, report.paragraph, True),), "indirect")


def attribute_labelled(article, labelled, first):
    """One Attribution per labelled paragraph (quotes.text.transcript), numbered on
    from `first`: the speaker its label names ("TAPPER" -> the Jake Tapper the
    article names), resolved as a name in the narration is."""
    return attribute_spans(article, labelled, first, lambda _, line: label_mention(line), LABEL)


def attribute_spans(article, spans, first, mention_for, step):
    """One Attribution per span without quote marks (a report, a labelled paragraph),
    numbered on from `first`: the speaker `mention_for(article, span)` names, resolved
    in order so that a pronoun can point back to a speaker found before it."""
    article = article.for_run()
    resolved = []
    results = []
    for offset, span in enumerate(spans):
        quotation = report_quotation(first + offset, span)
        mention = mention_for(article, span)
        result = resolve(article, quotation, mention, resolved) if mention is not None else None
        if result is None:
            result = Attribution(quotation.index, None, PERSON, "", NONE, 0.0)
        results.append(replace(result, step=step))
        if result.name:
            resolved.append((quotation.start, Speaker(result.name, result.kind, result.role)))
    return results


def label_mention(line):
    """The Mention a label makes, its capitals undone ("JAKE TAPPER" -> "Jake Tapper"),
    at the label's place in the body."""
    label = line.label.title() if line.label.isupper() else line.label
    mention = mention_of(label, tokens(label))
    if mention is None:
        return None
    return replace(mention, start=line.label_start + mention.start, end=line.label_start + mention.end)


def attribute(body, quotations, parsed=None):
    """One Attribution per quotation, in order."""
    return attribute_quotations(Article(body, quotations, parsed))


def attribute_quotations(article):
    """One Attribution per quotation of an Article, in order."""
    article = article.for_run()
    resolved = []  # (offset, Speaker) of quotations attributed so far
    results = []
    previous = None
    for quotation in article.quotations:
        attribution = attribute_one(article, quotation, resolved, previous)
        results.append(attribution)
        if attribution.name:
            resolved.append((quotation.start, Speaker(attribution.name, attribution.kind, attribution.role)))
        previous = (quotation, attribution)
    return results


def attribute_one(article, quotation, resolved, previous):
    cues = list(cue_steps(article, quotation))
    closing = closing_part(quotation)
    if not cues and closing is not quotation:
        cues = list(cue_steps(article, closing))
    if cues:
        step, mention, doubts = cues[0]
        result = resolve(article, quotation, mention, resolved)
        if result is not None:
            if any(named_otherwise(article, quotation, result, other, resolved) for _, other, _ in cues[1:]):
                doubts += (CUES_DISAGREE,)
            return replace(result, step=step, doubts=doubts)
    continued = continuation(article, quotation, previous, resolved)
    if continued is not None:
        return continued
    first = quotation.segments[0]
    lo, hi = article.paragraphs[first.paragraph]
    start, end = article.sentences.around(lo, hi, first.start)
    introduced = sentence_before(article, lo, hi, start) if first.start <= start + 2 else None
    if introduced is not None:
        result = resolve(article, quotation, introduced, resolved)
        if result is not None and result.name:
            return replace(result, confidence=min(result.confidence, 0.6), step=SENTENCE)
    subject = opening_subject(article.frame, start, end)
    if subject is not None and subject.form == NAME and subject.kind == PERSON:
        speaker = article.resolve_name(subject)
        if speaker.kind == PERSON:
            return replace(make(quotation, speaker, subject, EXPLICIT, 0.5), step=SENTENCE)
    return Attribution(quotation.index, None, PERSON, "", NONE, 0.0)


def closing_part(quotation):
    """A quotation that runs over paragraphs from the paragraph where it closes: news
    reopens each paragraph of a long quote and closes only the last, which carries
    the attribution ("“… / “… / “…,” Marsh said."). The quotation itself when its
    first paragraph closes it."""
    closing = next((i for i, s in enumerate(quotation.segments) if s.closed), 0)
    if closing == 0 or quotation.segments[closing].paragraph == quotation.paragraph:
        return quotation
    return replace(quotation, segments=quotation.segments[closing:])


def cue_steps(article, quotation):
    """(step, mention, doubts) for each of steps 1 to 4 that finds words naming the
    speaker, in the order they are trusted: the first decides, the others only
    confirm it or cast doubt on it."""
    adjacent = adjacent_cue(article, quotation)
    if adjacent is not None:
        yield ADJACENT, adjacent, ()
    parsed = parsed_cue(article, quotation)
    if parsed is not None:
        mention, by_speech_verb = parsed
        yield PARSE, mention, () if by_speech_verb else (NOT_SPEECH_VERB,)
    signed = signature_after(article, quotation)
    if signed is not None:
        yield WORDS, signed, ()
    words = find_cue(article, quotation)
    if words is not None:
        yield WORDS, words, ()
    intro = parsed_colon_intro(article, quotation)
    if intro is not None:
        yield PARSE, intro, ()


def signature_after(article, quotation):
    """The name in a paragraph that only signs the quotation before it ("“…” / —
    Sanders."), or None. The quotation must close its paragraph: a dash and a name after
    narration is a byline or a credit."""
    last = quotation.segments[-1]
    _, hi = article.paragraphs[last.paragraph]
    if last.paragraph + 1 >= len(article.paragraphs) or article.frame[last.end : hi].strip(
        CLOSING_MARKS + " .,"
    ):
        return None
    start, end = article.paragraphs[last.paragraph + 1]
    signed = SIGNATURE.fullmatch(article.body, start, end)
    if signed is None:
        return None
    mention = mention_of(article.frame, tokens(article.frame, signed.start(1), signed.end(1)))
    return mention if mention is not None and mention.form == NAME else None


def named_otherwise(article, quotation, result, mention, resolved):
    """Whether mention names a speaker other than result's, resolved on a copy of
    the run (a pronoun resolved teaches the run a gender: this must not)."""
    other = resolve(article.for_run(), quotation, mention, resolved)
    return bool(other is not None and other.name and result.name and other.name != result.name)


def sentence_before(article, lo, hi, start):
    """Who the sentence before a quote that opens a sentence is about, in the
    same paragraph: "According to X, …. “…”", "X was defiant. “…”"."""
    spans = [span for span in article.sentences.spans(lo, hi) if span[1] <= start]
    if not spans:
        return None
    before_start, before_end = spans[-1]
    mention = cue_before(article.frame, before_start, before_end)
    if mention is None:
        mention = opening_subject(article.frame, before_start, before_end)
    if mention is None or (mention.form == ROLE and is_unnamed(mention)):
        return None
    return mention


def make(quotation, speaker, mention, method, confidence):
    """The Attribution of quotation to speaker; forms are the names and the role
    the article printed for them, which become aliases."""
    role = without_determiner(speaker.role or mention.role)
    printed = mention.name if mention.form == NAME else ""
    forms = tuple(dict.fromkeys(f for f in (speaker.name, printed, without_determiner(mention.role)) if f))
    return Attribution(
        quotation.index, speaker.name, speaker.kind, mention.text, method, confidence, role, forms
    )


def without_determiner(phrase):
    """ "the head of the Commission" -> "head of the Commission"."""
    words = phrase.split()
    return " ".join(words[1:] if words and bare(words[0]) in ("the", "a", "an") else words)


def resolve(article, quotation, mention, resolved):
    """Turn the words that named the speaker into the speaker."""
    if mention.form == NAME:
        mention = article.without_opener(mention)
        if mention is None:
            return None
    if mention.form == NAME:
        speaker = article.resolve_name(mention)
        if speaker.kind == ORGANISATION and speaker.name.islower():
            return unnamed_body(article, quotation, mention, speaker, resolved)
        return make(quotation, speaker, mention, EXPLICIT, 0.95)
    if mention.form == PRONOUN:
        kinds = {PERSON} if mention.kind == PERSON else {GROUP, ORGANISATION}
        pronoun = mention.name
        speaker = article.antecedent(quotation.start, kinds, resolved, pronoun=pronoun)
        if speaker is not None and not speaker.name:
            return Attribution(quotation.index, None, mention.kind, mention.text, NONE, 0.0)
        confidence = 0.85
        if speaker is None:
            speaker = article.antecedent(quotation.start, kinds, resolved, before=False, pronoun=pronoun)
            confidence = 0.5
        if speaker is None or not speaker.name:
            return None
        if pronoun in PERSON_PRONOUNS:
            article.learn_gender(speaker.name, pronoun)
        return make(quotation, speaker, mention, BY_PRONOUN, confidence)
    if is_unnamed(mention):
        return Attribution(quotation.index, None, mention.kind, mention.text, NONE, 0.0)
    if mention.kind == GROUP:
        return make(quotation, group_speaker(article, mention), mention, BY_ROLE, 0.8)
    named = surname_holder(article, mention)
    if named is not None:
        return make(quotation, named, mention, EXPLICIT, 0.9)
    speaker = role_holder(article, mention)
    if speaker is not None:
        return make(quotation, speaker, mention, BY_ROLE, 0.85)
    if is_someone_else(mention):
        return Attribution(quotation.index, None, mention.kind, mention.text, NONE, 0.0)

    def fits(speaker):  # not one who holds another office of that name
        return speaker.kind == PERSON and not holds_other_office(article, speaker.name, mention)

    speaker = article.nearest_speaker(quotation.start, fits, resolved)
    if speaker is not None and not speaker.name:
        return Attribution(quotation.index, None, mention.kind, mention.text, NONE, 0.0)
    if speaker is not None:
        return make(quotation, speaker, mention, BY_ROLE, 0.7)
    speaker = article.nearest_speaker(quotation.start, fits, resolved, before=False)
    return make(quotation, speaker, mention, BY_ROLE, 0.5) if speaker and speaker.name else None


def unnamed_body(article, quotation, mention, body, resolved):
    """ "The company said", "her campaign said": the body named earlier whose name holds
    that noun ("the Clinton campaign"), else nobody: a common noun is no speaker of its
    own, and as one it would gather every campaign's words under "campaign"."""
    noun = body.name.split()[-1]

    def fits(speaker):
        return speaker.kind == ORGANISATION and not speaker.name.islower() and noun in speaker.name.lower()

    speaker = article.nearest_speaker(quotation.start, fits, resolved)
    if speaker is None:
        return Attribution(quotation.index, None, ORGANISATION, mention.text, NONE, 0.0)
    return make(quotation, speaker, mention, BY_ROLE, 0.8)


def is_unnamed(mention):
    """A role or group that stands for nobody named: "a senior official",
    "officials", "analysts"."""
    words = mention.text.split()
    if not mention.name or bare(words[0]) in INDEFINITE_WORDS:
        return True
    named = any(w[:1].isupper() and bare(w) not in GROUP_NOUNS for w in words)
    return mention.kind == GROUP and not named and bare(words[0]) not in OWNERS | {"the"}


def is_someone_else(mention):
    """ "his spokesman", "Berg's lawyer", "her personal physician", "the spokesman":
    someone's role noun, or a role that speaks for another, that the article names no
    holder of is not its owner, nor, as a rule, the last person named: of the 23
    development-set rows an owned role's guess made, the 4 its gold judges were right
    once, and that by a parse error; "the spokesman" and "the senior adviser" went to
    the principal (11 rows)."""
    words = mention.text.split()
    # a possessive last word is a phrase the word rules cut before its noun ("The
    # senator’s daughter said" read as "The senator’s"): someone's, not the owner
    owned = bare(words[0]) in OWNERS or any(w.endswith(POSSESSIVE_ENDINGS) for w in words)
    return owned or bare(words[-1]) in SUBORDINATE_ROLES


# Words that make a role another office: "the transport secretary" is not the shadow
# transport secretary, nor "the president" the vice president. ("The minister" may
# still be a former minister, where the article names no other.)
OTHER_OFFICE = frozenset({"shadow", "deputy", "vice", "assistant"})


def role_tokens(text):
    """The words of a role as role_holder compares them: lower case, hyphens as spaces."""
    return text.lower().replace("-", " ").split()


def role_words(text):
    return {w for w in role_tokens(text) if w not in ("the", "his", "her", "its", "their")}


def surname_holder(article, mention):
    """The one person named in full whose surname is a capitalised title word read as a
    role ("King said …" after "Chief Wilfred King", "Bishop told …"), or None."""
    words = mention.text.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    holders = {full for full in article.full_names if surname(full).lower() == bare(words[0])}
    if len(holders) != 1:
        return None
    name = holders.pop()
    return Speaker(name, PERSON, article.roles.get(name, ""))


def holds_other_office(article, name, mention):
    """Whether the article gives name the role a mention names in another office: the
    shadow transport secretary, for "the transport secretary"."""
    role = role_words(article.roles.get(name, ""))
    return role_tokens(mention.name)[-1] in role and bool((OTHER_OFFICE & role) - role_words(mention.name))


def role_holder(article, mention):
    """The person the article prints with the role the mention names."""
    wanted = role_words(mention.name)
    head = role_tokens(mention.name)[-1]
    roles = {
        name: role for name, role in article.roles.items() if not holds_other_office(article, name, mention)
    }
    holders = [
        name
        for name, role in roles.items()
        if head in role_words(role) and wanted <= role_words(role) | {head}
    ]
    if not holders:
        # a role that names its head only ("the minister" for "the energy minister"),
        # but not one with another word before it ("the prime minister")
        modifier = word_before(mention.name, head)

        def fits(role):
            own = word_before(role, head)
            return head in role_words(role) and not (modifier and own and own != modifier)

        holders = [name for name, role in roles.items() if fits(role)]
    if len(set(holders)) != 1:
        return None
    return Speaker(holders[0], PERSON, article.roles[holders[0]])


def word_before(role, head):
    """The word that modifies head in a role ("prime" in "the prime minister"), or ""
    where nothing does or what does is an owner or a determiner ("Sanders's manager")."""
    words = role_tokens(role)
    at = max((i for i, word in enumerate(words) if word == head), default=0)
    word = words[at - 1] if at > 0 else ""
    return "" if word in NOT_MODIFIERS or word.endswith(("'s", "’s")) else word


def group_speaker(article, mention):
    """The fullest phrase the article uses for the group ("Nato defence ministers")."""
    head = mention.name.split()[-1].lower()
    same = [g for g in article.groups if g.split()[-1].lower() == head]
    return Speaker(max(same, key=len) if same else mention.name, GROUP)


def continuation(article, quotation, previous, resolved):
    """A quote paragraph with no cue after a quote, or a full quote with no cue
    after another in its paragraph: the same speaker, or, when narration came
    between, the last subject of that narration."""
    first = quotation.segments[0]
    lo, _ = article.paragraphs[first.paragraph]
    if previous is None or previous[1].name is None:
        return None
    before, attribution = previous
    same_paragraph = before.segments[-1].paragraph == first.paragraph
    if first.start > lo + 2 and not (same_paragraph and quotation.kind == "full"):
        return None
    between = range(before.segments[-1].paragraph + 1, first.paragraph)
    adjacent = all(not article.narrative[i] for i in between)
    intro = colon_intro(article, first.paragraph)
    if intro is not None:
        return None
    if not adjacent:
        # Narration came between: whoever it last made the subject speaks.
        speaker = article.antecedent(quotation.start, {PERSON, GROUP, ORGANISATION}, resolved)
        if speaker is None or not speaker.name:
            return None
        return Attribution(
            quotation.index,
            speaker.name,
            speaker.kind,
            "",
            CONTINUATION,
            0.5,
            speaker.role,
            (speaker.name,),
            NARRATION,
        )
    speaker = Speaker(attribution.name, attribution.kind, attribution.role)
    return Attribution(
        quotation.index,
        speaker.name,
        speaker.kind,
        attribution.mention,
        CONTINUATION,
        0.75,
        speaker.role,
        attribution.forms,
        CONTINUED,
    )


def colon_intro(article, paragraph):
    """The speaker named by a paragraph before that ends with a colon: the
    subject of its speech verb, else the subject its last sentence opens with."""
    if paragraph == 0:
        return None
    lo, hi = article.paragraphs[paragraph - 1]
    if not article.frame[lo:hi].rstrip().endswith(":"):
        return None
    found = parsed_intro(article, paragraph - 1) or cue_before(article.frame, lo, hi)
    if found is None:  # "… X issued the following statement:"
        start, end = article.sentences.spans(lo, hi)[-1]
        found = opening_subject(article.frame, start, end)
        if found is not None and not (found.form == NAME and (" " in found.name or found.role)):
            return None  # a full name or a titled one, not "Wait, it gets better:"
    return found


def find_cue(article, quotation):
    """The words that name the speaker of a quotation, or None."""
    frame = article.frame
    first = quotation.segments[0]
    lo, hi = article.paragraphs[first.paragraph]
    start, end = article.sentences.around(lo, hi, first.start)
    opener = first.start - 1
    prefix_has_words = any(ch.isalnum() for ch in frame[start:opener])
    afters = [
        cue_after(frame, s.end + 1, article.sentences.around(lo, hi, s.end - 1)[1])
        for s in quotation.segments
        if s.paragraph == first.paragraph and not followed_by_new_sentence(article, s)
    ]
    before = cue_before(frame, start, opener, relative=True) if prefix_has_words else None
    if first.start <= lo + 2 or not prefix_has_words:
        before = before or colon_intro(article, first.paragraph)
        ordered = [*afters, before]
    else:
        ordered = [before, *afters]
    if speech_verbs(tokens(frame, start, opener)):
        ordered.append(opening_subject(frame, start, end))
    elif frame[start:opener].rstrip(" " + CLOSING_MARKS).endswith(":"):
        # "X put it: “…”", "As X put it: “…”": a clause closed by a colon introduces the quote
        words = tokens(frame, start, opener)
        ordered.append(name_before_colon(frame, words))
        ordered.append(leading_phrase(frame, words[1 if bare(words[0][0]) == "as" else 0 :]))
    return next((m for m in ordered if m is not None), None)


def followed_by_new_sentence(article, segment):
    """Whether a quote that ends its own sentence is followed by one that opens with
    a conjunction ("…bad.” But Mr. X did not respond"): no cue after it."""
    if article.body[segment.start : segment.end].rstrip()[-1:] not in ".!?":
        return False
    after = tokens(article.frame, segment.end + 1, min(len(article.frame), segment.end + 40))
    following = [w for w, _, _ in after if w[0].isalnum()]
    return bool(following) and following[0] in NEW_SENTENCE


def name_before_colon(frame, words):
    """A name set off before a colon after a dash, "from" or another quote, as
    blogs, live pages and debate reports print a source: "… contests - Philip
    Bump: “…”", "More from Jones: “…”", "X: “…” Y: “…”"."""
    colon = max((i for i, w in enumerate(words) if w[0] == ":"), default=None)
    if colon is None:
        return None
    mention = trailing_phrase(frame, words[:colon])
    if mention is None or mention.form != NAME:
        return None
    before = [w for w in words[:colon] if w[2] <= mention.start]
    if (
        before
        and before[-1][0] not in ("-", "—", "–", "--", *CLOSING_MARKS)
        and bare(before[-1][0]) != "from"
    ):
        return None
    return mention


def speech_verbs(words):
    """Indexes of the speech verbs among (word, start, end) tokens."""
    found = []
    for i, (word, _, _) in enumerate(words):
        low = bare(word)
        if low in SPEECH_VERBS or (
            low in SPEECH_PARTICLES and i + 1 < len(words) and bare(words[i + 1][0]) == SPEECH_PARTICLES[low]
        ):
            found.append(i)
    return found


def adjacent_cue(article, quotation):
    """The attribution printed right after the quote's first closing mark, in
    the same sentence: a speech verb among the next ADJACENT_CUE_WORDS words
    ("…,” he said", "…?” asked Dunn", "…,” Mr. Lind said"), a name after the
    verb followed by what closes an attribution ("…!” beamed X of Town, who …",
    "…,” said X on Monday"), never after a participle ("…,” promising Y …"). News copy
    attributes a quote so; this is surer than a parse that hangs the quote on
    a verb before it ("Moscow denies — “why …?” asked Dunn")."""
    first = quotation.segments[0]
    if not first.closed:
        return None
    if article.body[first.end - 1 : first.end] not in QUOTE_THEN_ATTRIBUTION:
        return None
    frame = article.frame
    lo, hi = article.paragraphs[first.paragraph]
    start = first.end + 1
    while start < hi and frame[start] in CLOSING_MARKS:
        start += 1
    end = article.sentences.around(lo, hi, first.end - 1)[1]
    stop = frame.find(FRAGMENT_MASK, start, end)
    end = end if stop == -1 else stop
    words = tokens(frame, start, min(end, start + CLAUSE_REACH))[:ADJACENT_CUE_WORDS]
    if words and article.body[first.end - 1] in "?!" and words[0][0] in ("He", "She", "They", "It", "We"):
        return None  # “…!” She replied …: a new sentence
    verbs = speech_verbs(words)
    if verbs and bare(words[verbs[0]][0]) == "according":
        return None
    if not verbs:  # a verb the lexicon lacks: “…!” beamed X, “…?” Beck questioned
        verbs = [i for i, (_, start, _) in enumerate(words) if article.is_finite_verb(start)][:1]
        if not verbs or not ends_attribution(frame, phrase_end(frame, words, verbs[0], end), end):
            return None
    verb = words[verbs[0]]
    if verbs[0] == 0:
        if bare(verb[0]).endswith("ing"):
            return None  # “…,” promising the club a return: a participle, not "said X"
        mention = phrase_after(frame, verb[2], end)
        if mention is None or mention.form != NAME or not ends_attribution(frame, mention.end, end):
            return None
        return mention
    if quotation.kind != "full" and not ends_attribution(frame, verb[2], end):
        return None  # a phrase in narration: “distasteful,” Santilli expressed a desire …
    mention = leading_phrase(frame, words[: verbs[0]])
    if mention is None or mention.form not in (NAME, PRONOUN) or frame[mention.end : verb[1]].strip():
        return None
    return mention


def phrase_end(frame, words, verb, hi):
    """Where an attribution's verb and, when the verb comes first, the name
    after it end: the offset from which ends_attribution reads on."""
    if verb > 0:
        return words[verb][2]
    mention = phrase_after(frame, words[verb][2], hi)
    return mention.end if mention is not None else words[verb][2]


def ends_attribution(frame, lo, hi):
    """Whether the words after a speech verb close an attribution (".", ",",
    "in a statement", "on Monday") rather than go on to its object."""
    words = tokens(frame, lo, min(hi, lo + CLAUSE_REACH))
    return not words or words[0][0] in (".", ",", ";") or bare(words[0][0]) in ATTRIBUTION_ENDINGS


def cue_after(frame, lo, hi):
    """A cue right after a closing mark: "…,” he said", "…” said Mr X", or the
    agent of a passive ("hailed as a “…” by X")."""
    while lo < hi and frame[lo] in CLOSING_MARKS:
        lo += 1  # the rest of a closing mark two characters wide ('')
    stop = frame.find(FRAGMENT_MASK, lo, hi)
    hi = hi if stop == -1 else stop
    reach = tokens(frame, lo, min(hi, lo + CLAUSE_REACH))
    words = reach[:AFTER_CUE_WORDS]
    verbs = speech_verbs(words)
    if not verbs:
        return set_off_speaker(frame, reach) or agent_after(frame, words, hi)
    i = verbs[0]
    word, start, end = words[i]
    if bare(word) == "according":
        mention = phrase_after(frame, words[i + 1][2], hi) if i + 1 < len(words) else None
    elif i > 0 and bare(word) in ADDRESSED and bare(words[i - 1][0]) in BE_FORMS:
        # "“…?” Hale was asked": Hale heard it; someone unnamed asked
        return Mention(frame[lo:end].strip(), "", ROLE, PERSON, "", lo, end)
    elif any(ch.isalnum() for ch in frame[lo:start]):
        mention = subject_before(frame, lo, start)
        if mention is None or mention.form != NAME or mention.kind != PERSON:
            mention = set_off_speaker(frame, reach) or mention
    else:
        mention = apposed_name(frame, phrase_after(frame, end, hi), hi)
    if mention is not None:
        return mention
    opener = next((w for w in words if w[0].isalnum()), words[i])
    if word[0].islower() and not (opener is not words[i] and bare(opener[0]) in CLAUSE_OPENERS):
        # "…,” a spokesman for the weather service said": someone said it,
        # but nobody the article names; "…base.” While critics welcomed …" is
        # a new sentence, no attribution.
        return Mention(frame[lo:end].strip(), "", ROLE, PERSON, "", lo, end)
    return agent_after(frame, words, hi)


def set_off_speaker(frame, words):
    """The person named right after a closing mark and set off by a comma from
    the words that describe them before the speech verb: "…,” Mr. Lind, now 81
    and retired in Bergen, Norway, said", "…,” delegate X, wearing a cowboy hat
    and a badge, said quietly". The description may be too long or hold too
    many commas for the subject to be read back from the verb."""
    mention = leading_phrase(frame, words)
    if mention is None or mention.form != NAME or mention.kind != PERSON:
        return None
    after = [w for w in words if w[1] >= mention.end]
    if not after or after[0][0] != ",":
        return None
    reach = after[: AFTER_CUE_WORDS + 2 * APPOSITIVE_WORDS]
    for i, (word, _, _) in enumerate(reach):
        abbreviation = (
            word == "." and i + 1 < len(reach) and reach[i + 1][0] == ","
        )  # "Cambridge, Mass., said"
        if (word in (".", ";", ":") and not abbreviation) or FRAGMENT_MASK in word:
            return None
        if speech_verbs([after[i]]) and after[i - 1][0] == ",":
            return mention
    return None


def agent_after(frame, words, hi):
    """The agent of a passive after a closing mark: hailed as a “…” by X."""
    for word, _, end in words[:5]:
        if bare(word) == "by":
            mention = phrase_after(frame, end, hi)
            if mention is not None and mention.form == NAME:
                return mention
    return None


def apposed_name(frame, mention, hi):
    """The name printed after a role and a comma ("said the envoy, Y"), else mention."""
    if mention is None or mention.form == NAME:
        return mention
    rest = frame[mention.end : hi]
    if not rest.lstrip().startswith(","):
        return mention
    name = phrase_after(frame, mention.end + rest.index(",") + 1, hi)
    if name is None or name.form != NAME or name.kind != PERSON:
        return mention
    return Mention(
        name.text,
        name.name,
        NAME,
        PERSON,
        name.role or without_determiner(mention.text),
        name.start,
        name.end,
    )


def cue_before(frame, lo, hi, relative=False):
    """The subject of the nearest speech verb before a quote that has one,
    within the last sentence of frame[lo:hi]. A verb in -ing ("saying") has
    none of its own: the subject of an earlier verb serves. With no verb, a
    name alone before a colon ("Berg: “…”", as in headlines) is the speaker.
    With relative (a quote's own cue, not a sentence read for its subject), a
    relative clause's verb speaks for the name the clause is about."""
    lo = sentence_spans(frame, lo, hi)[-1][0] if frame[lo:hi].strip() else lo
    words = tokens(frame, lo, hi)
    verbs = speech_verbs(words)
    for i in reversed(verbs):
        word, start, end = words[i]
        if bare(word) == "according":
            if i + 1 < len(words) and words[i + 1][0].lower() == "to":
                mention = phrase_after(frame, words[i + 1][2], hi)
                if mention is not None:
                    return mention
            continue
        mention = None if bare(word).endswith("ing") else subject_before(frame, lo, start, relative)
        if mention is not None:
            return mention
        if (
            i + 1 < len(words)
            and words[i + 1][0] not in (",", ":", "that")
            and bare(word) not in NAMING_VERBS
        ):
            mention = phrase_after(frame, end, hi)  # "said X: “…”", not "called X “…”"
            if (
                mention is not None
                and mention.form == NAME
                and frame[mention.end : hi].strip()[:1] in (":", ",", "")
            ):
                return mention
    if not verbs and frame[lo:hi].rstrip().endswith(":"):
        mention = trailing_phrase(frame, words[:-1])
        if mention is not None and mention.form == NAME and mention.start == words[0][1]:
            return mention
    return None


def relative_antecedent(frame, words):
    """The name that words, up to the comma before a relative pronoun, end
    with: "the backing of X, who declared" -> X, where the parse hangs the
    quote after it on the sentence's main verb and not on the clause's; of a
    title with a home state ("Sen. X of Ohio, who said") the person, never the
    state. None when words end with no name."""
    named = trailing_phrase(frame, words)
    before = [w for w in words if w[2] <= named.start] if named is not None else []
    if before and bare(before[-1][0]) == "of":
        titled = trailing_phrase(frame, before[:-1])
        named = titled if titled is not None and titled.form == NAME else named
    return named if named is not None and named.form == NAME else None


def is_name_in_mid_sentence(frame, word):
    """A capitalised word in mid-sentence: a name ("…,” Will described"), not
    an auxiliary ("will")."""
    return word[0][:1].isupper() and not opens_sentence(frame, word[1])


def opening_subject(frame, start, end):
    """The noun phrase a sentence opens with, after an opening clause
    ("Asked about it, Mr X said" -> "Mr X")."""
    words = tokens(frame, start, min(end, start + CLAUSE_REACH))
    if words and bare(words[0][0]) in CLAUSE_OPENERS:
        commas = [i for i, w in enumerate(words) if w[0] == ","]
        if not commas:
            return None
        words = words[commas[0] + 1 :]
    return leading_phrase(frame, words)


def subject_before(frame, lo, verb_start, relative=False):
    """The subject right before a verb, past auxiliaries ("has also"), a
    relative clause (", who …,") and an appositive between commas ("X, a former
    minister, said"); the appositive itself when it is the name ("the envoy,
    Y, said"). With relative, a verb whose subject is a relative pronoun
    (", who declared") takes the name the clause is about."""
    words = tokens(frame, max(lo, verb_start - CLAUSE_REACH), verb_start)
    if len(words) >= 2 and bare(words[-1][0]) == "as" and bare(words[-2][0]) in QUOTED_AS:
        del words[-2:]  # "X is quoted as saying": X says it
    while words and bare(words[-1][0]) in AUXILIARIES and not is_name_in_mid_sentence(frame, words[-1]):
        words.pop()
    if relative and len(words) >= 3 and bare(words[-1][0]) in RELATIVE_SUBJECTS and words[-2][0] == ",":
        del words[-1]
        named = relative_antecedent(frame, words[:-1])
        if named is not None:
            return named
    while len(words) >= 2 and words[-1][0] == ",":
        commas = [i for i, w in enumerate(words[:-1]) if w[0] == ","]
        if not commas:
            return trailing_phrase(frame, words[:-1])
        between = words[commas[-1] + 1 : -1]
        if not between or FRAGMENT_MASK in frame[between[0][1] : between[-1][2]]:
            return None
        relative = bare(between[0][0]) in RELATIVE_PRONOUNS
        if not relative and (len(between) > APPOSITIVE_WORDS or speech_verbs(between)):
            return None
        if not relative:
            inside = leading_phrase(frame, between)
            if (
                inside is not None
                and inside.form == NAME
                and inside.kind == PERSON
                and " " in inside.name
                and inside.end >= between[-1][2]
            ):
                return inside
        words = words[: commas[-1]]
    return trailing_phrase(frame, words)


# --- cues read from the dependency parse -------------------------------------
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs whose object is always words said ("said “no”", "wrote “…”").
CORE_SPEECH_VERBS = frozenset(
    "say says said saying tell tells told telling write writes wrote writing ask asks asked asking".split()
)
# How a quoted clause and the verb that says it hang together in the parse.
CLAUSE_LINKS = frozenset({"ccomp", "parataxis"})
# Dependencies through which a verb without a subject of its own ("…, adding",
# "went on to say") takes the subject of the verb it hangs from.
SHARED_SUBJECT = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acl", "relcl", "ccomp", "parataxis"})
PERSONAL_ENTITIES = frozenset({"PERSON"})
BODY_ENTITIES = frozenset({"ORG", "NORP", "GPE", "FAC"})
SUBJECT_CLIMB = 4
# Parts of speech that open a subject phrase without being part of the name in it.
MODIFIER_TAGS = frozenset({"ADJ", "VERB", "ADV", "NUM"})
GOVERNING_CLIMB = 8


def is_speech_token(token):
    low = token.lower_
    if low == "according":
        return True
    if not token.tag_.startswith("VB"):
        return False
    if low in SPEECH_VERBS:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return low in SPEECH_PARTICLES and following is not None and following.lower_ == SPEECH_PARTICLES[low]


def governing_verbs(span, full=False):
    """Verbs outside a quoted span that govern it or hang from it, nearest
    first: (distance, verb, is_speech). For a full quote (a sentence of its
    own), a verb that frames it (frames_quote) counts as speech."""
    inside = {t.i for t in span}

    def says(token):
        if is_speech_token(token):
            return not has_noun_object(token, span)
        return full and frames_quote(token, span)

    found = {}
    for token in span:
        head, steps = token, 0
        while head.head.i != head.i and steps < GOVERNING_CLIMB:
            head, steps = head.head, steps + 1
            if head.i in inside:
                break
            if is_speech_token(head) or head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
                found.setdefault(head.i, head)
                if is_speech_token(head):
                    break
                for aside in head.children:  # "As X put it, Y is “…”", "Y is “…”, according to X"
                    if aside.i not in inside and is_aside(aside):
                        found.setdefault(aside.i, aside)
        for child in token.children:
            if child.i not in inside and says(child):
                found.setdefault(child.i, child)
    lo, hi = span[0].i, span[-1].i

    def distance(token):
        return lo - token.i if token.i < lo else token.i - hi

    return sorted(
        ((distance(t), t, says(t)) for t in found.values()),
        key=lambda item: (not item[2], item[0]),
    )


def has_noun_object(verb, span):
    """Whether the quote is the verb's object and a noun phrase, not words
    said: "it was maintaining “a massive invasion force …”", where a verb of
    the speech lexicon does not report speech ("maintain", "express")."""
    head = next((t for t in span if t.head.i == verb.i and t.dep_ == "dobj"), None)
    if head is None or verb.lower_ in CORE_SPEECH_VERBS:
        return False
    opening = next((t for t in span if not t.is_punct and not t.is_space), None)
    return head.pos_ in ("NOUN", "PROPN") and opening is not None and opening.pos_ == "DET"


def is_aside(token):
    """Whether a token beside the clause that holds a quote says who said it:
    "according to X", or a speech verb in an "as" clause ("as X put it")."""
    if token.lower_ == "according":
        return True
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    return token.dep_ == "advcl" and is_speech_token(token) and as_clause


def frames_quote(verb, span):
    """Whether a verb missing from the speech verbs still says the quote
    ("“…,” Kelly charged", "“…?” he scoffed", "Hillary shot back, “…”"): the
    quote hangs from it, or it from the quote, and only its subject, a
    particle, adverbs ("fired back forcefully:") and punctuation stand between them."""
    if verb.pos_ != "VERB":
        return False
    inside = range(span.start, span.end)
    linked = (verb.head.i in inside and verb.dep_ in CLAUSE_LINKS) or any(
        t.head.i == verb.i and t.dep_ in CLAUSE_LINKS and t.pos_ in ("VERB", "AUX") for t in span
    )
    if not linked:
        return False
    doc = verb.doc
    between = doc[verb.i + 1 : span.start] if verb.i < span.start else doc[span.end : verb.i]
    subject = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    return all(t.is_punct or t.is_space or t.dep_ in ("prt", "advmod") or t.i in subject for t in between)


def verb_subject(verb, inside=frozenset()):
    """The token that says it: the verb's subject, the object of "according
    to", the agent of a passive, or the subject of the verb it hangs from;
    for a relative clause ("X, who said …") the noun it is about; never a
    word of the quote itself (token indexes in inside)."""
    shared = False  # climbed from a verb joined to this one, which shares its subject
    for _ in range(SUBJECT_CLIMB):
        if verb.i in inside:
            if verb.head.i == verb.i:
                return None
            verb = verb.head
            continue
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            return obj
        subject = first_subject(verb) or name_taken_for_auxiliary(verb)
        if subject is None and shared:
            # "X was forced into damage control and said …": the passive's subject says it
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head  # "Mr. Sanders, who said he …": the noun the clause is about
        if subject is not None:
            return subject
        quoted = quoted_subject(verb)
        if quoted is not None:
            return quoted  # "X was quoted by the agency as saying …": X says it, not the agency
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        opener = next((c for c in verb.children if c.lower_ == "as" and c.i < verb.i), None)
        named = opener and next((c for c in opener.children if c.dep_ == "pobj"), None)
        if named is not None:
            return named  # "As X, a professor of law, put it, “…”": the parse takes X for the object of "as"
        if verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return None
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and reported_by(verb.head) is not None:
            verb = reported_by(verb.head)  # "X said that Y rejected it, calling it “…”": X calls it
            continue
        issuer = issuing_verb(verb)
        if issuer is not None:
            verb = issuer  # "X issued a statement saying …": X says it
            continue
        if (
            verb.dep_ == "conj"
            and is_cue(verb)
            and reported_by(verb.head) is not None
            and not is_cue(verb.head)
        ):
            verb = reported_by(verb.head)  # "X said Y is to blame and accused him of “…”": X accused
            continue
        shared = verb.dep_ == "conj"
        verb = verb.head
    return None


def quoted_subject(verb):
    """The subject of a passive of QUOTED_AS with what was said after "as" or in
    "saying" ("X was quoted (by Y) as saying", "X was cited saying"), or None; not a
    relative "what has been described as a “…”", which is no one's."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lower_ not in QUOTED_AS or subject is None or subject.tag_ in ("WP", "WDT"):
        return None
    return subject if any(c.lower_ in ("as", "saying") for c in verb.children) else None


def is_cue(token):
    """A speech verb, or another verb that cues what someone said (lexicon.CUE_WORDS)."""
    return is_speech_token(token) or (token.tag_.startswith("VB") and token.lower_ in CUE_WORDS)


def name_taken_for_auxiliary(verb):
    """A capitalised "Will" or "May" the parse took for the verb's modal, in
    mid-sentence and before a past form ("…,” Will described Trump as …"):
    a name, the subject."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if aux is None or not aux.text[:1].isupper() or aux.is_sent_start or verb.tag_ not in ("VBD", "VBN"):
        return None
    return aux


def first_subject(verb):
    """The verb's subject; of two (a parse that took a phrase before an
    inverted "…, said X" for a second subject), a name or pronoun first, and of
    two names the one nearer the verb ("Speaking in Salem, New Hampshire, X
    went after Y": the place closes the opening clause)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    named = sorted((c for c in subjects if c.pos_ in ("PROPN", "PRON")), key=lambda c: abs(c.i - verb.i))
    return (named or subjects or [None])[0]


def reported_by(clause):
    """The speech verb whose complement clause is the one given, or None."""
    if clause.dep_ == "ccomp" and is_speech_token(clause.head):
        return clause.head
    return None


def has_apposed_person(token):
    """Whether a person's name, opened by a given name, stands beside token as its
    appositive ("The couple's neighbour, Jim Parker, was sceptical"; not "One of the
    groups he will launch, Our Revolution, …")."""
    if token.tag_ in ("NNS", "NNPS"):
        return False  # "Two objectors, Lawrence Joyce and William Graham, …": a group
    return any(
        c.dep_ == "appos"
        and is_person_token(c)
        and is_given_name(bare(token.doc[phrase_start(c)].text))
        and not any(d.dep_ == "conj" for d in c.children)
        for c in token.children
    )


def is_person_token(token):
    """A person's name by NER, or a proper noun NER has no label for."""
    ent = entity_of(token)
    return ent.label_ in PERSONAL_ENTITIES if ent is not None else token.tag_ == "NNP"


def entity_of(token):
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def phrase_start(token):
    """The first token of the noun phrase that token heads, not crossing a comma."""
    start = token.i
    lefts = [t for t in token.subtree if t.i < token.i]
    for t in reversed(lefts):
        if t.text in (",", "(", "—", "–", ";", ":") or t.is_quote or t.dep_ in ("relcl", "acl"):
            break
        start = t.i
    return start


def is_title_phrase(token):
    """ "The Housing Minister", "Labour's Shadow Secretary": a title the tagger took for a
    proper noun, which an appositive then names ("The Housing Minister, Clare Hale,
    said"); not a name that ends in a title word ("Representative Peter T. King")."""
    opened = token.doc[phrase_start(token)].lower_ in DETERMINERS or any(
        c.dep_ == "poss" for c in token.children
    )
    return token.lower_ in TITLE_WORDS and opened


def title_inside(token, appos):
    """The title word inside a body's phrase before the name set beside it ("The Royal
    College of Nursing's general secretary, Pat Cullen,": the parse makes "College" the
    head and the name its appositive, though the name is the secretary's), or None."""
    title = token.doc[phrase_start(appos) - 2] if phrase_start(appos) - 2 > token.i else None
    if title is None or title.lower_ not in TITLE_WORDS or title.nbor().text != ",":
        return None
    return title if any(c.dep_ == "prep" and title in c.subtree for c in token.children) else None


def coordinated_department(article, paragraph, token):
    """The Mention of a body named with "and" (names.is_coordinated_body) that the
    parse splits at the conjunction and may give by any conjunct; None for anything
    else."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    words = token.doc[token.left_edge.i : token.right_edge.i + 1]
    if not is_coordinated_body([t.text for t in words]):
        return None
    start = article.parsed.offset(paragraph, words[0])
    end = article.parsed.offset(paragraph, words[-1]) + len(words[-1])
    return Mention(words.text, words.text, NAME, ORGANISATION, "", start, end)


def mention_from_token(article, paragraph, token):
    """The Mention for the subject token: a name from NER with the words
    printed before it as its role, a pronoun, or whatever names.classify makes
    of the phrase; None for the narrator."""
    parsed = article.parsed
    department = coordinated_department(article, paragraph, token)
    if department is not None:
        return department
    doc = token.doc
    low = token.lower_
    if low in NARRATORS:
        return Mention(
            token.text,
            "",
            ROLE,
            PERSON,
            "",
            parsed.offset(paragraph, token),
            parsed.offset(paragraph, token) + len(token),
        )
    if token.tag_ in ("PRP",):
        start = parsed.offset(paragraph, token)
        return mention_of(article.frame, tokens(article.frame, start, start + len(token)))
    author = author_of(token)
    if author is not None:
        return mention_from_token(article, paragraph, author)
    ent = entity_of(token)
    if ent is None or ent.label_ not in PERSONAL_ENTITIES:
        appos = next(
            (c for c in token.subtree if c.dep_ == "appos" and is_person_token(c)),
            None,
        )
        title = appos and title_inside(token, appos)
        if appos is not None and (token.pos_ != "PROPN" or is_title_phrase(token) or title is not None):
            ent_role = doc[phrase_start(token) : max(token.i, title.i if title is not None else -1) + 1].text
            person = entity_of(appos) or doc[phrase_start(appos) : appos.i + 1]
            return person_mention(article, paragraph, person, ent_role)
    first = phrase_start(token)
    if ent is None and token.pos_ == "PROPN":
        # "terse Miller", "Celebrating Clinton": modifiers before a name are no part of it
        while first < token.i and (
            doc[first].pos_ in MODIFIER_TAGS
            or doc[first].is_punct  # "81-year-old", "warm-and-fuzzy"
            or (
                doc[first].pos_ in ("DET", "CCONJ", "NOUN")
                and doc[first + 1].pos_ in MODIFIER_TAGS | {"PUNCT"}
            )
        ):
            first += 1
    if ent is not None and ent.label_ in PERSONAL_ENTITIES:
        role = doc[first : ent.start].text if first < ent.start else ""
        return person_mention(article, paragraph, ent, role, doc[min(first, ent.start)])
    start = parsed.offset(paragraph, doc[first])
    token = glued_name_end(token)
    last = represented(token) or linked_name_end(token) or token
    end = parsed.offset(paragraph, last) + len(last)
    return mention_of(article.frame, tokens(article.frame, start, end))


def represented(token):
    """The last token of whom a role noun speaks for: "a spokesman for
    Senator X" reads on to X (names.mention_of then gives X); None else."""
    if token.pos_ != "NOUN":
        return None
    link = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    person = next((c for c in link.children if c.dep_ == "pobj"), None) if link is not None else None
    if person is None or person.pos_ != "PROPN":
        return None
    return linked_name_end(person) or person


def glued_name_end(token):
    """The last word of a name the parse splits, hanging its last word on the rest as an
    appositive with no comma between ("Cindy Woodhouse Nepinak": "Nepinak" under
    "Woodhouse"); token itself else."""
    while token.pos_ == "PROPN":
        glued = next((c for c in token.children if c.dep_ == "appos" and c.i == token.i + 1), None)
        if glued is None or glued.pos_ != "PROPN":
            break
        token = glued
    return token


def linked_name_end(token):
    """The last token of a proper noun's "of" or "for" phrase right after it, which may
    finish its name ("the Bank of Canada", "Centers for Disease Control"; the parse
    heads the phrase with "Bank"): names.mention_of decides. None else."""
    if token.pos_ != "PROPN":
        return None
    link = next((c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1), None)
    if link is None or link.lower_ not in ("of", "for"):
        return None
    body = next((c for c in link.children if c.dep_ == "pobj"), None)
    return body.right_edge if body is not None and body.pos_ == "PROPN" else None


def author_of(token):
    """Who made the document a common noun names: "an analysis by the Pew
    Research Center", "a survey conducted by X", "a post from X" give X, the
    source the article cites. None for anything else, and for a title ("the
    head of X" is the head)."""
    if token.pos_ != "NOUN" or token.lower_ in TITLE_WORDS or token.lower_ in GROUP_NOUNS:
        return None
    links = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    links += [a for c in token.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    for link in links:
        source = next((c for c in link.children if c.dep_ == "pobj"), None)
        if source is not None and source.pos_ == "PROPN":
            return source
    return None


def person_mention(article, paragraph, ent, role, first=None):
    parsed = article.parsed
    name_tokens = [t for t in ent if t.tag_ != "POS"]
    titled = len(name_tokens) - len(name_after_titles(name_tokens))
    if 0 < titled < len(name_tokens):
        role = (role + " " + ent.doc[name_tokens[0].i : name_tokens[titled].i].text).strip()
        name_tokens = name_tokens[titled:]
    while name_tokens and bare(name_tokens[0].text) in HONORIFICS | {"the"}:
        role = (role + " " + name_tokens[0].text).strip()
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    name = clean_name(ent.doc[name_tokens[0].i : name_tokens[-1].i + 1].text)
    role_words = [w for w in role.split() if bare(w) not in DETERMINERS and bare(w) not in HONORIFICS]
    start = parsed.offset(paragraph, first if first is not None else ent[0])
    end = parsed.offset(paragraph, ent[-1]) + len(ent[-1])
    return Mention(article.frame[start:end], name, NAME, PERSON, " ".join(role_words), start, end)


def name_after_titles(name_tokens):
    """The capitalised words that end name_tokens after the last title in them:
    "Secretary of State Hillary Clinton", "former Colorado Rep. Pat Schroeder" and
    "Representative Lee Zeldin" name Hillary Clinton, Pat Schroeder and Lee Zeldin
    (a name printed beside a description keeps its title in the parse's phrase).
    A particle or hyphen inside a name stays ("Bill de Blasio"); words with no title
    before them stay as printed ("a registered Republican"), and so does a name whose
    last word is a title word ("Martin Luther King": nothing left after it)."""
    k = len(name_tokens)
    while k > 0:
        word = bare(name_tokens[k - 1].text)
        if word in TITLE_WORDS or word in HONORIFICS:
            return name_tokens[k:]
        capital = name_tokens[k - 1].text[:1].isupper()
        inner = (word in PARTICLES or word == "-") and 1 < k < len(name_tokens)
        if not (capital or inner):
            break
        k -= 1
    return name_tokens


def parsed_cue(article, quotation):
    """(Mention, by a speech verb) of the speaker the parse gives the quotation's
    first segment: the second is false for a fragment hung on another verb."""
    if article.parsed is None:
        return None
    first = quotation.segments[0]
    span = article.parsed.span(first.paragraph, first.start, first.end)
    if span is None or not len(span):
        return None
    for _distance, verb, speech in governing_verbs(span, full=quotation.kind == "full"):
        if not speech and quotation.kind != "fragment" and verb.lower_ not in CUE_WORDS:
            continue
        if speech:
            inverted = inverted_subject(article, first.paragraph, verb, span)
            if inverted is not None:
                return inverted, True
            verb = outer_speech_verb(verb, range(span.start, span.end))
        subject = verb_subject(verb, frozenset(t.i for t in span))
        if subject is None and speech and verb.dep_ == "ROOT" and verb.i < span.start:
            opening = sentence_subject(article, first.paragraph, verb)
            if opening is not None:
                return opening, True
        if subject is None or (subject.lower_ in NARRATORS and not is_speech_token(verb)):
            continue  # "X said, and I quote, “…”": the narrator only frames it
        mention = mention_from_token(article, first.paragraph, subject)
        return (mention, speech) if mention is not None else None
    return None


def parsed_colon_intro(article, quotation):
    """The subject of the clause a colon closes right before a quotation in the
    same paragraph, from the parse: the clause introduces the quote whatever its
    verb ("And she is sure it will backfire: “…”", "One supporter, Representative
    X, gave the line a try on CNN: “…”"), where the word rules stop at an opening
    conjunction or a long appositive. The narrator ("I", "we") frames a quote but
    does not say it."""
    if article.parsed is None:
        return None
    first = quotation.segments[0]
    colon = first.start - 1
    while colon > 0 and article.frame[colon - 1] in " " + CLOSING_MARKS:
        colon -= 1  # the opening mark, then spaces
    colon -= 1
    if colon < 0 or article.frame[colon] != ":":
        return None
    span = article.parsed.span(first.paragraph, colon, colon + 1)
    if span is None or not len(span):
        return None
    verb = span[0].head
    while verb.dep_ == "ccomp" and verb.head.i < verb.i:
        verb = verb.head  # "X imagined Y was thinking: “…”": X imagined it
    if verb.i >= span[0].i or not (verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB")):
        return None
    if any(
        mark in CLOSING_MARKS for mark in article.frame[article.parsed.offset(first.paragraph, verb) : colon]
    ):
        return None  # a verb of a quoted title ("“X leaves the show,” by Y:")
    subject = verb_subject(verb)
    if subject is None or subject.lower_ in NARRATORS:
        return None
    return mention_from_token(article, first.paragraph, subject)


def outer_speech_verb(verb, quote=range(0)):
    """The speech verb that reports the one given, when it stands in another's
    complement ("Obama said Americans will say “no”", "Israel said Clinton
    called on members to be “closely coordinated”"): the outer source is who
    the article quotes. Never a verb of the quote itself (token indexes in quote),
    which the parse may take for the head of its cue ("X was asked by Y, “you
    said …”")."""
    outer, head = verb, verb
    for _ in range(GOVERNING_CLIMB):
        if head.dep_ != "ccomp" or head.head.i == head.i or head.head.i in quote:
            break
        head = head.head
        if is_speech_token(head):
            outer = head
    return outer


def sentence_subject(article, paragraph, verb):
    """The name a sentence opens with, for a speech verb the parse left
    without a subject ("Mr. X, whose start-up, Y, uses …, said: “…”"): the
    parse lost it in the clauses between, the word rules still see it."""
    start = article.parsed.offset(paragraph, verb.sent[0])
    mention = opening_subject(article.frame, start, article.parsed.offset(paragraph, verb))
    if mention is None or mention.form != NAME:
        return None
    mention = article.without_opener(mention)
    return mention if mention is not None and mention.form == NAME else None


def inverted_subject(article, paragraph, verb, span):
    """The speaker printed after a verb that follows the quote ("“…,” said
    retired neurosurgeon Ben Carson", "“…,” recalled Mr. Rhodes", "“…,” said
    a spokeswoman for the firm, Jane Roe"): the words from the verb to the
    next comma or full stop, whatever the parse made of them (it often takes
    them for an object, or for the subject of the clause after). A name ends
    the phrase, the words before it are its role. None when a subject stands
    before the verb ("“…,” he said") or nothing follows it."""
    doc = verb.doc
    if verb.tag_ not in FINITE_VERB_TAGS or verb.i < span.end:
        return None
    if any(not t.is_punct and not t.is_space for t in doc[span.end : verb.i]):
        return None
    if any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None
    phrase = []
    for token in doc[verb.i + 1 :]:
        if token.text == "." and phrase and keeps_full_stop(phrase[-1].text + "."):
            continue  # the full stop of "Lt." or "Mr." split off
        if (token.is_punct and token.text not in "-–") or token.is_quote or token.pos_ in ("ADP", "SCONJ"):
            break
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            break
        phrase.append(token)
    if not phrase or phrase[-1].tag_ not in PROPER_NOUN_TAGS or phrase[0].pos_ == "PRON":
        return None
    last = linked_name_end(phrase[-1]) or phrase[-1]  # "said the Ministry of Health"
    start = article.parsed.offset(paragraph, phrase[0])
    end = article.parsed.offset(paragraph, last) + len(last)
    mention = mention_of(article.frame, tokens(article.frame, start, end))
    if mention is None or mention.form != NAME or bare(mention.name) in NOT_NAMES:
        return None
    return mention


def person_names(parsed):
    """The names of people, of two words or more, that NER finds in the parsed paragraphs."""
    for doc in parsed.docs.values():
        for ent in doc.ents:
            if ent.label_ not in PERSONAL_ENTITIES:
                continue
            words = [t.text for t in ent if (t.tag_ != "POS" and not t.is_punct) or t.text == "."]
            while words and bare(words[0]) in HONORIFICS | {"the"}:
                words = words[1:]
            name = clean_name(" ".join(words).replace(" .", "."))
            if len(name.split()) >= 2 and all(w[:1].isupper() or w in PARTICLES for w in name.split()):
                yield name


def parsed_intro(article, paragraph):
    """The speaker of a paragraph ending with a colon that introduces a quote,
    from the parse: the subject of its last sentence's verb."""
    if article.parsed is None:
        return None
    doc = article.parsed.doc(paragraph)
    if doc is None:
        return None
    sentence = list(doc.sents)[-1]
    root = sentence.root
    verbs = [root] + [t for t in sentence if is_speech_token(t)]
    for verb in reversed(verbs):
        subject = verb_subject(verb)
        if subject is not None:
            return mention_from_token(article, paragraph, subject)
    return None
