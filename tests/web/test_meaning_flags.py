"""Meaning-change flags on the statement and compare pages: short warnings, escaped; the
statement page reads the stored flags, the compare page computes them for any two quotes."""

from django.urls import reverse

from quotes.models import Speaker
from quotes.services.variants import refresh_variants
from tests.web.conftest import REOPEN, make_quote

NEGATED = "We will not reopen the harbour before the winter storms arrive."


def negated_variant(story, **fields):
    """A variant that adds a "not", its flags stored as clustering's refresh stores them."""
    story.ledger_article.body += f'\n\n"{NEGATED}"'
    story.ledger_article.save(update_fields=["body"])
    quote = make_quote(story.ledger_article, NEGATED, 5, statement=story.reopen, drift="reworded", **fields)
    refresh_variants([story.reopen.pk])
    return quote


def test_the_statement_page_warns_beside_a_variant_whose_negation_changed(client, story):
    quote = negated_variant(story, speaker=story.ada)
    html = client.get(reverse("web:statement", args=[story.reopen.pk])).content.decode()
    variant = html[html.index(f'id="variant-{quote.pk}"') :]
    assert "Negation added: ‘not’" in variant[: variant.index("</li>", variant.index("meaning-flags"))]


def test_the_statement_page_shows_no_warning_for_a_trimmed_variant(client, story):
    html = client.get(reverse("web:statement", args=[story.reopen.pk])).content.decode()
    trimmed = html[html.index(f'id="variant-{story.reopen_trimmed.pk}"') :]
    assert "meaning-flag" not in trimmed[: trimmed.index("</li>")]


def test_the_compare_page_shows_the_flags_between_the_two_versions(client, story):
    quote = negated_variant(story, speaker=story.ada)
    response = client.get(reverse("web:compare"), {"a": story.reopen_verbatim.pk, "b": quote.pk})
    html = response.content.decode()
    assert "What the second changes in meaning" in html
    assert "Negation added: ‘not’" in html
    assert REOPEN in story.reopen.canonical_text


def test_flag_words_are_escaped(client, story):
    impostor = Speaker.objects.create(name="<img src=x onerror=alert(1)> Vane")
    quote = negated_variant(story, speaker=impostor)
    for url in (
        reverse("web:statement", args=[story.reopen.pk]),
        reverse("web:compare") + f"?a={story.reopen_verbatim.pk}&b={quote.pk}",
    ):
        html = client.get(url).content.decode()
        assert "Speaker changed: ‘Ada Marlow’ → ‘&lt;img src=x onerror=alert(1)&gt; Vane’" in html
        assert "<img src=x" not in html


def test_a_changed_modal_reads_as_one_modality_change_naming_both_words():
    from quotes.text.meaning import MeaningChange
    from web.meaning import label

    assert label(MeaningChange("hedge_changed", "may", "can")) == "Modality changed: ‘may’ → ‘can’"
    assert label(MeaningChange("hedge_dropped", "probably", "")) == "Hedge dropped: ‘probably’"


def test_the_statement_page_shows_the_stored_flags_without_parsing(client, story, monkeypatch):
    stored = [{"kind": "number_changed", "canonical": "winter", "variant": "spring"}]
    story.reopen_reworded.meaning_flags = stored
    story.reopen_reworded.meaning_changed = True
    story.reopen_reworded.save()
    monkeypatch.setattr("quotes.text.meaning.parsed", None)  # any parse would fail
    html = client.get(reverse("web:statement", args=[story.reopen.pk])).content.decode()
    assert "Number changed: ‘winter’ → ‘spring’" in html
