"""The editors' review queue: which quotes' speakers to check first, and what helps decide.

`score_articles(article_ids=None) -> int` gathers, for each visible quote of those articles
(all with None) whose speaker no editor has set, the `Evidence` quotes.text.doubt reads (its
paragraph and sentence, what its attribution read as the source, its speaker's names and
kind, the other people its article quotes, what the other outlets of its Statement say,
how many sentences its quotation has, the speakers of the article's other quotes that
repeat its words),
and stores `Quote.doubt` (the score) and
`Quote.doubt_reasons` (the reason codes), writing only rows that change. It reads
SCORE_BATCH articles at a time, so memory stays flat. The cluster_quotes command and the
ingest task's finish call it after clustering (the outlets' reasons need the Statements);
quotes.services.editing calls it for the articles an editor's fix touched.

`queue(reason, outlet, since, until)` is Quote.objects.queued() filtered, `next_in_queue`
the quote after one in that order; `other_outlets(quote)` what the other outlets of its
Statement print and whom they name; `suggested_speakers(quote)` the speakers an editor is
most likely to want (the other outlets' speakers, then the people its article names);
`find_speakers(text)` a fuzzy search of speaker names and aliases; `corrections()` and
`write_corrections_csv(stream)` the editors' decisions counted by reason and by attribution
method.

Limits: scores are as fresh as the last clustering run or editor's fix; a quote extracted
since (ingest or extract without clustering) keeps its old score, or 0 when new. The fuzzy
search looks only at names sharing a three-letter start with a word typed (so a typo in the
first three letters finds nothing) and ranks at most FUZZY_CANDIDATES of them.
"""

import csv
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from rapidfuzz import fuzz

from quotes.models import Quote, Review, Speaker, SpeakerAlias
from quotes.text.doubt import REASONS, Evidence, Weights, reasons, repeats, score, sentence_around, word_bag
from quotes.text.names import surname
from quotes.text.quotations import paragraph_spans
from sources.models import Article

SCORE_BATCH = 200  # articles read at once
WRITE_BATCH = 500
SUGGESTIONS = 12
NAME_FIRST = 100
FUZZY_CANDIDATES = 2000
FUZZY_CUTOFF = 60  # rapidfuzz WRatio: "Brightwter" against "Ada Brightwater" scores 86
NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|bin))*")
QUOTE_FIELDS = (
    "id",
    "article_id",
    "start",
    "end",
    "kind",
    "quotation",
    "speaker_id",
    "speaker_method",
    "speaker_confidence",
    "speaker_mention",
    "speaker_step",
    "speaker_doubts",
    "statement_id",
    "statement__has_conflict",
    "doubt",
    "doubt_reasons",
)


def score_articles(article_ids=None, weights: Weights | None = None) -> int:
    """Score the queued quotes of article_ids (every article with None); returns how many
    quotes' scores or reasons changed."""
    weights = weights or Weights()
    articles = Article.objects.order_by("id")
    if article_ids is not None:
        articles = articles.filter(id__in=set(article_ids))
    changed = 0
    last = 0
    while True:
        ids = list(articles.filter(id__gt=last).values_list("id", flat=True)[:SCORE_BATCH])
        if not ids:
            return changed
        changed += score_batch(ids, weights)
        last = ids[-1]


def score_batch(article_ids: list[int], weights: Weights) -> int:
    rows = list(
        Quote.objects.queued().filter(article_id__in=article_ids).order_by().values_list(*QUOTE_FIELDS)
    )
    if not rows:
        return 0
    bodies = dict(Article.objects.filter(id__in=article_ids).values_list("id", "body"))
    speakers = speaker_facts({row[6] for row in rows} - {None})
    people = defaultdict(set)
    for article, speaker in (
        Quote.objects.visible()
        .filter(article_id__in=article_ids, speaker__kind=Speaker.Kind.PERSON)
        .order_by()
        .values_list("article_id", "speaker__name")
        .distinct()
    ):
        people[article].add(speaker)
    outlets = other_outlet_speakers({row[12] for row in rows} - {None})
    sentences = Counter(
        Quote.objects.visible()
        .filter(article_id__in=article_ids)
        .order_by()
        .values_list("article_id", "quotation")
    )
    paragraphs = {pk: paragraph_spans(body) for pk, body in bodies.items()}
    repeated = repeated_words(article_ids)
    updated = []
    for (
        pk,
        article,
        start,
        end,
        kind,
        quotation,
        speaker,
        method,
        confidence,
        mention,
        step,
        step_doubts,
        statement,
        conflict,
        old,
        old_codes,
    ) in rows:
        body = bodies[article]
        before, after = paragraph_around(body, paragraphs[article], start, end)
        name, speaker_kind, names = speakers.get(speaker, (None, Speaker.Kind.PERSON, ()))
        evidence = Evidence(
            kind=kind,
            method=method,
            confidence=confidence,
            speaker=name,
            speaker_kind=speaker_kind,
            names=names,
            mention=mention,
            paragraph=before + " " + after,
            sentence=sentence_around(before, after),
            body=body,
            article_people=tuple(sorted(people[article])),
            statement_conflict=bool(conflict),
            other_outlets=tuple(other for where, other in outlets.get(statement, ()) if where != article),
            sentences=sentences[article, quotation],
            step=step,
            step_doubts=tuple(step_doubts.split()),
            repeated_by=repeated.get(pk, ()),
        )
        found = reasons(evidence)
        codes = " ".join(found)
        value = round(score(found, weights), 6)
        if value != old or codes != old_codes:
            updated.append(Quote(id=pk, doubt=value, doubt_reasons=codes))
    Quote.objects.bulk_update(updated, ["doubt", "doubt_reasons"], batch_size=WRITE_BATCH)
    return len(updated)


