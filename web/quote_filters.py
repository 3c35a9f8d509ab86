"""The quotes behind the search page's results: what its download and the API's quote list give.

`QuoteFilter` takes the search page's query string (web.filters.StatementFilter: speaker,
words, dates, outlet, drift) and gives Quotes:
- speaker, words and the dates find Statements exactly as the search page does (its own
  filter methods run, so the rules live in one place), and the visible quotes of those
  Statements are kept, under whichever speaker each outlet named;
- outlet and drift keep only the quotes that outlet printed, and only of that class:
  filtered by an outlet, a result is that outlet's wording;
- with none of these, every visible quote, those in no Statement too (reported speech,
  quotes not yet clustered);
- kind, statement and article (ids) narrow further; they are not on the search page.
The search page's `sort` does not apply: the download lists quotes Statement by
Statement, the API in id order.
"""

import django_filters

from quotes.models import Quote, Statement
from quotes.services.search import matching_statements
from web.filters import StatementFilter

# The filters that find Statements; the others are read per quote.
STATEMENT_FILTERS = ("speaker", "words", "said_from", "said_to")


class QuoteFilter(StatementFilter):
    sort = None
    kind = django_filters.ChoiceFilter(label="Kind", choices=Quote.Kind.choices, field_name="kind")
    statement = django_filters.NumberFilter(label="Statement id", field_name="statement")
    article = django_filters.NumberFilter(label="Article id", field_name="article")

    class Meta(StatementFilter.Meta):
        model = Quote

    def filter_queryset(self, queryset):
        values = self.form.cleaned_data
        asked = [name for name in STATEMENT_FILTERS if given(values.get(name))]
        if asked:
            statements = Statement.objects.visible()
            for name in asked:
                if name != "words":  # the words step runs last, as on the search page
                    statements = self.filters[name].filter(statements, values[name])
            if "words" in asked:
                narrowed = any(name != "words" for name in asked)
                statements = matching_statements(statements, values["words"], narrowed)
            queryset = queryset.filter(statement__in=statements.order_by().values("pk"))
        if values.get("outlet") is not None:
            queryset = queryset.filter(article__outlet=values["outlet"])
        if values.get("drift"):
            queryset = queryset.filter(drift=values["drift"])
        for name in ("kind", "statement", "article"):
            if given(values.get(name)):
                queryset = self.filters[name].filter(queryset, values[name])
        return queryset


def given(value):
    """A filter value that asks for something: not None, and not blank text."""
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
