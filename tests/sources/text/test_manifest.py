"""Reading a manifest CSV."""

import pytest

from sources.text.manifest import ManifestError, ManifestRow, read_manifest


def test_it_maps_file_names_to_their_metadata_and_ignores_other_columns(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text(
        "file,outlet,published,url,language,note\n"
        "sub/one.txt,The Paper,2025-03-11,https://paper.example/1,en,a note\n"
        "two.html, Other Paper ,,,\n",
        encoding="utf-8",
    )
    assert read_manifest(path) == {
        "one.txt": ManifestRow("The Paper", "2025-03-11", "https://paper.example/1", "en"),
        "two.html": ManifestRow("Other Paper", "", "", ""),
    }


def test_it_refuses_a_manifest_without_a_file_column(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("name,outlet\none.txt,The Paper\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="needs a header row with a 'file' column"):
        read_manifest(path)


def test_it_refuses_a_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match="cannot be read"):
        read_manifest(tmp_path / "nowhere.csv")


def test_it_reads_the_seed_manifest(seeds_dir):
    rows = read_manifest(seeds_dir / "manifest.csv")
    assert len(rows) == 5 and all(row.outlet and row.published for row in rows.values())
