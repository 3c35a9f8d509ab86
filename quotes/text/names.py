"""Noun phrases that can name a speaker, read from plain text without a parser.

In: a stretch of narration (quotes already blanked out). Out: `Mention`s: a
person's name with the title printed around it ("Defence Secretary Ben Wallace"
-> name "Ben Wallace", role "Defence Secretary"), a pronoun, a role noun ("the
secretary-general"), a group ("the ministers") or a body ("the Foreign Office").

Rules: a name is a run of capitalised words (with name particles such as "de",
"van", "al-"); title words (TITLE_WORDS, their plurals: "Senators Rubio and
Cruz") and honorifics at its front are its role, and the run stops being a
name at the last title word, so "Russian Foreign Minister Sergei Lavrov" gives
"Sergei Lavrov", "the younger Mr. Trump" gives "Trump"; a title with "of" runs
on into the name ("Secretary of State John F. Kerry"). A capitalised compound
with a lower-case last part ("Manhattan-made") modifies a name and is no part
of it. Acronyms glued to a full name by a broken page ("NATOJens Stoltenberg")
are split off as role. A role tied to a body ("the head of the Commission")
keeps the body's words; someone unnamed speaks for a named body or person ("a
spokesman for the Foreign Office", "a spokesman for Senator X"). "the
Spaniard" and "the 62-year-old" are role nouns for a person. A generational
suffix is no surname ("Joseph R. Biden Jr." -> "Biden") and keeps its full
stop. mid_sentence_capitals and opens_sentence tell a name from a word
capitalised only for opening a sentence (quotes.text.attribution uses them).
A common given name that is also a body's noun ("Bill") opens a name before
a capitalised word ("Bill Harmon", but "the Farm Bill").
Limits: a one-word capitalised subject with no title or honorific ("Moscow
said") cannot be told from a person's surname except by the names the article
prints in full; it is then taken for a body. Names in all capitals are bodies.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

from .given_names import is_given_name
from .lexicon import (
    ADDRESS_TITLES,
    GIVEN_NAMES,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    INDEFINITE_WORDS,
    NOT_NAMES,
    OPENING_WORDS,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    SUBORDINATE_ROLES,
    TITLE_PLURALS,
    TITLE_WORDS,
)
from .places import is_place
from .sentences import ABBREVIATIONS

# A word, an age ("62-year-old"), or a run of one symbol (so a blanked-out
# quote is one token, not thousands).
TOKEN = re.compile(r"\d+-[A-Za-z][\w-]*|[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][\w’'.-]*|([^\w\s])\1*|\S")
PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "al",
        "bin",
        "ibn",
        "le",
        "la",
        "du",
        "dos",
        "das",
    }
)
# Generational suffixes after a family name: "Jr.", "III".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})
FUNCTION_WORDS = frozenset(
    """is are was were be been being has have had will would can could should may
    might must do does did not no nor and or than then to into onto by about over
    under between among other another some many most more all both each every any
    who whom whose which what""".split()
)
# "the Spaniard", "the Frenchman", "the Israeli": a person named by origin.
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ard|man|woman|ese|ish|ch|ot|ede|ane|i|er)$")
# A capitalised compound whose last part is lower case modifies a name, it is no
# part of it: "the Manhattan-made Trump", "Ohio-based", "Oscar-winning".
COMPOUND_MODIFIER = re.compile(r"^[A-Z][\w’']*-(?:[\w’']+-)*[a-z][a-z’']*$")
# "the 62-year-old": a person named by age.
AGE = re.compile(r"^\d+-year-old$")
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
GLUED_ACRONYM = re.compile(r"^([A-Z]{2,})([A-Z][a-z].*)$")

# A run of capitalised words printed after a lower-case word, a digit or a comma
# ("said Mr. Trump"): capitalised for themselves, not because they open a sentence.
MID_SENTENCE_CAPITALS = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w’'-]*(?:\.? [A-Z][\w’'-]*)*")

# How far a speaker's noun phrase may reach, in characters: bounds the work per cue.
PHRASE_REACH = 200

# Words that tie a role to the body it serves.
LINKS = frozenset({"of", "for", "at"})
# Lower-case words inside an organisation's name after its link ("Centers for Disease
# Control and Prevention", "Department of Housing & Urban Development").
ORGANISATION_LINKS = frozenset({"and", "&", "of", "for", "on"})
# Words for a share of a group before "of" ("most of the voters"): no one named.
PARTITIVES = frozenset(
    """most many some few several half third quarter majority minority all none both each
    dozens hundreds thousands millions percent share number""".split()
)
# Domain words of a government's departments, which modify a title ("Health Minister")
# and before a country name the department ("Health Canada": names.is_department).
DEPARTMENT_WORDS = frozenset(
    {"health", "finance", "defence", "defense", "interior", "foreign", "home", "environment"}
)
# Title words that are no department's domain: "Chairman Jordan" is a person.
PERSON_TITLES = TITLE_WORDS - DEPARTMENT_WORDS
# Words that head such a name besides lexicon.ORGANISATION_NOUNS, which reads them
# as organisations wherever they stand ("Club for Growth", "Federal Bureau of Investigation").
LINKED_HEADS = ORGANISATION_NOUNS | {
    "club",
    "bureau",
    "society",
    "coalition",
    "corporation",
    "chamber",
    "academy",
}

# Heads of a phrase for several people: group nouns and plural titles ("aides").
PEOPLE_NOUNS = GROUP_NOUNS | TITLE_PLURALS
# The endings of a possessive ("Berg's", "the Harbour Board’s", "Sanders’").
POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")

PERSON, ORGANISATION, GROUP = "person", "organisation", "group"
NAME, PRONOUN, ROLE = "name", "pronoun", "role"


@dataclass(frozen=True)
class Mention:
    """Words in the narration that name a speaker."""

    text: str  # as printed, e.g. "NATO chief Jens Stoltenberg"
    name: str  # the speaker part: "Jens Stoltenberg", "he", "secretary general"
    form: str  # name | pronoun | role
    kind: str  # person | organisation | group
    role: str  # title printed with a name, e.g. "NATO chief"
    start: int
    end: int


def tokens(text, lo=0, hi=None):
    """(word, start, end) for each word or punctuation mark of text[lo:hi]. A
    full stop stays on an abbreviation ("Mr.", "U.S.", "J.") and is its own
    token after any other word, so a name never runs into the next sentence."""
    hi = len(text) if hi is None else hi
    found = []
    for match in TOKEN.finditer(text, lo, hi):
        word, start, end = match.group(), match.start(), match.end()
        if word.endswith(".") and len(word) > 2 and not keeps_full_stop(word):
            found.append((word[:-1], start, end - 1))
            found.append((".", end - 1, end))
        else:
            found.append((word, start, end))
    return found


@lru_cache(maxsize=1 << 12)
def keeps_full_stop(word):
    return "." in word[:-1] or word.lower() in HONORIFICS or word[:-1].lower() in ABBREVIATIONS


@lru_cache(maxsize=1 << 16)
def bare(word):
    """word without a possessive ending or trailing full stop, lower-cased."""
    word = word.lower().rstrip(".")
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def is_capitalised(word):
    return word[:1].isupper()


@lru_cache(maxsize=1 << 16)
def is_np_word(word):
    """A word that can belong to a speaker's noun phrase."""
    low = bare(word)
    if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
        return False
    return (
        (
            is_capitalised(word)
            and low not in NOT_NAMES - DETERMINERS
            and low not in OPENING_WORDS
            and not COMPOUND_MODIFIER.match(word)
        )
        or low in TITLE_WORDS
        or AGE.match(low)
        or (
            low in GROUP_NOUNS
            or low in ORGANISATION_NOUNS
            or low in PARTICLES
            or low in HONORIFICS
            or low in DETERMINERS
            or word in "-"
        )
    )


