"""Titles found in clean paragraphs."""

from sources.text.headline import detect_title, shorten


def test_it_takes_a_short_unfinished_first_paragraph_for_the_headline():
    assert detect_title(["Water to flow again as ministers settle dam row", "The story."]) == (
        "Water to flow again as ministers settle dam row"
    )


def test_it_allows_a_question_mark_in_a_headline():
    assert detect_title(["Is the river dispute over?", "The story."]) == "Is the river dispute over?"


def test_it_takes_the_first_sentence_when_the_story_opens_with_its_lead():
    lead = "“The calm is fragile,” said the commissioner. Talks went on all night in the capital."
    assert detect_title([lead]) == "“The calm is fragile,” said the commissioner."


def test_it_shortens_a_long_first_sentence_at_a_word_boundary():
    lead = "THERE is still no sign that the troops have left the border, " * 4 + "officials said."
    title = detect_title([lead])
    assert len(title) <= 120 and title.endswith("…")
    assert lead.startswith(title[:-1])


def test_it_returns_nothing_for_no_paragraphs():
    assert detect_title([]) == ""


def test_it_leaves_short_text_whole():
    assert shorten("  A  short   title ") == "A short title"
