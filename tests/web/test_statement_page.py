"""The statement page: the canonical wording, every variant marked, the outlets, any conflict."""

from django.urls import reverse

from quotes.models import Statement
from tests.web.conftest import make_quote


def page(client, statement):
    response = client.get(reverse("web:statement", args=[statement.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_canonical_wording_and_its_speaker(client, story):
    html = page(client, story.reopen)
    assert "“We will reopen the harbour before the winter storms arrive, and not a day later.”" in html
    assert f'href="{story.ada.get_absolute_url()}">Ada Marlow</a>' in html
    assert "harbour commissioner" in html


def test_it_lists_every_variant_with_outlet_article_date_and_drift_badge(client, story):
    html = page(client, story.reopen)
    for outlet in (story.ledger, story.courier, story.times):
        assert outlet.name in html
    assert "Harbour work speeds up" in html
    assert '<time datetime="2024-03-06">6 Mar 2024</time>' in html
    assert '<span class="badge drift-trimmed">trimmed</span>' in html
    assert '<span class="badge drift-reworded">reworded</span>' in html


def test_it_marks_the_words_that_differ_from_the_canonical(client, story):
    html = page(client, story.reopen)
    assert '<span class="visually-hidden">cut: </span>and not a day later.</del>' in html
    assert "replaced “harbour” with: </span>port</span>" in html


def test_it_links_each_variant_to_its_place_in_the_article(client, story):
    html = page(client, story.reopen)
    quote = story.reopen_reworded
    assert f'href="{quote.article.get_absolute_url()}#quote-{quote.pk}"' in html


def test_it_offers_to_compare_each_variant_with_the_canonical(client, story):
    html = page(client, story.reopen)
    compare = reverse("web:compare")
    assert f'href="{compare}?a={story.reopen_verbatim.pk}&amp;b={story.reopen_trimmed.pk}"' in html
    assert '<select id="compare-a" name="a">' in html
    # The chooser starts with the canonical wording against the next version.
    assert f'<option value="{story.reopen_verbatim.pk}" selected>The Daily Ledger' in html
    assert f'<option value="{story.reopen_trimmed.pk}" selected>Northern Courier' in html


def test_it_states_an_attribution_conflict_plainly(client, story):
    html = page(client, story.wait)
    assert "Outlets disagree on who said this" in html
    assert "Tomas Reyes</a>, according to The Daily Ledger" in html
    assert "Ada Marlow</a>, according to Northern Courier" in html


def test_it_says_nothing_of_a_conflict_when_there_is_none(client, story):
    assert "disagree" not in page(client, story.reopen)


def test_it_shows_markup_in_quote_text_as_text(client, story):
    html = page(client, story.script)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;" in html


def test_it_gives_404_for_a_statement_whose_quotes_are_all_hidden(client, story):
    response = client.get(reverse("web:statement", args=[story.sign.pk]))
    assert response.status_code == 404


def test_it_gives_404_for_a_missing_statement(client, story):
    response = client.get(reverse("web:statement", args=[987654]))
    assert response.status_code == 404
    assert "Not found" in response.content.decode()


def test_it_gives_404_for_an_id_too_large_for_the_database(client, story):
    response = client.get(reverse("web:statement", args=[10**20]))
    assert response.status_code == 404


def test_it_shows_a_statement_not_yet_measured_or_attributed(client, story):
    statement = Statement.objects.create(canonical_text="Plain words.", outlet_count=1, quote_count=1)
    story.ledger_article.body += '\n\n"Plain words."'
    story.ledger_article.save(update_fields=["body"])
    make_quote(story.ledger_article, "Plain words.", 5, statement=statement)
    html = page(client, statement)
    assert "Speaker not known" in html
    assert '<span class="badge drift-none">not yet measured</span>' in html
    assert '<blockquote class="variant-text" lang="en">Plain words.</blockquote>' in html
    assert "Compare two versions" not in html
