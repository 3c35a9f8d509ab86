"""The home page: statements filtered by speaker, words, outlet, dates and drift, sorted, paginated."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quotes.services import search
from tests.web.conftest import make_quote
from web.views import statements

SEARCH = reverse("web:search")


def shown(response):
    return [row.statement for row in response.context["rows"]]


def test_it_lists_visible_statements_most_outlets_first(client, story):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert shown(response) == [story.reopen, story.wait, story.script]


def test_it_hides_a_statement_whose_only_quote_an_editor_marked_not_a_quotation(client, story):
    response = client.get(SEARCH)
    assert story.sign not in shown(response)
    assert "Closed for works" not in response.content.decode()


def test_it_finds_statements_by_speaker_name(client, story):
    assert shown(client.get(SEARCH, {"speaker": "reyes"})) == [story.wait]


def test_it_finds_a_disputed_statement_under_each_name_the_outlets_gave(client, story):
    # The Courier attributes the mayor's words to Ada Marlow.
    assert shown(client.get(SEARCH, {"speaker": "marlow"})) == [story.reopen, story.wait]


def test_it_finds_statements_by_a_speaker_alias(client, story):
    assert shown(client.get(SEARCH, {"speaker": "Ms Marlow"})) == [story.reopen, story.wait]


def test_it_reads_the_speakers_a_name_matches_once_and_gives_their_ids_to_the_statements(client, story):
    # Given the names' lookup as a subquery, PostgreSQL guessed 405 speakers where 25 matched
    # and read every statement (web.filters.StatementFilter.filter_speaker).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"speaker": "marlow"})
    assert shown(response) == [story.reopen, story.wait]
    assert sum("quotes_speakeralias" in query["sql"] for query in queries.captured_queries) == 1


def test_it_finds_statements_by_words_in_any_variant(client, story):
    # "port" is only in the Harbour Times wording, not in the canonical one.
    assert shown(client.get(SEARCH, {"words": "port"})) == [story.reopen]


def test_it_finds_statements_an_outlet_carried(client, story):
    response = client.get(SEARCH, {"outlet": story.courier.slug})
    assert shown(response) == [story.reopen, story.wait]


def test_an_outlet_keeps_only_the_statements_it_printed_a_visible_quote_of(client, story):
    # An editor hid the Courier's printing of the script, and one of its quotes is in no statement.
    make_quote(story.courier_article, "Work at the harbour", 7, statement=story.script, hidden_by_editor=True)
    make_quote(story.courier_article, "speeding up", 8)
    courier, times = {"outlet": story.courier.slug}, {"outlet": story.times.slug}

    assert shown(client.get(SEARCH, courier)) == [story.reopen, story.wait]
    assert shown(client.get(SEARCH, {**courier, "words": "plan"})) == []
    assert shown(client.get(SEARCH, {**times, "words": "plan"})) == [story.script]
    assert shown(client.get(SEARCH, {**courier, "speaker": "fox"})) == []


def test_a_word_searched_in_one_outlet_is_counted_without_testing_the_outlet_again(client, story):
    # The words' matching quotes were read among the outlet's statements: the count and the
    # page take the statements found by id (quotes.services.search.word_search).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"outlet": story.times.slug, "words": "plan"})
    assert shown(response) == [story.script]
    count = next(
        query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT COUNT")
    )
    assert "sources_article" not in count


def test_it_finds_statements_by_first_reported_date_range(client, story):
    response = client.get(SEARCH, {"said_from": "2024-03-05", "said_to": "2024-03-31"})
    assert shown(response) == [story.script]


def test_it_finds_statements_some_outlet_printed_in_a_drift_class(client, story):
    assert shown(client.get(SEARCH, {"drift": "reworded"})) == [story.reopen]


def test_it_combines_filters(client, story):
    response = client.get(SEARCH, {"speaker": "reyes", "outlet": story.ledger.slug})
    assert shown(response) == [story.wait]
    response = client.get(SEARCH, {"speaker": "reyes", "outlet": story.times.slug})
    assert shown(response) == []
    assert "Nothing matches" in response.content.decode()


def test_it_finds_a_speakers_statement_by_a_word_newer_quotes_hold_too(client, story, monkeypatch):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 1)  # "not": the commissioner's wording, then the script's

    assert shown(client.get(SEARCH, {"words": "not"})) == [story.script]
    assert shown(client.get(SEARCH, {"speaker": "marlow", "words": "not"})) == [story.reopen]


def test_it_says_a_common_words_count_is_a_floor_and_how_to_reach_older_statements(
    client, story, monkeypatch
):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 1)

    page = client.get(SEARCH, {"words": "not"}).content.decode()
    assert "1+ statement" in page
    assert "only the newest 1 were searched" in page
    monkeypatch.setattr(search, "RANK_CANDIDATES", 100)
    assert "only the newest" not in client.get(SEARCH, {"words": "not"}).content.decode()


def test_it_sorts_newest_and_oldest_first(client, story):
    assert shown(client.get(SEARCH, {"sort": "newest"}))[0] == story.script
    assert shown(client.get(SEARCH, {"sort": "oldest"}))[-1] == story.script


def test_it_paginates_and_keeps_the_search_in_the_page_links(client, more_statements, monkeypatch):
    monkeypatch.setattr(statements, "PAGE_SIZE", 10)
    response = client.get(SEARCH, {"speaker": "marlow", "sort": "oldest"})
    assert response.context["page"].paginator.count == 14
    assert len(shown(response)) == 10
    assert 'href="?speaker=marlow&amp;sort=oldest&amp;page=2"' in response.content.decode()
    second = client.get(SEARCH, {"speaker": "marlow", "sort": "oldest", "page": 2})
    assert shown(second)[-2:] == [more_statements.reopen, more_statements.wait]
    assert len(shown(second)) == 4


def test_it_keeps_the_search_in_the_form_so_it_can_be_shared(client, story):
    response = client.get(SEARCH, {"speaker": "Ada", "drift": "trimmed"})
    html = response.content.decode()
    assert 'value="Ada"' in html
    assert '<option value="trimmed" selected>' in html


def test_it_shows_an_error_for_a_malformed_date(client, story):
    response = client.get(SEARCH, {"said_from": "next tuesday"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_it_shows_an_error_when_the_range_ends_before_it_starts(client, story):
    response = client.get(SEARCH, {"said_from": "2024-05-01", "said_to": "2024-01-01"})
    assert response.status_code == 400
    assert "must not be after" in response.content.decode()


def test_it_shows_an_error_for_an_unknown_outlet_or_drift_class(client, story):
    for params in ({"outlet": "no-such-outlet"}, {"drift": "sideways"}, {"sort": "random"}):
        response = client.get(SEARCH, params)
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()


def test_it_survives_a_nonsense_page_number(client, story):
    response = client.get(SEARCH, {"page": "last'--"})
    assert response.status_code == 200
    assert shown(response) == [story.reopen, story.wait, story.script]


def test_it_suggests_speakers_by_name_or_alias_as_listbox_options(client, story):
    response = client.get(reverse("web:speaker-suggestions"), {"speaker": "commiss"})
    assert response.status_code == 200
    assert 'role="option"' in response.content.decode()
    assert 'data-value="Ada Marlow"' in response.content.decode()
    assert "Tomas Reyes" not in response.content.decode()


def test_it_suggests_each_speaker_once_when_several_names_match(client, story):
    response = client.get(reverse("web:speaker-suggestions"), {"speaker": "marlow"})
    assert response.content.decode().count('role="option"') == 1


def test_it_suggests_nothing_for_an_empty_box(client, story):
    response = client.get(reverse("web:speaker-suggestions"), {"speaker": "  "})
    assert response.content.decode().strip() == ""


def test_it_keeps_the_further_filters_folded_until_one_is_used(client, story):
    assert '<details class="more-filters">' in client.get(SEARCH).content.decode()
    response = client.get(SEARCH, {"drift": "trimmed"})
    assert '<details class="more-filters" open>' in response.content.decode()


def test_it_says_there_is_nothing_yet_on_an_empty_site(client, db):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "No statements yet" in response.content.decode()
