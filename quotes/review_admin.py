"""The editors' review queue, in the admin: the quotes whose speaker is most likely wrong,
first, and each fixed in one step.

Pages (QuoteAdmin.get_urls puts them under /admin/quotes/quote/review/):
- the queue: quotes ordered by quotes.services.review (Quote.objects.queued()), each with
  its score and reasons, filtered by reason, outlet and publication date;
- one quote: its reasons, its paragraph with the quote, the speaker's mention and the
  speech verb marked, the speakers the other outlets gave, and the fixes: accept, choose
  another speaker (the other outlets' speakers and the people its article names, or a
  fuzzy search), mark as not a quotation, or open its Statement to move it. A fix goes to
  the next quote of the queue, with the filters kept, and says how many rows it changed;
- the corrections report: the editors' decisions by reason and by attribution method, as
  a table or as CSV (?format=csv).

Staff who may view quotes see every page; only those who may change them see the fixes
(a POST without the change permission is refused). Every page works without JavaScript;
quotes/static/quotes/review.js adds keyboard shortcuts (a accept, n next, x not a
quotation, / search speakers), since the Content-Security-Policy allows no inline script.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from quotes.models import Quote, Speaker
from quotes.services import editing, review
from quotes.text.doubt import REASONS
from quotes.text.passage import passage
from sources.models import Outlet

PAGE_SIZE = 50
FILTERS = ("reason", "outlet", "since", "until")


class QueueFilter(forms.Form):
    reason = forms.ChoiceField(choices=[("", "any reason"), *REASONS.items()], required=False)
    outlet = forms.ModelChoiceField(Outlet.objects.order_by("name"), required=False, empty_label="any outlet")
    since = forms.DateField(
        required=False, label="published from", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(required=False, label="to", widget=forms.DateInput(attrs={"type": "date"}))

    def queue(self):
        """The queue under the valid filters (an invalid one is left out, and shown)."""
        data = self.cleaned_data if self.is_valid() else {}
        return review.queue(data.get("reason"), data.get("outlet"), data.get("since"), data.get("until"))


def filter_query(request) -> str:
    """The queue's filters of request, as a query string to carry from page to page."""
    kept = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    return urlencode(kept)


def review_urls(model_admin):
    """The queue's URL patterns, wrapped by the admin site (staff only)."""
    site = model_admin.admin_site

    def view(function):
        return site.admin_view(
            lambda request, *args, **kwargs: function(model_admin, request, *args, **kwargs)
        )

    return [
        path("review/", view(queue_page), name="quotes_quote_review"),
        path("review/report/", view(report_page), name="quotes_quote_review_report"),
        path("review/<int:pk>/", view(quote_page), name="quotes_quote_review_quote"),
    ]


def context(model_admin, request, **values):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": Quote._meta,
        "can_change": model_admin.has_change_permission(request),
        "query": filter_query(request),
        **values,
    }


def require_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied


def queue_page(model_admin, request):
    require_view(model_admin, request)
    form = QueueFilter(request.GET or None)
    quotes = (
        form.queue().select_related("article__outlet", "speaker").defer("embedding", "diff", "article__body")
    )
    page = Paginator(quotes, PAGE_SIZE).get_page(request.GET.get("page"))
    for quote in page:
        quote.reason_labels = [REASONS.get(code, code) for code in quote.reason_codes]
    return TemplateResponse(
        request,
        "admin/quotes/review/queue.html",
        context(model_admin, request, title="Review queue", form=form, page=page, count=page.paginator.count),
    )


def quote_page(model_admin, request, pk):
    require_view(model_admin, request)
    quote = get_object_or_404(
        Quote.objects.select_related("article__outlet", "speaker", "statement").defer("embedding", "diff"),
        pk=pk,
    )
    form = QueueFilter(request.GET or None)
    queued = form.queue()
    following = review.next_in_queue(queued, quote)
    if request.method == "POST":
        return fix(model_admin, request, quote, following)
    others = review.other_outlets(quote)
    found = request.GET.get("find", "").strip()
    return TemplateResponse(
        request,
        "admin/quotes/review/quote.html",
        context(
            model_admin,
            request,
            title=f"Review quote {quote.pk}",
            quote=quote,
            queued=queued.filter(pk=quote.pk).exists(),
            reasons=[(code, REASONS.get(code, code)) for code in quote.reason_codes],
            marked=marked(quote),
            others=others,
            suggestions=review.suggested_speakers(quote, others),
            found=found,
            matches=review.find_speakers(found) if found else [],
            following=following,
            history_url=reverse("admin:quotes_quote_history", args=[quote.pk]),
        ),
    )


def marked(quote: Quote):
    """The quote's passage as HTML: quote, mention and cue marked, every text escaped."""
    text = passage(quote.article.body, quote.start, quote.end, quote.speaker_mention)
    tags = {"quote": "mark-quote", "mention": "mark-mention", "cue": "mark-cue"}
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<mark class="{}">{}</mark>', tags[what], piece) if what else piece,)
            for piece, what in text.pieces()
        ),
    )


def fix(model_admin, request, quote, following):
    """Apply the fix the form asks for; go to the next quote of the queue."""
    if not model_admin.has_change_permission(request, quote):
        raise PermissionDenied
    action = request.POST.get("action")
    try:
        if action == "accept":
            result = editing.accept(quote, editor=request.user)
            done = f"Accepted {quote.speaker or 'no speaker'} for quote {quote.pk}."
        elif action == "reassign":
            speaker = chosen_speaker(request.POST.get("speaker", ""))
            result = editing.reassign(quote, speaker, editor=request.user)
            done = f"Quote {quote.pk} now attributed to {speaker or 'nobody'}."
        elif action == "not_a_quote":
            editing.mark_not_a_quote([quote], editor=request.user)
            result, done = None, f"Quote {quote.pk} marked as not a quotation."
        else:
            raise editing.EditError("Choose a fix: accept, another speaker, or not a quotation.")
    except editing.EditError as error:
        messages.error(request, str(error))
        return redirect(quote_url(quote.pk, request))
    if result is not None:
        done += (
            f" {result.rows_changed} other row(s) changed: {result.sentences} sentence(s) of the "
            f"same quotation, {result.followers} quote(s) of its statement followed."
        )
    messages.success(request, done)
    if following is None:
        return redirect(f"{reverse('admin:quotes_quote_review')}?{filter_query(request)}")
    return redirect(quote_url(following.pk, request))


def chosen_speaker(value: str) -> Speaker | None:
    """The speaker the form names: an id, or "none" for nobody named."""
    if value == "none":
        return None
    try:
        return Speaker.objects.get(pk=int(value))
    except (ValueError, Speaker.DoesNotExist):
        raise editing.EditError("Choose a speaker from the list, or search for one.") from None


def quote_url(pk, request) -> str:
    query = filter_query(request)
    return reverse("admin:quotes_quote_review_quote", args=[pk]) + (f"?{query}" if query else "")


def report_page(model_admin, request):
    require_view(model_admin, request)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="editor-corrections.csv"'
        review.write_corrections_csv(response)
        return response
    rows = review.corrections()
    return TemplateResponse(
        request,
        "admin/quotes/review/report.html",
        context(
            model_admin,
            request,
            title="Editor corrections",
            by_reason=[row for row in rows if row.group == "reason"],
            by_method=[row for row in rows if row.group == "method"],
        ),
    )
