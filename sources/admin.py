"""Admin for outlets and articles: editors look things up here and follow links to quotes.

Ingestion owns both. Ingesting a story again rewrites its Article from the source
file and manifest, and brings back a deleted Article (without the editors' work on
its quotes); ingestion finds outlets by name. So here articles are read-only and
cannot be deleted (correct the source or its manifest row and ingest again; hide a
junk article's quotes by marking them "not a quotation"), and an outlet's name
cannot be changed (ingestion would open a new outlet under the old name). Editors
may add outlets and set an outlet's domain, language and slug, which ingestion
leaves alone. django-simple-history keeps every change.
"""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Article, Outlet


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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_total=Count("quotes"))

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, article):
        return changelist_link("quotes.Quote", article.quote_total, article__id__exact=article.pk)
