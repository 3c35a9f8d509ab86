"""Speakers, the quotes printed in articles, and the statements they report.

What a reader may see is named once, here: `Quote.objects.visible()` (not hidden by
an editor), `Statement.objects.visible()` (at least one visible quote) and
`Speaker.objects.visible()` (at least one visible quote attributed to them, or a
visible Statement of theirs). An editor's
"not a quotation" hides a Quote from every page and from the export while keeping it
in the database.

`Statement.quote_count` is the number of its visible quotes: clustering's refresh sets it
(quotes.services.clustering.refresh_statements), after every clustering run and every
editor's action (quotes.services.editing.refresh_after_edit), and a clustering run
re-counts any Statement whose stored count no longer matches (stale_statements).
`Statement.objects.visible()` reads that counter (`quote_count > 0`, a partial index per
page order) rather than asking each Statement for a visible quote: at 1,000,000 quotes
that EXISTS was a scan of the 1 GB quote table for every count (933 ms against 76 ms).
Between a re-extraction that deletes quotes and the next clustering run a Statement may
count quotes it no longer has; the statement page answers 404 for one with none.

`OutletFigures` holds each outlet's counts (articles, visible quotes by drift class,
statements), computed by quotes.services.figures for the outlet pages, which would
otherwise group every quote on each view.

`Quote.doubt` and `Quote.doubt_reasons` are the review queue's score and reasons
(quotes.services.review stores them, quotes.text.doubt computes them);
`Quote.objects.queued()` is the queue. `Review` records each editor's decision on a
quote's speaker for the corrections report.

The editor flags follow one scheme, `<what>_set_by_editor` or `<what>_by_editor`:
`Quote.hidden_by_editor`, `Quote.statement_set_by_editor`,
`Statement.speaker_set_by_editor`, `Statement.wording_pinned`,
`Statement.created_by_editor`, `Speaker.edited_by_editor`; a Quote's speaker set by an
editor is `speaker_method == "editor"` (`Quote.speaker_set_by_editor`).
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When, lookups
from django.db.models.functions import Greatest, Substr
from django.urls import reverse
from simple_history.models import HistoricalRecords

from quotes.text import context
from sources.models import NamedWithSlug


class SpeakerQuerySet(models.QuerySet):
    def visible(self):
        """Speakers a reader may be shown: a visible quote is theirs, or a visible Statement."""
        quotes = Quote.objects.visible().filter(speaker=OuterRef("pk"))
        statements = Statement.objects.visible().filter(speaker=OuterRef("pk"))
        return self.filter(Exists(quotes) | Exists(statements))


class Speaker(NamedWithSlug):
    class Kind(models.TextChoices):
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        GROUP = "group", "group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    description = models.CharField(max_length=300, blank=True)
    edited_by_editor = models.BooleanField(default=False)

    history = HistoricalRecords()

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("web:speaker", args=[self.slug])


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["alias"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "alias"], name="unique_alias_per_speaker"),
        ]
        indexes = [models.Index(fields=["alias"])]

    def __str__(self):
        return self.alias


VISIBLE = Q(quote_count__gt=0)


class StatementQuerySet(models.QuerySet):
    def visible(self):
        """Statements with at least one visible quote (quote_count counts them), speaker joined."""
        return self.filter(quote_count__gt=0).select_related("speaker")

    def without_lone_fragments(self):
        """Leaves out the statements one outlet alone printed, and only as fragments ("a lot",
        "the new normal"): a scare quote no one else printed says little, and on the seeds
        such statements were 27 of the 64 a list showed.

        The EXISTS repeats `outlet_count <= 1` of the outer row, which changes nothing it
        keeps: PostgreSQL then probes a statement's quotes only for the statements one
        outlet printed. Without it, it read every visible quote into a hash first (the
        capped count of the home page, 100,000 quotes: 107 ms against 4.8 ms)."""
        full = (
            Quote.objects.visible()
            .filter(lookups.LessThanOrEqual(OuterRef("outlet_count"), 1), statement=OuterRef("pk"))
            .exclude(kind=Quote.Kind.FRAGMENT)
        )
        return self.filter(Q(outlet_count__gt=1) | Exists(full))


class Statement(models.Model):
    speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    canonical_text = models.TextField()
    canonical_quote = models.ForeignKey(
        "Quote", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    wording_pinned = models.BooleanField(
        default=False, help_text="An editor chose the canonical wording; clustering keeps it."
    )
    speaker_set_by_editor = models.BooleanField(default=False)
    created_by_editor = models.BooleanField(default=False)
    has_conflict = models.BooleanField(
        default=False, help_text="Quotes with explicit cues name different speakers."
    )
    first_seen = models.DateField(null=True, blank=True)
    outlet_count = models.PositiveIntegerField(default=0)
    quote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-outlet_count", "-first_seen", "id"]
        # Partial indexes in the orders the pages list visible statements in (this default,
        # and one speaker's), so a page of results is read in order, not sorted. The orders
        # of web.filters.SORTS put nulls last, which SQLite cannot index: migration 0005
        # indexes them on PostgreSQL only.
        indexes = [
            models.Index(fields=["outlet_count"]),
            models.Index(fields=["first_seen"]),
            models.Index(
                F("outlet_count").desc(),
                F("first_seen").desc(),
                F("id").asc(),
                name="statement_visible_default",
                condition=VISIBLE,
            ),
            models.Index(
                "speaker",
                F("outlet_count").desc(),
                F("first_seen").desc(),
                "id",
                name="statement_visible_by_speaker",
                condition=VISIBLE,
            ),
        ]

    def __str__(self):
        return self.canonical_text[:80]

    def get_absolute_url(self):
        return reverse("web:statement", args=[self.pk])


class QuoteQuerySet(models.QuerySet):
    def visible(self):
        """Quotes an editor has not hidden: what pages, search and the export show."""
        return self.filter(hidden_by_editor=False)

    def pending_embedding(self):
        """Visible quotes that have no vector yet."""
        return self.visible().filter(embedding__isnull=True)

    def queued(self):
        """The editors' review queue: visible quotes whose speaker no editor has set or
        accepted, most doubtful first (quotes.services.review scores them)."""
        return self.visible().exclude(speaker_method=Quote.SpeakerMethod.EDITOR).order_by("-doubt", "id")

    def with_context_window(self):
        """Each quote with `context_window`, its article's body from context.WINDOW characters
        before the quote to as many after it, and `context_start`, where that stretch
        begins in the body: for fragments and trimmed variants, which pages show in the
        outlet's sentence (quotes.text.context); "" for the others. One column of the same
        query, so a page never loads whole bodies."""
        begins = Greatest(F("start") - context.WINDOW, Value(0))
        shown_in_context = Q(kind=Quote.Kind.FRAGMENT) | Q(
            drift__in=[Quote.Drift.TRIMMED, Quote.Drift.FRAGMENT]
        )
        stretch = Substr("article__body", begins + 1, F("end") - begins + context.WINDOW)
        return self.annotate(
            context_start=begins,
            context_window=Case(When(shown_in_context, then=stretch), default=Value("")),
        )


class Quote(models.Model):
    class Kind(models.TextChoices):
        FULL = "full", "full sentence"
        FRAGMENT = "fragment", "fragment"
        INDIRECT = "indirect", "reported speech"

    class SpeakerMethod(models.TextChoices):
        EXPLICIT = "explicit", "explicit cue"
        PRONOUN = "pronoun", "pronoun"
        ROLE = "role", "role noun"
        CONTINUATION = "continuation", "continuation"
        CONSENSUS = "consensus", "cross-outlet consensus"
        EDITOR = "editor", "editor"
        NONE = "none", "not found"

    class Drift(models.TextChoices):
        VERBATIM = "verbatim", "verbatim"
        PUNCTUATION = "punctuation", "punctuation only"
        TRIMMED = "trimmed", "trimmed"
        REWORDED = "reworded", "reworded"
        FRAGMENT = "fragment", "fragment"
        PARAPHRASE = "paraphrase", "paraphrase (reported speech)"

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.FULL)
    quotation = models.PositiveIntegerField(
        help_text="Index of the quotation in its article; its sentences share it."
    )
    sentence = models.PositiveIntegerField(default=0, help_text="Position within the quotation.")

    speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    speaker_mention = models.CharField(max_length=300, blank=True)
    speaker_method = models.CharField(
        max_length=16, choices=SpeakerMethod.choices, default=SpeakerMethod.NONE
    )
    speaker_confidence = models.FloatField(default=0.0)
    # db_default too: the synthetic loader writes rows with COPY, naming only the columns it fills.
    speaker_step = models.CharField(
        max_length=16,
        blank=True,
        db_default="",
        help_text="Which step of quotes.text.attribution found the speaker (Attribution.step).",
    )
    speaker_doubts = models.CharField(
        max_length=100,
        blank=True,
        db_default="",
        help_text="What attribution's steps saw against that speaker (Attribution.doubts), space-separated.",
    )

    hidden_by_editor = models.BooleanField(
        "not a quotation",
        default=False,
        help_text="An editor marked this as not a quotation: hidden from pages and the export.",
    )

    embedding = models.BinaryField(null=True, blank=True, editable=False)
    statement = models.ForeignKey(
        Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    statement_set_by_editor = models.BooleanField(default=False)

    drift = models.CharField(max_length=16, choices=Drift.choices, blank=True)
    lexical_similarity = models.FloatField(null=True, blank=True)
    embedding_similarity = models.FloatField(null=True, blank=True)
    diff = models.JSONField(null=True, blank=True)
    # db_default too: rows written outside the ORM (the synthetic corpus's COPY) start unflagged.
    meaning_flags = models.JSONField(
        default=list,
        db_default=[],
        blank=True,
        help_text="Changes of meaning from the canonical wording: {kind, canonical, variant} each.",
    )
    meaning_changed = models.BooleanField(
        default=False, db_default=False, help_text="It carries a meaning flag."
    )

    # db_default too: the synthetic loader writes rows with COPY, naming only the columns it fills.
    doubt = models.FloatField(
        default=0.0,
        db_default=0.0,
        help_text="How likely the speaker is wrong (quotes.text.doubt): the review order.",
    )
    doubt_reasons = models.CharField(
        max_length=400,
        blank=True,
        db_default="",
        help_text="Codes of quotes.text.doubt.REASONS, space-separated.",
    )

    history = HistoricalRecords(
        excluded_fields=["embedding", "diff", "doubt", "doubt_reasons", "meaning_flags", "meaning_changed"]
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="unique_quote_span"),
        ]
        indexes = [
            models.Index(fields=["speaker_method"]),
            models.Index(fields=["drift"]),
            # The statements a speaker is quoted in (speaker search, speaker page), read
            # from the index alone.
            models.Index(
                fields=["speaker", "statement"],
                name="quote_visible_speaker",
                condition=Q(hidden_by_editor=False),
            ),
            # The review queue in its order (Quote.objects.queued), read a page at a time.
            models.Index(
                F("doubt").desc(),
                "id",
                name="quote_review_queue",
                condition=Q(hidden_by_editor=False) & ~Q(speaker_method="editor"),
            ),
            # The statements with a variant whose meaning changed (search's "meaning changed").
            models.Index(
                fields=["statement"],
                name="quote_meaning_changed",
                condition=Q(meaning_changed=True, hidden_by_editor=False),
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def speaker_set_by_editor(self):
        return self.speaker_method == self.SpeakerMethod.EDITOR

    @property
    def reason_codes(self):
        """The codes of quotes.text.doubt.REASONS that put this quote in the queue."""
        return self.doubt_reasons.split()

    @property
    def touched_by_editor(self):
        """An editor decided something about this quote: reruns must keep the row."""
        return self.speaker_set_by_editor or self.hidden_by_editor or self.statement_set_by_editor


class Review(models.Model):
    """One editor's decision on one quote's attribution, for the corrections report.

    Written by quotes.services.editing with every speaker fix and "not a quotation": the
    reasons the queue gave (Quote.doubt_reasons) and the way the speaker had been found,
    as they were before the decision, so the report says where extraction errs. rows_changed
    counts the other quotes the fix changed (the quotation's other sentences, the quotes of
    its Statement that followed)."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "accepted"
        REASSIGNED = "reassigned", "speaker changed"
        NOT_A_QUOTE = "not_a_quote", "not a quotation"

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=16, choices=Decision.choices)
    reasons = models.CharField(max_length=400, blank=True)
    method = models.CharField(max_length=16, choices=Quote.SpeakerMethod.choices)
    speaker_before = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    speaker_after = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rows_changed = models.PositiveIntegerField(default=0)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self):
        return f"{self.get_decision_display()}: quote {self.quote_id}"