def titled_after_of(words, of, head, body):
    """Whether "<head> of <body>" names the titled person of body: a title before
    "of" ("Secretary of State John F. Kerry", "Speaker of the House Rep. Paul Ryan",
    whose body names the person after an honorific; not "a spokesman of X", who is someone
    else), or a one-word body before it whose phrase after ends in a title and a
    name ("Assembly of First Nations National Chief X", not the body's first word)."""
    if body is None or body.form != NAME or body.kind != PERSON:
        return False
    before_name = body.text[: body.text.rfind(body.name)].split() if body.name in body.text else []
    if not body.role and not any(bare(w) in HONORIFICS for w in before_name):
        return False  # "chairman of Our Principles Pac": the title's own object
    if head.form == ROLE:
        return bare(words[of - 1][0]) not in SUBORDINATE_ROLES and bare(words[0][0]) not in INDEFINITE_WORDS
    return (
        head.form == NAME and " " not in head.name and any(bare(w) in TITLE_WORDS for w in body.role.split())
    )


def is_department(role_words, name_words):
    """Whether a domain word before a country names a department, not a titled person:
    "Health Canada", "Finance Canada", "Public Health England" (read as someone named
    "Canada" with the role "Health"). A person's title keeps the name ("Chairman Jordan")."""
    return (
        len(name_words) == 1
        and is_place(name_words[0])
        and bool(role_words)
        and all(is_capitalised(w) for w in role_words)
        and any(bare(w) in DEPARTMENT_WORDS for w in role_words)
        and not any(bare(w) in PERSON_TITLES for w in role_words)
    )


