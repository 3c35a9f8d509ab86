"""Writes the Quote rows of articles from quotes.text.reading (quotations, reported
speech and their attributions).

`extract_pending(force=False, articles=None, on_error=None) -> int` processes
the articles whose body changed since their quotes were extracted
(extracted_hash != content_hash), or all of them with force, one transaction per
article (their bodies parsed READ_BATCH at a time, in worker processes for a run of
WORKERS_FROM articles or more, while this process stores the batches read before:
`reading_processes`), and returns how many it processed. `ingest` calls it with the articles
it stored. An article that fails is rolled back alone, reported through
on_error(message), and left pending for the next run: one bad article
never stops a batch. `pending_articles()` is the queryset of articles still to
extract; `ingest` counts it before it stores anything, then extracts every
pending article, so articles that a killed run stored but never extracted are
extracted by the next one instead of being passed over as "unchanged". A body longer
than MAX_CHARACTERS is not read: one line says so, and it is marked extracted with no
quotes (`readable`).

Idempotent, and the editor's word is final. Extracted spans meet the stored
Quotes by (start, end), else by the same text; a matched row is updated in
place and saved only when a field really changes. Never overwritten: the
speaker of a quote whose speaker_method is "editor", hidden_by_editor, and a
Statement set by an editor. A quote whose text is unchanged keeps its embedding
and Statement; one whose text changed loses its embedding and drift, and its
Statement unless an editor placed it there, so embedding and clustering see it
anew. Quotes that vanished from the body are
deleted unless an editor touched them.
"""

import os

from django.conf import settings
from django.db import transaction
from django.db.models import F

from quotes.models import Quote
from quotes.services.speakers import SpeakerResolver
from quotes.text.read_ahead import can_start_workers, read_ahead
from quotes.text.reading import read_article
from sources.models import Article

# Reported speech (Quote kind "indirect") is stored unless the environment turns it
# off: VERBATIM_REPORTED_SPEECH=0. It is more than half of what the news attributes
# to people (development set: recall_indirect 0.22 with it, 0 without). The seed
# gold annotates no reported speech, so there its rows count against precision.
REPORTED_SPEECH = os.environ.get("VERBATIM_REPORTED_SPEECH", "1") != "0"
# The longest body read for quotes, in characters: spaCy's own default max_length (a text
# longer than it is refused: the parser needs about 1 GB per 100,000 words). News articles
# are far shorter (the longest of the 837 development articles is 18,781 bytes); a longer
# body is a feed or a dump stored whole, and reading it would hold a worker for many minutes
# (one 10 MB article of quote-dense paragraphs: 20 minutes, peak RSS 1.9 GB, at load 17 on
# 2 cores; benchmarks/large_file.py measures a file through ingest).
# VERBATIM_EXTRACT_MAX_CHARACTERS overrides it.
MAX_CHARACTERS = 1_000_000
# Articles read (parsed) in one stream: spaCy parses full batches faster than one
# article at a time.
READ_BATCH = 32
# Worker processes parse while this one stores (quotes.text.read_ahead) once a run has
# WORKERS_FROM articles or more: each worker takes about 3 s to load the pipeline, the
# time to read some 60 articles in this process. MAX_PROCESSES bounds the default, as
# each worker holds its own pipeline (about 200 MB).
WORKERS_FROM = 4 * READ_BATCH
MAX_PROCESSES = 4
MENTION_LENGTH = Quote._meta.get_field("speaker_mention").max_length
EXTRACTED_FIELDS = ("text", "start", "end", "kind", "quotation", "sentence")
SPEAKER_FIELDS = (
    "speaker_id",
    "speaker_mention",
    "speaker_method",
    "speaker_confidence",
    "speaker_step",
    "speaker_doubts",
)
CLEARED_WITH_TEXT = (
    "embedding",
    "statement_id",
    "drift",
    "lexical_similarity",
    "embedding_similarity",
    "diff",
)


def pending_articles():
    """Articles whose body changed since their quotes were extracted, or never extracted."""
    return Article.objects.exclude(extracted_hash=F("content_hash"))


def extract_pending(force=False, articles=None, on_error=None, processes=None):
    """Extract the new or changed articles (all of them with force); return the count.
    processes: how many worker processes parse (1: this one); None lets
    reading_processes decide."""
    queryset = Article.objects.all() if force else pending_articles()
    if articles is not None:
        queryset = queryset.filter(pk__in=[getattr(a, "pk", a) for a in articles])
    resolver = SpeakerResolver()
    count = 0
    batches = readable_batches(queryset, on_error)
    processes = processes or reading_processes(queryset)
    for chunk, read in read_ahead(batches, processes, reported=REPORTED_SPEECH):
        if isinstance(read, Exception):  # an article that broke the batch's parse is read alone below
            read = [None] * len(chunk)
        for article, statements in zip(chunk, read):
            try:
                if not extract_article(article, resolver, statements, only_if_pending=not force):
                    continue
            except Exception as error:  # the batch goes on; the article stays pending
                if on_error is None:
                    raise
                on_error(
                    f"extract: article {article.pk} ({article.source}) failed and stays pending: {error!r}"
                )
                resolver = SpeakerResolver()  # its cache may hold rows the rollback undid
                continue
            count += 1
    return count


def readable_batches(queryset, on_error):
    """(articles, their bodies) READ_BATCH at a time, the unreadable left out."""
    for chunk in chunks(queryset.defer("raw").order_by("pk").iterator(), READ_BATCH):
        chunk = [article for article in chunk if readable(article, on_error)]
        yield chunk, [article.body for article in chunk]


