"""The reader's pages: search, statements and their variants, speakers, outlets, articles."""

from django.urls import path

from web.views import articles, indexes, statements

app_name = "web"
urlpatterns = [
    path("", statements.search, name="search"),
    path("statements/<int:pk>/", statements.statement, name="statement"),
    path("compare/", statements.compare, name="compare"),
    path("speaker-suggestions/", statements.speaker_suggestions, name="speaker-suggestions"),
    path("speakers/", indexes.speaker_list, name="speaker-list"),
    path("articles/", indexes.article_list, name="article-list"),
    path("speakers/<slug:slug>/", statements.speaker, name="speaker"),
    path("outlets/", articles.outlet_list, name="outlet-list"),
    path("outlets/<slug:slug>/", articles.outlet, name="outlet"),
    path("articles/<int:pk>/", articles.article, name="article"),
]
