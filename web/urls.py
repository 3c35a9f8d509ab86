"""The reader's pages: search, statements and their variants, speakers, outlets, articles."""

from django.urls import path, re_path

from web.page_cache import cached_page
from web.throttling import throttled
from web.views import articles, downloads, indexes, statements

app_name = "web"
urlpatterns = [
    path("", throttled("search")(cached_page(statements.search)), name="search"),
    re_path(
        r"^quotes\.(?P<format>csv|jsonl)$", throttled("search")(downloads.search_results), name="download"
    ),
    path("statements/<int:pk>/", cached_page(statements.statement), name="statement"),
    path("compare/", cached_page(statements.compare), name="compare"),
    path(
        "speaker-suggestions/",
        throttled("search")(cached_page(statements.speaker_suggestions)),
        name="speaker-suggestions",
    ),
    path("speakers/", cached_page(indexes.speaker_list), name="speaker-list"),
    path("articles/", cached_page(indexes.article_list), name="article-list"),
    path("speakers/<slug:slug>/", cached_page(statements.speaker), name="speaker"),
    path("outlets/", cached_page(articles.outlet_list), name="outlet-list"),
    path("outlets/<slug:slug>/", cached_page(articles.outlet), name="outlet"),
    path("articles/<int:pk>/", cached_page(articles.article), name="article"),
]