class WireCopy(models.Model):
    """An article whose body is another outlet's article, nearly word for word: wire copy
    (one agency text printed by several outlets). Its quotes are not independent
    confirmation of that article's. Found by quotes.services.variants."""

    article = models.OneToOneField(
        "sources.Article", on_delete=models.CASCADE, primary_key=True, related_name="wire_copy"
    )
    original = models.ForeignKey(
        "sources.Article",
        on_delete=models.CASCADE,
        related_name="wire_copies",
        help_text="The earliest article of those printing the same text.",
    )
    similarity = models.FloatField(help_text="Share of the shorter body's word shingles the other prints.")

    class Meta:
        verbose_name_plural = "wire copies"

    def __str__(self):
        return f"article {self.article_id}, a copy of article {self.original_id}"

    @staticmethod
    def outlet_copied(article):
        """The outlet whose article `article` copies, or None: read from the WireCopy row
        joined with select_related("wire_copy__original__outlet"), so no query."""
        try:
            return article.wire_copy.original.outlet
        except ObjectDoesNotExist:
            return None


class OutletFigures(models.Model):
    """An outlet's counts, computed by quotes.services.figures (see the module docstring)."""

    outlet = models.OneToOneField(
        "sources.Outlet", on_delete=models.CASCADE, primary_key=True, related_name="figures"
    )
    article_count = models.PositiveIntegerField(default=0)
    quote_count = models.PositiveIntegerField(default=0, help_text="Visible quotes.")
    statement_count = models.PositiveIntegerField(default=0, help_text="Visible statements it printed.")
    drift_counts = models.JSONField(default=dict, help_text="Visible quotes by drift class.")
    fidelity = models.JSONField(
        default=dict,
        help_text="Rates on the statements at least two independent outlets printed (quotes.text.fidelity).",
    )
    compared = models.JSONField(
        default=list, help_text="Its rates and another outlet's on the statements both printed."
    )
    wire_copy_count = models.PositiveIntegerField(default=0, help_text="Its articles that are wire copies.")
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "outlet figures"

    def __str__(self):
        return f"figures of outlet {self.outlet_id}"


