"""Read-only viewsets, one per resource: a queryset with what its records show joined, a
serializer, a filter. Each list page costs a fixed number of queries (tests assert them)."""

from rest_framework.viewsets import ReadOnlyModelViewSet

from quotes.models import Quote, Speaker, Statement
from quotes.services.export import with_record_columns
from sources.models import Article, Outlet
from web.api import serializers
from web.api.filters import ArticleFilter, SpeakerFilter, StatementApiFilter
from web.api.pagination import IdCursorPagination
from web.quote_filters import QuoteFilter


class ApiViewSet(ReadOnlyModelViewSet):
    pagination_class = IdCursorPagination
    lookup_value_regex = r"[0-9]+"


class StatementViewSet(ApiViewSet):
    """Statements a reader may see, filtered as on the search page."""

    queryset = Statement.objects.visible()
    serializer_class = serializers.StatementSerializer
    filterset_class = StatementApiFilter


class QuoteViewSet(ApiViewSet):
    """Quotes a reader may see: with the search page's filters, the quotes behind its results."""

    queryset = with_record_columns(Quote.objects.visible())
    serializer_class = serializers.QuoteSerializer
    filterset_class = QuoteFilter


class SpeakerViewSet(ApiViewSet):
    """Speakers with at least one visible quote or statement."""

    queryset = Speaker.objects.visible().prefetch_related("aliases")
    serializer_class = serializers.SpeakerSerializer
    filterset_class = SpeakerFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"


class OutletViewSet(ApiViewSet):
    queryset = Outlet.objects.all()
    serializer_class = serializers.OutletSerializer
    filterset_fields = ["language"]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"


class ArticleViewSet(ApiViewSet):
    queryset = Article.objects.select_related("outlet").defer("body", "raw")
    serializer_class = serializers.ArticleSerializer
    filterset_class = ArticleFilter
