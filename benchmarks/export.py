"""`manage.py export_quotes` in both formats: time, and memory that stays flat as quotes grow.

In: the database DATABASE_URL names, holding quotes (say `manage.py load_synthetic --quotes
10000` on an empty PostgreSQL database). Out: per format, the quotes written, wall and CPU
seconds, quotes a second, and the export process's peak resident memory (benchmarks.child).
Run it on two databases of different sizes: memory that does not grow with the number of
quotes is the streaming at work (rows are read in chunks and written as they come).

Run: DATABASE_URL=postgres://… python -m benchmarks.export
"""

import sys
import tempfile
from pathlib import Path

from benchmarks.child import PROJECT, measured

FORMATS = ("jsonl", "csv")  # the choices of export_quotes --format


def main():
    with tempfile.TemporaryDirectory() as folder:
        for format in FORMATS:
            target = Path(folder) / f"quotes.{format}"
            run = measured(
                [
                    sys.executable,
                    str(PROJECT / "manage.py"),
                    "export_quotes",
                    "--format",
                    format,
                    "--output",
                    str(target),
                ]
            )
            count = int(run.lines[-1].split()[1]) if run.status == 0 else 0
            rate = count / run.cpu if run.cpu else 0
            print(f"{format}: {count:,} quotes, {run}, {rate:,.0f} quotes per CPU second")


if __name__ == "__main__":
    main()
