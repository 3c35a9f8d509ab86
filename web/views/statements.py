"""The reader's pages about statements: search, one statement, two wordings compared, a speaker.

Each view builds its querysets with the rows it shows joined or prefetched, so the
number of queries does not grow with the number of rows (tests assert the counts).
List pages load only the columns they show: a quote's 1.5 KB vector and its diff, and
an article's body and raw text, stay in the database. Search results are counted up
to web.paging.COUNT_CAP.

The statement page shows each variant's stored meaning flags (web.meaning), the
outlet's own sentence around fragments and trimmed variants (web.context: a stretch of
the body cut by the database, never the whole body), which variants are wire copies,
and a timeline of when each outlet first printed it (web.timeline); the compare page
computes the flags between its two quotes.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy
from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from quotes.models import Quote, Speaker, Statement, WireCopy
from quotes.services.search import speakers_named
from quotes.text import drift
from sources.models import Outlet
from web import context, markup, meaning
from web.charts import DRIFT_CLASSES
from web.filters import StatementFilter
from web.paging import CappedPaginator
from web.timeline import timeline

PAGE_SIZE = 20
SUGGESTIONS = 10
DRIFT_LABELS = dict(DRIFT_CLASSES)


HEAVY_ARTICLE_COLUMNS = ("article__body", "article__raw")


def carried_quotes():
    """A prefetch of each statement's visible quotes with their outlets, oldest first:
    only what a list row shows (drift class, outlet), not texts, vectors or diffs."""
    quotes = (
        Quote.objects.visible()
        .select_related("article__outlet")
        .only("drift", "statement", "article__published", "article__outlet__name", "article__outlet__slug")
        .order_by("article__published", "article__outlet__name", "pk")
    )
    return Prefetch("quotes", queryset=quotes, to_attr="visible_quotes")


@dataclass(frozen=True)
class StatementRow:
    """A statement in a list, with the outlets that printed it and how (from carried_quotes)."""

    statement: Statement
    outlets: list
    drifts: list

    @classmethod
    def of(cls, statement):
        quotes = statement.visible_quotes
        outlets = {quote.article.outlet.pk: quote.article.outlet for quote in quotes}
        drifts = Counter(quote.drift for quote in quotes)
        return cls(
            statement,
            sorted(outlets.values(), key=lambda outlet: outlet.name),
            [(value, label, drifts[value]) for value, label in DRIFT_CLASSES if drifts[value]],
        )


def search(request):
    """The home page: statements filtered by the search form, paginated."""
    filterset = StatementFilter(request.GET, queryset=Statement.objects.visible())
    if not filterset.is_valid():
        context = {"filterset": filterset, "page": None, "rows": []}
        return render(request, "web/search.html", context, status=400)
    statements = filterset.qs.prefetch_related(carried_quotes())
    page = CappedPaginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/search.html",
        {
            "filterset": filterset,
            "page": page,
            "rows": [StatementRow.of(statement) for statement in page],
        },
    )


def speaker_suggestions(request):
    """<option>s for the speaker box's <datalist>: speakers whose name or alias matches."""
    typed = request.GET.get("speaker", "").strip()[:200]
    speakers = []
    if typed:
        speakers = (
            Speaker.objects.visible()
            .filter(pk__in=speakers_named(typed))
            .annotate(statement_count=Count("statements", distinct=True))
            .order_by("-statement_count", "name")[:SUGGESTIONS]
        )
    return render(request, "web/speaker_suggestions.html", {"speakers": speakers})


def statement(request, pk):
    """One statement: its canonical wording and every variant, differences marked."""
    statement = get_object_or_404(
        Statement.objects.visible()
        .select_related("canonical_quote__article__outlet")
        .defer("canonical_quote__embedding", "canonical_quote__diff", "canonical_quote__article__body")
        .defer("canonical_quote__article__raw"),
        pk=pk,
    )
    quotes = list(
        Quote.objects.visible()
        .filter(statement=statement)
        .with_context_window()
        .select_related("article__outlet", "speaker", f"{WIRE_ORIGINAL}__outlet")
        .defer("embedding", *HEAVY_ARTICLE_COLUMNS, *(f"{WIRE_ORIGINAL}__{c}" for c in ("body", "raw")))
        .order_by("article__published", "article__outlet__name", "pk")
    )
    if not quotes:  # its counter is ahead of a re-extraction that deleted its quotes
        raise Http404("No visible quote in this statement")
    canonical = visible_canonical(statement)
    first = canonical or quotes[0]
    meaning.annotate_variants(quotes)
    context.attach(quotes)
    mark_wire_copies(quotes)
    outlets = sorted({quote.article.outlet for quote in quotes}, key=lambda o: o.name)
    copying = {quote.article.outlet for quote in quotes if quote.copied_from is not None}
    return render(
        request,
        "web/statement.html",
        {
            "statement": statement,
            "variants": [(quote, markup.variant_html(quote.diff)) for quote in quotes],
            "outlets": outlets,
            "copying_outlets": sorted(copying, key=lambda o: o.name),
            "timeline": timeline(quotes, DRIFT_LABELS),
            "attributions": attributions(quotes) if statement.has_conflict else [],
            "canonical": canonical,
            "pair": (first, next((quote for quote in quotes if quote != first), first)),
        },
    )


