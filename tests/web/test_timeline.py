"""web.timeline: one mark per outlet at its first printing, placed for the SVG and told in words."""

import datetime
from types import SimpleNamespace

from web.timeline import NAME_CHARS, timeline

LABELS = {"verbatim": "verbatim", "trimmed": "trimmed", "reworded": "reworded"}


def printed(outlet, day, drift="verbatim", flags=(), copied_from=None, pk=1):
    published = datetime.date(2024, 3, day) if day else None
    article = SimpleNamespace(published=published, outlet=SimpleNamespace(pk=outlet, name=outlet))
    return SimpleNamespace(
        pk=pk, article=article, drift=drift, meaning_flags=list(flags), copied_from=copied_from
    )


def test_each_outlet_gets_one_mark_at_its_first_printing_in_date_order():
    quotes = [
        printed("Ledger", 4),
        printed("Courier", 6, "trimmed"),
        printed("Ledger", 9, "reworded"),
        printed("Times", 5, "reworded"),
    ]
    marks = timeline(quotes, LABELS).marks
    assert [(m.outlet, m.drift) for m in marks] == [
        ("Ledger", "verbatim"),
        ("Times", "reworded"),
        ("Courier", "trimmed"),
    ]
    assert marks[0].y < marks[1].y < marks[2].y


def test_dates_are_written_where_they_change_with_the_days_between():
    marks = timeline([printed("A", 4), printed("B", 4), printed("C", 7)], LABELS).marks
    assert [(m.date_label, m.gap_label) for m in marks] == [
        ("4 Mar 2024", ""),
        ("", ""),
        ("7 Mar 2024", "+3 days"),
    ]


def test_undated_printings_come_last_and_say_so():
    marks = timeline([printed("Undated", None), printed("Dated", 4)], LABELS).marks
    assert [(m.outlet, m.date_label) for m in marks] == [("Dated", "4 Mar 2024"), ("Undated", "no date")]


def test_the_description_says_every_mark_in_words():
    quotes = [
        printed("Ledger", 4),
        printed(
            "Courier",
            5,
            "reworded",
            flags=[{"kind": "negation_dropped"}],
            copied_from=SimpleNamespace(name="Ledger"),
        ),
    ]
    assert timeline(quotes, LABELS).description == (
        "4 March 2024: Ledger, verbatim. "
        "5 March 2024: Courier, reworded, with a change of meaning, as a wire copy of Ledger."
    )
    assert timeline(quotes, LABELS).marks[1].detail == "reworded · meaning changed · wire copy of…"


def test_a_long_outlet_name_is_shortened_in_the_picture_only():
    name = "The Extremely Long Name of a Regional Evening Newspaper"
    line = timeline([printed(name, 4)], LABELS)
    assert len(line.marks[0].name_label) <= NAME_CHARS and line.marks[0].name_label.endswith("…")
    assert name in line.description


def test_the_picture_grows_with_its_rows():
    one, three = timeline([printed("A", 4)], LABELS), timeline([printed(n, 4) for n in "ABC"], LABELS)
    assert three.height > one.height
    assert (three.axis_top, three.axis_bottom) == (three.marks[0].y, three.marks[-1].y)
