"""Everything an article's text says about who said what: its quoted sentences and
its reported speech, each with the speaker attribution found for it.

In: article bodies. Out: for each body, a list of `Statement`s (QuoteSpan,
Attribution) in body order: the quoted sentences and fragments of
quotes.text.quotations, attributed by quotes.text.attribution, then the reported
speech of quotes.text.reported, kind "indirect", numbered on after the
quotations, less any clause that only restates a quotation of the article or lies
in a labelled paragraph, then the labelled paragraphs of quotes.text.transcript
("TAPPER: Do you think …"), kind "indirect" too, whose label names someone. The
paragraphs that can report speech are parsed once (quotes.text.parse), in one
stream for all the bodies given, and both steps read that parse. Pure; no ORM.
"""

from dataclasses import dataclass

from .attribution import Article, Attribution, attribute_labelled, attribute_quotations, attribute_reports
from .parse import parse_articles
from .quotations import QuoteSpan, find_quotations, mark_view, paragraph_spans, quote_spans, words_of
from .reported import find_reports
from .transcript import labelled_paragraphs

INDIRECT = "indirect"
# Words of a reported clause a quotation may lack while the clause still only
# restates it ("that" and the like).
RESTATED_SLACK = 1


@dataclass(frozen=True)
class Statement:
    """One quoted sentence or reported statement and who said it."""

    span: QuoteSpan
    attribution: Attribution


def read_articles(bodies, reported=True):
    """The Statements of each body, in the order of bodies; without reported
    speech when reported is false."""
    bodies = list(bodies)
    views = [mark_view(body) for body in bodies]
    parsed_articles = parse_articles((view, paragraph_spans(view)) for view in views)
    return [read_parsed(body, parsed, reported) for body, parsed in zip(bodies, parsed_articles)]


def read_article(body, reported=True):
    return read_articles([body], reported)[0]


def read_parsed(body, parsed, reported=True):
    """The Statements of body, given its parse."""
    quotations = find_quotations(body)
    article = Article(body, quotations, parsed)
    attributions = {a.quotation: a for a in attribute_quotations(article)}
    found = [Statement(span, attributions[span.quotation]) for span in quote_spans(body, quotations)]
    if not reported:
        return found
    taken = {(s.span.start, s.span.end) for s in found}
    labelled = [
        line for line in labelled_paragraphs(body, paragraph_spans(body)) if not overlaps(line, taken)
    ]
    labelled_spans = {(line.start, line.end) for line in labelled}
    quoted = [set(words_of(" ".join(body[g.start : g.end] for g in q.segments))) for q in quotations]
    reports = []
    for report in find_reports(parsed, quotations):  # two cues can report one clause: keep the first
        if restates(words_of(report.text(body)), quoted) or overlaps(report, labelled_spans):
            continue
        if (report.start, report.end) not in taken:
            taken.add((report.start, report.end))
            reports.append(report)
    for report, attribution in zip(reports, attribute_reports(article, reports)):
        span = QuoteSpan(report.text(body), report.start, report.end, INDIRECT, attribution.quotation, 0)
        found.append(Statement(span, attribution))
    first = len(quotations) + len(reports)
    for line, attribution in zip(labelled, attribute_labelled(article, labelled, first)):
        if attribution.name is None:
            continue  # a label that names no one is a heading ("Fact check: …")
        span = QuoteSpan(
            body[line.start : line.end], line.start, line.end, INDIRECT, attribution.quotation, 0
        )
        found.append(Statement(span, attribution))
    return found


def overlaps(item, spans):
    """Whether item (anything with start and end) overlaps one of spans."""
    return any(item.start < end and start < item.end for start, end in spans)


def restates(words, quoted):
    """Whether a reported clause only repeats a quotation of the same article:
    all its words but RESTATED_SLACK are in that quotation. Such a clause adds
    nothing a reader does not already see quoted."""
    return any(len([w for w in words if w not in q]) <= RESTATED_SLACK for q in quoted if q)