def repeated_words(article_ids) -> dict:
    """{quote id: the speaker names (None for none) of the other visible quotes of its
    article that repeat its words (quotes.text.doubt.repeats)}, for the quotes that have any."""
    by_article = defaultdict(list)
    for pk, article, text, speaker in (
        Quote.objects.visible()
        .filter(article_id__in=article_ids)
        .order_by("id")
        .values_list("id", "article_id", "text", "speaker__name")
    ):
        by_article[article].append((pk, word_bag(text), speaker))
    found = {}
    for quotes in by_article.values():
        for pk, words, _ in quotes:
            others = tuple(speaker for other, bag, speaker in quotes if other != pk and repeats(bag, words))
            if others:
                found[pk] = others
    return found


def speaker_facts(ids) -> dict:
    """{speaker id: (name, kind, names)}, names being the name, aliases and a person's surname."""
    aliases = defaultdict(set)
    for speaker, alias in SpeakerAlias.objects.filter(speaker_id__in=ids).values_list("speaker_id", "alias"):
        aliases[speaker].add(alias)
    facts = {}
    for pk, name, kind in Speaker.objects.filter(id__in=ids).values_list("id", "name", "kind"):
        names = {name} | aliases[pk] | ({surname(name)} if kind == Speaker.Kind.PERSON else set())
        facts[pk] = (name, kind, tuple(sorted(names)))
    return facts


def other_outlet_speakers(statement_ids) -> dict:
    """{statement id: [(article id, speaker name or None)]} over its visible quotes."""
    found = defaultdict(list)
    for statement, article, name in (
        Quote.objects.visible()
        .filter(statement_id__in=statement_ids)
        .order_by()
        .values_list("statement_id", "article_id", "speaker__name")
    ):
        found[statement].append((article, name))
    return found


def paragraph_around(body: str, spans: list, start: int, end: int) -> tuple[str, str]:
    """The text of the paragraph that holds start before the quote and after it."""
    i = bisect_right([lo for lo, _ in spans], start) - 1
    lo, hi = spans[i] if i >= 0 else (0, len(body))
    return body[lo:start], body[end:hi]


def queue(reason: str = "", outlet=None, since: date | None = None, until: date | None = None):
    """The queued quotes, most doubtful first, with the filters that are given."""
    quotes = Quote.objects.queued()
    if reason:
        quotes = quotes.filter(doubt_reasons__regex=rf"(^| ){re.escape(reason)}( |$)")
    if outlet:
        quotes = quotes.filter(article__outlet=outlet)
    if since:
        quotes = quotes.filter(article__published__gte=since)
    if until:
        quotes = quotes.filter(article__published__lte=until)
    return quotes


def next_in_queue(quotes, quote: Quote) -> Quote | None:
    """The quote that follows quote in quotes (ordered as queue orders them), whether or
    not quote is still in it."""
    after = quotes.filter(Q(doubt__lt=quote.doubt) | Q(doubt=quote.doubt, id__gt=quote.pk))
    return after.exclude(pk=quote.pk).first()


@dataclass(frozen=True)
class OtherOutlet:
    quote: Quote
    outlet: str
    speaker: str | None
    method: str


def other_outlets(quote: Quote) -> list[OtherOutlet]:
    """The visible quotes of quote's Statement in other articles: outlet, speaker, method."""
    if quote.statement_id is None:
        return []
    others = (
        Quote.objects.visible()
        .filter(statement_id=quote.statement_id)
        .exclude(article_id=quote.article_id)
        .select_related("article__outlet", "speaker")
        .defer("embedding", "diff", "article__body", "article__raw")
        .order_by("article__outlet__name", "id")
    )
    return [
        OtherOutlet(
            other,
            other.article.outlet.name,
            other.speaker.name if other.speaker else None,
            other.get_speaker_method_display(),
        )
        for other in others
    ]


