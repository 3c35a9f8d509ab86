"""Admin for outlets and articles: editors look things up here, follow links to quotes, and
add articles.

Ingestion owns both. Ingesting a story again rewrites its Article from the source
file and manifest, and brings back a deleted Article (without the editors' work on
its quotes); ingestion finds outlets by name. So here articles are read-only and
cannot be deleted (correct the source or its manifest row and ingest again; hide a
junk article's quotes by marking them "not a quotation"), and an outlet's name
cannot be changed (ingestion would open a new outlet under the old name). Editors
may add outlets and set an outlet's domain, language and slug, which ingestion
leaves alone. django-simple-history keeps every change.

"Add article" (editors with "Can add article") takes a web address to fetch, a file
(.txt, .html or .jsonl) or pasted text, and optionally the title, outlet, date, byline
and the article's address, which win over what the page or file says. It goes through
the same ingestion as `manage.py ingest` (sources.services.ingestion, sources.text.fetch)
and asks the quotes app, through sources.signals.ingest_requested, to extract the quotes
and record the job, as the command does. Then the new article's page opens, or the form
comes back with the reason it failed, in one line.
"""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Article, Outlet
from sources.services.ingestion import FAILED, NEW, ingest_records
from sources.signals import ingest_requested
from sources.text.fetch import TIMEOUT as FETCH_TIMEOUT
from sources.text.fetch import read_url
from sources.text.formats import SUPPORTED_SUFFIXES, Received, read_data
from sources.text.manifest import ManifestRow


def changelist_link(label, text, **filters):
    """A link to the admin list of the model named "app_label.model" (by URL name, so this
    app links to the quotes app without importing it), filtered by the given lookups."""
    app_label, model_name = label.lower().split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return format_html('<a href="{}?{}">{}</a>', url, query, text)


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ["name", "domain", "language", "article_count"]
    list_filter = ["language"]
    search_fields = ["name", "domain"]

    def get_readonly_fields(self, request, obj=None):
        return ["name"] if obj is not None else []

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name"]} if obj is None else {}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, outlet):
        return changelist_link("sources.Article", outlet.article_total, outlet__id__exact=outlet.pk)


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published", "language", "quote_count"]
    list_filter = ["outlet", "language", "published"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "byline", "source"]
    date_hierarchy = "published"
    fields = [
        "title",
        "outlet",
        "published",
        "byline",
        "language",
        "url",
        "quote_count",
        "source",
        "content_hash",
        "extracted_hash",
        "ingested_at",
        "body",
    ]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_total=Count("quotes"))

    def add_view(self, request, form_url="", extra_context=None):
        """ "Add article": fetch a page, read a file or take pasted text, then extract."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = AddArticleForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            added = add_articles(form, request.user)
            for line in added.lines:
                self.message_user(request, line, messages.WARNING)
            if added.article is not None:
                self.message_user(request, added.outcome, messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:sources_article_change", args=[added.article.pk]))
            form.add_error(None, added.outcome)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Add article",
            "form": form,
            "has_view_permission": self.has_view_permission(request),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/sources/article/add_article.html", context)

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, article):
        return changelist_link("quotes.Quote", article.quote_total, article__id__exact=article.pk)


class AddArticleForm(forms.Form):
    """One of: a web address to fetch, a file, or the text; then what the editor knows of it."""

    SOURCES = ("page", "file", "text")

    page = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="Web address to fetch",
        help_text="The article's page; its text, title, outlet and date are read from it.",
    )
    file = forms.FileField(
        required=False, label="or a file", help_text=".txt, .html or .jsonl (one article a line)"
    )
    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        label="or the article's text",
        help_text="Paragraphs between blank lines; the first line is the title unless one is given.",
    )
    title = forms.CharField(required=False, max_length=500)
    outlet = forms.CharField(required=False, max_length=200, help_text="Its name; a new one is created.")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    byline = forms.CharField(required=False, max_length=300)
    url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="The article's address",
        help_text="For a file or text: where it was published.",
    )

    def source_fields(self):
        return [self[name] for name in self.SOURCES]

    def detail_fields(self):
        return [field for field in self if field.name not in self.SOURCES]

    def clean(self):
        cleaned = super().clean()
        given = [name for name in self.SOURCES if cleaned.get(name) and str(cleaned[name]).strip()]
        if len(given) != 1:
            raise forms.ValidationError("Give one of: a web address to fetch, a file, or the text.")
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return upload
        if Path(upload.name).suffix.lower() not in SUPPORTED_SUFFIXES:
            raise forms.ValidationError("Use a .txt, .html or .jsonl file.")
        if upload.size > settings.VERBATIM_INGEST_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size} bytes, over the {settings.VERBATIM_INGEST_MAX_BYTES}-byte limit."
            )
        return upload


class Added:
    """What an "add article" did: the article to open (or None), a one-line outcome, and
    the failure and warning lines."""

    def __init__(self, report, lines):
        self.lines = lines
        self.article = report.changed[0] if report.changed else None
        if self.article is not None:
            how = "new" if report.counts[NEW] else "updated"
            found = self.article.quotes.count()  # the quotes app's rows, by their reverse relation
            self.outcome = f"Stored “{self.article.title}” ({how}): {found} quotation(s) found."
        elif report.counts[FAILED]:
            self.outcome = "Nothing was stored: " + (lines[-1] if lines else "the input failed.")
            self.lines = lines[:-1]
        else:
            self.outcome = "Nothing new: this article is stored already."


def add_articles(form, user):
    """Store what the form holds (through the quotes app, which extracts and records the job)."""
    data = form.cleaned_data
    published = data["published"].isoformat() if data["published"] else ""
    row = ManifestRow(outlet=data["outlet"], published=published)
    by = f"added in the admin by {user.get_username()}"
    if data["page"]:
        description = data["page"]
        records = read_url(data["page"], settings.VERBATIM_INGEST_MAX_BYTES, fetch_timeout())
    elif data["file"]:
        upload = data["file"]
        description = upload.name
        row = ManifestRow(outlet=row.outlet, published=row.published, url=data["url"])
        records = read_data(upload.read(), f"{upload.name} ({by})", Path(upload.name).suffix.lower())
    else:
        description = "pasted text"
        row = ManifestRow(outlet=row.outlet, published=row.published, url=data["url"])
        source = f"pasted text ({by})"
        records = [Received(path=source, source=source, raw=data["text"], text=data["text"])]
    lines = []

    def store(tell):
        return ingest_records(records, row=row, title=data["title"], byline=data["byline"], on_message=tell)

    answers = ingest_requested.send(Article, store=store, description=description, on_message=lines.append)
    report = answers[0][1].report if answers else store(lines.append)
    return Added(report, lines)


def fetch_timeout():
    return getattr(settings, "VERBATIM_FETCH_TIMEOUT", None) or FETCH_TIMEOUT