WIRE_ORIGINAL = "article__wire_copy__original"


def mark_wire_copies(quotes):
    """Give each quote `copied_from`: the outlet whose article its own copies (wire copy),
    or None (read from the joined WireCopy row, no query)."""
    for quote in quotes:
        quote.copied_from = WireCopy.outlet_copied(quote.article)


def visible_canonical(statement):
    """The quote that gave the canonical wording, unless an editor hid it."""
    quote = statement.canonical_quote
    return quote if quote is not None and not quote.hidden_by_editor else None


def attributions(quotes):
    """Who each outlet says spoke: (speaker or None, outlets), most outlets first."""
    outlets_by_speaker = defaultdict(set)
    for quote in quotes:
        outlets_by_speaker[quote.speaker].add(quote.article.outlet.name)
    return sorted(
        ((speaker, sorted(names)) for speaker, names in outlets_by_speaker.items()),
        key=lambda item: (-len(item[1]), item[0].name if item[0] else ""),
    )


class CompareForm(forms.Form):
    a = forms.IntegerField(min_value=1, label="First wording")
    b = forms.IntegerField(min_value=1, label="Second wording")


def compare(request):
    """Two printed wordings side by side, marked word by word, with their similarity."""
    form = CompareForm(request.GET)
    if not form.is_valid():
        return render(request, "web/compare.html", {"form": form}, status=400)
    quotes = (
        Quote.objects.visible()
        .with_context_window()
        .select_related("article__outlet", "speaker", "statement")
    )
    left = get_object_or_404(quotes, pk=form.cleaned_data["a"])
    right = get_object_or_404(quotes, pk=form.cleaned_data["b"])
    context.attach([left, right])
    measured = drift.measure(
        left.text,
        right.text,
        variant_kind=right.kind,
        canonical_vector=vector(left),
        variant_vector=vector(right),
    )
    return render(
        request,
        "web/compare.html",
        {
            "form": form,
            "left": left,
            "right": right,
            "left_html": markup.side_html(measured.ops, markup.CANONICAL),
            "right_html": markup.side_html(measured.ops, markup.VARIANT),
            "counts": markup.word_counts(measured.ops),
            "drift": measured,
            "drift_label": Quote.Drift(measured.drift_class).label,
            "meaning_flags": meaning.between(left, right),
        },
    )


def vector(quote):
    """The quote's stored embedding as a float32 array, or None when it has none."""
    if not quote.embedding:
        return None
    return numpy.frombuffer(bytes(quote.embedding), dtype=numpy.float32)


def speaker(request, slug):
    """A speaker: other names, the outlets that quote them, their statements (fragments
    only one outlet printed left out unless ?fragments=on).

    Statements clustered under another speaker (or none) that some outlet still
    attributes to this one are listed apart, so a disputed attribution is visible here.
    """
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases"), slug=slug)
    outlets = (
        Outlet.objects.filter(articles__quotes__speaker=speaker, articles__quotes__hidden_by_editor=False)
        .annotate(quote_count=Count("articles__quotes"))
        .order_by("-quote_count", "name")
    )
    statements = Statement.objects.visible().prefetch_related(carried_quotes())
    show_fragments = request.GET.get("fragments") == "on"
    own = statements.filter(speaker=speaker)
    if not show_fragments:
        own = own.without_lone_fragments()
    page = Paginator(own, PAGE_SIZE).get_page(request.GET.get("page"))
    attributed = Quote.objects.visible().filter(speaker=speaker).order_by().values("statement")
    disputed = statements.filter(pk__in=attributed).exclude(speaker=speaker)
    return render(
        request,
        "web/speaker.html",
        {
            "speaker": speaker,
            "show_fragments": show_fragments,
            "outlets": outlets,
            "page": page,
            "rows": [StatementRow.of(statement) for statement in page],
            "disputed_rows": [StatementRow.of(statement) for statement in disputed],
        },
    )
