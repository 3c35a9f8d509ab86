"""spaCy's attribute ruler (coarse part of speech, morphology and a few exceptions
from the fine tags, words and dependencies), with the same rules and results, at a
tenth of its cost.

In: a parsed Doc. Out: the same Doc with the attributes the model's own
`attribute_ruler` would set. Why: that ruler runs its patterns through spaCy's
general Matcher, which tried every one of the model's 179 one- and two-token
patterns on every token: it cost as much as the tok2vec layer (2.18 CPU s of 6.95
for the parse of the first 200 development articles, 93,601 tokens). Here each
pattern is filed under a value its first token must have (a tag, a lower-case
word, a dependency) and only the patterns filed under a token's own values are
tried on it. The attributes are set as the ruler sets them (its normalised
attributes, its `set_token_attrs`), every match found before any is set, in the
ruler's order (later patterns win). Handles the pattern forms the model uses:
exact values, IN, NOT_IN, REGEX, booleans, fixed-length patterns without
operators; `compile_rules` refuses any other, so a new model fails loudly rather
than differing quietly. Pure; no ORM.
"""

import re
from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

# The token values a pattern may test, as columns of Doc.to_array, and the order in
# which a pattern is filed under one of them: the most telling first.
COLUMNS = (LOWER, TAG, DEP, IS_SPACE)
FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


class Unsupported(ValueError):
    """A ruler pattern this module does not reproduce."""


class AttributeRules:
    """A spaCy pipeline component equal to `ruler` (a loaded AttributeRuler)."""

    def __init__(self, ruler):
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.filed = [defaultdict(list) for _ in COLUMNS]
        self.unfiled = []
        for number in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(number))[1]:
                checks = [
                    (offset, *self.test(key, wanted))
                    for offset, token in enumerate(pattern)
                    for key, wanted in sorted(token.items(), key=lambda item: FIELDS.get(item[0], -1))
                ]
                self.file(number, len(pattern), checks)

    def test(self, key, wanted):
        """(column, kind, argument) of one test of a pattern's token on a value hash."""
        if key not in FIELDS:
            raise Unsupported(f"attribute ruler field {key!r}")
        column = FIELDS[key]
        if isinstance(wanted, bool):
            return (column, "is", wanted)
        if isinstance(wanted, str):
            return (column, "in", frozenset({self.strings.add(wanted)}))
        if isinstance(wanted, dict) and len(wanted) == 1:
            [(operator, values)] = wanted.items()
            if operator == "IN":
                return (column, "in", frozenset(self.strings.add(v) for v in values))
            if operator == "NOT_IN":
                return (column, "not in", frozenset(self.strings.add(v) for v in values))
            if operator == "REGEX" and key == "LOWER":
                return (column, "regex", (re.compile(values), {}))
        raise Unsupported(f"attribute ruler test {key}: {wanted!r}")

    def file(self, number, length, checks):
        """File a pattern under each value that one test of its first token lets
        through (that test then need not run again), or with the unfiled ones."""
        for n, (offset, column, kind, argument) in enumerate(checks):
            if offset == 0 and (kind == "in" or (kind, argument) == ("is", True)):
                rest = checks[:n] + checks[n + 1 :]
                for value in argument if kind == "in" else (1,):
                    self.filed[column][value].append((number, length, rest))
                return
        self.unfiled.append((number, length, checks))

    def holds(self, kind, argument, value):
        if kind == "in":
            return value in argument
        if kind == "not in":
            return value not in argument
        if kind == "is":
            return bool(value) == argument
        pattern, seen = argument
        found = seen.get(value)
        if found is None:
            found = seen[value] = pattern.search(self.strings[value]) is not None
        return found

    def __call__(self, doc):
        rows = doc.to_array(list(COLUMNS)).tolist()
        found = []
        for start, row in enumerate(rows):
            tried = [*self.unfiled]
            for column, value in enumerate(row):
                tried += self.filed[column].get(value, ())
            for number, length, checks in tried:
                if start + length <= len(rows) and (
                    not checks
                    or all(
                        self.holds(kind, argument, rows[start + offset][column])
                        for offset, column, kind, argument in checks
                    )
                ):
                    found.append((number, start, start + length))
        for number, start, end in sorted(found):
            index = self.ruler.indices[number]
            if not -(end - start) <= index < end - start:
                raise Unsupported(f"attribute ruler pattern {number}: index {index} outside its match")
            set_token_attrs(doc[(start if index >= 0 else end) + index], self.ruler.attrs[number])
        return doc


@Language.factory("verbatim_attribute_rules")
def make_attribute_rules(nlp, name):
    """The component, made from the pipeline's own attribute ruler (which is then not run)."""
    return AttributeRules(nlp.get_pipe("attribute_ruler"))
