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
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from quotes.models import Quote, Speaker, SpeakerAlias, Statement, WireCopy
from quotes.services.search import speakers_named, speakers_resembling
from quotes.text import drift
from quotes.text.search_query import matched_spans, parse
from sources.models import Outlet
from web import context, markup, meaning
from web.charts import DRIFT_CLASSES
from web.filters import StatementFilter
from web.paging import CappedPaginator
from web.timeline import timeline

PAGE_SIZE = 20
SUGGESTIONS = 10
DRIFT_LABELS = dict(DRIFT_CLASSES)
DISPUTED_SHOWN = 50


HEAVY_ARTICLE_COLUMNS = ("article__body", "article__raw")


@dataclass(frozen=True)
class OutletName:
    pk: int
    name: str
    slug: str


@dataclass(frozen=True)
class Printing:
    """One visible quote of a statement as a list row shows it: its wording, kind, drift
    class and outlet (an OutletName, one per outlet on a page)."""

    text: str
    kind: str
    drift: str
    outlet: OutletName

    @property
    def drift_label(self):
        return DRIFT_LABELS.get(self.drift, self.drift)


def printings(statements):
    """{statement id: its visible quotes as Printings, oldest first}, in one query of
    the columns a row shows: model instances for each quote, its article and its outlet
    (3 a quote, 360 on the home page) took 2 ms of the page's CPU. Vectors, diffs and
    article bodies stay in the database."""
    outlets, printed = {}, defaultdict(list)
    rows = (
        Quote.objects.visible()
        .filter(statement__in=[statement.pk for statement in statements])
        .order_by("article__published", "article__outlet__name", "pk")
        .values_list(
            "statement",
            "text",
            "kind",
            "drift",
            "article__outlet",
            "article__outlet__name",
            "article__outlet__slug",
        )
    )
    for statement, text, kind, drift_class, outlet, name, slug in rows:
        if outlet not in outlets:
            outlets[outlet] = OutletName(outlet, name, slug)
        printed[statement].append(Printing(text, kind, drift_class, outlets[outlet]))
    return printed


def canonical_is_reported(canonical_text, printed):
    """Whether a statement's canonical wording is reported speech: the printings that
    read as it (all of them, for a wording an editor wrote) are all reported speech."""
    kinds = {p.kind for p in printed if p.text == canonical_text} or {p.kind for p in printed}
    return kinds == {Quote.Kind.INDIRECT}


@dataclass(frozen=True)
class StatementRow:
    """A statement in a list, with the outlets that printed it and how (its printings).

    With an outlet, the row shows that outlet's wording (its first printing) and drift
    class rather than the canonical wording; with a search query, the words it matched
    are marked (not in a statement found by meaning only, which need not hold them).
    Reported speech is a paraphrase: web.row_html writes it without quote marks. The
    canonical wording is reported speech when the statement holds no quotation
    (quotes.text.grouping.canonical_quote), and `reported` says so.
    """

    statement: Statement
    outlets: list
    drifts: list
    text_html: str
    wording: Printing | None = None
    reported: bool = False

    @property
    def paraphrase(self):
        if self.wording is not None:
            return self.wording.kind == Quote.Kind.INDIRECT
        return self.reported

    @classmethod
    def of(cls, statement, printed, outlet=None, query=None):
        outlets = {printing.outlet.pk: printing.outlet for printing in printed}
        drifts = Counter(printing.drift for printing in printed)
        wording = next((p for p in printed if outlet and p.outlet.pk == outlet.pk), None)
        text = wording.text if wording else statement.canonical_text
        if not getattr(statement, "found_by_words", True):
            query = None
        return cls(
            statement,
            sorted(outlets.values(), key=lambda outlet: outlet.name),
            [(value, label, drifts[value]) for value, label in DRIFT_CLASSES if drifts[value]],
            markup.highlighted_html(text, matched_spans(text, query) if query else []),
            wording,
            canonical_is_reported(statement.canonical_text, printed),
        )


def statement_rows(statements, outlet=None, query=None):
    """A StatementRow for each statement, their printings read in one query."""
    statements = list(statements)
    printed = printings(statements)
    return [StatementRow.of(statement, printed[statement.pk], outlet, query) for statement in statements]


def search(request):
    """The home page: statements filtered by the search form, paginated."""
    filterset = StatementFilter(request.GET, queryset=Statement.objects.visible())
    if not filterset.is_valid():
        context = {"filterset": filterset, "page": None, "rows": []}
        return render(request, "web/search.html", context, status=400)
    page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    asked = filterset.form.cleaned_data
    query = parse(asked.get("words"))
    return render(
        request,
        "web/search.html",
        {
            "filterset": filterset,
            "page": page,
            "rows": statement_rows(page, asked.get("outlet"), query),
            "outlet": asked.get("outlet"),
        },
    )