def is_linked_organisation(words, of, head):
    """Whether "<head> of/for <body>" is one organisation's name, every word capitalised
    after a determiner: "the Bank of Canada", "Department of Justice", "Centers for
    Disease Control and Prevention" (the head alone named "Bank", "Department"). A
    person's name before "of" keeps its place ("Rep. X of Ohio" is X)."""
    last = bare(words[of - 1][0])
    if head.form != NAME or not (last in LINKED_HEADS or last[:-1] in LINKED_HEADS):
        return False
    body = [w for w, _, _ in words[of + 1 :]]
    if body and bare(body[0]) == "the":
        body = body[1:]
    # "… Director Jane Roe": a title with a name after it; not "Department of Justice"
    titled = any(
        (bare(w) in TITLE_WORDS or bare(w) in HONORIFICS)
        and is_capitalised(after)
        and bare(after) not in LINKS
        for w, after in pairwise(body)
    )
    return bool(body) and not titled and all(is_capitalised(w) or bare(w) in ORGANISATION_LINKS for w in body)


def mention_of(text, words):
    """The Mention for a noun phrase given as (word, start, end) tokens."""
    if not words:
        return None
    start, end = words[0][1], words[-1][2]
    printed = text[start:end]
    of = next((i for i, w in enumerate(words) if bare(w[0]) in LINKS), None)
    if of and bare(words[of][0]) == "of" and bare(words[of - 1][0]) in PARTITIVES:
        # "Most of the protesters", "the vast majority of Americans": some of a group, no one named
        return Mention(printed, "", ROLE, GROUP, "", start, end)
    if of:
        head = mention_of(text, words[:of])
        if head is None or head.form == PRONOUN:
            return None
        body = mention_of(text, words[of + 1 :])
        if bare(words[of][0]) in ("of", "for") and titled_after_of(words, of, head, body):
            # "Secretary of State John F. Kerry", "Assembly of First Nations National
            # Chief X": the title runs on into the name
            role = (
                text[start : text.rindex(body.name, start, end)].strip()
                if body.name in printed
                else body.role
            )
            return Mention(printed, body.name, NAME, PERSON, role, start, end)
        if (
            bare(words[0][0]) in INDEFINITE_WORDS
            and body is not None
            and body.form == NAME
            and (body.kind == ORGANISATION and any(is_capitalised(w[0]) for w in words[of + 1 :]))
        ):
            return Mention(printed, body.name, NAME, ORGANISATION, "", start, end)
        if (
            bare(words[0][0]) in INDEFINITE_WORDS
            and bare(words[of][0]) == "for"
            and body is not None
            and body.form == NAME
            and body.kind == PERSON
            and " " in body.name
        ):
            # "a spokesman for Senator X": someone unnamed speaking for X
            return Mention(printed, body.name, NAME, PERSON, "", start, end)
        if is_linked_organisation(words, of, head):
            named = words[1:] if bare(words[0][0]) in DETERMINERS else words  # "the Bank of Canada"
            return Mention(
                printed, clean_name(" ".join(w for w, _, _ in named)), NAME, ORGANISATION, "", start, end
            )
        return Mention(
            printed, head.name, head.form, head.kind, printed if head.form == ROLE else head.role, start, end
        )
    last = bare(words[-1][0])
    if len(words) == 1 and last in PERSON_PRONOUNS | GROUP_PRONOUNS:
        kind = PERSON if last in PERSON_PRONOUNS else GROUP
        return Mention(printed, last, PRONOUN, kind, "", start, end)
    if len(words) == 1 and last in PEOPLE_NOUNS:
        return Mention(printed, last, ROLE, GROUP, "", start, end)
    if (
        len(words) == 2
        and bare(words[0][0]) == "the"
        and DEMONYM.match(words[1][0])
        and bare(words[1][0]) not in ORGANISATION_NOUNS
    ):
        return Mention(printed, words[1][0], ROLE, PERSON, "", start, end)
    split = name_start(words)
    if split is not None:
        name_words = [w for w, _, _ in words[split:]]
        role_words = [w for w, _, _ in words[:split] if bare(w) not in DETERMINERS]
        glued = GLUED_ACRONYM.match(name_words[0]) if len(name_words) >= 2 else None
        if glued:  # "NATOJens Stoltenberg", not a one-word name in camel case ("AZCentral")
            role_words.append(glued.group(1))
            name_words[0] = glued.group(2)
        has_title = any(bare(w) in TITLE_WORDS or bare(w) in HONORIFICS for w in role_words)
        name = clean_name(" ".join(w for w in name_words if bare(w) not in HONORIFICS))
        role = (
            " ".join(w for w in role_words if bare(w) not in HONORIFICS)
            if any(bare(w) in TITLE_WORDS for w in role_words)
            else ""
        )
        if is_department(role_words, name_words):
            return Mention(
                printed, clean_name(" ".join(role_words + name_words)), NAME, ORGANISATION, "", start, end
            )
        if len(name_words) >= 2 or has_title:
            return Mention(printed, name, NAME, PERSON, role, start, end)
        if last in ORGANISATION_NOUNS or name.isupper():
            return Mention(printed, name, NAME, ORGANISATION, "", start, end)
        return Mention(printed, name, NAME, PERSON, "", start, end)
    content = [w for w, _, _ in words if bare(w) not in DETERMINERS]
    if not content:
        return None
    phrase = " ".join(content)
    if last in PEOPLE_NOUNS:  # "aides", "the authors": people, not one person
        return Mention(printed, phrase, ROLE, GROUP, "", start, end)
    if (last in TITLE_WORDS and last not in ORGANISATION_NOUNS) or AGE.match(last):
        return Mention(printed, phrase, ROLE, PERSON, "", start, end)
    if any(is_capitalised(w) for w in content[-1:]):
        return Mention(printed, phrase, NAME, ORGANISATION, "", start, end)
    if last in ORGANISATION_NOUNS and bare(words[0][0]) in DETERMINERS:
        return Mention(printed, phrase, NAME, ORGANISATION, "", start, end)
    if last in SOURCE_NOUNS and bare(words[0][0]) in INDEFINITE_WORDS:
        # "a Treasury source", "a Trump ally", "a person familiar with …": someone unnamed
        return Mention(printed, phrase, ROLE, PERSON, "", start, end)
    return None


