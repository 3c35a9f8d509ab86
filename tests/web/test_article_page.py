"""The article page: clean text with each quotation highlighted and linked to its Statement."""

from django.urls import reverse

from quotes.models import Quote
from sources.models import Article, Outlet


def page(client, article):
    response = client.get(reverse("web:article", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_highlights_each_quotation_with_an_anchor_and_a_link_to_its_statement(client, story):
    html = page(client, story.ledger_article)
    quote = story.reopen_verbatim
    assert (
        f'<mark class="quotation" id="quote-{quote.pk}"><a href="{story.reopen.get_absolute_url()}"' in html
    )
    assert f'id="quote-{story.wait_ledger.pk}"' in html


def test_it_keeps_paragraphs(client, story):
    html = page(client, story.ledger_article)
    assert "<p>The harbour will reopen within months.</p>" in html


def test_it_does_not_highlight_what_an_editor_marked_not_a_quotation(client, story):
    html = page(client, story.times_article)
    assert f'id="quote-{story.hidden.pk}"' not in html
    assert "read &quot;Closed for works&quot;." in html


def test_it_shows_markup_in_the_article_as_text(client, story):
    html = page(client, story.script_article)
    assert "<script>" not in html.split("<main", 1)[1]
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Council row" in html
    assert "&lt;b&gt;next week&lt;/b&gt;" in html


def test_it_links_only_to_web_addresses(client, story):
    article = story.ledger_article
    article.url = "javascript:alert(1)"
    article.save(update_fields=["url"])
    assert 'href="javascript:' not in page(client, article)
    article.url = "https://ledger.example/harbour"
    article.save(update_fields=["url"])
    assert 'href="https://ledger.example/harbour"' in page(client, article)


def test_it_gives_404_for_a_missing_article(client, story):
    assert client.get(reverse("web:article", args=[987654])).status_code == 404


def test_it_tells_the_browser_the_articles_language(client, story):
    article = story.times_article
    article.language = "el"
    article.save(update_fields=["language"])
    assert '<div class="article-body" lang="el">' in page(client, article)


def test_it_names_the_source_file_without_the_servers_folders(client, story):
    html = page(client, story.ledger_article)
    assert "From the file 2024-03-04.txt" in html
    assert "tests/the-daily-ledger/" not in html


def test_it_lists_reported_speech_as_paraphrase_never_inside_quote_marks(client, db):
    outlet = Outlet.objects.create(name="Plain Gazette")
    body = "Headline\n\nThe mayor said the bridge would reopen in spring."
    article = Article.objects.create(
        outlet=outlet, title="Bridge", body=body, source="b.txt", content_hash="b"
    )
    text = "the bridge would reopen in spring"
    start = body.index(text)
    Quote.objects.create(
        article=article, text=text, start=start, end=start + len(text), kind="indirect", quotation=0
    )
    html = client.get(reverse("web:article", args=[article.pk])).content.decode()
    assert "Reported speech (paraphrase):</span> the bridge would reopen in spring" in html
    assert "“the bridge would reopen in spring”" not in html
