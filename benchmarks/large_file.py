"""One large file through `manage.py ingest`: how long it takes and how much memory it holds.

In: --megabytes N (default 100). Out: the file's size, the wall time, the peak resident
memory and CPU time of the ingest process (wait4's usage of that child alone), and what the command printed.

The file is one article of that size, made here: a headline, then paragraphs of a story
written for the benchmark, each with a quotation and its speaker, so every step that reads
text (decoding, normalising, boilerplate, headline, hash, storing) meets all of it.
Extraction reads no body over quotes.services.extraction.MAX_CHARACTERS, so the command
stores the article, says it was not read, and exits 1 (expected). The ingest runs on a
fresh SQLite database in a temporary folder unless DATABASE_URL names another.

Run: python -m benchmarks.large_file [--megabytes 100]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.child import PROJECT, measured

HEADLINE = "Harbour works go on through the winter\n\n"
PARAGRAPH = (
    "The council met on Tuesday to discuss the harbour. “We will keep the gates open until the "
    "storms pass,” said Mira Kovac, the council leader. Officials said the work would take "
    "another month, and residents were told to expect delays on the coast road.\n\n"
)


def write_article(path, megabytes):
    """A .txt article of about `megabytes` MB (10**6 bytes), written a paragraph block at a time."""
    block = PARAGRAPH * 1000
    size = megabytes * 1_000_000
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADLINE)
        written = len(HEADLINE.encode("utf-8"))
        while written < size:
            handle.write(block)
            written += len(block.encode("utf-8"))
    return path.stat().st_size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=100)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "harbour.txt"
        size = write_article(article, options.megabytes)
        env = {**os.environ}
        env.setdefault("DATABASE_URL", f"sqlite:///{Path(folder) / 'large.sqlite3'}")
        manage = [sys.executable, str(PROJECT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], cwd=PROJECT, env=env, check=True)
        run = measured([*manage, "ingest", str(article), "--max-bytes", str(size + 1)], env)
    print(f"file: {size:,} bytes, one article")
    print(f"ingest: {run}")
    for line in run.lines[-6:]:
        print("  " + line[:200])


if __name__ == "__main__":
    main()