def is_coordinated_body(words):
    """Whether words name one body with "and", as governments name departments
    ("Environment and Climate Change Canada", "Immigration, Refugees and Citizenship
    Canada"): capitalised words joined by "and" and commas whose last part is a
    domain and a country. Not a list of places ("Britain and Canada")."""
    runs = [[]]
    for word in words:
        if word.lower() == "and" or word == ",":
            runs.append([])
        elif word[:1].isupper():
            runs[-1].append(word)
        else:
            return False
    runs = [run for run in runs if run]
    return (
        len(runs) >= 2
        and len(runs[-1]) >= 2
        and is_place(runs[-1][-1])
        and not any(is_place(" ".join(run)) for run in runs)
    )


# Parties printed before a name as a role ("Republican Jane Roe").
PARTY_WORDS = frozenset({"republican", "democrat", "democratic", "gop", "tory", "labour", "ndp"})


MIDDLE_INITIAL = re.compile(r"^[A-Z]\.$")
# Title words that open many a company's or body's name: before a single
# capitalised word they are that name's first word ("General Electric", "General
# Assembly"); before a full name they are still a title ("General Mark Milley").
COMPANY_TITLES = frozenset({"general"})


def is_middle_initial(words, i):
    """Whether words[i] is an initial between two capitalised words of a name ("A." in
    "James A. Lewis")."""
    return (
        0 < i < len(words) - 1
        and MIDDLE_INITIAL.match(words[i][0]) is not None
        and is_capitalised(words[i - 1][0])
        and is_capitalised(words[i + 1][0])
    )


