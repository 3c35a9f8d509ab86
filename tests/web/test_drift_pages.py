"""What the pages say about drift: the outlet's sentence around fragments and trims, the
timeline, wire copies, outlets' fidelity figures, and the search's "meaning changed" and
lone-fragment filters (rows of tests/web/conftest.py, plus what each test adds)."""

import datetime
import re

import pytest
from django.urls import reverse

from quotes.models import Quote, Statement, WireCopy
from quotes.services.figures import refresh_outlet_figures
from quotes.services.variants import refresh_variants
from tests.web.conftest import make_article, make_quote


def html_of(client, url, **params):
    """The page's HTML with the white space between tags taken out."""
    response = client.get(url, params)
    assert response.status_code == 200
    return re.sub(r">\s+<", "><", response.content.decode())


def piece(html, start_marker, end_marker="</li>"):
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


@pytest.fixture
def scare_quote(story):
    """A fragment the Harbour Times alone printed inside a sentence of its own."""
    article = make_article(
        story.times,
        "Harbour delays",
        "Work stopped again.\n\nThe commissioner called the delays “the new normal” and left the pier.",
        datetime.date(2024, 3, 8),
    )
    statement = Statement.objects.create(
        speaker=story.ada, canonical_text="the new normal", outlet_count=1, quote_count=1
    )
    return make_quote(article, "the new normal", 0, kind="fragment", statement=statement, drift="fragment")


def test_a_trimmed_variant_shows_the_outlets_sentence_with_the_quoted_part_marked(client, story):
    html = html_of(client, reverse("web:statement", args=[story.reopen.pk]))
    trimmed = piece(html, f'id="variant-{story.reopen_trimmed.pk}"')
    assert "In Northern Courier’s sentence:" in trimmed
    assert 'Ms Marlow said: &quot;<mark class="quoted">' in trimmed
    assert "We will reopen the harbour before the winter storms arrive.</mark>&quot;" in trimmed


def test_a_verbatim_or_reworded_variant_shows_no_context(client, story):
    html = html_of(client, reverse("web:statement", args=[story.reopen.pk]))
    for quote in (story.reopen_verbatim, story.reopen_reworded):
        assert 'class="context"' not in piece(html, f'id="variant-{quote.pk}"')


def test_a_fragment_shows_its_sentence_on_the_statement_and_compare_pages(client, story, scare_quote):
    html = html_of(client, reverse("web:statement", args=[scare_quote.statement_id]))
    assert (
        'The commissioner called the delays “<mark class="quoted"><span class="visually-hidden">quoted: </span>'
        "the new normal</mark>” and left the pier." in html
    )
    compared = html_of(client, reverse("web:compare"), a=story.reopen_verbatim.pk, b=scare_quote.pk)
    assert compared.count('class="context"') == 1
    assert "called the delays" in compared


def test_the_statement_page_draws_a_timeline_with_a_text_equivalent(client, story):
    refresh_variants([story.reopen.pk])
    html = html_of(client, reverse("web:statement", args=[story.reopen.pk]))
    svg = piece(html, '<svg viewBox="0 0 440', "</svg>")
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in svg
    assert (
        '<desc id="timeline-desc">4 March 2024: The Daily Ledger, verbatim. '
        "5 March 2024: Northern Courier, trimmed. 6 March 2024: Harbour Times, reworded.</desc>"
    ) in svg
    assert svg.count('class="tl-dot') == 3
    assert "+1 day" in svg
    assert "style=" not in svg


def test_a_wire_copy_is_marked_on_the_statement_page_and_not_counted_as_confirmation(client, story):
    WireCopy.objects.create(article=story.courier_article, original=story.ledger_article, similarity=0.93)
    html = html_of(client, reverse("web:statement", args=[story.reopen.pk]))
    assert "wire copy of The Daily Ledger" in piece(html, f'id="variant-{story.reopen_trimmed.pk}"')
    assert "1 of them ran another outlet’s article (wire copy): Northern Courier." in html
    assert "Northern Courier, trimmed, as a wire copy of The Daily Ledger." in html


