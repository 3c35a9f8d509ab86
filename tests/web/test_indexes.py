"""Every way in: the speakers index, the articles index, the header linking them, and the
page of a speaker nobody visibly quotes."""

import datetime

from django.urls import reverse

from quotes.models import Quote, Speaker, Statement
from tests.web.conftest import make_article


def hide_every_quote_of(speaker, statement):
    """An editor's "not a quotation" on each, with the statement's count refreshed."""
    Quote.objects.filter(speaker=speaker).update(hidden_by_editor=True)
    Statement.objects.filter(pk=statement.pk).update(quote_count=0)


def listed(response):
    return [(speaker.name, quotes, statements) for speaker, quotes, statements in response.context["rows"]]


def test_it_lists_speakers_most_quoted_first_with_their_counts(client, story):
    response = client.get(reverse("web:speaker-list"))

    # Ada: 3 quotes of reopen and the Courier's wait; Tomas: the Ledger's wait; Lena: script.
    assert listed(response) == [("Ada Marlow", 4, 2), ("Tomas Reyes", 1, 1), ("Lena Fox", 1, 1)]
    html = response.content.decode()
    assert "harbour commissioner" in html and "person" in html


def test_it_leaves_out_speakers_without_a_visible_quote(client, story):
    Speaker.objects.create(name="Nobody Quoted")
    hide_every_quote_of(story.councillor, story.script)

    names = [name for name, _, _ in listed(client.get(reverse("web:speaker-list")))]

    assert names == ["Ada Marlow", "Tomas Reyes"]


def test_a_speaker_emptied_since_the_ranking_was_counted_drops_out_at_once(client, story):
    client.get(reverse("web:speaker-list"))
    hide_every_quote_of(story.councillor, story.script)

    names = [name for name, _, _ in listed(client.get(reverse("web:speaker-list")))]

    assert "Lena Fox" not in names


def test_the_page_of_a_speaker_without_visible_quotes_says_so(client, story):
    hide_every_quote_of(story.councillor, story.script)

    html = client.get(reverse("web:speaker", args=[story.councillor.slug])).content.decode()

    assert "No quotation of Lena Fox is shown" in html


def test_the_page_of_a_quoted_speaker_does_not_say_so(client, story):
    html = client.get(reverse("web:speaker", args=[story.ada.slug])).content.decode()

    assert "No quotation of" not in html


def test_it_lists_articles_newest_first_with_their_quote_counts(client, story):
    response = client.get(reverse("web:article-list"))

    articles = list(response.context["page"])
    assert articles == [
        story.script_article,
        story.times_article,
        story.courier_article,
        story.ledger_article,
    ]
    assert [article.quote_count for article in articles] == [1, 1, 2, 2]


def test_it_lists_one_outlets_articles_within_dates(client, story):
    make_article(story.times, "Undated piece", "No date.", None)
    response = client.get(
        reverse("web:article-list"),
        {"outlet": story.times.slug, "published_from": "2024-03-06", "published_to": "2024-03-06"},
    )

    assert list(response.context["page"]) == [story.times_article]


def test_it_lists_undated_articles_last(client, story):
    undated = make_article(story.times, "Undated piece", "No date.", None)

    articles = list(client.get(reverse("web:article-list"), {"outlet": story.times.slug}).context["page"])

    assert articles[-1] == undated


def test_it_refuses_a_date_range_that_ends_before_it_starts(client, story):
    response = client.get(
        reverse("web:article-list"), {"published_from": "2024-03-07", "published_to": "2024-03-01"}
    )

    assert response.status_code == 400
    assert "must not be after" in response.content.decode()


def test_every_page_links_to_the_speakers_and_articles_indexes(client, story):
    html = client.get(reverse("web:outlet-list")).content.decode()

    assert f'href="{reverse("web:speaker-list")}"' in html
    assert f'href="{reverse("web:article-list")}"' in html


def test_an_article_title_is_shown_as_text(client, story):
    html = client.get(reverse("web:article-list")).content.decode()

    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Council row" in html
    assert datetime.date(2024, 3, 7).strftime("%-d %b %Y") in html
