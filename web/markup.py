"""HTML for the reader's pages: word differences marked, quotations highlighted in an article.

In:  plain data only: word-diff operations (quotes.text.drift.DiffOp or the dicts stored in
     Quote.diff, {"op", "canonical", "variant"}), an article body with the spans of
     its quotations, or a text with the spans of the words a search matched.
Out: django SafeString HTML in which every piece of printed text went through
     django.utils.html.escape (format_html), so an article or a quote containing
     "<script>" shows it as text.

Markup: kept words are plain; cut words are <del class="cut">, added words
<ins class="added">, replaced words <span class="replaced">, each with a visually
hidden label ("cut:", "added:", …) so the difference does not rest on colour or
strike-through alone.

Limits: words are joined with single spaces, as quotes.text.drift tokenises them, so the
original spacing inside a quotation is not kept. Quotation spans that overlap an
earlier one are clipped to start where it ended; a span that ends up empty, or lies
outside the body, still gets its anchor (an empty <span id=…>) so links to it work.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from quotes.text.drift import DiffOp
from quotes.text.quotations import paragraph_spans

EQUAL, DELETE, INSERT, REPLACE = "equal", "delete", "insert", "replace"
CANONICAL, VARIANT = "canonical", "variant"

MARKS = {
    DELETE: '<del class="cut"><span class="visually-hidden">cut: </span>{}</del>',
    INSERT: '<ins class="added"><span class="visually-hidden">added: </span>{}</ins>',
    REPLACE: '<span class="replaced"><span class="visually-hidden">replaced: </span>{}</span>',
}


@dataclass(frozen=True)
class QuotationSpan:
    """Where one quotation lies in an article body, and what its highlight links to."""

    start: int
    end: int
    anchor: str
    href: str
    title: str


def as_op(item) -> DiffOp:
    """One diff operation from a DiffOp or a stored dict; unknown ops count as kept."""
    if isinstance(item, Mapping):
        op, canonical, variant = item.get("op"), item.get("canonical"), item.get("variant")
    else:
        op, canonical, variant = item.op, item.canonical, item.variant
    op = op if op in (EQUAL, DELETE, INSERT, REPLACE) else EQUAL
    return DiffOp(op, str(canonical or ""), str(variant or ""))


def _marked(kind: str, words: str) -> SafeString:
    return format_html(MARKS[kind], words)


def _join(pieces: Iterable[SafeString]) -> SafeString:
    return format_html_join(" ", "{}", ((piece,) for piece in pieces if piece))


def variant_html(ops) -> SafeString:
    """The variant's wording with what differs from the canonical marked in line.

    Cut canonical words appear struck through where they were; a replacement shows
    the variant's words, with the canonical words it replaced in its title.
    """
    pieces = []
    for op in map(as_op, ops or ()):
        if op.op == EQUAL:
            pieces.append(format_html("{}", op.variant or op.canonical))
        elif op.op == DELETE:
            pieces.append(_marked(DELETE, op.canonical))
        elif op.op == INSERT:
            pieces.append(_marked(INSERT, op.variant))
        else:
            pieces.append(
                format_html(
                    '<span class="replaced" title="was: {}"><span class="visually-hidden">'
                    "replaced “{}” with: </span>{}</span>",
                    op.canonical,
                    op.canonical,
                    op.variant,
                )
            )
    return _join(pieces)


def side_html(ops, side: str) -> SafeString:
    """One column of the compare page: side "canonical" (the left text) or "variant".

    The left column marks the words the right one cut; the right column marks the
    words it added; both mark replaced words. Kept words are plain on both sides.
    """
    if side not in (CANONICAL, VARIANT):
        raise ValueError(f"side must be {CANONICAL!r} or {VARIANT!r}, not {side!r}")
    own = DELETE if side == CANONICAL else INSERT
    pieces = []
    for op in map(as_op, ops or ()):
        words = op.canonical if side == CANONICAL else op.variant
        if op.op == EQUAL:
            pieces.append(format_html("{}", words))
        elif op.op == REPLACE:
            pieces.append(_marked(REPLACE, words))
        elif op.op == own:
            pieces.append(_marked(own, words))
    return _join(pieces)


def word_counts(ops) -> dict[str, int]:
    """How many words were kept, cut, added and replaced (replaced counts the left side)."""
    counts = {"kept": 0, "cut": 0, "added": 0, "replaced": 0}
    for op in map(as_op, ops or ()):
        if op.op == EQUAL:
            counts["kept"] += len(op.canonical.split())
        elif op.op == DELETE:
            counts["cut"] += len(op.canonical.split())
        elif op.op == INSERT:
            counts["added"] += len(op.variant.split())
        else:
            counts["replaced"] += len(op.canonical.split())
    return counts


def article_html(body: str, spans: Iterable[QuotationSpan]) -> SafeString:
    """The body as <p> paragraphs, each quotation a highlighted link with an id anchor.

    A quotation that crosses a paragraph break is highlighted in each paragraph;
    its anchor sits on the first piece.
    """
    length = len(body)
    placed, orphans, cursor = [], [], 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(span.start, cursor, 0), min(span.end, length)
        if start >= end:
            orphans.append(span)
            continue
        placed.append((start, end, span))
        cursor = end

    anchored = set()
    paragraphs = []
    for p_start, p_end in paragraph_spans(body):
        pieces, position = [], p_start
        for start, end, span in placed:
            start, end = max(start, p_start), min(end, p_end)
            if start >= end:
                continue
            anchor = "" if span.anchor in anchored else format_html(' id="{}"', span.anchor)
            anchored.add(span.anchor)
            pieces.append(
                format_html(
                    '{}<mark class="quotation"{}><a href="{}" title="{}">{}</a></mark>',
                    body[position:start],
                    anchor,
                    span.href,
                    span.title,
                    body[start:end],
                )
            )
            position = end
        pieces.append(format_html("{}", body[position:p_end]))
        paragraphs.append(format_html_join("", "{}", ((piece,) for piece in pieces)))
    orphans += [span for _, _, span in placed if span.anchor not in anchored]
    html = format_html_join("\n", "<p>{}</p>", ((p,) for p in paragraphs))
    anchors = format_html_join("", '<span id="{}"></span>', ((s.anchor,) for s in orphans))
    return format_html("{}{}", anchors, html)


def highlighted_html(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """text with each (start, end) span, in order and not overlapping (as
    quotes.text.search_query.matched_spans gives them), marked <mark class="matched">."""
    pieces, position = [], 0
    for start, end in spans:
        if start < position or end <= start:
            continue
        pieces.append(format_html('{}<mark class="matched">{}</mark>', text[position:start], text[start:end]))
        position = end
    pieces.append(format_html("{}", text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))
