"""Meaning-change flags: what a reader must not miss between a canonical wording and a variant.

In:  the canonical wording and one variant (plain strings), optionally the speaker
     names each was attributed to, and whether the variant is reported speech.
Out: a list of `MeaningChange` (kind, the canonical words, the variant words; "" for
     the side that has none), in the order negation, numbers, hedges, names, roles,
     quantifiers, speaker.

Kinds:
  negation_dropped / negation_added   "not", "no", "never", "nothing", "without", "n't", …
      counted, so "did not see any" = "saw no" and "do not" = "don't" (contractions
      are expanded before anything is compared: "won't" is "will not");
  number_changed      digits, number words, percentages, currency amounts, months,
      weekdays, "today"/"tomorrow"; "forty" = "40", "5%" = "5 percent", "€1.5bn" =
      "1.5 billion euros"; "about", "at least", "up to" before a number belong to it;
  hedge_dropped / hedge_added / hedge_changed   modals (may, might, could, would,
      should, must, will, can) and hedges or boosters ("of course", "we think",
      "probably", "perhaps", "apparently", "clearly"), compared by class, so "may" ->
      "might" or "should" -> "ought to" is no flag but "may" -> "will" is;
  entity_replaced / entity_added / entity_dropped   capitalised names; "President
      Macron" = "Emmanuel Macron", "EU" = "European Union", "Russian" = "Russia's";
  roles_swapped       two names both sides print whose roles differ: each name's role
      is read from the word governing it (the preposition before it, "by" after a
      passive verb, a possessive "'s", subject at a clause start or object after a
      verb), with "A and B" sharing one role; flagged when at least two names changed
      role and one took the other's role or their order reversed;
  quantifier_changed  quantifiers by class (all / most / many / some / few / more /
      less: "some" -> "all", or one dropped or added), and intensifiers or size words
      only when their class changes ("partly" -> "completely", "minor" -> "massive";
      "massive" -> "huge" or a dropped "very" is rewording);
  speaker_changed     two speaker names given, neither contained in the other once
      titles and honorifics are set aside ("Ms Kaur" = "Priya Kaur").

Two wordings with the same words (only punctuation or case differ) can differ only
in speaker: their words are not read again (no parse), which keeps storing the flags
of every verbatim copy cheap.

Words are read with the dependency parse of quotes.text.parse's pipeline (spaCy
3.8's small English model, loaded once per process; each text parsed once and
kept among the last PARSES_KEPT; `read_ahead` parses many in batches): a modal counts
only as a modal (tag MD, not an object or subject: "has
demonstrated will to use force" holds no "will"); "some" and "several" count only as
the determiner of a noun, before "of" or as a subject or object ("some farmers",
"some of the villages", "some say"), never in "some kind/sort of", and "some more" is the same amount as "more"; a
capitalised word opening a sentence is a name only when the parse makes it a proper
noun or a named entity ("People here …", "Right now …" are not).

A trimmed variant is compared only with the stretch of the canonical wording it
spans, from its first to its last *anchored* aligned word: the word alignment is the
longest common subsequence quotes.text.drift uses, made compact around its longest
run (a phrase the canonical prints twice aligns with the printing beside the rest),
and only runs of ANCHOR_WORDS words, or shorter runs within ANCHOR_REACH words of
one, bound the span. So cutting the start or end of a sentence is no flag, but
cutting "not" from its middle is. A whole clause cut from the middle (a run of cut
words that is a verb's clause by the parse, with its joining "and"/"but") is
trimming too: the cues in it are no flags. What a variant adds is checked against
the whole canonical wording, so a phrase it moves from the end to the start is not
"added"; a variant that prints more of the passage than the canonical wording (a
whole clause, CLAUSE_WORDS words or more, before the canonical's first word or after
its last) adds context, not a change, so the cues and names in it are no flags (the
compare page meets this when the left quote is a trim of the right one); a weakening
hedge that opens the canonical sentence right before the span ("Maybe", "We think")
qualifies all the variant kept, so cutting it is "hedge dropped" (a cut opening "Of
course" is not); a hedge, number or quantifier moved just past the span's edge is
matched there ("This may, of course, change" printed "Of course this can change" is
one change, "may" -> "can"). "Today" is the same time as "at the moment", "now",
"currently"; a "will" printed as a "to" infinitive after "expect", "predict" and the
like ("we expect will come" / "we expect to happen") is no dropped hedge.

Limits: a negation moved from one verb to another ("we will not attack and win" /
"we will attack and not win") is not seen; names are capitalised words (checked
against the parse only at a sentence's start), so a name in lower case is missed;
coreference ("the Russian president" / "Putin") is not resolved; roles come from
the word before each name, so a fronted time phrase ("Last month Kenya …") can make
a subject look like an object (one name changing role is not enough for a flag);
"going to" is not read as "will"; a cut clause is recognised only as well as the
small model parses it (it is wrong on about one news sentence in ten); a cut
clause's cues are never flagged, so a cut "we don't think" whose complement the
variant kept is caught only because that complement belongs to its clause. Measured on the pairs in
benchmarks/data/meaning_pairs.jsonl and the held-out
benchmarks/data/meaning_pairs_heldout.jsonl (python -m benchmarks.meaning_flags
[--pairs FILE]): precision and recall 1.00 per type on 221 pairs but names (0.94
precision: one false flag), and 1.00 per type on the 38 held-out pairs. On the seeds 7
flags are raised; read one by one, 4 are changes of meaning (the Crimea/Belarus roles,
"should" -> "must", a dropped "Nato allies", a double negative "do not see no sign") and
3 are not: a name printed as the same referent ("Nato's posture" -> "our posture", said
by Nato's chief; "Moscow" -> "Russia") and "may" -> "can", both possibility here.
"""

import re
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Indel

from .drift import surface, word_key
from .lexicon import BE_FORMS, HONORIFICS, NOT_NAMES, TITLE_WORDS
from .parse import pipeline

NEGATION_DROPPED = "negation_dropped"
NEGATION_ADDED = "negation_added"
NUMBER_CHANGED = "number_changed"
HEDGE_DROPPED = "hedge_dropped"
HEDGE_ADDED = "hedge_added"
HEDGE_CHANGED = "hedge_changed"
ENTITY_REPLACED = "entity_replaced"
ENTITY_ADDED = "entity_added"
ENTITY_DROPPED = "entity_dropped"
ROLES_SWAPPED = "roles_swapped"
QUANTIFIER_CHANGED = "quantifier_changed"
SPEAKER_CHANGED = "speaker_changed"

KINDS = (
    NEGATION_DROPPED,
    NEGATION_ADDED,
    NUMBER_CHANGED,
    HEDGE_DROPPED,
    HEDGE_ADDED,
    HEDGE_CHANGED,
    ENTITY_REPLACED,
    ENTITY_ADDED,
    ENTITY_DROPPED,
    ROLES_SWAPPED,
    QUANTIFIER_CHANGED,
    SPEAKER_CHANGED,
)
# The flag types a reader (and the benchmark) tells apart.
FAMILIES = {
    NEGATION_DROPPED: "negation",
    NEGATION_ADDED: "negation",
    NUMBER_CHANGED: "number",
    HEDGE_DROPPED: "hedge",
    HEDGE_ADDED: "hedge",
    HEDGE_CHANGED: "hedge",
    ENTITY_REPLACED: "entity",
    ENTITY_ADDED: "entity",
    ENTITY_DROPPED: "entity",
    ROLES_SWAPPED: "roles",
    QUANTIFIER_CHANGED: "quantifier",
    SPEAKER_CHANGED: "speaker",
}


