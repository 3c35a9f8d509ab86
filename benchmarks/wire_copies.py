"""How far apart independent articles and wire copies are, for sources.text.wire's thresholds.

In:  folders of articles (read and cleaned as ingest reads them: sources.text), by
     default the development set and the seeds beside the project.
Out: for every pair of different articles, the distribution of their shingle overlap
     (the highest pairs named, to read: a real wire copy among them shows there); and for
     copies made from each article the way outlets edit agency copy (the last part cut,
     a paragraph of another story added at the top, one word in N changed), the
     distribution of the overlap with the original. A threshold between the highest
     independent overlap and the lowest copy overlap separates the two; how many pairs
     each candidate threshold calls copies is printed.

Run: python -m benchmarks.wire_copies [FOLDER ...] [--cut 0.33] [--change 20]
"""

import argparse
import random
import statistics
import sys
from itertools import combinations
from pathlib import Path

from sources.text.formats import Failure, find_files, read_file
from sources.text.manifest import read_manifest
from sources.text.records import build_record
from sources.text.wire import DEFAULTS, overlap, shingles

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOLDERS = [SHARED / "eval" / "dev" / "polnear_train" / "articles", SHARED / "seeds"]
CANDIDATES = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def bodies(folders: list[Path]) -> tuple[dict[str, str], dict[str, str]]:
    """{name: clean body} of every article in the folders, and {name: outlet} (from each
    folder's manifest.csv; the name when none says)."""
    found, outlets = {}, {}
    for folder in folders:
        manifest = folder / "manifest.csv"
        rows = read_manifest(manifest) if manifest.exists() else {}
        for path in find_files([folder]):
            if isinstance(path, Failure):
                continue
            for received in read_file(path, 10_000_000):
                if isinstance(received, Failure):
                    continue
                record, _ = build_record(received, rows.get(path.name))
                name = f"{folder.name}/{path.name}"
                found[name], outlets[name] = record.body, record.outlet
    return found, outlets


def copy_of(body: str, other: str, cut: float, change: int, rng: random.Random) -> str:
    """body as an outlet might run it from the wire: its last `cut` share of paragraphs
    dropped, other's first paragraph added on top, one word in `change` replaced."""
    paragraphs = body.split("\n\n")
    kept = paragraphs[: max(1, round(len(paragraphs) * (1 - cut)))]
    words = " ".join([other.split("\n\n")[0], *kept]).split(" ")
    for index in range(rng.randrange(change), len(words), change):
        words[index] = "changed"
    return " ".join(words)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=FOLDERS)
    parser.add_argument("--cut", type=float, default=0.33, help="share of paragraphs a copy drops")
    parser.add_argument("--change", type=int, default=20, help="a copy changes one word in this many")
    parser.add_argument("--top", type=int, default=10, help="independent pairs to name")
    options = parser.parse_args(argv)
    texts, outlets = bodies(options.folders)
    names = sorted(texts)
    sets = {name: shingles(texts[name]) for name in names}
    print(f"{len(names)} articles; shingles of {DEFAULTS.shingle_words} words, min {DEFAULTS.min_shingles}")

    pairs = [(overlap(sets[a], sets[b]), a, b) for a, b in combinations(names, 2)]
    across = [pair for pair in pairs if outlets[pair[1]] != outlets[pair[2]]]
    same = [pair for pair in pairs if outlets[pair[1]] == outlets[pair[2]]]
    for title, group in (("pairs of two outlets", across), ("pairs of one outlet", same)):
        values = [value for value, _, _ in group]
        print(f"\n{title}: {len(group)}")
        print(
            f"  max {max(values):.3f}  99.99th {percentile(values, 0.9999):.3f}  "
            f"99.9th {percentile(values, 0.999):.3f}  median {statistics.median(values):.3f}"
        )
        for value, a, b in sorted(group, reverse=True)[: options.top]:
            print(f"  {value:.3f}  {a}  {b}")
    values = [value for value, _, _ in across]

    rng = random.Random(14)
    copies = []
    for index, name in enumerate(names):
        other = texts[names[(index + 1) % len(names)]]
        copied = copy_of(texts[name], other, options.cut, options.change, rng)
        copies.append(overlap(sets[name], shingles(copied)))
    too_short = sum(1 for value in copies if value == 0.0)
    measured = [value for value in copies if value > 0.0]
    print(
        f"\ncopies (last {options.cut:.0%} cut, a paragraph added, one word in {options.change} changed): "
        f"{len(copies)}, {too_short} too short to judge"
    )
    print(
        f"  min {min(measured):.3f}  1st pct {percentile(measured, 0.01):.3f}  "
        f"median {statistics.median(measured):.3f}"
    )
    print("\nthreshold  pairs of two outlets called copies  copies missed")
    for threshold in CANDIDATES:
        false = sum(1 for value in values if value >= threshold)
        missed = sum(1 for value in measured if value < threshold)
        print(f"  {threshold:.2f}     {false:>6}                          {missed:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
