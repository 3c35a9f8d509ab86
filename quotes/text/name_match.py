"""How closely a name typed in a search box resembles a speaker's name: forgiving spelling.

In:  the typed text and a name or alias. Out: a score from 0 to 100 (`resemblance`);
`RESEMBLANCE_CUTOFF` says which scores count as the same name misspelt.

The typed text is compared (rapidfuzz's normalised Levenshtein ratio, after its default
processor folds case and turns punctuation into spaces) with the whole
name and with each run of as many consecutive words of the name as were typed, and
the best score counts: "Stoltenburg" against "Jens Stoltenberg" scores 91 (the word
"Stoltenberg"), "Merkle" against "Angela Merkel" 83, "Biden" against "Joe Bidden" 91.

Limits: spelling only, not sound ("Pootin" against "Vladimir Putin" scores 73) nor
transliteration schemes; a short typed text (under MIN_LENGTH characters) is too
ambiguous to correct and scores 0.
"""

from rapidfuzz import fuzz, utils

RESEMBLANCE_CUTOFF = 80.0
"""Lowest score of a misspelling: 80 keeps one wrong letter in six ("Merkle" 83) and
leaves names that merely share a stem ("Stoltz" for "Stoltenburg" 59, "Smithers" for
"Smith" 77), measured on the examples in tests/quotes/text/test_name_match.py."""
MIN_LENGTH = 4


def resemblance(typed: str, name: str) -> float:
    """0-100: how closely typed spells name or a run of its words."""
    wanted = utils.default_process(typed)
    if len(wanted) < MIN_LENGTH:
        return 0.0
    words = utils.default_process(name).split()
    width = len(wanted.split())
    runs = {" ".join(words[i : i + width]) for i in range(max(1, len(words) - width + 1))}
    return max(fuzz.ratio(wanted, run) for run in runs | {" ".join(words)})
