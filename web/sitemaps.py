"""The sitemap: every page a search engine or an archive should find, linked
through each model's get_absolute_url like the templates and the admin."""

from django.contrib.sitemaps import Sitemap

from quotes.models import Speaker, Statement
from sources.models import Article, Outlet


class StatementSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Statement.objects.visible().order_by("pk")

    def lastmod(self, statement):
        return statement.created_at


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.order_by("pk").only("pk", "ingested_at")

    def lastmod(self, article):
        return article.ingested_at


class SpeakerSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Speaker.objects.visible().order_by("pk").only("pk", "slug")


class OutletSitemap(Sitemap):
    def items(self):
        return Outlet.objects.order_by("pk").only("pk", "slug")


SITEMAPS = {
    "statements": StatementSitemap,
    "articles": ArticleSitemap,
    "speakers": SpeakerSitemap,
    "outlets": OutletSitemap,
}
