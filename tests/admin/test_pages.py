"""Every admin page an editor opens loads, lists without a query per row, and links up."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quotes.models import Quote, Speaker, Statement
from tests.admin.conftest import add_quote, save_change_form

pytestmark = pytest.mark.django_db

MODELS = ["sources_outlet", "sources_article", "quotes_speaker", "quotes_quote", "quotes_statement"]


def objects_of(newsroom):
    return {
        "sources_outlet": newsroom.outlets.harbour,
        "sources_article": newsroom.articles.second,
        "quotes_speaker": newsroom.speakers.mayor,
        "quotes_quote": newsroom.quotes.valley_bridge,
        "quotes_statement": newsroom.statements.bridge,
    }


def test_it_loads_the_admin_index(admin_client, newsroom):
    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 200
    for name in ["Outlets", "Articles", "Speakers", "Quotes", "Statements"]:
        assert name in response.text


@pytest.mark.parametrize("model", MODELS)
def test_it_loads_each_list_page(admin_client, newsroom, model):
    response = admin_client.get(reverse(f"admin:{model}_changelist"))

    assert response.status_code == 200
    assert "result_list" in response.text


@pytest.mark.parametrize("model", MODELS)
def test_it_loads_each_list_page_searched(admin_client, newsroom, model):
    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "bridge"})

    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_it_loads_each_change_page(admin_client, newsroom, model):
    obj = objects_of(newsroom)[model]

    response = admin_client.get(reverse(f"admin:{model}_change", args=[obj.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_it_shows_each_history_page(admin_client, newsroom, model):
    obj = objects_of(newsroom)[model]

    response = admin_client.get(reverse(f"admin:{model}_history", args=[obj.pk]))

    assert response.status_code == 200
    assert "change-history" in response.text


@pytest.mark.parametrize("model", ["sources_outlet", "sources_article", "quotes_speaker"])
def test_it_loads_the_add_page_where_editors_add(admin_client, newsroom, model):
    assert admin_client.get(reverse(f"admin:{model}_add")).status_code == 200


@pytest.mark.parametrize("model", ["quotes_quote", "quotes_statement", "quotes_job"])
def test_it_leaves_adding_pipeline_rows_to_the_pipeline(admin_client, newsroom, model):
    assert admin_client.get(reverse(f"admin:{model}_add")).status_code == 403


def test_it_links_a_quote_to_its_article_and_statement(admin_client, newsroom):
    quote = newsroom.quotes.valley_bridge

    response = admin_client.get(reverse("admin:quotes_quote_changelist"))

    assert reverse("admin:sources_article_change", args=[quote.article_id]) in response.text
    assert reverse("admin:quotes_statement_change", args=[quote.statement_id]) in response.text


def test_it_lists_a_statements_quotes_on_its_page(admin_client, newsroom):
    statement = newsroom.statements.bridge

    response = admin_client.get(reverse("admin:quotes_statement_change", args=[statement.pk]))

    for quote in [newsroom.quotes.harbour_bridge, newsroom.quotes.again_bridge]:
        assert reverse("admin:quotes_quote_change", args=[quote.pk]) in response.text
    assert f"statement__id__exact={statement.pk}" in response.text


def test_it_offers_only_the_statements_own_quotes_as_canonical(admin_client, newsroom):
    statement = newsroom.statements.bridge

    response = admin_client.get(reverse("admin:quotes_statement_change", args=[statement.pk]))

    choices = response.context["adminform"].form.fields["canonical_quote"].queryset
    assert set(choices) == set(Quote.objects.filter(statement=statement))


def test_it_counts_speaker_quotes_and_statements_in_the_list(admin_client, newsroom):
    response = admin_client.get(reverse("admin:quotes_speaker_changelist"))

    mayor = next(s for s in response.context["cl"].result_list if s == newsroom.speakers.mayor)
    assert (mayor.quote_total, mayor.statement_total) == (4, 1)


@pytest.mark.parametrize("model, search_field", [("speaker", "speaker"), ("statement", "statement")])
def test_it_autocompletes_speakers_and_statements(admin_client, newsroom, model, search_field):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "quotes",
            "model_name": "quote",
            "field_name": search_field,
            "term": "bridge" if model == "statement" else "Brightwater",
        },
    )

    assert response.status_code == 200
    texts = [result["text"] for result in response.json()["results"]]
    expected = newsroom.statements.bridge if model == "statement" else newsroom.speakers.mayor
    assert texts == [str(expected)]


def test_it_finds_a_speaker_by_alias(admin_client, newsroom):
    response = admin_client.get(reverse("admin:quotes_speaker_changelist"), {"q": "Mr Stone"})

    assert list(response.context["cl"].result_list) == [newsroom.speakers.engineer]


def more_rows(newsroom, count):
    """count more quotes, each in its own Statement, to see that queries do not grow."""
    article = newsroom.articles.third
    article.body += "".join(f' "Extra line {n}."' for n in range(count))
    article.save()
    for n in range(count):
        statement = Statement.objects.create(
            speaker=newsroom.speakers.engineer, canonical_text=f"Extra line {n}."
        )
        add_quote(
            article,
            f"Extra line {n}.",
            quotation=10 + n,
            speaker=newsroom.speakers.engineer,
            statement=statement,
        )


@pytest.mark.parametrize("model", MODELS)
def test_it_lists_without_a_query_per_row(admin_client, newsroom, model, django_assert_max_num_queries):
    url = reverse(f"admin:{model}_changelist")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    more_rows(newsroom, 6)
    with django_assert_max_num_queries(len(few)):
        admin_client.get(url)


def test_it_follows_a_speakers_count_to_their_quotes(admin_client, newsroom):
    engineer = newsroom.speakers.engineer

    response = admin_client.get(reverse("admin:quotes_quote_changelist"), {"speaker__id__exact": engineer.pk})

    assert list(response.context["cl"].result_list) == [newsroom.quotes.valley_budget]


def test_it_follows_an_articles_count_to_its_quotes(admin_client, newsroom):
    article = newsroom.articles.first

    response = admin_client.get(reverse("admin:quotes_quote_changelist"), {"article__id__exact": article.pk})

    assert set(response.context["cl"].result_list) == {
        newsroom.quotes.harbour_bridge,
        newsroom.quotes.harbour_ready,
    }


def test_it_shows_a_quote_marked_in_its_article(admin_client, newsroom):
    quote = newsroom.quotes.valley_budget

    response = admin_client.get(reverse("admin:quotes_quote_change", args=[quote.pk]))

    assert "<mark>The budget is tight,</mark>" in response.text
    assert "the mayor said." in response.text


def test_it_shows_articles_read_only_because_ingest_owns_them(admin_client, newsroom):
    article = newsroom.articles.first
    url = reverse("admin:sources_article_change", args=[article.pk])

    page = admin_client.get(url)
    posted = admin_client.post(url, {"title": "An editor's title"})

    assert page.status_code == 200 and 'name="title"' not in page.text
    assert "Bridge to open" in page.text
    assert posted.status_code == 403
    article.refresh_from_db()
    assert article.title == "Bridge to open"
    delete = reverse("admin:sources_article_delete", args=[article.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403


def test_it_keeps_an_outlets_name_because_ingest_finds_outlets_by_name(admin_client, newsroom):
    outlet = newsroom.outlets.harbour

    outlet = save_change_form(admin_client, outlet, name="Renamed Gazette", domain="gazette.example")

    assert (outlet.name, outlet.domain) == ("Harbour Gazette", "gazette.example")


def test_it_shows_a_statement_without_a_query_per_quote(
    admin_client, newsroom, django_assert_max_num_queries
):
    statement = newsroom.statements.budget
    url = reverse("admin:quotes_statement_change", args=[statement.pk])
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    more_rows(newsroom, 6)
    Quote.objects.filter(text__startswith="Extra line").update(statement=statement)

    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(url)
    assert response.text.count("Extra line") >= 6


def test_it_links_a_quote_to_its_place_on_the_site(admin_client, newsroom):
    placed, loose = newsroom.quotes.valley_bridge, newsroom.quotes.harbour_ready

    placed_page = admin_client.get(reverse("admin:quotes_quote_change", args=[placed.pk]))
    loose_page = admin_client.get(reverse("admin:quotes_quote_change", args=[loose.pk]))

    statement_url = newsroom.statements.bridge.get_absolute_url()
    assert f'href="{statement_url}#variant-{placed.pk}"' in placed_page.text
    article_url = newsroom.articles.first.get_absolute_url()
    assert f'href="{article_url}#quote-{loose.pk}"' in loose_page.text
    assert f'id="variant-{placed.pk}"' in admin_client.get(statement_url).text


def test_it_merges_rather_than_deletes_a_speaker_who_has_quotes(admin_client, newsroom):
    quiet = Speaker.objects.create(name="Nobody Quoted")
    engineer = newsroom.speakers.engineer

    refused = admin_client.post(reverse("admin:quotes_speaker_delete", args=[engineer.pk]), {"post": "yes"})
    deleted = admin_client.post(reverse("admin:quotes_speaker_delete", args=[quiet.pk]), {"post": "yes"})

    assert refused.status_code == 403 and Speaker.objects.filter(pk=engineer.pk).exists()
    assert deleted.status_code == 302 and not Speaker.objects.filter(pk=quiet.pk).exists()


def test_it_finds_a_statement_by_any_of_its_wordings(admin_client, newsroom):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "quotes",
            "model_name": "quote",
            "field_name": "statement",
            "term": "bridge opens",
        },
    )

    texts = [result["text"] for result in response.json()["results"]]
    assert texts == [str(newsroom.statements.bridge)]
