"""Pages list a statement while it counts a visible quote: the counter follows editors' actions."""

from django.urls import reverse

from quotes.models import Statement
from quotes.services import clustering, editing
from quotes.services.figures import outlet_figures, refresh_outlet_figures


def listed(client):
    return [row.statement for row in client.get(reverse("web:search")).context["rows"]]


def test_a_statement_leaves_the_pages_when_an_editor_hides_its_last_quote(client, story):
    editing.mark_not_a_quote([story.script_quote])

    # Emptied, it is removed, or kept with no visible quote when an editor made it.
    assert not Statement.objects.visible().filter(pk=story.script.pk).exists()
    assert story.script not in listed(client)
    assert client.get(reverse("web:statement", args=[story.script.pk])).status_code == 404


def test_a_moved_quote_is_counted_where_it_went(client, story):
    editing.move_quotes([story.wait_courier], story.reopen)

    counts = dict(
        Statement.objects.filter(pk__in=[story.reopen.pk, story.wait.pk]).values_list("pk", "quote_count")
    )
    assert counts == {story.reopen.pk: 4, story.wait.pk: 1}
    assert {story.reopen, story.wait} <= set(listed(client))


def test_a_refresh_counts_the_visible_quotes_again(client, story):
    Statement.objects.filter(pk=story.reopen.pk).update(quote_count=0)
    assert story.reopen not in listed(client)

    clustering.refresh_statements({story.reopen.pk})

    story.reopen.refresh_from_db()
    assert story.reopen.quote_count == 3
    assert story.reopen in listed(client)


def test_the_statement_page_answers_404_when_the_counter_is_ahead_of_deleted_quotes(client, story):
    story.script_quote.delete()

    assert client.get(reverse("web:statement", args=[story.script.pk])).status_code == 404


def test_outlet_figures_follow_a_refresh(story):
    before = outlet_figures([story.times.pk])[story.times.pk]
    editing.mark_not_a_quote([story.reopen_reworded])
    refresh_outlet_figures()

    after = outlet_figures([story.times.pk])[story.times.pk]
    assert before.drift_counts.get("reworded") == 1
    assert "reworded" not in after.drift_counts
    assert after.quote_count == before.quote_count - 1