@dataclass(frozen=True)
class MeaningChange:
    """One change of meaning: its kind and the words on each side ("" for none)."""

    kind: str
    canonical: str
    variant: str

    @property
    def family(self) -> str:
        return FAMILIES[self.kind]

    def as_record(self) -> dict[str, str]:
        """The change as the plain dict the database and the export store."""
        return {"kind": self.kind, "canonical": self.canonical, "variant": self.variant}


def from_records(records: Iterable[Any]) -> list[MeaningChange]:
    """Changes from stored dicts (as_record's); a record of an unknown kind is passed over."""
    return [
        MeaningChange(record["kind"], str(record.get("canonical", "")), str(record.get("variant", "")))
        for record in records
        if isinstance(record, dict) and record.get("kind") in FAMILIES
    ]


# ---- words -------------------------------------------------------------------------

NEGATIONS = frozenset("not no never nothing nobody none neither nor nowhere without".split())
# "not only X but Y" adds, it does not deny.
NOT_NEGATING_AFTER = frozenset("only just merely".split())

# Multi-word cues are matched first (longest first) and their words are not read again.
HEDGE_PHRASES = {
    "of course": "certainty",
    "no doubt": "certainty",
    "without doubt": "certainty",
    "without a doubt": "certainty",
    "i think": "belief",
    "we think": "belief",
    "i believe": "belief",
    "we believe": "belief",
    "i suppose": "belief",
    "we suppose": "belief",
    "i guess": "belief",
    "in my view": "belief",
    "in our view": "belief",
    "have to": "necessity",
    "has to": "necessity",
    "had to": "necessity",
    "ought to": "advice",
    "able to": "ability",
}
HEDGE_WORDS = {
    **dict.fromkeys("may might could perhaps maybe possibly".split(), "possibility"),
    **dict.fromkeys("probably likely presumably".split(), "probability"),
    "unlikely": "improbability",
    "would": "conditional",
    "should": "advice",
    "must": "necessity",
    **dict.fromkeys("will shall".split(), "future"),
    "can": "ability",
    **dict.fromkeys(
        "seems seem seemed appears appear appeared apparently reportedly allegedly".split(), "evidence"
    ),
    **dict.fromkeys(
        "certainly definitely surely clearly obviously undoubtedly".split(),
        "certainty",
    ),
}
MODALS = frozenset("may might could would should must will shall can".split())
NOMINAL_DEPS = frozenset("dobj nsubj nsubjpass pobj attr appos compound".split())
# Reported speech shifts tense: "we will" is printed "they would" with no change of meaning.
BACKSHIFT = {("future", "conditional"), ("ability", "possibility")}

QUANTIFIER_PHRASES = {
    "a lot": "many",
    "lots of": "many",
    "a great deal": "many",
    "plenty of": "many",
    "a few": "some",
    "a little": "some",
    "a bit": "partial",
    "very much": "intense",
    "the majority": "most",
    "some more": "additional",
    "any more": "additional",
}
QUANTIFIER_WORDS = {
    **dict.fromkeys(
        "all every each everyone everybody everything everywhere always entire whole".split(), "all"
    ),
    **dict.fromkeys("most majority mostly usually".split(), "most"),
    **dict.fromkeys("many much lots numerous often frequently countless".split(), "many"),
    **dict.fromkeys("some several sometimes".split(), "some"),
    **dict.fromkeys("few little rarely seldom".split(), "few"),
    "more": "more",
    **dict.fromkeys("less fewer".split(), "less"),
    **dict.fromkeys("completely totally fully entirely absolutely utterly wholly".split(), "full"),
    **dict.fromkeys("partly partially somewhat slightly fairly barely marginally".split(), "partial"),
    **dict.fromkeys(
        "very extremely highly deeply hugely enormously incredibly exceptionally immensely".split(), "intense"
    ),
    **dict.fromkeys("massive huge enormous vast immense tremendous big large major giant".split(), "large"),
    **dict.fromkeys("small tiny minor slight modest limited minimal negligible".split(), "small"),
}
# Intensifiers and size words count only when their class changes, not when dropped.
DEGREE_CLASSES = frozenset("full partial intense large small additional".split())
# "some more adjustments" printed "more adjustments": the same amount.
SAME_QUANTITY = frozenset({frozenset({"more", "additional"})})
NOT_QUANTIFYING = frozenset(
    {
        "at all",
        "after all",
        "each other",
        "all right",
        "once more",
        "some kind",
        "some sort",
        "some time",
        "some way",
    }
)
# Quantifiers that count only as the determiner of a noun ("some farmers"), before "of"
# ("some of the villages") or standing for a noun ("some say"), not elsewhere ("some
# kind of", "some 300").
DETERMINER_QUANTIFIERS = frozenset({"some", "several"})

