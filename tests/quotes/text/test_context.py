"""quotes.text.context: the outlet's sentence around a quote, on passages written for the test."""

from quotes.text.context import MAX_SIDE, Context, surrounding


def around(text, quoted, **options):
    start = text.index(quoted)
    return surrounding(text, start, start + len(quoted), **options)


def test_a_fragment_comes_with_the_sentence_it_was_printed_in():
    text = "The gates opened.\n\nMs Fox called the delay “the new normal”, and left the room. Rain followed."
    assert around(text, "the new normal") == Context(
        "Ms Fox called the delay “", "the new normal", "”, and left the room."
    )


def test_a_quote_that_is_its_own_sentence_needs_no_context():
    assert (
        around("Work began.\n\n“We will reopen the harbour.”\n\nIt rained.", "We will reopen the harbour.")
        is None
    )


def test_the_sentence_stops_at_a_paragraph_break():
    text = "He spoke at length about the harbour\n\nand called it “a lot” of work for the crews."
    assert around(text, "a lot").before == "and called it “"


def test_a_trimmed_quote_shows_what_the_outlet_wrote_around_it():
    text = "Speaking on Monday, she said the port “will reopen before the storms” arrive in the north."
    context = around(text, "will reopen before the storms")
    assert (context.before, context.after) == (
        "Speaking on Monday, she said the port “",
        "” arrive in the north.",
    )


def test_a_long_sentence_is_shortened_on_each_side_with_an_ellipsis():
    text = (
        "The mayor, "
        + "who spoke after a long meeting " * 20
        + "said it was “unacceptable” and "
        + "went on " * 60
        + "."
    )
    context = around(text, "unacceptable")
    assert context.before.startswith("…") and len(context.before) <= MAX_SIDE + 1
    assert context.after.endswith("…") and len(context.after) <= MAX_SIDE + 1


def test_a_stretch_cut_from_a_longer_body_says_so():
    text = "crews said the harbour was “nearly ready” by then"
    context = around(text, "nearly ready", cut_before=True, cut_after=True)
    assert context.before.startswith("…crews said")
    assert context.after.endswith("by then…")


def test_offsets_outside_the_stretch_give_nothing():
    assert surrounding("Short text.", 40, 50) is None
    assert surrounding("Short text.", 5, 5) is None
