"""quotes.text.transcript: paragraphs whose speaker is a label before a colon.
Passages written for the tests."""

import pytest

from quotes.text.quotations import paragraph_spans
from quotes.text.transcript import labelled_paragraphs


def labelled(body):
    return [
        (line.label, body[line.start : line.end]) for line in labelled_paragraphs(body, paragraph_spans(body))
    ]


def test_it_reads_a_transcript_line_and_a_headline_with_their_labels():
    body = (
        "JAKE TAPPER: Do you think the ferry will run all winter?\n\n"
        "Berg: The ferry will run all winter, whatever the council says.\n\n"
        "Harbour Board: Fares will rise by a tenth in the spring"
    )
    assert labelled(body) == [
        ("JAKE TAPPER", "Do you think the ferry will run all winter?"),
        ("Berg", "The ferry will run all winter, whatever the council says."),
        ("Harbour Board", "Fares will rise by a tenth in the spring"),
    ]


def test_it_reads_a_headline_label_less_whom_it_was_addressed_to_and_a_tag_before_it():
    story = "\n\nThe mayor spoke to the board on Monday."
    assert labelled("Berg to Harbour Board: The ferry will run all winter long." + story) == [
        ("Berg", "The ferry will run all winter long.")
    ]
    assert labelled("EXCLUSIVE – Olav Lind: Do Not Trust the Harbour Board Figures." + story) == [
        ("Olav Lind", "Do Not Trust the Harbour Board Figures.")
    ]
    assert labelled("A story.\n\nBerg to Harbour Board: The ferry will run all winter long.") == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Update: This story has been updated with the council's new figures.",
        "Editor's note: An earlier version misstated the ferry's timetable.",
        "The result: the ferry will not sail before the spring at the earliest.",
        "Q: What did you find when you came home that night?",
        "Contributing: Anna Berg, Olav Lind and Maria Holm of the Harbour Post.",
        "Islands: Anna Berg, Olav Lind, Maria Holm, Tom Roe, Ann Lee, Bo Sun.",
        "Holm: “The ferry will run all winter,” she said at the quay.",
        "Berg: Not yet.",
        "The ferry ran late: the crew had waited for the mail from the mainland.",
    ],
)
def test_it_takes_no_heading_list_quotation_or_short_line_for_a_labelled_one(paragraph):
    assert labelled(paragraph) == []


def test_it_takes_a_dateline_with_a_colon_for_no_label():
    body = (
        "Ferry fares to rise in spring\n\n"
        "NEW DELHI: Union shipping minister Olav Lind on Monday informed the house that fares will rise.\n\n"
        "The opposition said the rise was unfair to island families."
    )
    assert labelled(body) == []
    transcript = body.replace("The opposition said", "TAPPER: So you think")
    assert [label for label, _ in labelled(transcript)] == ["NEW DELHI", "TAPPER"]