class Job(models.Model):
    """One run of a long job (ingest, extract, cluster): from a command, a Celery worker or the
    admin; written by quotes.services.jobs as it starts and ends, so editors and operators
    see in the admin what ran, what it counted and what failed."""

    class Kind(models.TextChoices):
        INGEST = "ingest", "ingest"
        EXTRACT = "extract", "extract"
        CLUSTER = "cluster", "cluster"

    class Via(models.TextChoices):
        COMMAND = "command", "command"
        WORKER = "worker", "task worker"
        ADMIN = "admin", "admin"

    class State(models.TextChoices):
        RUNNING = "running", "running"
        SUCCEEDED = "succeeded", "succeeded"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    via = models.CharField(max_length=16, choices=Via.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.RUNNING)
    description = models.CharField(max_length=300, blank=True, help_text="What it was asked to do.")
    task_id = models.CharField(max_length=64, blank=True, help_text="The Celery task's id.")
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True, help_text="What it counted, by outcome.")
    failures = models.PositiveIntegerField(default=0, help_text="Inputs or articles that failed.")
    summary = models.CharField(max_length=500, blank=True)
    messages = models.TextField(blank=True, help_text="One line per failure or warning.")
    error = models.TextField(blank=True, help_text="Why the job itself stopped, when it failed.")
    started_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_at:%Y-%m-%d %H:%M} ({self.state})"