def name_start(words):
    """Index where a person's name begins in a noun phrase, or None: after the
    last title word, when capitalised non-title words follow it."""
    lows = [bare(w) for w, _, _ in words]

    def is_title_at(i):
        if is_middle_initial(words, i):
            return False  # "James A. Lewis": "A." is an initial, not the article
        if lows[i] in DETERMINERS or (words[i][0].endswith(("’s", "'s")) and i < len(words) - 1):
            return True
        if lows[i] in PARTY_WORDS and i < len(words) - 2:
            return True  # "Republican Christine Todd Whitman": a party before a full name
        if lows[i] in HONORIFICS and i < len(words) - 1:
            # "Ohio Gov. John Kasich", "Toronto Coun. Jane Roe": what comes
            # before an honorific is a place or a party, not the name
            return True
        if lows[i] not in TITLE_WORDS:
            return False
        if i == len(words) - 1 and i > 0 and lows[i - 1] in HONORIFICS and lows[i] not in ADDRESS_TITLES:
            return False  # "Ms Constable", "Mr. King": a surname after an honorific
        if i == 0 and lows[i] in COMPANY_TITLES and len(words) == 2:
            return False  # "General Electric", "General Motors": a company, not a general named Motors
        # A title word ending a run of names is a surname: "Martin Luther King";
        # after an article it is the title, capitalised as British and Canadian
        # copy prints it: "The Governor", "The Premier".
        return not (
            i == len(words) - 1
            and i > 0
            and is_capitalised(words[i - 1][0])
            and lows[i - 1] not in TITLE_WORDS
            and lows[i - 1] not in HONORIFICS
            and lows[i - 1] not in DETERMINERS
        )

    last_title = max((i for i in range(len(words)) if is_title_at(i)), default=-1)
    if last_title < 0:
        # "Texas delegate Bill Eastland": a role word the lexicon lacks, printed in lower
        # case before a full name, ends what describes the person
        described = [i for i in range(len(words) - 2) if words[i][0].islower() and lows[i] not in PARTICLES]
        last_title = described[-1] if described else -1
    # Lower-case modifiers between the title and the name: "the younger Mr. Trump".
    while (
        last_title + 1 < len(words) - 1
        and words[last_title + 1][0].islower()
        and lows[last_title + 1] not in PARTICLES
    ):
        last_title += 1
    rest = words[last_title + 1 :]
    if not rest or not all(is_capitalised(w) or bare(w) in PARTICLES for w, _, _ in rest):
        return None
    # after a title, a given name opens a person's name whatever its surname ("Mayor Don
    # Guardian"), as a given name opens one whatever body noun it also is ("Bill Harmon")
    titled = last_title >= 0 and (lows[last_title] in TITLE_WORDS or lows[last_title] in HONORIFICS)
    person = titled and len(rest) >= 2 and is_given_name(bare(rest[0][0]))
    if not person and any(
        (bare(w) in ORGANISATION_NOUNS and not is_given_name_at(rest, i)) or bare(w) in GROUP_NOUNS
        for i, (w, _, _) in enumerate(rest)
    ):
        return None
    if not is_capitalised(rest[0][0]) or not is_capitalised(rest[-1][0]):
        return None
    if all(bare(w) in HONORIFICS for w, _, _ in rest):
        return None
    return last_title + 1


def is_given_name_at(words, i):
    """Whether the word at i opens a person's name though the lexicon has it
    for a body's noun too: a common given name before a capitalised word with
    no digits ("Bill Harmon"; not "the Farm Bill", "Bill C-51")."""
    following = words[i + 1][0] if i + 1 < len(words) else ""
    return (
        i == 0
        and bare(words[i][0]) in GIVEN_NAMES
        and is_capitalised(following)
        and not any(ch.isdigit() for ch in following)
    )


