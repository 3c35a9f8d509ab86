"""The reader's pages: search, statements and their variants, speakers, outlets, articles."""

from django.urls import path, re_path

from web.throttling import throttled
from web.views import articles, downloads, indexes, statements

app_name = "web"
urlpatterns = [
    path("", throttled("search")(statements.search), name="search"),
    re_path(
        r"^quotes\.(?P<format>csv|jsonl)$", throttled("search")(downloads.search_results), name="download"
    ),
    path("statements/<int:pk>/", statements.statement, name="statement"),
    path("compare/", statements.compare, name="compare"),
    path(
        "speaker-suggestions/",
        throttled("search")(statements.speaker_suggestions),
        name="speaker-suggestions",
    ),
    path("speakers/", indexes.speaker_list, name="speaker-list"),
    path("articles/", indexes.article_list, name="article-list"),
    path("speakers/<slug:slug>/", statements.speaker, name="speaker"),
    path("outlets/", articles.outlet_list, name="outlet-list"),
    path("outlets/<slug:slug>/", articles.outlet, name="outlet"),
    path("articles/<int:pk>/", articles.article, name="article"),
]
