"""Admin where editors correct attributions: speakers, quotes and statements.

Actions and change forms go through quotes.services.editing, which marks every change as the
editor's so that no rerun of extraction or clustering overwrites it. An action that
needs a target (a speaker, a statement, the speaker to keep) takes it from a field
beside the action menu, with autocomplete. History (who changed what, when, and by
which action) is kept by django-simple-history and shown under "History".

What the pipeline computes (offsets, the quoted text, drift, summary counts) is
read-only. Quotes and Statements cannot be added or deleted here: a rerun would bring
back a deleted quote, so an editor marks it "not a quotation" instead, splits quotes
off to make a new Statement, and merges Statements (which removes the ones emptied).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from quotes.review_admin import review_urls
from quotes.services import editing, jobs
from sources.admin import changelist_link

from .models import Job, Quote, Speaker, SpeakerAlias, Statement

CONTEXT_CHARACTERS = 300
LIST_TEXT = 70  # characters of a quote the list shows before "…" (one to two lines at 1366 px)

admin.site.site_header = "Verbatim editors"
admin.site.site_title = "Verbatim editors"
admin.site.index_title = "Attributions, quotes and sources"
# The admin's navigation sidebar took 300 px of every list: at 1366 px the quote list's
# drift column was cut off. The breadcrumbs and the index page lead everywhere it did.
admin.site.enable_nav_sidebar = False


def admin_link(obj, text=None):
    """A link to obj's admin change page, or a dash when there is none."""
    if obj is None:
        return "—"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else obj)


def count_of(model, field):
    """A subquery counting model's rows whose field points at the outer row (0 when none)."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def autocomplete(field, label):
    """An optional choice of field's related model, with the admin's autocomplete widget."""
    return forms.ModelChoiceField(
        queryset=field.related_model.objects.all(),
        required=False,
        label=label,
        widget=AutocompleteSelect(field, admin.site),
    )


def shorten(text, limit=90):
    """text cut to limit characters for a list column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chosen(model_admin, request, name):
    """The object picked in the action form's field name, or None after telling the editor."""
    field = model_admin.action_form.base_fields[name]
    try:
        value = field.clean(request.POST.get(name) or None)
    except ValidationError:
        value = None
    if value is None:
        model_admin.message_user(
            request, f"Choose the {field.label.lower()} beside the action first.", messages.ERROR
        )
    return value


def report(model_admin, request, edit, done):
    """Run edit(); tell the editor done(result), or why nothing changed."""
    try:
        result = edit()
    except editing.EditError as error:
        model_admin.message_user(request, str(error), messages.ERROR)
    else:
        model_admin.message_user(request, done(result), messages.SUCCESS)


class SpeakerMergeForm(ActionForm):
    keep = autocomplete(SpeakerAlias._meta.get_field("speaker"), "Speaker to keep")


class AliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "description", "quote_count", "statement_count", "edited_by_editor"]
    list_filter = ["kind", "edited_by_editor"]
    search_fields = ["name", "aliases__alias", "description"]
    readonly_fields = ["slug", "edited_by_editor"]
    inlines = [AliasInline]
    action_form = SpeakerMergeForm
    actions = ["merge_into_chosen"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_total=count_of(Quote, "speaker"),
                statement_total=count_of(Statement, "speaker"),
            )
        )

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, speaker):
        return changelist_link("quotes.Quote", speaker.quote_total, speaker__id__exact=speaker.pk)

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, speaker):
        return changelist_link("quotes.Statement", speaker.statement_total, speaker__id__exact=speaker.pk)

    def has_delete_permission(self, request, obj=None):
        """A speaker who has quotes is merged, not deleted: extraction would bring it back."""
        if obj is not None and obj.quotes.exists():
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        editing.save_speaker_form(obj, form.changed_data)

    def save_formset(self, request, form, formset, change):
        for alias_form in formset.initial_forms:
            if alias_form.has_changed():
                editing.keep_baseline(alias_form.instance)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Merge the selected speakers into the speaker to keep", permissions=["delete"])
    def merge_into_chosen(self, request, queryset):
        keep = chosen(self, request, "keep")
        if keep is not None:
            report(
                self,
                request,
                lambda: editing.merge_speakers(keep, queryset),
                lambda result: (
                    f"Merged {result.speakers_removed} speaker(s) into {keep}: "
                    f"{result.aliases_moved} alias(es), {result.quotes_moved} quote(s) and "
                    f"{result.statements_moved} statement(s) moved."
                ),
            )