def test_the_outlets_page_gives_rates_on_shared_statements_and_what_they_rest_on(client, story):
    refresh_variants(Statement.objects.values_list("pk", flat=True))
    refresh_outlet_figures()
    html = html_of(client, reverse("web:outlet-list"))
    times_row = piece(html, '<th scope="row"><a href="/outlets/harbour-times/">', "</tr>")
    # Harbour Times: one variant (reworded) of one shared statement; its lone statement is not counted.
    assert '<td>1</td><td>0% <span class="meta">(0 of 1)</span></td>' in times_row
    assert '<td>100% <span class="meta">(1 of 1)</span></td>' in times_row
    chart = piece(html, 'aria-labelledby="fidelity-harbour-times-title', "</svg>")
    assert (
        "verbatim 0 of 1 (0%); trimmed 0 of 1 (0%); reworded 1 of 1 (100%); meaning changed 0 of 1 (0%); "
        "on 1 statement other outlets printed too." in chart
    )


def test_an_outlet_whose_statements_no_one_else_printed_has_no_rates(client, story):
    story.courier_article.quotes.update(hidden_by_editor=True)
    story.ledger_article.quotes.exclude(pk=story.reopen_verbatim.pk).update(hidden_by_editor=True)
    Quote.objects.filter(pk=story.reopen_reworded.pk).update(hidden_by_editor=True)
    Statement.objects.filter(pk=story.reopen.pk).update(outlet_count=1)
    refresh_outlet_figures()
    html = html_of(client, reverse("web:outlet-list"))
    assert "nothing another outlet printed too" in piece(
        html, '<a href="/outlets/the-daily-ledger/">', "</tr>"
    )


def test_the_outlet_page_compares_it_with_outlets_on_the_statements_both_printed(client, story):
    WireCopy.objects.create(article=story.times_article, original=story.courier_article, similarity=0.8)
    refresh_outlet_figures()
    html = html_of(client, reverse("web:outlet", args=[story.ledger.slug]))
    courier_row = piece(html, '<th scope="row"><a href="/outlets/northern-courier/">', "</tr>")
    # reopen and wait: the Ledger verbatim on both, the Courier trimmed one and verbatim the other.
    assert "<td>2</td><td>100% here, 50% there</td><td>0% here, 50% there</td>" in courier_row
    times = html_of(client, reverse("web:outlet", args=[story.times.slug]))
    assert "wire copy of Northern Courier" in times
    assert "1 of its articles is a wire copy" not in times  # no counted statement left to say it beside
    assert "(apart from its wire copies)" in times


def test_search_finds_statements_whose_meaning_some_outlet_changed(client, story):
    Quote.objects.filter(pk=story.reopen_reworded.pk).update(
        meaning_flags=[{"kind": "number_changed", "canonical": "winter", "variant": "spring"}],
        meaning_changed=True,
    )
    response = client.get(reverse("web:search"), {"meaning": "on"})
    assert [row.statement for row in response.context["rows"]] == [story.reopen]
    hidden = client.get(reverse("web:search"), {"meaning": "on", "outlet": story.ledger.slug})
    assert [row.statement for row in hidden.context["rows"]] == [story.reopen]


def test_search_hides_fragments_only_one_outlet_printed_unless_asked(client, story, scare_quote):
    listed = [row.statement for row in client.get(reverse("web:search")).context["rows"]]
    assert scare_quote.statement not in listed
    shown = [row.statement for row in client.get(reverse("web:search"), {"fragments": "on"}).context["rows"]]
    assert scare_quote.statement in shown
    assert 'name="fragments"' in html_of(client, reverse("web:search"))


def test_a_fragment_two_outlets_printed_stays_in_the_list(client, story, scare_quote):
    Statement.objects.filter(pk=scare_quote.statement_id).update(outlet_count=2)
    listed = [row.statement for row in client.get(reverse("web:search")).context["rows"]]
    assert scare_quote.statement in listed


def test_the_speaker_page_leaves_out_lone_fragments_unless_asked(client, story, scare_quote):
    url = reverse("web:speaker", args=[story.ada.slug])
    listed = [row.statement for row in client.get(url).context["rows"]]
    assert scare_quote.statement not in listed
    assert "?fragments=on" in html_of(client, url)
    shown = [row.statement for row in client.get(url, {"fragments": "on"}).context["rows"]]
    assert scare_quote.statement in shown
