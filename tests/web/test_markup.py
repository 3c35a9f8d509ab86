"""web.markup: escaped HTML for word differences and highlighted quotations."""

import pytest

from quotes.text.drift import word_diff
from web.markup import (
    QuotationSpan,
    article_html,
    side_html,
    variant_html,
    word_counts,
)


def test_it_marks_cut_added_and_replaced_words_in_the_variant():
    ops = word_diff("The plan is good and fair.", "The new plan is fair.")
    html = variant_html(ops)
    assert '<ins class="added"><span class="visually-hidden">added: </span>new</ins>' in html
    assert '<del class="cut"><span class="visually-hidden">cut: </span>good and</del>' in html
    assert html.startswith("The ")


def test_it_reads_the_diff_as_stored_in_the_database():
    stored = [
        {"op": "equal", "canonical": "We", "variant": "We"},
        {"op": "replace", "canonical": "won", "variant": "lost"},
    ]
    assert 'title="was: won"' in variant_html(stored)
    assert variant_html(None) == ""


def test_it_treats_an_unknown_operation_as_kept_words():
    assert variant_html([{"op": "shuffle", "canonical": "a b", "variant": "a b"}]) == "a b"


def test_it_escapes_every_word():
    html = variant_html(word_diff("say <b>hi</b>", "say <i>hi</i> & bye"))
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;i&gt;hi&lt;/i&gt;" in html and "&amp;" in html


def test_each_side_marks_only_its_own_changes():
    ops = word_diff("one two three four", "one 2 three four five")
    left, right = side_html(ops, "canonical"), side_html(ops, "variant")
    assert "five" not in left and "five" in right
    assert "replaced: </span>two</span>" in left
    assert "replaced: </span>2</span>" in right


def test_it_refuses_an_unknown_side():
    with pytest.raises(ValueError):
        side_html([], "middle")


def test_it_counts_words_by_what_happened_to_them():
    ops = word_diff("a b c d e", "a x c e f g")
    assert word_counts(ops) == {"kept": 3, "cut": 1, "added": 2, "replaced": 1}


def span(start, end, n):
    return QuotationSpan(start, end, f"quote-{n}", f"/statements/{n}/", f"Said by <Speaker {n}>")


def test_it_highlights_quotations_in_paragraphs_with_anchors():
    body = 'Intro line.\n\nShe said "all is well" today.'
    start = body.index("all is well")
    html = article_html(body, [span(start, start + 11, 1)])
    assert html == (
        '<p>Intro line.</p>\n<p>She said &quot;<mark class="quotation" id="quote-1">'
        '<a href="/statements/1/" title="Said by &lt;Speaker 1&gt;">all is well</a></mark>'
        "&quot; today.</p>"
    )


def test_it_splits_a_quotation_that_crosses_a_paragraph_break_and_anchors_it_once():
    body = "First part\n\nsecond part"
    html = article_html(body, [span(6, len(body), 7)])
    assert html.count('id="quote-7"') == 1
    assert html.count('<mark class="quotation"') == 2


def test_it_clips_overlapping_spans_and_keeps_anchors_for_spans_it_cannot_place():
    body = "abcdefghij"
    html = article_html(body, [span(0, 6, 1), span(3, 5, 2), span(4, 8, 3), span(50, 60, 4)])
    assert 'id="quote-1"' in html and 'id="quote-3"' in html
    assert '<span id="quote-2"></span>' in html and '<span id="quote-4"></span>' in html
    assert ">abcdef</a>" in html and ">gh</a>" in html


def test_it_escapes_the_body_around_quotations():
    body = '<script>x()</script> said "hi"'
    html = article_html(body, [span(body.index("hi"), body.index("hi") + 2, 1)])
    assert "<script>" not in html
    assert html.startswith("<p>&lt;script&gt;x()&lt;/script&gt; said")
