"""A quote in its paragraph, with the quote, the speaker's mention and the speech verb marked."""

from quotes.text.passage import CUE, MENTION, QUOTE, passage

BODY = (
    "Harbour talks end\n\n"
    "The mayor, Ada Brightwater, spoke on Monday.\n\n"
    '"The bridge will open in May," she said. "It is ready."'
)


def marked(result):
    return [(text, what) for text, what in result.pieces() if what]


def span(text):
    start = BODY.index(text)
    return start, start + len(text)


def test_it_marks_the_quote_the_pronoun_and_the_verb():
    result = passage(BODY, *span("The bridge will open in May,"), "she")

    assert marked(result) == [("The bridge will open in May,", QUOTE), ("she", MENTION), ("said", CUE)]


def test_it_finds_a_name_in_the_paragraph_before():
    result = passage(BODY, *span("It is ready."), "Ada Brightwater")

    assert ("Ada Brightwater", MENTION) in marked(result)
    assert result.text.startswith("The mayor")


def test_the_pieces_give_back_the_text():
    result = passage(BODY, *span("It is ready."), "she")

    assert "".join(text for text, _ in result.pieces()) == result.text


def test_it_marks_the_quote_and_the_nearest_verb_without_a_mention():
    result = passage(BODY, *span("It is ready."), "")

    assert [what for _, what in marked(result)] == [CUE, QUOTE]


def test_it_marks_a_quote_whose_offsets_lie_outside_the_body():
    result = passage("short", 50, 60, "she")

    assert result.text == "" and result.marks == ()
