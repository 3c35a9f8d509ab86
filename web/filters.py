"""The search form of the home page: Statements by speaker, words, outlet, date and drift.

"Meaning changed" keeps the statements with a variant that carries a meaning-change
flag (Quote.meaning_changed, stored by quotes.services.variants). Statements one outlet
alone printed, and only as fragments, are left out unless "show fragments only one
outlet printed" is ticked (Statement.objects.without_lone_fragments()).

A speaker matches by name or alias, as a statement's speaker or as the speaker any
outlet named for one of its quotes, so a statement whose attribution is disputed is
found under each name the outlets gave. The two ways are a UNION of statement ids
(each read from its own index), not `speaker IN (…) OR EXISTS (…)`, which PostgreSQL
could only answer by testing all 352,813 statements at 1,000,000 quotes (2 s; the
UNION 110 ms). The speakers a name matches are read first, by the query that tells
whether any does, and the UNION is given their ids: given the names' lookup as a
subquery, PostgreSQL guessed a trigram LIKE ("rash": 25 speakers) would match 405 and
read all 353,013 statements for it (EXPLAIN ANALYZE at 1,000,000 quotes: page 675 ms,
count 66 ms; with the ids 15 and 6 ms).

An outlet keeps the statements one of whose visible quotes comes from its articles: an
EXISTS answered on PostgreSQL from two covering indexes (migration 0013), without
reading a quote or an article row. On SQLite the same statements are listed once, from
the outlet's articles to their quotes (`pk IN (…)`, which SQLite reads into a set): as
an EXISTS it walked each statement's quotes and their articles for every statement it
tested, and a word search tests one per matching quote (100,000 quotes, "all" in one
outlet: the newest-matches query 30.8 -> 11.0 ms, same 444 rows).

Words: phrases, OR and -exclusions, stemmed alike on both databases
(quotes.services.search). "By meaning too" (`match=meaning`) adds the statements
nearest the words in meaning, below those that hold them (rank fusion); the words
step runs after every other filter, so the meaning search looks only among the
statements the other filters leave. A speaker name that matches no name or alias is
read as a misspelling: the closest names stand in (`corrected_speakers` lists them
for the page to say so).

Every value lives in the query string, so a search is a link that can be shared.
Bad values (an unknown outlet or drift class, a malformed date, a range that ends
before it starts) become form errors; the search then shows no results rather than
guessing.
"""

import logging

import django_filters
from django import forms
from django.db import connections
from django.db.models import Exists, F, OuterRef
from django.urls import reverse_lazy

from quotes.models import Quote, Statement
from quotes.services.clustering import ModelUnavailable
from quotes.services.meaning_index import MeaningUnavailable
from quotes.services.search import fused_statements, speakers_named, speakers_resembling, word_search
from sources.models import Outlet
from web.field_html import FieldGroupsInPython
from web.widgets import ListSelect

SORTS = {
    "outlets": ("-outlet_count", F("first_seen").desc(nulls_last=True), "id"),
    "newest": (F("first_seen").desc(nulls_last=True), "-outlet_count", "id"),
    "oldest": (F("first_seen").asc(nulls_last=True), "-outlet_count", "id"),
}

log = logging.getLogger(__name__)
LAST = ("words", "match", "sort")
"""Filters StatementFilter.filter_queryset applies after all the others, in this order."""


class DateInput(forms.DateInput):
    input_type = "date"


class StatementSearchForm(forms.Form):
    date_range = ("said_from", "said_to")
    default_renderer = FieldGroupsInPython()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = (cleaned.get(name) for name in self.date_range)
        if start and end and start > end:
            raise forms.ValidationError("The “from” date must not be after the “to” date.")
        return cleaned


class TickBoxFilter(django_filters.BooleanFilter):
    """A tick box: unticked (or absent from the query string) is False, not "unknown", so
    the filter's method runs either way and can apply a default."""

    field_class = forms.BooleanField


