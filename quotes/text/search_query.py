"""What a search box entry asks for: words, phrases, alternatives and exclusions.

In:  the text typed, e.g. `troops OR forces -Crimea "no withdrawal"`.
Out: a `SearchQuery`: groups that must all match (each group matches when any of
     its terms does), and terms that must not match; each term one word or a phrase
     of several in order. From it, `fts5_expression` writes SQLite's FTS5 query, and
     `matched_spans` finds the words of a text to mark as matched.

Syntax (as web search engines read it):
- words separated by spaces must all match: `troops Crimea`;
- `"…"` (straight or curly double quotes) is a phrase: its words in that order,
  next to each other; an unclosed quote runs to the end of the entry;
- `OR` (capitals) between two terms makes them alternatives: `troops OR forces`
  matches either, and binds tighter than the spaces around it (`a OR b c` is
  `(a or b) and c`);
- a leading `-` excludes a word or phrase: `-Crimea`, `-"no deal"`.
A term is a run of letters and digits; a token of several runs ("U.S.", "don't") is
a phrase of them, as both databases tokenise it. Punctuation alone, a dangling `OR`
and a lone `-` count for nothing. At most MAX_WORDS words are read (later ones are
dropped with their terms): a longer entry is not a search but a paste.

Matching words by stem is the databases' job (quotes.fulltext); `matched_spans` only
marks, in a text already found, the words whose stem (Porter or Snowball English,
the stemmers of SQLite's and PostgreSQL's indexes) equals a stem of a searched word.
It marks each matching word wherever it stands, also outside a phrase.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")
TOKEN = re.compile(r'(-?)(?:["“”„]([^"“”„]*)(?:["“”„]|$)|(\S+))')
OR = "OR"

_stemmers = (snowballstemmer.stemmer("porter"), snowballstemmer.stemmer("english"))


@dataclass(frozen=True)
class Term:
    """One word, or a phrase: words that must stand together in this order."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def __str__(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class SearchQuery:
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term the results must match one of (not the excluded ones)."""
        return tuple(term for group in self.groups for term in group)


def parse(text: str | None) -> SearchQuery:
    """The SearchQuery of a search box entry (see the module docstring)."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False  # the previous token was OR
    budget = MAX_WORDS
    for match in TOKEN.finditer(text or ""):
        minus, quoted, bare = match.groups()
        if quoted is None and bare == OR:
            joining = bool(groups)
            continue
        words = tuple(WORD.findall(quoted if quoted is not None else bare))[:budget]
        if not words:
            continue
        budget -= len(words)
        term = Term(words)
        if minus:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
        if budget == 0:
            break
    unique = dict.fromkeys(tuple(dict.fromkeys(group)) for group in groups)
    return SearchQuery(tuple(unique), tuple(dict.fromkeys(excluded)))


def fts5_term(term: Term) -> str:
    """An FTS5 string (a phrase when of several words): double quotes make every
    character a token character, so nothing typed is read as FTS5 syntax."""
    return '"' + " ".join(term.words).replace('"', '""') + '"'


def fts5_any(terms: tuple[Term, ...]) -> str:
    """An FTS5 expression matching any of terms."""
    inner = " OR ".join(fts5_term(term) for term in terms)
    return f"({inner})" if len(terms) > 1 else inner


def fts5_expression(groups: tuple[tuple[Term, ...], ...]) -> str:
    """An FTS5 expression matching every group (one of each group's terms)."""
    return " AND ".join(fts5_any(group) for group in groups)


@lru_cache(maxsize=4096)
def stems(word: str) -> frozenset[str]:
    """The word's stems under both stemmers the databases use, case-folded."""
    folded = word.casefold()
    return frozenset(stemmer.stemWord(folded) for stemmer in _stemmers) | {folded}


def matched_spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """(start, end) of each word of text that shares a stem with a searched word."""
    wanted: set[str] = set()
    for term in query.terms:
        for word in term.words:
            wanted |= stems(word)
    if not wanted:
        return []
    return [match.span() for match in WORD.finditer(text) if stems(match.group()) & wanted]
