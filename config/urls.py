"""URL map: the reader's pages, then the editors' admin."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sources.urls")),
    path("", include("quotes.urls")),
]