class QuoteActionForm(ActionForm):
    speaker = autocomplete(Quote._meta.get_field("speaker"), "Speaker")
    statement = autocomplete(Quote._meta.get_field("statement"), "Statement")


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    # Readable at 1366 px and at 390 px (quotes/static/quotes/admin.css): the text is cut
    # to one or two lines and opens in place (<details>, its full text also on hover), the
    # speaker and its method share a column, so do the outlet and article, "not a
    # quotation" shows in the doubt column, and on a phone each row is a card.
    list_display = [
        "id",
        "quote_text",
        "attribution",
        "source",
        "statement_link",
        "drift_class",
        "doubt_percent",
    ]
    list_display_links = ["id"]
    change_list_template = "admin/quotes/quote/review_change_list.html"
    list_filter = [
        "speaker_method",
        "drift",
        "kind",
        "hidden_by_editor",
        "statement_set_by_editor",
        "article__outlet",
    ]
    list_select_related = ["article__outlet", "speaker", "statement"]
    search_fields = ["text", "speaker__name", "speaker_mention", "article__title"]
    autocomplete_fields = ["speaker", "statement"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "text",
                    "in_context",
                    "article_link",
                    "kind",
                    "quotation",
                    "sentence",
                    "start",
                    "end",
                    "hidden_by_editor",
                ]
            },
        ),
        (
            "Speaker",
            {
                "fields": [
                    "speaker",
                    "speaker_mention",
                    "speaker_method",
                    "speaker_confidence",
                    "speaker_step",
                    "speaker_doubts",
                ]
            },
        ),
        (
            "Statement",
            {
                "fields": [
                    "statement",
                    "statement_set_by_editor",
                    "drift",
                    "lexical_similarity",
                    "embedding_similarity",
                ]
            },
        ),
    ]
    readonly_fields = [
        "text",
        "in_context",
        "article_link",
        "kind",
        "quotation",
        "sentence",
        "start",
        "end",
        "speaker_mention",
        "speaker_method",
        "speaker_confidence",
        "speaker_step",
        "speaker_doubts",
        "statement_set_by_editor",
        "drift",
        "lexical_similarity",
        "embedding_similarity",
    ]
    action_form = QuoteActionForm
    actions = [
        "set_speaker",
        "move_to_statement",
        "split_into_new_statement",
        "pin_as_canonical",
        "mark_not_a_quote",
    ]

    class Media:
        css = {"all": ["quotes/admin.css"]}

    def get_urls(self):
        return review_urls(self) + super().get_urls()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, quote):
        """The quote among its Statement's versions, else in its article."""
        if quote.statement_id is not None and not quote.hidden_by_editor:
            return f"{quote.statement.get_absolute_url()}#variant-{quote.pk}"
        return f"{quote.article.get_absolute_url()}#quote-{quote.pk}"

    @admin.display(description="text", ordering="text")
    def quote_text(self, quote):
        """The text cut to one line, the whole of it on hover and when opened."""
        if len(quote.text) <= LIST_TEXT:
            return format_html('<span class="quote-text">{}</span>', quote.text)
        return format_html(
            '<details class="quote-text"><summary title="{}">{}</summary>{}</details>',
            quote.text,
            shorten(quote.text, LIST_TEXT),
            quote.text,
        )

    @admin.display(description="speaker", ordering="speaker__name")
    def attribution(self, quote):
        return format_html(
            '{}<span class="method">{}</span>', quote.speaker or "—", quote.get_speaker_method_display()
        )

    @admin.display(description="outlet · article", ordering="article__outlet__name")
    def source(self, quote):
        return format_html(
            '<span class="outlet">{}</span> {}',
            quote.article.outlet,
            admin_link(quote.article, shorten(quote.article.title, 40)),
        )

    @admin.display(description="drift", ordering="drift")
    def drift_class(self, quote):
        if not quote.drift:
            return "—"
        return format_html('<span class="drift drift-{}">{}</span>', quote.drift, quote.get_drift_display())

    @admin.display(description="doubt", ordering="-doubt")
    def doubt_percent(self, quote):
        """The review queue's score, with its reasons on hover."""
        if quote.hidden_by_editor:
            return "not a quotation"
        if quote.speaker_set_by_editor:
            return "checked"
        return format_html(
            '<span title="{}">{}%</span>', " · ".join(quote.reason_codes), round(quote.doubt * 100)
        )

    @admin.display(description="article", ordering="article__title")
    def article_link(self, quote):
        return admin_link(quote.article, shorten(quote.article.title, 50))

    @admin.display(description="in its article")
    def in_context(self, quote):
        """The quote marked in the article text around it, to judge it by."""
        body = quote.article.body
        before = body[max(0, quote.start - CONTEXT_CHARACTERS) : quote.start]
        after = body[quote.end : quote.end + CONTEXT_CHARACTERS]
        return format_html("…{}<mark>{}</mark>{}…", before, body[quote.start : quote.end], after)

    @admin.display(description="statement", ordering="statement")
    def statement_link(self, quote):
        return admin_link(quote.statement, quote.statement_id)

    def save_model(self, request, obj, form, change):
        editing.save_quote_form(obj, form.changed_data)

    @admin.action(description="Set the speaker of the selected quotes", permissions=["change"])
    def set_speaker(self, request, queryset):
        speaker = chosen(self, request, "speaker")
        if speaker is not None:
            count = editing.set_speaker(queryset, speaker, editor=request.user)
            self.message_user(request, f"{count} quote(s) now attributed to {speaker}.", messages.SUCCESS)

    @admin.action(description="Move the selected quotes to the statement", permissions=["change"])
    def move_to_statement(self, request, queryset):
        statement = chosen(self, request, "statement")
        if statement is not None:
            report(
                self,
                request,
                lambda: editing.move_quotes(queryset, statement),
                lambda count: f"{count} quote(s) moved to statement {statement.pk}.",
            )

    @admin.action(description="Split the selected quotes into a new statement", permissions=["change"])
    def split_into_new_statement(self, request, queryset):
        report(
            self,
            request,
            lambda: editing.split_quotes(queryset),
            lambda statement: format_html(
                "Split into a new statement: {}.", admin_link(statement, statement.pk)
            ),
        )

    @admin.action(
        description="Pin the selected quote as its statement's canonical wording", permissions=["change"]
    )
    def pin_as_canonical(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one quote to pin.", messages.ERROR)
            return
        report(
            self,
            request,
            lambda: editing.pin_canonical(queryset.get()),
            lambda statement: f"Pinned as the canonical wording of statement {statement.pk}.",
        )

    @admin.action(description="Mark the selected quotes as not a quotation", permissions=["change"])
    def mark_not_a_quote(self, request, queryset):
        count = editing.mark_not_a_quote(queryset, editor=request.user)
        self.message_user(request, f"{count} quote(s) marked as not a quotation.", messages.SUCCESS)


class QuoteInline(admin.TabularInline):
    """The statement's quotes, read-only; editors act on them from the quote list."""

    model = Quote
    fk_name = "statement"
    fields = ["quote_link", "outlet", "speaker", "speaker_method", "drift", "hidden_by_editor"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__outlet", "speaker")

    @admin.display(description="quote")
    def quote_link(self, quote):
        return admin_link(quote, quote.text)

    @admin.display(description="outlet")
    def outlet(self, quote):
        return quote.article.outlet


class StatementForm(forms.ModelForm):
    """Offers as canonical quote only the statement's own quotes."""

    class Meta:
        model = Statement
        fields = ["speaker", "canonical_text", "canonical_quote", "wording_pinned"]
        widgets = {"canonical_text": forms.Textarea(attrs={"rows": 3, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = Quote.objects.filter(statement=self.instance.pk, hidden_by_editor=False)
        self.fields["canonical_quote"].queryset = own.select_related("article__outlet")
        self.fields["canonical_quote"].label_from_instance = lambda quote: (
            f"{quote.article.outlet}: {quote.text}"
        )


class StatementMergeForm(ActionForm):
    keep = autocomplete(Quote._meta.get_field("statement"), "Statement to keep")


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    form = StatementForm
    action_form = StatementMergeForm
    actions = ["merge_into_chosen"]
    list_display = [
        "short_text",
        "speaker",
        "quote_count",
        "outlet_count",
        "first_seen",
        "wording_pinned",
        "has_conflict",
        "created_by_editor",
    ]
    list_filter = [
        "wording_pinned",
        "has_conflict",
        "speaker_set_by_editor",
        "created_by_editor",
        "first_seen",
    ]
    list_select_related = ["speaker"]
    search_fields = ["canonical_text", "quotes__text", "speaker__name"]
    autocomplete_fields = ["speaker"]
    readonly_fields = [
        "quote_list",
        "quote_count",
        "outlet_count",
        "first_seen",
        "has_conflict",
        "speaker_set_by_editor",
        "created_by_editor",
        "created_at",
    ]
    fields = [
        "speaker",
        "speaker_set_by_editor",
        "canonical_text",
        "canonical_quote",
        "wording_pinned",
        "quote_list",
        "quote_count",
        "outlet_count",
        "first_seen",
        "has_conflict",
        "created_by_editor",
        "created_at",
    ]
    inlines = [QuoteInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="canonical wording", ordering="canonical_text")
    def short_text(self, statement):
        return shorten(statement.canonical_text)

    @admin.action(
        description="Merge the selected statements into the statement to keep", permissions=["change"]
    )
    def merge_into_chosen(self, request, queryset):
        keep = chosen(self, request, "keep")
        if keep is not None:
            report(
                self,
                request,
                lambda: editing.merge_statements(keep, queryset),
                lambda moved: f"{moved} quote(s) moved into statement {keep.pk}.",
            )

    @admin.display(description="quotes")
    def quote_list(self, statement):
        return changelist_link(
            "quotes.Quote", "Act on these quotes in the quote list", statement__id__exact=statement.pk
        )

    def save_model(self, request, obj, form, change):
        editing.save_statement_form(obj, form.changed_data)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Recent ingest, extract and cluster runs (quotes.services.jobs): read-only."""

    list_display = ["started_at", "kind", "via", "state_shown", "counted", "failures", "took", "description"]
    list_filter = ["kind", "state", "via"]
    search_fields = ["description", "task_id", "summary", "messages", "error"]
    date_hierarchy = "started_at"
    fields = [
        ("kind", "via", "state_shown"),
        ("started_at", "finished_at", "took"),
        "description",
        "summary",
        ("counts", "failures"),
        "messages",
        "error",
        ("task_id", "host", "pid"),
    ]
    readonly_fields = ["state_shown", "took"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="state", ordering="state")
    def state_shown(self, job):
        return (
            "interrupted? (its process is gone)" if jobs.seems_interrupted(job) else job.get_state_display()
        )

    @admin.display(description="counts")
    def counted(self, job):
        return ", ".join(f"{number} {outcome}" for outcome, number in job.counts.items() if number) or "—"

    @admin.display(description="took")
    def took(self, job):
        return f"{(job.finished_at - job.started_at).total_seconds():.1f} s" if job.finished_at else "—"