def suggested_speakers(quote: Quote, others: list[OtherOutlet] | None = None) -> list[Speaker]:
    """Speakers to offer for quote: the other outlets' (most given first), then the people
    its article names (most printed first), at most SUGGESTIONS, never its own speaker."""
    others = other_outlets(quote) if others is None else others
    given = Counter(other.quote.speaker_id for other in others if other.quote.speaker_id)
    printed = named_in(quote.article.body)
    ranked = [pk for pk, _ in given.most_common()] + [pk for pk, _ in printed.most_common()]
    ids = [pk for pk in dict.fromkeys(ranked) if pk != quote.speaker_id][:SUGGESTIONS]
    found = Speaker.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def named_in(body: str) -> Counter:
    """{speaker id: rank} for the speakers whose name or alias the body prints as a run of
    capitalised words (or the last word of one): the times the name is printed, times
    NAME_FIRST, plus the times an alias is, so a name printed in full outranks the many
    speakers a bare surname may stand for."""
    runs = Counter()
    for match in NAME_RUN.finditer(body):
        words = match.group().split()
        runs[match.group()] += 1
        runs.update(words[-1:] if len(words) > 1 else [])
    if not runs:
        return Counter()
    names = list(runs)
    counts = Counter()
    for pk, name in Speaker.objects.filter(name__in=names).values_list("id", "name"):
        counts[pk] += runs[name] * NAME_FIRST
    for pk, alias in SpeakerAlias.objects.filter(alias__in=names).values_list("speaker_id", "alias"):
        counts[pk] += runs[alias]
    return counts


def find_speakers(text: str, limit: int = SUGGESTIONS) -> list[Speaker]:
    """Speakers whose name or an alias is like text (typos forgiven after the first three
    letters of a word), best first."""
    words = [word for word in re.findall(r"\w+", text) if len(word) >= 3]
    if not words:
        return []
    starts = Q()
    for word in words:
        starts |= Q(name__icontains=word[:3]) | Q(aliases__alias__icontains=word[:3])
    candidates = defaultdict(set)
    for pk, name, alias in Speaker.objects.filter(starts).values_list("id", "name", "aliases__alias")[
        :FUZZY_CANDIDATES
    ]:
        candidates[pk].update(filter(None, (name, alias)))
    scored = []
    for pk, names in candidates.items():
        best = max(fuzz.WRatio(text, name) for name in names)
        if best >= FUZZY_CUTOFF:
            scored.append((-best, pk))
    ids = [pk for _, pk in sorted(scored)[:limit]]
    found = Speaker.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


@dataclass(frozen=True)
class CorrectionRow:
    """Editors' decisions on the quotes that carried one reason (or one method)."""

    group: str  # "reason" or "method"
    value: str
    label: str
    decided: int
    accepted: int
    reassigned: int
    not_a_quote: int

    @property
    def corrected(self) -> int:
        return self.reassigned + self.not_a_quote

    @property
    def corrected_share(self) -> float:
        return self.corrected / self.decided if self.decided else 0.0


def corrections() -> list[CorrectionRow]:
    """The editors' decisions counted by queue reason and by attribution method."""
    by_reason, by_method = defaultdict(Counter), defaultdict(Counter)
    for decision, codes, method in Review.objects.values_list("decision", "reasons", "method"):
        for code in codes.split() or ["(none)"]:
            by_reason[code][decision] += 1
        by_method[method][decision] += 1
    methods = dict(Quote.SpeakerMethod.choices)
    rows = []
    for group, counts, labels in (("reason", by_reason, REASONS), ("method", by_method, methods)):
        for value in [v for v in labels if v in counts] + sorted(set(counts) - set(labels)):
            tally = counts[value]
            rows.append(
                CorrectionRow(
                    group,
                    value,
                    labels.get(value, value),
                    sum(tally.values()),
                    tally[Review.Decision.ACCEPTED],
                    tally[Review.Decision.REASSIGNED],
                    tally[Review.Decision.NOT_A_QUOTE],
                )
            )
    return rows


CSV_HEADER = [
    "group",
    "value",
    "label",
    "decided",
    "accepted",
    "speaker changed",
    "not a quotation",
    "corrected share",
]


def write_corrections_csv(stream) -> int:
    """The corrections report as CSV to stream; returns the number of data rows."""
    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    rows = corrections()
    for row in rows:
        writer.writerow(
            [
                row.group,
                row.value,
                row.label,
                row.decided,
                row.accepted,
                row.reassigned,
                row.not_a_quote,
                f"{row.corrected_share:.3f}",
            ]
        )
    return len(rows)
