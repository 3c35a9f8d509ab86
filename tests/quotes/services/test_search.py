"""Word search over statements: the same matches on SQLite and PostgreSQL, ranked on PostgreSQL."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from quotes.models import Quote, Speaker, Statement
from quotes.services import search
from quotes.services.search import matching_statements, with_words
from sources.models import Article, Outlet

pytestmark = pytest.mark.django_db


class Newsroom:
    """A few outlets, speakers and statements, each quote its own sentence."""

    def __init__(self):
        self.outlets = {}
        self.articles = {}
        self.offsets = {}

    def statement(self, text, speaker=None, outlet="Harbour Gazette", **quote_fields):
        statement = Statement.objects.create(canonical_text=text)
        self.quote(statement, text, speaker, outlet, **quote_fields)
        return statement

    def quote(self, statement, text, speaker=None, outlet="Harbour Gazette", **fields):
        article = self.article(outlet)
        start = self.offsets.get(article.pk, 0)
        self.offsets[article.pk] = start + len(text) + 1
        return Quote.objects.create(
            article=article,
            text=text,
            start=start,
            end=start + len(text),
            quotation=len(self.offsets),
            statement=statement,
            speaker=self.speaker(speaker),
            **fields,
        )

    def article(self, outlet_name):
        if outlet_name not in self.articles:
            outlet, _ = Outlet.objects.get_or_create(name=outlet_name)
            self.articles[outlet_name] = Article.objects.create(
                outlet=outlet,
                title=f"News from {outlet_name}",
                body="…",
                source=f"{outlet.slug}.txt",
                content_hash=outlet.slug,
            )
        return self.articles[outlet_name]

    @staticmethod
    def speaker(name):
        if name is None:
            return None
        return Speaker.objects.get_or_create(name=name)[0]


@pytest.fixture
def newsroom():
    return Newsroom()


def found(words):
    return list(matching_statements(Statement.objects.all(), words))


def test_it_finds_statements_whose_quote_has_every_word(newsroom):
    bridge = newsroom.statement("The new bridge will open in spring.")
    newsroom.statement("The old ferry will keep running.")

    assert found("bridge spring") == [bridge]
    assert found("bridge winter") == []


def test_it_ignores_case_and_punctuation(newsroom):
    bridge = newsroom.statement("The new bridge will open in spring.")

    assert found('"BRIDGE", Spring!') == [bridge]


def test_it_ignores_case_in_other_scripts_too(newsroom):
    greek = newsroom.statement("Η γέφυρα θα ανοίξει την άνοιξη.")

    assert found("ΓΈΦΥΡΑ") == [greek]


def test_it_matches_whole_words_only(newsroom):
    newsroom.statement("Our software is ready.")

    assert found("war") == []


def test_it_keeps_stop_words_searchable(newsroom):
    promise = newsroom.statement("We will not give up.")

    assert found("we will not") == [promise]


def test_it_finds_words_in_the_speaker_and_outlet_names(newsroom):
    tolls = newsroom.statement("Tolls stay as they are.", speaker="Mara Quill", outlet="Valley Courier")
    newsroom.statement("Tolls will rise.", speaker="Ossian Pell")

    assert found("quill tolls") == [tolls]
    assert found("courier") == [tolls]


def test_it_hides_quotes_an_editor_marked_as_not_quotes(newsroom):
    newsroom.statement("Read more about the harbour.", hidden_by_editor=True)

    assert found("harbour") == []


def test_it_returns_each_statement_once_however_many_quotes_match(newsroom):
    bridge = newsroom.statement("The bridge will open in spring.")
    newsroom.quote(bridge, "The bridge will open in spring.", outlet="Valley Courier")

    assert found("bridge") == [bridge]


def test_it_keeps_the_callers_filters(newsroom):
    newsroom.statement("The bridge will open.", speaker="Mara Quill")
    by_pell = newsroom.statement("The bridge will close.", speaker="Ossian Pell")
    pell = Speaker.objects.get(name="Ossian Pell")
    Statement.objects.filter(pk=by_pell.pk).update(speaker=pell)

    assert list(matching_statements(Statement.objects.filter(speaker=pell), "bridge")) == [by_pell]


def test_it_returns_the_queryset_unchanged_without_words(newsroom):
    newsroom.statement("The bridge will open.")
    everything = Statement.objects.all()

    assert matching_statements(everything, "  ?! ") is everything


def test_a_word_in_more_quotes_than_it_reads_finds_the_statements_of_its_newest(newsroom, monkeypatch):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 2)
    newsroom.statement("The bridge will open.")
    closing = newsroom.statement("The bridge will close.")
    tolls = newsroom.statement("The bridge tolls stay.")

    assert set(found("bridge")) == {closing, tolls}  # alike on both backends: only the order differs


def test_a_narrowed_search_reads_the_newest_matches_among_the_statements_left(newsroom, monkeypatch):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 1)
    opening = newsroom.statement("The bridge will open.", speaker="Mara Quill")
    newsroom.statement("The bridge will close.", speaker="Ossian Pell")
    quill = Speaker.objects.get(name="Mara Quill")
    Statement.objects.filter(pk=opening.pk).update(speaker=quill)
    by_quill = Statement.objects.filter(speaker=quill)

    assert list(matching_statements(by_quill, "bridge", narrowed=True)) == [opening]


def test_a_narrowed_search_finds_the_same_whether_it_lists_the_statements_left_or_not(newsroom, monkeypatch):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 3)  # two quotes a statement: the newest two statements
    for week, outlet in enumerate(["Harbour Gazette", "Valley Courier"] * 3):
        statement = newsroom.statement(f"The bridge will open in week {week}.", outlet=outlet)
        newsroom.quote(statement, f"A bridge opens in week {week}.", outlet="Quill Post")
    in_the_courier = Statement.objects.filter(quotes__article__outlet__name="Valley Courier").distinct()
    monkeypatch.setattr(search, "LISTING_MATCHES", 0)  # a few rows: list them as for a common word

    listed = list(matching_statements(in_the_courier, "bridge", narrowed=True))
    monkeypatch.setattr(search, "NARROWED_IDS", 0)  # too many to list: read as a subquery

    assert list(matching_statements(in_the_courier, "bridge", narrowed=True)) == listed
    assert {statement.canonical_text for statement in listed} == {
        "The bridge will open in week 3.",
        "The bridge will open in week 5.",
    }


@pytest.fixture
def on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan (PostgreSQL lists the statements left from its planner's estimates)")


@pytest.fixture
def weekly_bridges(newsroom):
    """Four statements, each printed twice: eight quotes with "bridge", the newest
    ones second printings."""
    statements = [newsroom.statement(f"The bridge will open in week {week}.") for week in range(4)]
    for statement in statements:
        newsroom.quote(statement, "A bridge opens.", outlet="Quill Post")
    return statements


def newest_matches_query(statements, words):
    """The query that read the newest matches of a narrowed search, and what it found."""
    with CaptureQueriesContext(connection) as queries:
        found = set(matching_statements(statements, words, narrowed=True))
    newest = next(query["sql"] for query in queries if query["sql"].startswith('SELECT "quotes_quote"'))
    return newest, found


def test_on_sqlite_a_common_word_is_read_from_the_quotes_of_the_statements_listed(
    weekly_bridges, monkeypatch, on_sqlite
):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 3)  # more quotes than it reads: a common word
    first, _, third, _ = weekly_bridges
    left = Statement.objects.filter(pk__in=[first.pk, third.pk])  # looked up by id, as an outlet's are

    newest, found = newest_matches_query(left, "bridge")

    assert found == {first, third}
    assert "json_each" in newest and "EXISTS" not in newest


def test_on_sqlite_a_rare_word_walks_its_matches(weekly_bridges, on_sqlite):
    first, _, third, _ = weekly_bridges
    left = Statement.objects.filter(pk__in=[first.pk, third.pk])

    newest, found = newest_matches_query(left, "bridge")

    assert found == {first, third}
    assert "EXISTS" in newest and "json_each" not in newest


def test_on_sqlite_a_common_word_walks_its_matches_where_the_statements_left_are_not_listed(
    weekly_bridges, monkeypatch, on_sqlite
):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 3)
    first, second, _, _ = weekly_bridges
    left = Statement.objects.filter(canonical_text__regex="week [01]")  # SQLite reads every statement

    newest, found = newest_matches_query(left, "bridge")

    assert found == {first, second}
    assert "EXISTS" in newest and "json_each" not in newest


@pytest.mark.postgres_only
def test_a_narrowed_search_leaves_the_planner_as_it_found_it(newsroom, monkeypatch):
    monkeypatch.setattr(search, "LISTING_MATCHES", 0)
    opening = newsroom.statement("The bridge will open.")

    with transaction.atomic():  # a caller's transaction, where SET LOCAL would outlast the search
        assert list(matching_statements(Statement.objects.all(), "bridge", narrowed=True)) == [opening]
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_indexscan")
            assert cursor.fetchone()[0] == "on"


@pytest.mark.postgres_only
def test_it_ranks_a_match_in_the_text_above_one_in_the_speaker_name(newsroom):
    by_name = newsroom.statement("Tolls stay as they are.", speaker="Mara Bridge")
    in_text = newsroom.statement("The bridge tolls stay.", speaker="Ossian Pell")

    ranked = found("bridge tolls")

    assert ranked == [in_text, by_name]
    assert ranked[0].search_rank > ranked[1].search_rank


@pytest.mark.postgres_only
def test_it_ranks_a_match_in_the_speaker_name_above_one_in_the_outlet_name(newsroom):
    in_outlet = newsroom.statement("Tolls stay.", speaker="Ossian Pell", outlet="Quill Courier")
    by_name = newsroom.statement("Tolls stay.", speaker="Mara Quill")

    assert found("quill tolls") == [by_name, in_outlet]


@pytest.mark.postgres_only
def test_a_statement_ranks_by_its_best_matching_quote(newsroom):
    named = newsroom.statement("Tolls stay.", speaker="Mara Bridge", outlet="Bridge Courier")
    newsroom.quote(named, "The bridge tolls stay.", outlet="Valley Post")
    by_name = newsroom.statement("Tolls stay.", speaker="Ossian Bridge")

    ranked = found("bridge tolls")

    assert ranked == [named, by_name]
    assert ranked[0].search_rank > ranked[1].search_rank


def test_the_count_and_the_page_read_the_statements_found_not_their_quotes(newsroom):
    bridge = newsroom.statement("The bridge will open.")
    newsroom.quote(bridge, "A bridge opens.", outlet="Valley Courier")
    newsroom.statement("The ferry will run.")
    statements = matching_statements(Statement.objects.all(), "bridge")  # reads the newest matches

    with CaptureQueriesContext(connection) as queries:
        assert statements.count() == 1
        assert list(statements) == [bridge]

    assert not [query["sql"] for query in queries if "quotes_quote" in query["sql"]]


@pytest.mark.postgres_only
def test_listed_statements_take_the_best_rank_listed_for_them(newsroom):
    first, second, third = (newsroom.statement(f"Statement {n}.") for n in range(3))
    newsroom.statement("A statement none of the newest matches is of.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 0.1::real")  # a rank as ts_rank_cd gives it: a real, read as a float
        tenth = cursor.fetchone()[0]
    newest = [(second.pk, 0.5), (first.pk, 0.25), (third.pk, tenth), (first.pk, 0.75)]

    ranked = with_words(Statement.objects.all(), newest)

    assert [(statement, statement.search_rank) for statement in ranked] == [
        (first, 0.75),
        (second, 0.5),
        (third, tenth),
    ]


@pytest.mark.postgres_only
def test_it_leaves_the_callers_order_alone(newsroom):
    first = newsroom.statement("Bridge.")
    second = newsroom.statement("The bridge, the bridge, the bridge.")

    ordered = matching_statements(Statement.objects.order_by("pk"), "bridge")

    assert list(ordered) == [first, second]


def test_it_finds_other_inflections_of_a_word(newsroom):
    sanctions = newsroom.statement("Further sanctions were announced.")

    assert found("sanction announce") == [sanctions]


def test_it_follows_a_speaker_renamed_after_the_quote_was_stored(newsroom):
    tolls = newsroom.statement("Tolls stay.", speaker="Mara Quill")
    Speaker.objects.filter(name="Mara Quill").update(name="Mara Quill-Ferris")

    assert found("ferris") == [tolls]
    assert found("tolls") == [tolls]


def test_it_follows_an_outlet_renamed_after_the_quote_was_stored(newsroom):
    tolls = newsroom.statement("Tolls stay.", outlet="Valley Courier")
    Outlet.objects.filter(name="Valley Courier").update(name="Valley Herald")

    assert found("herald") == [tolls]
    assert found("courier") == []


def test_it_follows_a_quote_whose_text_an_editor_corrected(newsroom):
    tolls = newsroom.statement("Tols stay.")
    Quote.objects.filter(statement=tolls).update(text="Tolls stay.")

    assert found("tolls") == [tolls]


def test_it_finds_a_singular_where_the_quote_has_a_plural(newsroom):
    troops = newsroom.statement("The troops stay where they are.")

    assert found("troop") == [troops]
    assert found("withdrawing troop") == []


def test_it_finds_a_phrase_only_with_its_words_together_and_in_order(newsroom):
    together = newsroom.statement("There will be no withdrawals this year.")
    newsroom.statement("No one spoke of a withdrawal.")

    assert found('"no withdrawal"') == [together]
    assert found('"withdrawal no"') == []


def test_it_finds_either_word_joined_by_or(newsroom):
    troops = newsroom.statement("The troops stay.")
    forces = newsroom.statement("The forces stay.")
    newsroom.statement("The ships stay.")

    assert set(found("troops OR forces")) == {troops, forces}
    assert set(found("troops OR forces stay")) == {troops, forces}
    assert found("troops or forces") == []  # a lower-case "or" is a word to find


def test_it_leaves_out_statements_with_an_excluded_word(newsroom):
    troops = newsroom.statement("The troops stay in the north.")
    forces = newsroom.statement("The forces stay in Crimea.")

    assert found("troops OR forces -Crimea") == [troops]
    assert found('stay -"in the north"') == [forces]


def test_it_leaves_out_a_statement_when_any_of_its_quotes_has_the_excluded_word(newsroom):
    ferry = newsroom.statement("The ferry keeps running.")
    newsroom.quote(ferry, "The ferry keeps running to Crimea.", outlet="Valley Courier")

    assert found("ferry -crimea") == []


def test_an_excluded_word_in_a_quote_of_no_statement_or_a_hidden_one_leaves_the_others(newsroom):
    ferry = newsroom.statement("The ferry keeps running.")
    newsroom.quote(None, "The ferry to Crimea stops.")  # a quote not yet grouped into a statement
    newsroom.quote(
        ferry, "The ferry keeps running to Crimea.", outlet="Valley Courier", hidden_by_editor=True
    )

    assert found("ferry -crimea") == [ferry]
    assert found("-crimea") == [ferry]


def test_it_reads_operators_inside_a_phrase_as_words(newsroom):
    literal = newsroom.statement("Take it OR leave it.")

    assert found('"it OR leave"') == [literal]


def test_it_searches_nothing_for_a_lone_minus_or_or(newsroom):
    newsroom.statement("The bridge will open.")
    everything = Statement.objects.all()

    assert matching_statements(everything, " - OR ") is everything


def test_it_follows_an_article_moved_to_another_outlet(newsroom):
    tolls = newsroom.statement("Tolls stay.", outlet="Valley Courier")
    herald = Outlet.objects.create(name="Valley Herald")
    Article.objects.filter(outlet__name="Valley Courier").update(outlet=herald)

    assert found("herald") == [tolls]


def test_it_forgets_a_deleted_quote(newsroom):
    tolls = newsroom.statement("Tolls stay.")
    Quote.objects.filter(statement=tolls).delete()

    assert found("tolls") == []


def test_an_outlets_statements_are_listed_once_until_a_quote_is_added_to_it(
    newsroom, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.CACHE_URL = "redis://shared.invalid:6379/1"  # lists are kept: the tests' own cache stands in
    monkeypatch.setattr(search, "LISTING_MATCHES", 0)  # PostgreSQL lists them as for a common word
    monkeypatch.setattr(search, "RANK_CANDIDATES", 2)  # and so does SQLite: both quotes match
    for backend_cap in ("NARROWED_IDS", "SQLITE_LISTED_IDS"):
        monkeypatch.setattr(search, backend_cap, 100)  # the listing query ends "LIMIT 101"
    newsroom.statement("The bridge will open.", outlet="Valley Courier")
    newsroom.statement("The bridge will open elsewhere.")
    from_the_courier = Quote.objects.filter(article__outlet__name="Valley Courier").values("statement")
    in_the_courier = Statement.objects.filter(pk__in=from_the_courier)  # looked up by id, as the form's are

    def searched():
        with CaptureQueriesContext(connection) as queries:
            texts = {
                statement.canonical_text for statement in matching_statements(in_the_courier, "bridge", True)
            }
        return texts, sum(query["sql"].endswith("LIMIT 101") for query in queries)

    assert searched() == ({"The bridge will open."}, 1)
    assert searched() == ({"The bridge will open."}, 0)
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.statement("The bridge will close.", outlet="Valley Courier")
    assert searched() == ({"The bridge will open.", "The bridge will close."}, 1)
