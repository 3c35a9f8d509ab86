"""The API's filters: the search page's for statements and quotes, names and dates for the rest."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from quotes.models import Speaker
from quotes.services.search import speakers_named
from sources.models import Article, Outlet
from web.filters import DateInput, StatementFilter

# The outlet filter takes a slug, a string; drf-spectacular cannot tell that from a filter
# that runs a method, and would warn on every schema (and `check --deploy`) otherwise. The
# filter object is the one StatementFilter and its subclasses share, so this names it once.
extend_schema_field(OpenApiTypes.STR)(StatementFilter.base_filters["outlet"])


class StatementApiFilter(StatementFilter):
    """The search page's filters; lists come in id order (pagination.py), so no `sort`."""

    sort = None


class SpeakerFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        method="filter_name", max_length=200, help_text="Part of the name or of another name for them."
    )

    class Meta:
        model = Speaker
        fields = ["kind"]

    def filter_name(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(pk__in=speakers_named(value)) if value else queryset


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.all(), to_field_name="slug")
    published_from = django_filters.DateFilter(field_name="published", lookup_expr="gte", widget=DateInput)
    published_to = django_filters.DateFilter(field_name="published", lookup_expr="lte", widget=DateInput)

    class Meta:
        model = Article
        fields = ["language"]
