from django.urls import path

from quotes import views

app_name = "quotes"
urlpatterns = [
    path("", views.search, name="search"),
    path("statements/<int:pk>/", views.statement, name="statement"),
    path("compare/", views.compare, name="compare"),
    path("speaker-suggestions/", views.speaker_suggestions, name="speaker-suggestions"),
    path("speakers/<slug:slug>/", views.speaker, name="speaker"),
]
