"""The outlet pages: how each outlet treated quotations, what it quoted, its articles."""

from django.urls import reverse

from web.views import articles


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
