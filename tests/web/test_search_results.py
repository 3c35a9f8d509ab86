"""What the search shows: what was asked for. Marked words, an outlet's own wording,
paraphrase labelled as such, a misspelt name corrected, search by meaning in the form."""

from django.urls import reverse

from quotes.models import Quote, Speaker, Statement
from quotes.services import search
from quotes.services.clustering import ModelUnavailable
from quotes.services.figures import refresh_outlet_figures

SEARCH = reverse("web:search")


def shown(response):
    return [row.statement for row in response.context["rows"]]


def test_it_marks_the_words_it_matched_in_each_result(client, story):
    html = client.get(SEARCH, {"words": "storm"}).content.decode()

    assert '<mark class="matched">storms</mark>' in html


def test_it_marks_matched_words_in_text_it_escapes(client, story):
    html = client.get(SEARCH, {"words": "plan"}).content.decode()

    assert (
        '“&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt; is not a <mark class="matched">plan</mark>.”'
        in html
    )
    assert "<script>alert" not in html


def test_it_shows_the_filtered_outlets_own_wording_and_drift_class(client, story):
    response = client.get(SEARCH, {"outlet": story.times.slug, "speaker": "Ada Marlow"})
    html = response.content.decode()

    row = response.context["rows"][0]
    assert row.statement == story.reopen
    assert (row.wording.text, row.wording.outlet.pk) == (story.reopen_reworded.text, story.times.pk)
    assert "We will reopen the port before winter storms come," in html
    assert "As Harbour Times printed it:" in html and 'class="badge drift-reworded"' in html


def test_it_shows_reported_speech_as_paraphrase_without_quote_marks(client, story):
    paraphrase = Quote.objects.create(
        article=story.times_article,
        text="the port would reopen before the winter",
        start=500,
        end=539,
        quotation=5,
        kind=Quote.Kind.INDIRECT,
        speaker=story.ada,
        statement=story.reopen,
    )
    Quote.objects.filter(pk=story.reopen_reworded.pk).update(statement=None)
    Statement.objects.filter(pk=story.reopen.pk).update(quote_count=3)

    html = client.get(SEARCH, {"outlet": story.times.slug, "speaker": "Ada Marlow"}).content.decode()

    assert "Paraphrase, as Harbour Times reported it:" in html
    assert f"“{paraphrase.text}" not in html and f"{paraphrase.text}</a></p>" in html


def test_it_reads_a_misspelt_name_as_the_closest_and_says_so(client, story):
    response = client.get(SEARCH, {"speaker": "Marlowe"})

    assert shown(response) == [story.reopen, story.wait]
    assert "No speaker is called “Marlowe”: showing <strong>Ada Marlow</strong>" in response.content.decode()


def test_it_corrects_nothing_when_a_name_holds_what_was_typed(client, story):
    response = client.get(SEARCH, {"speaker": "Marlow"})

    assert "No speaker is called" not in response.content.decode()


def test_it_suggests_the_speaker_a_misspelt_name_means(client, story):
    html = client.get(reverse("web:speaker-suggestions"), {"speaker": "Reyess"}).content.decode()

    assert 'data-value="Tomas Reyes"' in html and "closest spelling" in html


def test_it_suggests_a_speaker_by_a_misspelt_alias(client, story):
    html = client.get(reverse("web:speaker-suggestions"), {"speaker": "comissioner"}).content.decode()

    assert 'data-value="Ada Marlow"' in html and "closest spelling of the harbour commissioner" in html


def test_it_never_suggests_a_speaker_without_visible_quotes(client, story):
    Speaker.objects.create(name="Tomas Reyez")

    html = client.get(reverse("web:speaker-suggestions"), {"speaker": "Reyez"}).content.decode()

    assert "Tomas Reyez" not in html and 'data-value="Tomas Reyes"' in html


def test_it_finds_by_meaning_below_the_statements_holding_the_words(client, meaning):
    response = client.get(SEARCH, {"words": "city", "match": "meaning"})

    assert shown(response) == [meaning.wait, meaning.reopen]


def test_it_finds_by_words_only_unless_asked_for_meaning(client, meaning):
    assert shown(client.get(SEARCH, {"words": "city"})) == [meaning.wait]


def test_it_falls_back_to_words_and_says_so_when_the_model_is_missing(
    client, story, monkeypatch, settings, tmp_path
):
    settings.VERBATIM_INDEX_DIR = str(tmp_path)

    def missing(text):
        raise ModelUnavailable("cannot load the embedding model from /nowhere")

    monkeypatch.setattr(search, "query_vector", missing)

    response = client.get(SEARCH, {"words": "city", "match": "meaning"})

    assert shown(response) == [story.wait]
    assert "Search by meaning is unavailable just now" in response.content.decode()


def test_it_makes_a_fixed_number_of_queries_searching_by_meaning(client, meaning, django_assert_num_queries):
    client.get(SEARCH, {"words": "city", "match": "meaning"})  # the index is built on first use
    # the newest matching quotes' ids (quotes.services.search), word hits, the graph's quotes'
    # statements, capped count, the page, its quotes, outlet choices
    with django_assert_num_queries(7):
        client.get(SEARCH, {"words": "city", "match": "meaning"})


def reported_only_statement(story):
    """A statement whose only printing is reported speech, as clustering leaves one."""
    statement = Statement.objects.create(
        speaker=story.ada,
        canonical_text="the harbour cranes would be replaced by spring",
        outlet_count=1,
        quote_count=1,
    )
    quote = Quote.objects.create(
        article=story.times_article,
        text=statement.canonical_text,
        start=600,
        end=646,
        quotation=6,
        kind=Quote.Kind.INDIRECT,
        speaker=story.ada,
        statement=statement,
    )
    Statement.objects.filter(pk=statement.pk).update(canonical_quote=quote)
    refresh_outlet_figures()  # the outlet page counts its statements from the stored figures
    return statement


def test_a_statement_made_only_of_reported_speech_is_listed_as_paraphrase_on_every_page(client, story):
    statement = reported_only_statement(story)
    label = "Reported speech (paraphrase):</span>"

    search = client.get(SEARCH, {"words": "cranes"}).content.decode()
    page = client.get(reverse("web:statement", args=[statement.pk])).content.decode()
    outlet = client.get(reverse("web:outlet", args=[story.times.slug])).content.decode()

    for html in (search, page, outlet):
        assert label in html
        assert f"“{statement.canonical_text}" not in html
