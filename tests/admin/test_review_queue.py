"""The review queue in the admin: its pages, one-step fixes that teach the rest, the
corrections report, and who may do what (the newsroom of tests/admin/conftest.py)."""

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.urls import reverse

from quotes.models import Quote, Review
from quotes.services import review

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:quotes_quote_review")
REPORT = reverse("admin:quotes_quote_review_report")


def page_of(quote):
    return reverse("admin:quotes_quote_review_quote", args=[quote.pk])


@pytest.fixture
def scored(newsroom):
    review.score_articles()
    return newsroom


def fix(client, quote, query="", **data):
    response = client.post(page_of(quote) + query, data)
    assert response.status_code == 302, response
    return response, [str(message) for message in get_messages(response.wsgi_request)]


def test_the_queue_lists_the_most_doubtful_quote_first_with_its_reasons(admin_client, scored):
    response = admin_client.get(QUEUE)

    listed = list(response.context["page"])
    assert listed == list(Quote.objects.queued())
    assert listed[0].doubt >= listed[-1].doubt
    assert "Speaker found from a pronoun" in response.content.decode()


def test_the_queue_filters_by_reason_and_outlet(admin_client, scored):
    by_reason = admin_client.get(QUEUE, {"reason": "pronoun"}).context["page"]
    by_outlet = admin_client.get(QUEUE, {"outlet": scored.outlets.harbour.pk}).context["page"]

    assert list(by_reason) == [scored.quotes.again_bridge]
    assert {quote.article.outlet for quote in by_outlet} == {scored.outlets.harbour}


def test_a_quote_page_marks_the_quote_and_shows_the_other_outlets(admin_client, scored):
    Quote.objects.filter(pk=scored.quotes.again_bridge.pk).update(speaker_mention="she")

    response = admin_client.get(page_of(scored.quotes.again_bridge))

    html = response.content.decode()
    assert '<mark class="mark-quote">The bridge opens in May,</mark>' in html
    assert '<mark class="mark-mention">she</mark>' in html and '<mark class="mark-cue">said</mark>' in html
    assert {other.outlet for other in response.context["others"]} == {"Harbour Gazette", "Valley Courier"}
    assert 'data-shortcut="a"' in html


def test_accepting_takes_the_quote_out_of_the_queue_and_goes_to_the_next(admin_client, scored):
    valley = scored.outlets.valley
    quote, following = list(review.queue(outlet=valley))[:2]
    method, speaker = quote.speaker_method, quote.speaker

    response, said = fix(admin_client, quote, f"?outlet={valley.pk}", action="accept")

    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_method) == (speaker, "editor")
    assert quote not in Quote.objects.queued()
    assert response.url == f"{page_of(following)}?outlet={valley.pk}"
    assert said[0].startswith(f"Accepted {speaker}")
    review_row = Review.objects.get(quote=quote)
    assert (review_row.decision, review_row.method, review_row.editor.username) == (
        "accepted",
        method,
        "admin",
    )
    assert quote.history.first().history_change_reason.startswith("Editor accepted the speaker")


def test_a_new_speaker_teaches_the_quotation_and_the_statement(admin_client, scored):
    quotes, engineer = scored.quotes, scored.speakers.engineer
    Quote.objects.filter(pk=quotes.harbour_ready.pk).update(quotation=0)

    _, said = fix(admin_client, quotes.harbour_bridge, action="reassign", speaker=engineer.pk)

    assert (
        "3 other row(s) changed: 1 sentence(s) of the same quotation, 2 quote(s) of its statement followed."
        in said[0]
    )
    for quote in (quotes.harbour_ready, quotes.valley_bridge, quotes.again_bridge):
        quote.refresh_from_db()
        assert quote.speaker == engineer
    assert (quotes.harbour_ready.speaker_method, quotes.valley_bridge.speaker_method) == (
        "editor",
        "consensus",
    )
    scored.statements.bridge.refresh_from_db()
    assert (scored.statements.bridge.speaker, scored.statements.bridge.speaker_set_by_editor) == (
        engineer,
        True,
    )
    assert Review.objects.get(quote=quotes.harbour_bridge).rows_changed == 3


def test_not_a_quotation_hides_it(admin_client, scored):
    quote = scored.quotes.valley_budget

    fix(admin_client, quote, action="not_a_quote")

    quote.refresh_from_db()
    assert quote.hidden_by_editor and quote not in Quote.objects.queued()
    assert Review.objects.get(quote=quote).decision == "not_a_quote"


def test_a_fix_without_a_speaker_chosen_changes_nothing(admin_client, scored):
    quote = scored.quotes.again_bridge

    response, said = fix(admin_client, quote, action="reassign", speaker="")

    assert response.url == page_of(quote)
    assert said == ["Choose a speaker from the list, or search for one."]
    quote.refresh_from_db()
    assert quote.speaker_method == "pronoun"


def test_the_search_finds_speakers_by_fuzzy_name(admin_client, scored):
    response = admin_client.get(page_of(scored.quotes.again_bridge), {"find": "Olu Stoen"})

    assert scored.speakers.engineer in response.context["matches"]


def test_the_corrections_report_exports_csv(admin_client, scored):
    fix(admin_client, scored.quotes.again_bridge, action="accept")

    table = admin_client.get(REPORT)
    export = admin_client.get(REPORT, {"format": "csv"})

    assert "Speaker found from a pronoun" in table.content.decode()
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0].startswith("group,value,label,decided,accepted")
    assert any(line.startswith("method,pronoun,pronoun,1,1,0,0,") for line in lines)


@pytest.fixture
def viewer(client):
    user = User.objects.create_user("viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_quote"))
    client.force_login(user)
    return client


def test_staff_without_the_change_permission_see_the_queue_read_only(viewer, scored):
    quote = scored.quotes.again_bridge

    page = viewer.get(page_of(quote))
    refused = viewer.post(page_of(quote), {"action": "accept"})

    assert viewer.get(QUEUE).status_code == 200 and viewer.get(REPORT).status_code == 200
    assert page.status_code == 200 and 'name="action"' not in page.content.decode()
    assert refused.status_code == 403
    quote.refresh_from_db()
    assert quote.speaker_method == "pronoun"


def test_staff_without_the_view_permission_are_refused(client, scored):
    client.force_login(User.objects.create_user("clerk", is_staff=True))

    assert client.get(QUEUE).status_code == 403


@pytest.mark.parametrize("url", [QUEUE, REPORT])
def test_non_staff_are_sent_to_the_login(client, scored, url):
    client.force_login(User.objects.create_user("reader"))

    response = client.get(url)

    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
