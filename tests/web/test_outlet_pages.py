"""The outlet pages: how each outlet treated quotations, what it quoted, its articles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

import quotes.services.figures
from quotes.models import OutletFigures
from web.views import articles


@pytest.fixture
def no_refresh(monkeypatch):
    """A request that tried to compute figures would fail the test."""

    def refresh():
        raise AssertionError("a request computed the outlet figures")

    monkeypatch.setattr(quotes.services.figures, "refresh_outlet_figures", refresh)


def test_it_shows_an_outlets_share_of_each_drift_class(client, story):
    response = client.get(reverse("web:outlet", args=[story.times.slug]))
    assert response.status_code == 200
    shares = {share.value: (share.count, share.rounded) for share in response.context["shares"]}
    # Harbour Times: one reworded and one verbatim quote; its hidden quote does not count.
    assert shares["reworded"] == (1, 50)
    assert shares["verbatim"] == (1, 50)
    assert shares["trimmed"] == (0, 0)
    html = response.content.decode()
    assert 'class="drift-bar"' in html
    assert "<td>1</td><td>50%</td>" in html


def test_it_lists_the_statements_it_quoted_with_its_own_treatment(client, story):
    response = client.get(reverse("web:outlet", args=[story.courier.slug]))
    rows = [(statement, label) for statement, label in response.context["rows"]]
    assert (story.reopen, "trimmed") in rows
    assert (story.wait, "verbatim") in rows
    assert len(rows) == 2


def test_it_lists_its_articles_with_their_quotation_counts(client, story):
    response = client.get(reverse("web:outlet", args=[story.times.slug]))
    counts = {article.title: article.quote_count for article in response.context["articles"]}
    assert counts == {"Port to open before storms": 1, "<script>alert('title')</script> Council row": 1}
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Council row" in (response.content.decode())


def test_it_draws_a_bar_per_outlet_on_the_outlet_list(client, story):
    response = client.get(reverse("web:outlet-list"))
    assert response.status_code == 200
    chart = {
        row.outlet.name: {share.value: share.count for share in row.shares}
        for row in response.context["rows"]
    }
    assert chart["Northern Courier"] == {"trimmed": 1, "verbatim": 1}
    assert response.content.decode().count('class="drift-bar"') == 3


def test_it_gives_404_for_an_unknown_outlet(client, story):
    assert client.get(reverse("web:outlet", args=["no-such-paper"])).status_code == 404


def test_it_pages_its_articles_apart_from_its_statements(client, story, monkeypatch):
    monkeypatch.setattr(articles, "PAGE_SIZE", 1)
    response = client.get(reverse("web:outlet", args=[story.times.slug]), {"page": 1})
    html = response.content.decode()
    assert 'aria-label="Article pages"' in html
    assert 'href="?page=1&amp;articles_page=2"' in html
    second = client.get(reverse("web:outlet", args=[story.times.slug]), {"articles_page": 2})
    assert second.context["articles"].number == 2


def test_it_shows_old_figures_as_they_are_with_their_age(client, story, no_refresh):
    OutletFigures.objects.update(computed_at=timezone.now() - datetime.timedelta(hours=3))

    for page in (reverse("web:outlet", args=[story.times.slug]), reverse("web:outlet-list")):
        html = client.get(page).content.decode()
        assert "Figures as of" in html
        assert "(3\xa0hours ago)" in html


def test_it_says_an_outlet_has_no_figures_yet_rather_than_computing_them(client, story, no_refresh):
    OutletFigures.objects.filter(outlet=story.times).delete()

    outlet = client.get(reverse("web:outlet", args=[story.times.slug]))
    assert outlet.status_code == 200
    assert "No figures yet for this outlet" in outlet.content.decode()
    assert [statement for statement, _ in outlet.context["rows"]] == [story.reopen, story.script]
    listed = client.get(reverse("web:outlet-list"))
    rows = {row.outlet.name: row.figures for row in listed.context["rows"]}
    assert rows["Harbour Times"] is None and rows["Northern Courier"] is not None
    assert "no figures yet" in listed.content.decode()
