"""Read a manifest CSV: metadata for article files, matched by file name.

Columns: file (required), outlet, published, url, language; other columns (a
note, say) are ignored. A row's non-empty values override what the file itself
says. The file column holds a file name; a path in it is reduced to its name.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("outlet", "published", "url", "language")


class ManifestError(ValueError):
    """The manifest cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class ManifestRow:
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""


def read_manifest(path):
    """{file name: ManifestRow} from the CSV at `path`."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "file" not in [name.strip() for name in reader.fieldnames]:
                raise ManifestError(f"{path}: the manifest needs a header row with a 'file' column")
            rows = {}
            for row in reader:
                row = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
                if row.get("file"):
                    rows[Path(row["file"]).name] = ManifestRow(**{name: row.get(name, "") for name in FIELDS})
            return rows
    except OSError as error:
        raise ManifestError(f"{path}: the manifest cannot be read ({error.strerror or error})") from error
    except (UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: the manifest is not a readable UTF-8 CSV ({error})") from error
