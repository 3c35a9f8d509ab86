"""quotes.text.quotations and quotes.text.attribution never crash, whatever the text, and their
offsets always point at the text they report."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.text.attribution import attribute
from quotes.text.quotations import find_quotations, quote_spans

MARKS = list("\"'“”‘’„«»‹›")
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(["\n\n", "\n", " ", ". ", ", ", ": ", " he said", " said Mr Smith", "READ MORE: "]),
    st.text(min_size=1, max_size=12),
)
TEXTS = st.lists(PIECES, max_size=80).map("".join)


def check(body):
    quotations = find_quotations(body)
    for span in quote_spans(body, find_quotations(body)):
        assert 0 <= span.start < span.end <= len(body)
        assert body[span.start : span.end] == span.text
    attributions = attribute(body, quotations)
    assert [a.quotation for a in attributions] == [q.index for q in quotations]
    for a in attributions:
        assert 0.0 <= a.confidence <= 1.0


@given(st.text())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_it_survives_random_unicode(body):
    check(body)


@given(TEXTS)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_it_survives_unbalanced_marks_and_cues(body):
    check(body)


def test_it_survives_a_very_long_paragraph_with_an_open_mark():
    body = "Head\n\n“" + "The gates stay shut, he said, and “nobody moves. " * 2000
    check(body)


def test_it_survives_thousands_of_marks_and_paragraphs():
    body = "\n\n".join("“‘”’\"'" * 50 + " said Ann Lee" for _ in range(300))
    check(body)
