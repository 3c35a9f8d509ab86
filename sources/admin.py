"""Admin for outlets and articles: editors look things up here and follow links to quotes.

Articles come from ingestion, so what ingestion computed (hashes, the source, the
cleaned body) is read-only and articles are not added here; an editor fixes an
outlet's name or an article's title, date or byline. Every change is kept in django-simple-history.
"""
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from quotes.models import Quote

from .models import Article, Outlet


def changelist_link(model, text, **filters):
    """A link to model's admin list, filtered by the given lookups."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return format_html('<a href="{}?{}">{}</a>', url, query, text)


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ["name", "domain", "language", "article_count"]
    list_filter = ["language"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, outlet):
        return changelist_link(Article, outlet.article_total, outlet__id__exact=outlet.pk)


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published", "language", "quote_count"]
    list_filter = ["outlet", "language", "published"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "byline", "source"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    readonly_fields = [
        "quote_count", "body", "source", "content_hash", "extracted_hash", "ingested_at",
    ]
    exclude = ["raw"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_total=Count("quotes"))

    @admin.display(description="quotes", ordering="quote_total")
    def quote_count(self, article):
        return changelist_link(Quote, article.quote_total, article__id__exact=article.pk)