def reading_processes(queryset):
    """How many worker processes parse the queryset's articles: 1 (this process) for
    a few articles, where starting workers costs more than it saves, or where this
    process may not start any; else VERBATIM_EXTRACT_PROCESSES (default: one per CPU,
    at most MAX_PROCESSES)."""
    wanted = getattr(settings, "VERBATIM_EXTRACT_PROCESSES", None) or min(os.cpu_count() or 1, MAX_PROCESSES)
    if wanted <= 1 or not can_start_workers() or queryset.count() < WORKERS_FROM:
        return 1
    return wanted


class ArticleTooLong(ValueError):
    """An article body longer than extraction reads (max_characters())."""


def max_characters():
    return getattr(settings, "VERBATIM_EXTRACT_MAX_CHARACTERS", None) or MAX_CHARACTERS


def readable(article, on_error):
    """Whether the article is short enough to read; one that is not is said once (on_error,
    or ArticleTooLong without one) and marked extracted with no quotes, so later runs do
    not stop on it again (`extract --all` with a higher limit reads it)."""
    limit = max_characters()
    if len(article.body) <= limit:
        return True
    message = (
        f"extract: article {article.pk} ({article.source}) is {len(article.body)} characters, over the "
        f"{limit}-character limit; stored, its quotes not read (VERBATIM_EXTRACT_MAX_CHARACTERS)"
    )
    if on_error is None:
        raise ArticleTooLong(message)
    on_error(message)
    with transaction.atomic():
        Quote.objects.filter(article=article).delete()
        Article.objects.filter(pk=article.pk).update(extracted_hash=article.content_hash)
    return False


def chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_article(article, resolver=None, statements=None, only_if_pending=False):
    """Find, attribute and store the quotes of one article, in one transaction; True if done.

    statements, when given, are what quotes.text.reading read in its body. With
    only_if_pending the article's row is locked first and the article passed over
    (False) when another run extracted it meanwhile or its body changed since it was read:
    two ingests that both find it pending (one stored it, the other came across it as
    left pending) never write its quotes twice.
    """
    resolver = resolver or SpeakerResolver()
    if statements is None:
        statements = read_article(article.body, reported=REPORTED_SPEECH)
    with transaction.atomic():
        if only_if_pending:
            hashes = Article.objects.select_for_update().filter(pk=article.pk)
            current = hashes.values_list("content_hash", "extracted_hash").first()
            if current is None or current[0] != article.content_hash or current[1] == current[0]:
                return False
        speakers = {s.span.quotation: resolver.speaker_for(s.attribution) for s in statements}
        wanted = [quote_values(s.span, s.attribution, speakers[s.span.quotation]) for s in statements]
        write_quotes(article, wanted)
        if article.extracted_hash != article.content_hash:
            Article.objects.filter(pk=article.pk).update(extracted_hash=article.content_hash)
    return True


def quote_values(span, attribution, speaker):
    return {
        "text": span.text,
        "start": span.start,
        "end": span.end,
        "kind": span.kind,
        "quotation": span.quotation,
        "sentence": span.sentence,
        "speaker_id": speaker.pk if speaker else None,
        "speaker_mention": attribution.mention[:MENTION_LENGTH],
        "speaker_method": attribution.method,
        "speaker_confidence": round(attribution.confidence, 3),
        "speaker_step": attribution.step,
        "speaker_doubts": " ".join(attribution.doubts),
    }


def write_quotes(article, wanted):
    """Make the article's Quote rows match wanted, sparing editors' work. The rows
    are locked while they are compared, so an editor's save waits or is seen."""
    existing = list(Quote.objects.select_for_update().filter(article=article))
    by_span = {(q.start, q.end): q for q in existing}
    by_text = {}
    for quote in existing:
        by_text.setdefault(quote.text, []).append(quote)
    matched = {}
    for values in wanted:
        quote = by_span.get((values["start"], values["end"]))
        if quote is None or quote.pk in matched:
            quote = next((q for q in by_text.get(values["text"], []) if q.pk not in matched), None)
        if quote is not None:
            matched[quote.pk] = (quote, values)
    vanished = [q.pk for q in existing if q.pk not in matched and not q.touched_by_editor]
    Quote.objects.filter(pk__in=vanished).delete()
    changed = [quote for quote, values in matched.values() if update_quote(quote, values)]
    if changed:
        Quote.objects.bulk_update(changed, list(EXTRACTED_FIELDS + SPEAKER_FIELDS + CLEARED_WITH_TEXT))
    matched_values = {id(values) for _, values in matched.values()}
    Quote.objects.bulk_create(
        [Quote(article=article, **values) for values in wanted if id(values) not in matched_values]
    )


def update_quote(quote, values):
    """Copy values onto quote where an editor has not decided; True if it changed."""
    changed = False
    if quote.text != values["text"]:
        cleared = [
            f for f in CLEARED_WITH_TEXT if not (f == "statement_id" and quote.statement_set_by_editor)
        ]
        for field in cleared:
            if getattr(quote, field) not in (None, ""):
                setattr(quote, field, "" if field == "drift" else None)
                changed = True
    fields = (
        EXTRACTED_FIELDS
        if quote.speaker_method == Quote.SpeakerMethod.EDITOR
        else (EXTRACTED_FIELDS + SPEAKER_FIELDS)
    )
    for field in fields:
        if getattr(quote, field) != values[field]:
            setattr(quote, field, values[field])
            changed = True
    return changed