def is_title_noun(word):
    low = bare(word)
    return low in TITLE_WORDS or low in GROUP_NOUNS


def joins_phrase(words, i, following):
    """Whether words[i], not itself a name or title word, still belongs to the
    phrase: a lower-case modifier of a title ("water minister", "defence
    ministers"), or "of"/"for" after a title ("the head of the Commission",
    "a spokesman for the Foreign Office") or inside a body's name ("the Ministry of
    Health", mention_of reads it whole)."""
    word = words[i][0]
    if bare(word) in LINKS:
        before = words[i - 1][0] if i > 0 else ""
        heads = is_title_noun(before) or (
            is_capitalised(before) and bare(before).removesuffix("s") in LINKED_HEADS
        )
        return 0 < i < len(words) - 1 and heads and is_np_word(words[i + 1][0])
    return (
        word.isalpha()
        and word.islower()
        and following is not None
        and is_title_noun(following[0])
        and word not in SPEECH_VERBS
        and word not in FUNCTION_WORDS
        and (word not in NOT_NAMES or word in NUMBER_WORDS)
    )


def describes_name(words, i):
    """Whether a lower-case word between the capitalised word a sentence opens with and a
    full name opened by a given name says what the person is ("Bruins forward David
    Pastrnak scored", "Texas delegate Bill Eastland said"): the phrase runs on to the
    name, which is the subject, not the team or the place."""
    after = [w for w, _, _ in words[i + 1 : i + 3]]
    return (
        i == 1
        and is_capitalised(words[0][0])
        and words[i][0].isalpha()
        and words[i][0].islower()
        and bare(words[i][0]) not in STOP_WORDS | SPEECH_VERBS
        and len(after) == 2
        and is_given_name(bare(after[0]))
        and is_capitalised(after[0])
        and is_capitalised(after[1])
    )


def leading_phrase(text, words):
    """The Mention that words open with, or None."""
    if words and bare(words[0][0]) in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return mention_of(text, words[:1])
    taken = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if not (is_np_word(word[0]) or joins_phrase(words, i, following) or describes_name(words, i)):
            break
        taken.append(word)
    while taken and (bare(taken[-1][0]) in DETERMINERS or bare(taken[-1][0]) in LINKS):
        taken.pop()
    return mention_of(text, taken)


def trailing_phrase(text, words):
    """The Mention that words end with, or None."""
    if words and bare(words[-1][0]) in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return mention_of(text, words[-1:])
    taken = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        following = taken[0] if taken else None
        if not (is_np_word(word[0]) or joins_phrase(words, i, following)):
            break
        taken.insert(0, word)
    while taken and (taken[0][0] == "-" or bare(taken[0][0]) in LINKS):
        taken.pop(0)
    return mention_of(text, taken)


def phrase_after(text, lo, hi):
    """The noun phrase that starts at lo (the subject after a verb: "said Mr X")."""
    return leading_phrase(text, tokens(text, lo, min(hi, lo + PHRASE_REACH)))


def clean_name(name):
    """name without a possessive ending or a trailing comma, and without a
    trailing full stop unless it ends an abbreviation ("Jr.", "F.B.I.")."""
    name = re.sub(r"(’s|'s|’|')$", "", name.strip()).rstrip(",").strip()
    last = name.split()[-1] if name else ""
    if last.endswith(".") and not keeps_full_stop(last):
        name = name[:-1]
    return name


def mid_sentence_capitals(text):
    """The words (bare) that text prints capitalised in mid-sentence: names,
    not words capitalised only because they open a sentence ("Within", "Much")."""
    return frozenset(
        bare(word) for match in MID_SENTENCE_CAPITALS.finditer(text) for word in match.group().split()
    )


def opens_sentence(text, start):
    """Whether the word at text[start] opens a sentence, a line or a clause
    after a quotation: only white space, quote marks or blanked quotes lie
    between it and the last full stop, colon or line break, or a blanked
    quotation (whose own punctuation cannot be seen)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“”‘’'(":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;—–\x00"


def surname(name):
    """The family name: the last word, passing over a generational suffix
    ("Joseph R. Biden Jr." -> "Biden")."""
    words = name.split()
    while len(words) > 1 and bare(words[-1]).rstrip(",") in SUFFIXES:
        words.pop()
    return words[-1] if words else ""
