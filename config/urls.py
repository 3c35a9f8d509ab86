"""URL map: health and readiness, CSP reports, the editors' admin, the API, the sitemap, the reader's pages."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from config import operations
from web.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path("csp-report/", operations.csp_report, name="csp-report"),
    path("admin/", admin.site.urls),
    path("api/", include("web.api.urls")),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("web.urls")),
]