class StatementFilter(django_filters.FilterSet):
    speaker = django_filters.CharFilter(
        label="Speaker",
        method="filter_speaker",
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "role": "combobox",
                "aria-controls": "speaker-options",
                "aria-expanded": "false",
                "aria-autocomplete": "list",
                "autocomplete": "off",
                "data-suggest-url": reverse_lazy("web:speaker-suggestions"),
            }
        ),
        help_text="A name or another name for them, such as a title.",
    )
    words = django_filters.CharFilter(
        label="Words",
        method="keep",
        max_length=300,
        help_text='Found in any outlet\'s wording. "A phrase", this OR that, -leave out.',
    )
    match = django_filters.ChoiceFilter(
        label="Find",
        choices=[("meaning", "Words and meaning")],
        method="keep",
        empty_label="These words only",
        widget=ListSelect,
        help_text="Meaning: also statements that say the same thing in other words.",
    )
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet",
        queryset=Outlet.objects.all(),
        to_field_name="slug",
        method="filter_outlet",
        empty_label="Any outlet",
        widget=ListSelect,
    )
    said_from = django_filters.DateFilter(
        label="First reported from",
        field_name="first_seen",
        lookup_expr="gte",
        widget=DateInput,
    )
    said_to = django_filters.DateFilter(
        label="First reported to",
        field_name="first_seen",
        lookup_expr="lte",
        widget=DateInput,
    )
    drift = django_filters.ChoiceFilter(
        label="Printed",
        choices=Quote.Drift.choices,
        method="filter_drift",
        empty_label="In any form",
        widget=ListSelect,
        help_text="At least one outlet printed it this way.",
    )
    meaning = TickBoxFilter(
        label="Meaning changed",
        method="filter_meaning_changed",
        help_text="An outlet's version changes what was said: a negation, a number, a name, a hedge…",
    )
    fragments = TickBoxFilter(
        label="Show fragments only one outlet printed",
        method="filter_lone_fragments",
        help_text="Hidden unless ticked: a phrase one outlet alone quoted says little.",
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[("outlets", "Most outlets"), ("newest", "Newest"), ("oldest", "Oldest")],
        method="sort_statements",
        empty_label="Best match",
        widget=ListSelect,
    )

    class Meta:
        model = Statement
        fields = []
        form = StatementSearchForm

    corrected_speakers: list = []
    meaning_problem = ""
    words_limited = 0  # the words matched so many quotes that only this many, the newest, were read

    def filter_queryset(self, queryset):
        """Every filter, the words (or words and meaning) last, then the order."""
        data = self.form.cleaned_data
        narrowing = {name: value for name, value in data.items() if name not in LAST}
        unfiltered = queryset
        for name, value in narrowing.items():
            queryset = self.filters[name].filter(queryset, value)
        narrowed = any(value not in (None, "", False) for value in narrowing.values())
        words = data.get("words")
        try:
            if data.get("match") == "meaning" and (words or "").strip():
                return self.ordered(fused_statements(queryset, words, narrowed))
        except (MeaningUnavailable, ModelUnavailable) as problem:
            log.warning("meaning search unavailable: %s", problem)
            self.meaning_problem = str(problem)
        found = word_search(queryset, words, narrowed, unfiltered)
        self.words_limited = found.limited
        return self.ordered(found.statements)

    def ordered(self, queryset):
        """The chosen order, where this filter set has one (the API's lists keep id order)."""
        sort = self.filters.get("sort")
        return sort.filter(queryset, self.form.cleaned_data.get("sort")) if sort else queryset

    def filter_speaker(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        speakers = [row["pk"] for row in speakers_named(value)]
        if not speakers:
            self.corrected_speakers = speakers_resembling(value)
            speakers = [pk for pk, _ in self.corrected_speakers]
        said = Statement.objects.filter(speaker__in=speakers).order_by().values("pk")
        attributed = Quote.objects.visible().filter(speaker__in=speakers).order_by().values("statement")
        return queryset.filter(pk__in=said.union(attributed))

    def keep(self, queryset, name, value):
        return queryset

    def filter_outlet(self, queryset, name, value):
        carried = Quote.objects.visible().filter(article__outlet=value)
        if connections[queryset.db].vendor == "sqlite":
            return queryset.filter(pk__in=carried.values("statement"))
        return queryset.filter(Exists(carried.filter(statement=OuterRef("pk"))))

    def filter_drift(self, queryset, name, value):
        printed = Quote.objects.visible().filter(statement=OuterRef("pk"), drift=value)
        return queryset.filter(Exists(printed))

    def filter_meaning_changed(self, queryset, name, value):
        if not value:
            return queryset
        changed = Quote.objects.visible().filter(statement=OuterRef("pk"), meaning_changed=True)
        return queryset.filter(Exists(changed))

    def filter_lone_fragments(self, queryset, name, value):
        return queryset if value else queryset.without_lone_fragments()

    def sort_statements(self, queryset, name, value):
        return queryset.order_by(*SORTS[value])
