"""CSV cells for quote records: flat, and never a formula a spreadsheet would run."""

import pytest

from quotes.text.spreadsheet import COLUMNS, csv_row, flags_text, safe_cell

RECORD = {
    "id": 7,
    "text": "We keep the gates open.",
    "kind": "full",
    "speaker": "Anna Berg",
    "cluster": 3,
    "start": 10,
    "end": 33,
    "quotation": 0,
    "article": {"id": 2, "title": "Gates", "outlet": "The Ledger", "url": None, "source": "/a.txt"},
    "source": "/a.txt",
    "canonical": "We will not keep the gates open.",
    "published": None,
    "drift": "reworded",
    "lexical_similarity": -0.25,
    "embedding_similarity": 0.8,
    "speaker_method": "explicit",
    "speaker_confidence": 0.9,
    "speaker_mention": "Anna Berg",
    "meaning_flags": [
        {"kind": "negation_dropped", "canonical": "not", "variant": ""},
        {"kind": "hedge_dropped", "canonical": "will", "variant": ""},
    ],
}


def test_it_flattens_a_record_into_the_columns_in_order():
    row = dict(zip(COLUMNS, csv_row(RECORD)))
    assert (row["statement"], row["quote"], row["outlet"], row["article_id"], row["article_url"]) == (
        3,
        7,
        "The Ledger",
        2,
        "",
    )
    assert row["published"] == "" and row["lexical_similarity"] == -0.25
    assert row["meaning_flags"] == 'negation_dropped: "not" -> "" | hedge_dropped: "will" -> ""'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_starts_like_a_formula_is_prefixed_with_an_apostrophe(start):
    assert safe_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"


def test_numbers_and_plain_text_are_left_as_they_are():
    assert [safe_cell(-1.5), safe_cell(0), safe_cell("a = b"), safe_cell(None)] == [-1.5, 0, "a = b", ""]


def test_no_flags_is_an_empty_cell():
    assert flags_text([]) == ""
