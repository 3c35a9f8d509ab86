"""/api/: the resources, the API root that lists them, and the OpenAPI schema.

Ids are digits and slugs are slugs in the URL patterns; any other /api/ address is answered
with a JSON 404, as an API client expects, rather than the reader's HTML page.
"""

from django.http import JsonResponse
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from web.api import views

app_name = "api"
router = DefaultRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("articles", views.ArticleViewSet, basename="article")


def not_found(request):
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
    re_path(r"^", not_found),
]