@dataclass(frozen=True)
class Suggestion:
    speaker: Speaker
    by: str = ""  # why it is suggested when the name itself does not show it


def also_called(speaker, typed, aliases):
    """What shows why a speaker found by an alias was suggested ("" when the name or
    the description already does)."""
    alias = aliases.get(speaker.pk, typed)
    if typed.casefold() in speaker.name.casefold() or alias == speaker.description:
        return ""
    return f"also called {alias}"


def speaker_suggestions(request):
    """<li role="option">s for the speaker box: speakers whose name or alias holds what was
    typed (most statements first), then those whose name or alias it misspells."""
    typed = request.GET.get("speaker", "").strip()[:200]
    suggestions = []
    if typed:
        named = list(
            Speaker.objects.visible()
            .filter(pk__in=speakers_named(typed))
            .annotate(statement_count=Count("statements", distinct=True))
            .order_by("-statement_count", "name")[:SUGGESTIONS]
        )
        aliases = dict(
            SpeakerAlias.objects.filter(speaker__in=named, alias__icontains=typed)
            .order_by("-alias")
            .values_list("speaker", "alias")
        )
        suggestions = [Suggestion(speaker, also_called(speaker, typed, aliases)) for speaker in named]
        if len(named) < SUGGESTIONS:
            shown = {speaker.pk for speaker in named}
            resembling = [(pk, by) for pk, by in speakers_resembling(typed, SUGGESTIONS) if pk not in shown]
            found = Speaker.objects.in_bulk([pk for pk, _ in resembling])
            suggestions += [
                Suggestion(found[pk], "closest spelling" + ("" if by == found[pk].name else f" of {by}"))
                for pk, by in resembling[: SUGGESTIONS - len(named)]
            ]
    return render(request, "web/speaker_suggestions.html", {"suggestions": suggestions})


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


def outlets_quoting(speaker):
    """The outlets that print the speaker's visible quotes, annotated with how many, most
    first: on PostgreSQL read from two covering indexes (quotes migration 0016), without
    reading a quote row."""
    return (
        Outlet.objects.filter(articles__quotes__speaker=speaker, articles__quotes__hidden_by_editor=False)
        .annotate(quote_count=Count("articles__quotes"))
        .order_by("-quote_count", "name")
    )


def speaker(request, slug):
    """A speaker: other names, the outlets that quote them, their statements (fragments
    only one outlet printed left out unless ?fragments=on).

    Statements clustered under another speaker (or none) that some outlet still
    attributes to this one are listed apart (the DISPUTED_SHOWN most carried), so a
    disputed attribution is visible here. A speaker with no visible quote (an editor
    hid them all) is not listed anywhere; their page says so.
    """
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases"), slug=slug)
    outlets = outlets_quoting(speaker)
    statements = Statement.objects.visible()
    show_fragments = request.GET.get("fragments") == "on"
    own = statements.filter(speaker=speaker)
    if not show_fragments:
        own = own.without_lone_fragments()
    page = Paginator(own, PAGE_SIZE).get_page(request.GET.get("page"))
    # Read from the speaker's quotes (the partial index quote_visible_speaker) and passed
    # as ids: as a subquery under LIMIT, PostgreSQL walked the statements in page order
    # testing each (1.3 s for the speaker with 10,000 quotes at 1,000,000). Their own
    # statements are taken away with EXCEPT, read from statement_visible_by_speaker:
    # both sides index-only, where a join to the statements hashed all of them (100,000
    # quotes: 22 ms against 0.5 ms; 148 ms at 1,000,000).
    attributed = list(
        Quote.objects.visible()
        .filter(speaker=speaker, statement__isnull=False)
        .order_by()
        .values_list("statement", flat=True)
        .difference(
            Statement.objects.visible().filter(speaker=speaker).order_by().values_list("pk", flat=True)
        )
    )
    disputed = statements.filter(pk__in=attributed)[:DISPUTED_SHOWN]
    return render(
        request,
        "web/speaker.html",
        {
            "speaker": speaker,
            "show_fragments": show_fragments,
            "outlets": outlets,
            "page": page,
            "rows": statement_rows(page),
            "disputed_rows": statement_rows(disputed),
            "quoted": Speaker.objects.visible().filter(pk=speaker.pk).exists(),
        },
    )