ONES = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}
TENS = {
    word: 10 * value
    for value, word in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if word != "_"
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
FRACTIONS = {
    "half": Fraction(1, 2),
    "halves": Fraction(1, 2),
    "third": Fraction(1, 3),
    "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4),
    "quarters": Fraction(1, 4),
}
DOZEN = {"dozen": 12}
SUFFIX_SCALES = {"k": 1000, "m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}
CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
UNITS = {
    **dict.fromkeys("percent pc %".split(), "percent"),
    **dict.fromkeys("dollar dollars usd".split(), "dollar"),
    **dict.fromkeys("euro euros eur".split(), "euro"),
    **dict.fromkeys("pound pounds gbp".split(), "pound"),
    **dict.fromkeys("rouble roubles ruble rubles".split(), "rouble"),
    **dict.fromkeys("yen yuan hryvnia hryvnias francs franc".split(), None),
}
QUALIFIERS = {
    "about": "~",
    "around": "~",
    "roughly": "~",
    "approximately": "~",
    "some": "~",
    "nearly": "<~",
    "almost": "<~",
    "over": ">",
    "above": ">",
    "under": "<",
    "below": "<",
}
QUALIFIER_PHRASES = {
    "more than": ">",
    "at least": ">",
    "upwards of": ">",
    "less than": "<",
    "fewer than": "<",
    "up to": "<",
    "at most": "<",
}
MONTHS = {
    name: index
    for index, names in enumerate(
        (
            "january jan",
            "february feb",
            "march",
            "april apr",
            "may",
            "june",
            "july",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
# Months that are also common words count only printed capitalised, inside a sentence
# or next to a number ("in May", "May 3"), never as "may" or "march".
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight".split()
)

DETERMINERS = frozenset("the a an its their our his her my your this that these those".split())
PREPOSITIONS = frozenset(
    """from to into onto on in at by for with against between among towards toward
    through across over under near via of off out inside outside beyond despite
    after before since until""".split()
)
CLAUSE_OPENERS = frozenset("and but or while when that because if as said says so then".split())
FUNCTION_WORDS = frozenset(
    {key.lower() for key in NOT_NAMES}
    | NEGATIONS
    | DETERMINERS
    | PREPOSITIONS
    | CLAUSE_OPENERS
    | set(HEDGE_WORDS)
    | set(QUANTIFIER_WORDS)
    | set(ONES)
    | set(TENS)
    | set(QUALIFIERS)
    | set(DAYS)
    | set(MONTHS)
    | set(
        """i you he she it we they me us them there here what which who whom whose why
        how where last next also just only even still yet now then once again
        everyone nobody however thus do does did has have had let""".split()
    )
)
NAME_LINKS = frozenset({"of"})
HONORIFIC_KEYS = frozenset(key.rstrip(".") for key in HONORIFICS)

APOSTROPHE_ENDINGS = {"'ll": "will", "'re": "are", "'ve": "have", "'m": "am", "'d": "would"}
NEGATED_BASES = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}
IS_BEFORE_S = frozenset("it there that what here he she who where how".split())
SENTENCE_END = re.compile(r"[.!?:;\"”»]$")
CLAUSE_END = re.compile(r"[,;:.!?\"”»)\]—–-]$")
EDGE = re.compile(r"^[\"'“”‘’«»(\[]+|[\"'“”‘’«»)\].,;:!?…]+$")
NUMBER = re.compile(
    r"^(?P<sign>[$€£¥])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimal>\.\d+)?"
    r"(?P<suffix>%|k|m|mn|bn|b|tn|st|nd|rd|th)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Word:
    """One comparable word: printed as in the text, its key, and where it stands."""

    printed: str
    key: str
    bare: str  # the printed word without the punctuation around it
    capital: bool
    opens_sentence: bool
    ends_clause: bool
    offset: int = 0  # where the printed token starts in surface(text)
    piece: int = 0  # which piece of a contraction ("don't" -> do 0, not 1)


def words_of(text: str) -> list[Word]:
    """The text's words with contractions expanded ("don't" -> do + not, "'ll" -> will)."""
    return list(read_words(text))


@lru_cache(maxsize=4096)
def read_words(text: str) -> tuple[Word, ...]:
    """words_of, kept for the texts read last (a pair's texts are read several times)."""
    result: list[Word] = []
    opens = True
    for match in re.finditer(r"\S+", surface(text)):
        token = match.group()
        bare = EDGE.sub("", token)
        key = word_key(bare)
        ends_clause = bool(CLAUSE_END.search(token))
        if key:
            pieces = expand(key, bare)
            for piece, (piece_key, piece_bare) in enumerate(pieces):
                last = piece == len(pieces) - 1
                result.append(
                    Word(
                        token,
                        piece_key,
                        piece_bare,
                        piece_bare[:1].isupper(),
                        opens,
                        ends_clause and last,
                        match.start(),
                        piece,
                    )
                )
                opens = False
        if SENTENCE_END.search(token):
            opens = True
    return tuple(result)


# Parsed texts kept, most recently used last: a batch of statements' wordings fits.
PARSES_KEPT = 4096
PARSE_BATCH = 64
PARSES: OrderedDict[str, Any] = OrderedDict()


def parsed(text: str) -> Any:
    """The spaCy Doc of text (quotes.text.parse's pipeline, loaded once per process), kept
    among the last PARSES_KEPT parsed."""
    if text in PARSES:
        PARSES.move_to_end(text)
        return PARSES[text]
    keep(text, pipeline()(text))
    return PARSES[text]


def keep(text: str, doc: Any) -> None:
    PARSES[text] = doc
    while len(PARSES) > PARSES_KEPT:
        PARSES.popitem(last=False)


def read_ahead(pairs: Iterable[tuple[str, str]]) -> None:
    """Parse, in batches, the texts of the (canonical, variant) pairs that meaning_changes
    will read (those whose words differ), so that calling it on each pair afterwards
    parses nothing: spaCy parses a batch about three times faster than one text at a
    time (1,000 quotes: 5.8 s piped, 18.0 s one by one, at load 9 on 2 cores). Only
    the last PARSES_KEPT texts are kept, so read ahead at most that many at once."""
    wanted: dict[str, None] = {}
    for canonical, variant in pairs:
        if same_words(canonical, variant):
            continue
        for text in (surface(canonical), surface(variant)):
            if text not in PARSES:
                wanted[text] = None
    for text, doc in zip(wanted, pipeline().pipe(wanted, batch_size=PARSE_BATCH), strict=True):
        keep(text, doc)


def same_words(canonical: str, variant: str) -> bool:
    """The same words in the same order (only punctuation or case differ): nothing to read."""
    return [word.key for word in words_of(canonical)] == [word.key for word in words_of(variant)]


def tokens_of(text: str, words: Sequence[Word]) -> list[Any]:
    """The spaCy token of each word (a contraction's pieces map to its tokens, "do" "n't"),
    None where the parse has none."""
    doc = parsed(surface(text))
    result: list[Any] = []
    for word in words:
        span = doc.char_span(word.offset, word.offset + len(word.printed), alignment_mode="expand")
        pieces = [token for token in span or () if not token.is_punct] if span is not None else []
        result.append(pieces[min(word.piece, len(pieces) - 1)] if pieces else None)
    return result


def expand(key: str, bare: str) -> list[tuple[str, str]]:
    """A word's pieces as (key, printed): contractions become their full words."""
    if key in NEGATED_BASES:
        return [(NEGATED_BASES[key], bare), ("not", bare)]
    if key.endswith("n't") and len(key) > 3:
        return [(key[:-3], bare[:-3]), ("not", bare)]
    if key == "cannot":
        return [("can", bare), ("not", bare)]
    if key == "unable":
        return [("not", bare), ("able", bare)]
    for ending, full in APOSTROPHE_ENDINGS.items():
        if key.endswith(ending) and len(key) > len(ending):
            return [(key[: -len(ending)], bare[: -len(ending)]), (full, bare)]
    if key.endswith("'s") and len(key) > 2:
        base = key[:-2]
        return [(base, bare[:-2]), ("is" if base in IS_BEFORE_S else "'s", bare)]
    return [(key, bare)]


# ---- cues: spans of words with a class -----------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A run of words that carries one meaning: where it starts, its class, as printed."""

    start: int
    end: int
    value: Hashable
    printed: str


def printed(words: Sequence[Word], start: int, end: int) -> str:
    pieces: list[str] = []
    for word in words[start:end]:
        text = EDGE.sub("", word.printed)
        if not pieces or pieces[-1] != text:
            pieces.append(text)
    return " ".join(pieces)


Phrases = dict[str, tuple[tuple[str, list[str]], ...]]


def longest_first(phrases: Iterable[str]) -> Phrases:
    """{first word: (phrase, its words) for each phrase that starts with it, longest first}:
    what phrase_at tries, in order."""
    by_first: dict[str, list[tuple[str, list[str]]]] = {}
    for phrase in phrases:
        parts = phrase.split()
        by_first.setdefault(parts[0], []).append((phrase, parts))
    return {first: tuple(sorted(found, key=lambda item: -len(item[1]))) for first, found in by_first.items()}


def phrase_at(keys: Sequence[str], index: int, phrases: Phrases) -> str | None:
    """The longest of phrases (as longest_first gives them) that keys print from index."""
    for phrase, parts in phrases.get(keys[index], ()):
        if list(keys[index : index + len(parts)]) == parts:
            return phrase
    return None


HEDGE_ORDER = longest_first(HEDGE_PHRASES)
NOT_QUANTIFYING_ORDER = longest_first(NOT_QUANTIFYING)
QUANTIFIER_ORDER = longest_first(QUANTIFIER_PHRASES)
QUALIFIER_ORDER = longest_first(QUALIFIER_PHRASES)


def hedge_cues(words: Sequence[Word], taken: set[int], tokens: Sequence[Any]) -> list[Cue]:
    """Hedge and modality cues; a modal word counts only where the parse tags it a modal
    (MD), so "the will to fight" or "a can of paint" is none."""
    keys = [word.key for word in words]
    cues: list[Cue] = []
    index = 0
    while index < len(words):
        if index in taken or is_month(words, index):
            index += 1
            continue
        phrase = phrase_at(keys, index, HEDGE_ORDER)
        if phrase:
            end = index + len(phrase.split())
            cues.append(Cue(index, end, HEDGE_PHRASES[phrase], printed(words, index, end)))
            taken.update(range(index, end))
            index = end
            continue
        negated = negated_belief(keys, index)
        if negated:  # "we don't think": the belief is a hedge, its "not" a negation of its own
            cues.append(Cue(index, index + 4, "belief", printed(words, index, index + 4)))
            taken.update({index, index + 1, index + 3})
            index += 4
            continue
        if keys[index] in HEDGE_WORDS and (keys[index] not in MODALS or modal(tokens[index])):
            cues.append(Cue(index, index + 1, HEDGE_WORDS[keys[index]], words[index].bare))
        index += 1
    return cues


def negated_belief(keys: Sequence[str], index: int) -> bool:
    """ "we do not think", "I did not believe" at index."""
    window = list(keys[index : index + 4])
    return (
        len(window) == 4
        and window[0] in ("i", "we")
        and window[1] in ("do", "did", "does")
        and window[2] == "not"
        and f"{window[0]} {window[3]}" in HEDGE_PHRASES
    )


def modal(token: Any) -> bool:
    """A modal verb by the parse: tagged MD and not standing as a noun ("demonstrated will to
    use force" is tagged MD by the small model, but as an object)."""
    return token is None or (token.tag_ == "MD" and token.dep_ not in NOMINAL_DEPS)


def negation_cues(words: Sequence[Word], taken: set[int]) -> list[Cue]:
    cues = []
    for index, word in enumerate(words):
        if index in taken or word.key not in NEGATIONS:
            continue
        following = words[index + 1].key if index + 1 < len(words) else ""
        if word.key == "not" and following in NOT_NEGATING_AFTER:
            continue
        cues.append(Cue(index, index + 1, "negation", word.bare if word.key != "not" else notword(word)))
    return cues


def notword(word: Word) -> str:
    return word.bare if word.bare.lower().endswith(("n't", "not", "unable")) else "not"


def quantifier_cues(words: Sequence[Word], taken: set[int], tokens: Sequence[Any]) -> list[Cue]:
    keys = [word.key for word in words]
    cues: list[Cue] = []
    index = 0
    while index < len(words):
        if index in taken:
            index += 1
            continue
        skip = phrase_at(keys, index, NOT_QUANTIFYING_ORDER)
        if skip:
            index += len(skip.split())
            continue
        phrase = phrase_at(keys, index, QUANTIFIER_ORDER)
        if phrase:
            end = index + len(phrase.split())
            cues.append(Cue(index, end, QUANTIFIER_PHRASES[phrase], printed(words, index, end)))
            index = end
            continue
        if keys[index] in QUANTIFIER_WORDS and quantifying(keys, tokens, index):
            cues.append(Cue(index, index + 1, QUANTIFIER_WORDS[keys[index]], words[index].bare))
        index += 1
    return cues


def quantifying(keys: Sequence[str], tokens: Sequence[Any], index: int) -> bool:
    """A determiner-like quantifier counts as the determiner of a noun or before "of"."""
    if keys[index] not in DETERMINER_QUANTIFIERS:
        return True
    if index + 1 < len(keys) and keys[index + 1] == "of":
        return True
    token = tokens[index]
    if token is None:
        return True
    if token.dep_ in ("det", "amod"):
        return token.head.pos_ in ("NOUN", "PROPN")
    return token.dep_ in ("nsubj", "nsubjpass", "dobj")  # "some say", "we saw some": a pronoun


def is_month(words: Sequence[Word], index: int) -> bool:
    word = words[index]
    if word.key.rstrip(".") not in MONTHS:
        return False
    if word.key not in AMBIGUOUS_MONTHS:
        return word.capital or len(word.key) > 4
    if not word.capital:
        return False
    near_number = any(
        0 <= other < len(words) and words[other].key[:1].isdigit() for other in (index - 1, index + 1)
    )
    return near_number or not word.opens_sentence


def number_word(key: str) -> bool:
    return key in ONES or key in TENS or key in SCALES or key in FRACTIONS or key in DOZEN


def number_cues(words: Sequence[Word], taken: set[int]) -> list[Cue]:
    """Numbers, amounts and dates; each value is (qualifier, amount, unit)."""
    keys = [word.key for word in words]
    cues: list[Cue] = []
    index = 0
    while index < len(words):
        if is_month(words, index):
            cues.append(
                Cue(index, index + 1, ("", "month", MONTHS[keys[index].rstrip(".")]), words[index].bare)
            )
            taken.add(index)
            index += 1
            continue
        if keys[index] in DAYS:
            cues.append(Cue(index, index + 1, ("", "day", keys[index]), words[index].bare))
            index += 1
            continue
        start = index
        qualifier = ""
        phrase = phrase_at(keys, index, QUALIFIER_ORDER)
        if phrase:
            qualifier, index = QUALIFIER_PHRASES[phrase], index + len(phrase.split())
        elif keys[index] in QUALIFIERS and index + 1 < len(words):
            qualifier, index = QUALIFIERS[keys[index]], index + 1
        amount, unit, end = read_amount(words, index)
        if amount is None:
            index = start + 1
            continue
        cues.append(Cue(start, end, (qualifier, amount, unit), printed(words, start, end)))
        taken.update(range(start, end))
        index = end
    return cues


def read_amount(words: Sequence[Word], index: int) -> tuple[Fraction | None, str | None, int]:
    """The amount that starts at index, its unit, and where it ends (amount None: none)."""
    amount: Fraction | None = None
    unit: str | None = None
    position = index
    if position < len(words):
        match = NUMBER.match(words[position].bare)
        if match:
            amount = Fraction(match["digits"].replace(",", "") + (match["decimal"] or ""))
            suffix = (match["suffix"] or "").lower()
            amount *= SUFFIX_SCALES.get(suffix, 1)
            unit = "percent" if suffix == "%" else CURRENCY_SIGNS.get(match["sign"] or "")
            position += 1
    words_value, position = read_number_words(words, position, amount is not None)
    if amount is None and words_value is None:
        return None, None, index
    if amount is None:
        amount = words_value
    elif words_value is not None:
        amount *= words_value
    if position < len(words) and words[position].key in UNITS:
        unit = UNITS[words[position].key] or words[position].key
        position += 1
    elif position + 1 < len(words) and (words[position].key, words[position + 1].key) == ("per", "cent"):
        unit, position = "percent", position + 2
    return amount, unit, position


def read_number_words(words: Sequence[Word], index: int, after_digits: bool) -> tuple[Fraction | None, int]:
    """Number words from index ("forty-five", "ten thousand", "a third"); scales only after digits."""
    total, current, seen = Fraction(0), Fraction(0), False
    position = index
    if not after_digits and position + 1 < len(words) and words[position].key == "a":
        following = words[position + 1].key
        if following in SCALES or following in FRACTIONS or following in DOZEN:
            current, seen, position = Fraction(1), True, position + 1
    while position < len(words):
        parts = words[position].key.split("-")
        if not all(number_word(part) for part in parts):
            break
        if after_digits and not all(part in SCALES for part in parts):
            break
        for part in parts:
            if part in SCALES:
                current = (current or Fraction(1)) * SCALES[part]
                if SCALES[part] >= 1000:
                    total, current = total + current, Fraction(0)
            elif part in FRACTIONS:
                current = (current or Fraction(1)) * FRACTIONS[part]
            elif part in DOZEN:
                current = (current or Fraction(1)) * 12
            else:
                current += ONES.get(part, 0) + TENS.get(part, 0)
        seen = True
        position += 1
    if not seen:
        return None, index
    value = total + current
    span_keys = [word.key for word in words[index:position]]
    if span_keys == ["one"]:  # "one of the ships", "no one": a pronoun, not a count
        return None, index
    return value, position


# ---- names and their roles -----------------------------------------------------------


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    printed: str
    keys: frozenset[str]
    initials: str


def names_of(
    words: Sequence[Word],
    lower_keys: frozenset[str],
    capital_keys: frozenset[str],
    taken: set[int],
    tokens: Sequence[Any],
) -> list[Name]:
    """Capitalised runs ("European Central Bank", "Bank of England") that are not function words.

    lower_keys: words either text prints in lower case (so "the Chancellor" beside "the
    chancellor" is no name); capital_keys: words either text prints capitalised inside a
    sentence (so "Italy" opening one text is a name, though it ends like an adverb).
    """
    names: list[Name] = []
    index = 0
    while index < len(words):
        if not name_word(words[index], lower_keys, taken, index):
            index += 1
            continue
        end = index + 1
        while end < len(words) and not words[end - 1].ends_clause:
            if end not in taken and words[end].capital and words[end].key not in FUNCTION_WORDS:
                end += 1
            elif (
                words[end].key in NAME_LINKS
                and end + 1 < len(words)
                and words[end + 1].capital
                and words[end + 1].key not in FUNCTION_WORDS
            ):
                end += 2
            else:
                break
        if (
            end - index == 1
            and words[index].opens_sentence
            and words[index].key not in capital_keys
            and common_opening(words[index])
        ):
            index = end
            continue
        if end - index == 1 and words[index].key in lower_keys:
            index = end
            continue
        if end - index == 1 and words[index].opens_sentence and common_by_parse(tokens[index]):
            index = end
            continue
        keys = [word.key for word in words[index:end]]
        kept = name_keys(keys)
        initials = "".join(key[0] for key in keys if key not in ("of", "the"))
        names.append(Name(index, end, printed(words, index, end), kept, initials))
        index = end
    return names


def name_keys(keys: Sequence[str]) -> frozenset[str]:
    """The words that identify a name: honorifics, "the", "of", "'s" and leading titles set aside.

    "Prime Minister Lars Holm" -> {lars, holm}; "Ministry of Health" keeps "health",
    which is a title word only before a name.
    """
    position = 0
    while position < len(keys) - 1 and (keys[position] in TITLE_WORDS or keys[position] in HONORIFIC_KEYS):
        position += 1
    kept = frozenset(
        key for key in keys[position:] if key not in HONORIFIC_KEYS and key not in ("the", "of", "'s")
    )
    return kept or frozenset(keys)


def name_word(word: Word, lower_keys: frozenset[str], taken: set[int], index: int) -> bool:
    if index in taken or not word.capital or word.key in FUNCTION_WORDS or word.key == "i":
        return False
    return not word.key[:1].isdigit()


def common_by_parse(token: Any) -> bool:
    """A capitalised opening word the parse reads as a common word ("People", "Right now"):
    not a proper noun and in no named entity."""
    return token is not None and token.pos_ not in ("PROPN",) and not token.ent_type_


def common_opening(word: Word) -> bool:
    """A capitalised sentence opening that reads as a common word: plural, -ing, -ed, -ly."""
    return word.key.endswith(("s", "ing", "ed", "ly")) and not word.bare.isupper()


def same_name(left: Name, right: Name) -> bool:
    if left.keys <= right.keys or right.keys <= left.keys:
        return True
    for short, long in ((left, right), (right, left)):
        if len(short.keys) == 1 and len(long.initials) > 1 and next(iter(short.keys)) == long.initials:
            return True
    if len(left.keys) == 1 and len(right.keys) == 1:
        a, b = next(iter(left.keys)), next(iter(right.keys))
        common = len(common_prefix(a, b))
        return common >= 4 and common >= 0.75 * min(len(a), len(b))
    return False


def common_prefix(a: str, b: str) -> str:
    length = 0
    while length < min(len(a), len(b)) and a[length] == b[length]:
        length += 1
    return a[:length]


def role_of(name: Name, names: Sequence[Name], words: Sequence[Word]) -> str:
    """What governs the name: "poss", "subj", "obj" or "prep:<preposition>"."""
    if name.end < len(words) and words[name.end].key == "'s":
        return "poss"
    ends = {other.end - 1: other for other in names}
    position = name.start - 1
    while position >= 0:
        word = words[position]
        if word.key in DETERMINERS:
            position -= 1
        elif word.key in ("and", "or") and position - 1 in ends:
            position = ends[position - 1].start - 1
        elif position in ends and words[position].ends_clause and not is_clause_start(words, position, ends):
            position = ends[position].start - 1
        else:
            break
    if position < 0 or words[position].ends_clause or words[position].key in CLAUSE_OPENERS:
        return "obj" if passive_after(words, name.end) else "subj"
    key = words[position].key
    if key == "by" and position > 0 and participle(words[position - 1]):
        return "subj"
    if key in PREPOSITIONS:
        return f"prep:{key}"
    return "obj"


def is_clause_start(words: Sequence[Word], position: int, ends: dict[int, Name]) -> bool:
    name = ends[position]
    return name.start == 0 or words[name.start - 1].ends_clause


def participle(word: Word) -> bool:
    return word.key.endswith(("ed", "en")) and len(word.key) > 3


def passive_after(words: Sequence[Word], position: int) -> bool:
    """A be-form and a past participle after the name: "Georgia was (later) attacked"."""
    if position < len(words) and words[position].key in BE_FORMS:
        following = words[position + 1 : position + 3]
        return any(participle(word) for word in following)
    return False


# ---- comparing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """canonical: the stretch [start, end) of canonical words the variant spans; core: the
    variant's own words from its first to its last aligned word."""

    canonical: tuple[int, int]
    core: tuple[int, int]
    # Stretches of the variant that print more of the passage than the canonical does
    # (a clause before its first or after its last word): context, not additions.
    context: tuple[tuple[int, int], ...] = ()


# A run of this many aligned words anchors the compared span; a shorter run counts only
# when at most ANCHOR_REACH words from an anchored one (read on the seeds: a common
# "what we see" or "is" aligned far from the rest stretched the span over another clause).
ANCHOR_WORDS = 3
ANCHOR_REACH = 3


def aligned_span(canonical: Sequence[Word], variant: Sequence[Word]) -> Span:
    """The stretch of canonical words the variant spans, by the word alignment.

    The word alignment is compact_runs's. Only anchored runs bound the span: runs of
    ANCHOR_WORDS aligned words or more, and shorter runs within ANCHOR_REACH words of
    an anchored one; a text with no run that long keeps every run. Function words
    aligned on their own at either edge, three or more words away from the rest, do
    not stretch the span either ("the" matched at the far end of a long cut).
    """
    runs = compact_runs([w.key for w in canonical], [w.key for w in variant])
    if not runs:
        return Span((0, len(canonical)), (0, len(variant)))
    if any(run[1] - run[0] >= ANCHOR_WORDS for run in runs):
        runs = anchored(runs)

    def stray(run: list[int], neighbour: list[int]) -> bool:
        only_function = all(canonical[i].key in FUNCTION_WORDS for i in range(run[0], run[1]))
        gap = neighbour[0] - run[1] if neighbour[0] >= run[1] else run[0] - neighbour[1]
        return only_function and run[1] - run[0] <= 2 and gap >= 3

    while len(runs) > 1 and stray(runs[0], runs[1]):
        runs.pop(0)
    while len(runs) > 1 and stray(runs[-1], runs[-2]):
        runs.pop()
    start, end = runs[0][0], runs[-1][1]
    context = []
    if start == 0 and runs[0][2] >= CLAUSE_WORDS and variant[runs[0][2] - 1].ends_clause:
        context.append((0, runs[0][2]))
    if (
        end == len(canonical)
        and len(variant) - runs[-1][3] >= CLAUSE_WORDS
        and variant[runs[-1][3] - 1].ends_clause
    ):
        context.append((runs[-1][3], len(variant)))
    # Words the variant prints before its first (after its last) aligned word replace
    # as many canonical words there: "In June" -> "In July" is no trim of "June".
    start = max(0, start - runs[0][2])
    end = min(len(canonical), end + len(variant) - runs[-1][3])
    return Span((start, end), (runs[0][2], runs[-1][3]), tuple(context))


def compact_runs(canonical: Sequence[str], variant: Sequence[str]) -> list[list[int]]:
    """The aligned runs [canonical start, end, variant start, end] of the two key lists.

    The longest-common-subsequence alignment, made compact at the edges: the variant's
    words before (after) its longest run are matched again from that run outwards, each
    to the nearest canonical printing of it, and that matching is kept when it aligns as
    many words as the first and reaches no farther from the run. A common phrase the canonical prints twice ("what we
    see … but actually what we see is …") so aligns with the printing beside the rest.
    """
    pairs = [
        (code.src_start + offset, code.dest_start + offset)
        for code in Indel.opcodes(canonical, variant)
        if code.tag == "equal"
        for offset in range(code.src_end - code.src_start)
    ]
    if not pairs:
        return []
    runs = runs_of(pairs)
    longest = max(runs, key=lambda run: run[1] - run[0])
    before = [pair for pair in pairs if pair[1] < longest[2]]
    after = [pair for pair in pairs if pair[1] >= longest[3]]
    middle = [pair for pair in pairs if longest[2] <= pair[1] < longest[3]]
    nearer = nearest_matches(canonical, variant, longest[0], longest[2], -1)
    if before and nearer and len(nearer) >= len(before) and nearer[0][0] >= before[0][0]:
        before = nearer
    nearer = nearest_matches(canonical, variant, longest[1], longest[3], 1)
    if after and nearer and len(nearer) >= len(after) and nearer[-1][0] <= after[-1][0]:
        after = nearer
    return runs_of(sorted(before + middle + after))


def nearest_matches(
    canonical: Sequence[str], variant: Sequence[str], canonical_edge: int, variant_edge: int, step: int
) -> list[tuple[int, int]]:
    """Greedy matches of the variant's words beyond variant_edge (step -1: before it, 1:
    after it), each to the nearest unused canonical printing beyond the previous match."""
    matches: list[tuple[int, int]] = []
    if step < 0:
        position = canonical_edge
        for index in range(variant_edge - 1, -1, -1):
            found = next((j for j in range(position - 1, -1, -1) if canonical[j] == variant[index]), None)
            if found is not None:
                matches.append((found, index))
                position = found
        return sorted(matches)
    position = canonical_edge - 1
    for index in range(variant_edge, len(variant)):
        found = next((j for j in range(position + 1, len(canonical)) if canonical[j] == variant[index]), None)
        if found is not None:
            matches.append((found, index))
            position = found
    return matches


def runs_of(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    runs: list[list[int]] = []
    for source, target in pairs:
        if runs and runs[-1][1] == source and runs[-1][3] == target:
            runs[-1][1] += 1
            runs[-1][3] += 1
        else:
            runs.append([source, source + 1, target, target + 1])
    return runs


def anchored(runs: list[list[int]]) -> list[list[int]]:
    """The runs from the first to the last anchored one (see aligned_span)."""
    keep = [run[1] - run[0] >= ANCHOR_WORDS for run in runs]
    changed = True
    while changed:
        changed = False
        for index, run in enumerate(runs):
            if keep[index]:
                continue
            near = [
                other
                for other_index, other in enumerate(runs)
                if keep[other_index]
                and (0 <= other[0] - run[1] <= ANCHOR_REACH or 0 <= run[0] - other[1] <= ANCHOR_REACH)
            ]
            if near:
                keep[index] = changed = True
    first = keep.index(True)
    last = len(keep) - 1 - keep[::-1].index(True)
    return runs[first : last + 1]


def unmatched(
    items: Sequence[Cue], against: Sequence[Cue], same: Callable[[Hashable, Hashable], bool]
) -> list[Cue]:
    """items with no partner in against (each partner used once)."""
    free = list(against)
    left = []
    for item in items:  # the same printed word first, so "isn't" is the addition beside a kept "not"
        partner = next((other for other in free if other.printed.lower() == item.printed.lower()), None)
        if partner is not None and same(item.value, partner.value):
            free.remove(partner)
        else:
            left.append(item)
    remaining = []
    for item in left:
        partner = next((other for other in free if same(item.value, other.value)), None)
        if partner is None:
            remaining.append(item)
        else:
            free.remove(partner)
    return remaining


def equal(a: Hashable, b: Hashable) -> bool:
    return a == b


def differences(
    canonical: Sequence[Cue],
    variant: Sequence[Cue],
    span: Span,
    same: Callable[[Hashable, Hashable], bool] = equal,
    pair_near: bool = False,
) -> tuple[list[Cue], list[Cue]]:
    """(dropped, added): canonical cues in the span the variant lacks; variant cues the canonical lacks.

    pair_near: an added cue with no dropped one to pair with takes as its partner an
    unmatched canonical cue printed within ANCHOR_REACH words of the span ("This may,
    of course, change" printed "Of course this can change" is "may" -> "can").

    A variant cue inside its aligned core must match a cue of the canonical span or one
    printed within ANCHOR_REACH words of it (so a "not" added mid-sentence is added
    though the canonical has another "not" far after the cut, but "it seems the convoy
    …" printed "the convoy appears …" adds no hedge); one at the variant's edges may
    match any canonical cue (a phrase moved from the end to the start is not added).
    """
    inside = [cue for cue in canonical if overlaps(cue, span.canonical)]
    outside = [cue for cue in canonical if not overlaps(cue, span.canonical)]
    near = [
        cue
        for cue in outside
        if pair_near and overlaps(cue, (span.canonical[0] - ANCHOR_REACH, span.canonical[1] + ANCHOR_REACH))
    ]
    dropped = unmatched(inside, variant, same)
    beside_inside = unmatched(variant, inside, same)
    unmatched_variant = unmatched(beside_inside, near, same)
    unmatched_variant = [cue for cue in unmatched_variant if not in_context(cue, span)]
    edges = [cue for cue in unmatched_variant if not overlaps(cue, span.core)]
    moved = {id(cue) for cue in edges} - {id(cue) for cue in unmatched(edges, outside, same)}
    added = [cue for cue in unmatched_variant if id(cue) not in moved]
    if pair_near:
        spare = unmatched(near, beside_inside, same)
        while len(added) > len(dropped) and spare:
            dropped.append(spare.pop(0))
        dropped.sort(key=lambda cue: cue.start)
    return dropped, added


def in_context(cue: Cue, span: Span) -> bool:
    return any(stretch[0] <= cue.start and cue.end <= stretch[1] for stretch in span.context)


def overlaps(cue: Cue, stretch: tuple[int, int]) -> bool:
    return cue.end > stretch[0] and cue.start < stretch[1]


def paired(dropped: list[Cue], added: list[Cue], changed: str, lost: str, gained: str) -> list[MeaningChange]:
    """A dropped and an added cue, in order, make one change; the rest are drops or additions."""
    changes = [MeaningChange(changed, c.printed, v.printed) for c, v in zip(dropped, added, strict=False)]
    changes += [MeaningChange(lost, c.printed, "") for c in dropped[len(added) :]]
    changes += [MeaningChange(gained, "", v.printed) for v in added[len(dropped) :]]
    return changes


@dataclass(frozen=True)
class Reading:
    """Everything meaning_changes reads from one text."""

    words: list[Word]
    negations: list[Cue]
    numbers: list[Cue]
    hedges: list[Cue]
    quantifiers: list[Cue]
    names: list[Name]
    tokens: list[Any]  # the spaCy token of each word, or None


def read(text: str, lower_keys: frozenset[str], capital_keys: frozenset[str]) -> Reading:
    words = words_of(text)
    tokens = tokens_of(text, words)
    taken: set[int] = set()
    numbers = number_cues(words, taken)
    hedges = hedge_cues(words, taken, tokens)
    negations = negation_cues(words, taken)
    quantifiers = quantifier_cues(words, taken, tokens)
    names = names_of(words, lower_keys, capital_keys, taken, tokens)
    return Reading(words, negations, numbers, hedges, quantifiers, names, tokens)


# ---- cuts that change no meaning -----------------------------------------------------

# The dependencies that make a verb the head of a clause of its own.
CLAUSE_DEPS = frozenset("ROOT conj ccomp advcl relcl parataxis".split())
SUBJECT_DEPS = frozenset("nsubj nsubjpass csubj expl".split())
# Words that join a cut clause to the rest and go with it ("and", "but", "that").
JOINER_DEPS = frozenset("cc mark punct".split())
# A clause is at least this many words.
CLAUSE_WORDS = 3


def cut_clauses(left: Reading, right: Reading) -> set[int]:
    """Canonical word indices inside whole clauses the variant cut from its middle.

    A cut is a run of canonical words with no variant word in their place (a pure
    deletion in the word alignment); it is a clause when it holds a verb heading a
    clause (a subject of its own, or a clausal dependency such as conj or ccomp) and
    every word of the run lies in the part of that verb's subtree that is not another
    clause, or joins it ("and", "that"). Cues in a cut clause are trimming, not a
    change: "the pitch is wet, and we don't think it will start, but …" printed
    "the pitch is wet, but …" drops no negation.
    """
    keys_left = [w.key for w in left.words]
    keys_right = [w.key for w in right.words]
    codes = Indel.opcodes(keys_left, keys_right)
    cut: set[int] = set()
    for number, code in enumerate(codes):
        if code.tag != "delete" or code.src_end - code.src_start < CLAUSE_WORDS:
            continue
        beside = [codes[n].tag for n in (number - 1, number + 1) if 0 <= n < len(codes)]
        if "insert" in beside:
            continue
        run = set(range(code.src_start, code.src_end))
        if is_clause(run, left):
            cut |= run
    return cut


def is_clause(run: set[int], reading: Reading) -> bool:
    tokens = reading.tokens
    if any(tokens[index] is None for index in run):
        return False
    indices = {tokens[index].i: index for index in run}
    covered: set[int] = set()
    for index in run:
        token = tokens[index]
        if token.pos_ not in ("VERB", "AUX") or not (
            token.dep_ in CLAUSE_DEPS or any(child.dep_ in SUBJECT_DEPS for child in token.children)
        ):
            continue
        own = clause_tokens(token)
        if {t for t in own if token.doc[t].dep_ not in JOINER_DEPS} <= set(indices):
            covered |= own
    rest = [index for index in run if tokens[index].i not in covered]
    return bool(covered) and all(tokens[index].dep_ in JOINER_DEPS for index in rest)


def clause_tokens(verb: Any) -> set[int]:
    """The token indices of verb's clause: its subtree less the clauses joined to it
    (conj, parataxis) and less a clause fronted before it ("prices are rising, we will
    not hide that", where the parser makes the first clause the complement). A
    complement after the verb is its own ("we don't think it will start")."""
    own = {verb.i}
    stack = [child for child in verb.children if not joined_clause(verb, child)]
    while stack:
        token = stack.pop()
        own.add(token.i)
        stack.extend(token.children)
    return own


def joined_clause(verb: Any, child: Any) -> bool:
    """A clause of its own under verb: a verb (or a word with a subject of its own, where
    the small model tags a verb as a noun: "and the staff stay") joined to it."""
    if child.pos_ not in ("VERB", "AUX") and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
        return False
    return child.dep_ in ("conj", "parataxis") or (child.dep_ in ("ccomp", "advcl") and child.i < verb.i)


# Verbs of expecting: "we expect will come" printed "we expect to happen" keeps the future.
EXPECTING = (
    "expect",
    "predict",
    "anticipat",
    "forecast",
    "hope",
    "fear",
    "plan",
    "intend",
    "believ",
    "think",
)
FUTURE = frozenset({"future"})


def future_as_infinitive(cue: Cue, left: Reading, right: Reading) -> bool:
    """A dropped "will" whose verb an expecting verb governs, where the variant prints
    that expecting verb with a "to" infinitive after it."""
    if cue.value not in FUTURE:
        return False
    token = left.tokens[cue.start]
    if token is None:
        return False
    governor = token.head.head
    key = governor.text.lower()
    if not key.startswith(EXPECTING):
        return False
    for index, word in enumerate(right.words):
        if word.key == key:
            following = right.tokens[index + 1 : index + 4]
            if any(other is not None and other.tag_ == "TO" for other in following):
                return True
    return False


# Present-time phrases that say what "today" (in the sense "at present") says.
PRESENT_PHRASES = frozenset(
    {"at the moment", "right now", "now", "currently", "at present", "these days", "nowadays", "presently"}
)


PRESENT_ORDER = longest_first(PRESENT_PHRASES)


def says_present(words: Sequence[Word]) -> bool:
    keys = [word.key for word in words]
    return any(phrase_at(keys, index, PRESENT_ORDER) for index in range(len(keys)))


def present_cue(cue: Cue) -> bool:
    return isinstance(cue.value, tuple) and cue.value[1:] == ("day", "today")


def meaning_changes(
    canonical: str,
    variant: str,
    *,
    canonical_speaker: str | None = None,
    variant_speaker: str | None = None,
    reported: bool = False,
) -> list[MeaningChange]:
    """What changed in meaning from canonical to variant; see the module docstring.

    reported: the variant is reported speech, so tense backshift ("will" printed
    "would", "can" printed "could") is no hedge change.
    """
    changes: list[MeaningChange] = []
    if not same_words(canonical, variant):
        changes += wording_changes(canonical, variant, reported)
    if speakers_differ(canonical_speaker, variant_speaker):
        changes.append(MeaningChange(SPEAKER_CHANGED, canonical_speaker or "", variant_speaker or ""))
    return changes


def wording_changes(canonical: str, variant: str, reported: bool) -> list[MeaningChange]:
    """The changes meaning_changes finds in the words (all but the speaker's)."""
    both = words_of(canonical) + words_of(variant)
    lower = frozenset(word.key for word in both if not word.capital)
    capital = frozenset(word.key for word in both if word.capital and not word.opens_sentence)
    left, right = read(canonical, lower, capital), read(variant, lower, capital)
    span = aligned_span(left.words, right.words)
    cut = cut_clauses(left, right)
    changes: list[MeaningChange] = []

    def compared(cues: Sequence[Cue]) -> list[Cue]:
        return [cue for cue in cues if not all(index in cut for index in range(cue.start, cue.end))]

    dropped, added = differences(compared(left.negations), right.negations, span)
    changes += [MeaningChange(NEGATION_DROPPED, cue.printed, "") for cue in dropped]
    changes += [MeaningChange(NEGATION_ADDED, "", cue.printed) for cue in added]

    dropped, added = differences(compared(left.numbers), right.numbers, span, pair_near=True)
    if says_present(right.words):
        dropped = [cue for cue in dropped if not present_cue(cue)]
    if says_present(left.words):
        added = [cue for cue in added if not present_cue(cue)]
    changes += paired(dropped, added, NUMBER_CHANGED, NUMBER_CHANGED, NUMBER_CHANGED)

    dropped, added = differences(compared(left.hedges), right.hedges, hedge_span(left, span), pair_near=True)
    if reported:
        dropped, added = without_backshift(dropped, added)
    dropped = [cue for cue in dropped if not future_as_infinitive(cue, left, right)]
    changes += paired(dropped, added, HEDGE_CHANGED, HEDGE_DROPPED, HEDGE_ADDED)

    changes += name_changes(left, right, span)

    dropped, added = differences(
        compared(left.quantifiers), right.quantifiers, span, same_quantity, pair_near=True
    )
    changes += [
        change
        for change in paired(dropped, added, QUANTIFIER_CHANGED, QUANTIFIER_CHANGED, QUANTIFIER_CHANGED)
        if (change.canonical and change.variant) or not degree_only(change, dropped + added)
    ]
    return changes


# Hedge classes that weaken a claim (cutting one at the sentence's start firms it up).
WEAKENING = frozenset({"possibility", "probability", "improbability", "belief", "evidence"})


def hedge_span(left: Reading, span: Span) -> Span:
    """The span, reaching back over a hedge that opens the canonical sentence right before
    it: "Maybe the talks can resume" printed "The talks can resume" drops the "Maybe" that
    qualified every word the variant kept. Only hedges that weaken count: a cut "Of
    course" leaves the claim as firm as it was."""
    for cue in left.hedges:
        if (
            cue.end == span.canonical[0]
            and left.words[cue.start].opens_sentence
            and left.words[cue.start].key not in MODALS
            and cue.value in WEAKENING
        ):
            return Span((cue.start, span.canonical[1]), span.core)
    return span


def same_quantity(a: Hashable, b: Hashable) -> bool:
    return a == b or frozenset({a, b}) in SAME_QUANTITY


def degree_only(change: MeaningChange, cues: Sequence[Cue]) -> bool:
    """A dropped or added intensifier or size word ("very", "massive"): rewording, not a change."""
    word = change.canonical or change.variant
    return any(cue.printed == word and cue.value in DEGREE_CLASSES for cue in cues)


def without_backshift(dropped: list[Cue], added: list[Cue]) -> tuple[list[Cue], list[Cue]]:
    dropped, added = list(dropped), list(added)
    for cue in list(dropped):
        partner = next((other for other in added if (cue.value, other.value) in BACKSHIFT), None)
        if partner is not None:
            dropped.remove(cue)
            added.remove(partner)
    return dropped, added


def name_changes(left: Reading, right: Reading, span: Span) -> list[MeaningChange]:
    """Names replaced, dropped or added, and shared names whose roles were swapped."""
    pairs: list[tuple[Name, Name]] = []
    free = list(right.names)
    for name in left.names:
        partner = next((other for other in free if same_name(name, other)), None)
        if partner is not None:
            pairs.append((name, partner))
            free.remove(partner)
    matched_left = {id(name) for name, _ in pairs}
    dropped = [
        Cue(name.start, name.end, name.keys, name.printed)
        for name in left.names
        if id(name) not in matched_left and name.end > span.canonical[0] and name.start < span.canonical[1]
    ]
    added = [
        cue
        for cue in (Cue(name.start, name.end, name.keys, name.printed) for name in free)
        if not in_context(cue, span)
    ]
    changes = paired(dropped, added, ENTITY_REPLACED, ENTITY_DROPPED, ENTITY_ADDED)

    moved = [
        (name, partner)
        for name, partner in pairs
        if role_of(name, left.names, left.words) != role_of(partner, right.names, right.words)
    ]
    if len(moved) >= 2 and swapped(moved, left, right):
        changes.append(
            MeaningChange(
                ROLES_SWAPPED,
                ", ".join(name.printed for name, _ in moved),
                ", ".join(partner.printed for _, partner in sorted(moved, key=lambda pair: pair[1].start)),
            )
        )
    return changes


def swapped(moved: list[tuple[Name, Name]], left: Reading, right: Reading) -> bool:
    """One name took another's role, or two names changed order."""
    roles_left = [role_of(name, left.names, left.words) for name, _ in moved]
    roles_right = [role_of(partner, right.names, right.words) for _, partner in moved]
    for i, j in ((i, j) for i in range(len(moved)) for j in range(len(moved)) if i != j):
        if roles_left[i] == roles_right[j]:
            return True
        if (moved[i][0].start < moved[j][0].start) != (moved[i][1].start < moved[j][1].start):
            return True
    return False


def speaker_keys(name: str) -> frozenset[str]:
    return name_keys([key for key in (word_key(token) for token in surface(name).split()) if key])


def speakers_differ(canonical: str | None, variant: str | None) -> bool:
    """Two names given and neither contained in the other once titles are set aside."""
    if not canonical or not variant:
        return False
    left, right = speaker_keys(canonical), speaker_keys(variant)
    return bool(left and right) and not (left <= right or right <= left)
