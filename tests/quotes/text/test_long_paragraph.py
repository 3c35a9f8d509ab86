"""Finding quotations is linear in the length of a paragraph: a 10 MB paragraph of quotations is
read through. It used to run past 600 s (800 KB took 4.3 s) in drop_repeated_head_quotes, which
compared each headline quote with a fresh copy of every group after it; the time per size is
benchmark material, so this test asserts only that it finishes and what it finds."""

from quotes.text.quotations import find_quotations

UNIT = 'Officials said "we will keep the river open," and added more. '


def test_a_ten_megabyte_paragraph_is_read_through():
    body = UNIT * (10_000_000 // len(UNIT))
    quotations = find_quotations(body)
    assert len(quotations) == len(body) // len(UNIT)
