"""Precision and recall of the meaning-change flags on a labelled set of variant pairs.

In:  benchmarks/data/meaning_pairs.jsonl (or --pairs FILE), one pair a line:
     {"id", "canonical", "variant", "flags": [{"kind", "canonical", "variant"}],
     optional "canonical_speaker", "variant_speaker", "note"}. The pairs were written
     for the project (no text from any evaluation set): each flag type has positives
     and hard negatives (synonyms, trims, reordered clauses, contractions).
Out: per flag type (negation, number, hedge, entity, roles, quantifier, speaker) the
     true positives, false positives, false negatives, precision and recall, and with
     --errors each pair the rules got wrong.

A raised flag counts as right when the pair expects a flag of the same kind whose
words overlap it on each side (a shared word, or both sides empty), so "More than
300" matches an expected "300"; each expected flag is matched once.

Run: python -m benchmarks.meaning_flags [--errors]
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from quotes.text.drift import keys
from quotes.text.meaning import FAMILIES, MeaningChange, meaning_changes

PAIRS = Path(__file__).parent / "data" / "meaning_pairs.jsonl"
FAMILY_ORDER = ("negation", "number", "hedge", "entity", "roles", "quantifier", "speaker")


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        raised = self.true_positives + self.false_positives
        return self.true_positives / raised if raised else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def overlaps(left: str, right: str) -> bool:
    a, b = set(keys(left)), set(keys(right))
    return (not a and not b) or bool(a & b)


def matches(raised: MeaningChange, expected: dict) -> bool:
    return (
        raised.kind == expected["kind"]
        and overlaps(raised.canonical, expected["canonical"])
        and overlaps(raised.variant, expected["variant"])
    )


def flags_for(pair: dict) -> list[MeaningChange]:
    return meaning_changes(
        pair["canonical"],
        pair["variant"],
        canonical_speaker=pair.get("canonical_speaker"),
        variant_speaker=pair.get("variant_speaker"),
    )


def score(pairs: list[dict]) -> tuple[dict[str, Tally], list[tuple[dict, list, list]]]:
    """Tallies per flag type, and each pair with its wrong (false) and missed flags."""
    tallies = {family: Tally() for family in FAMILY_ORDER}
    errors = []
    for pair in pairs:
        expected = list(pair["flags"])
        wrong = []
        for raised in flags_for(pair):
            partner = next((flag for flag in expected if matches(raised, flag)), None)
            if partner is None:
                tallies[raised.family].false_positives += 1
                wrong.append(raised)
            else:
                tallies[raised.family].true_positives += 1
                expected.remove(partner)
        for flag in expected:
            tallies[FAMILIES[flag["kind"]]].false_negatives += 1
        if wrong or expected:
            errors.append((pair, wrong, expected))
    return tallies, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--errors", action="store_true", help="list the pairs the rules got wrong")
    options = parser.parse_args(argv)
    pairs = load(options.pairs)
    tallies, errors = score(pairs)
    print(f"{len(pairs)} pairs, {sum(len(p['flags']) for p in pairs)} expected flags")
    print(f"{'flag type':<12} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for family, tally in tallies.items():
        print(
            f"{family:<12} {tally.true_positives:>4} {tally.false_positives:>4} {tally.false_negatives:>4}"
            f" {tally.precision:>10.2f} {tally.recall:>8.2f}"
        )
    if options.errors:
        for pair, wrong, missed in errors:
            print(f"\n{pair['id']}: {pair['canonical']!r} -> {pair['variant']!r}")
            for flag in wrong:
                print(f"  wrong:  {flag.kind} {flag.canonical!r} -> {flag.variant!r}")
            for flag in missed:
                print(f"  missed: {flag['kind']} {flag['canonical']!r} -> {flag['variant']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
