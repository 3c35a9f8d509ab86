"""An editor's word is final: every kind of edit survives a rerun of the whole pipeline.

For each kind of edit, one case: the pipeline runs on the bundled samples (ingest,
extract, cluster); an editor makes that edit through the admin; the pipeline runs
again, down to `cluster_quotes --rebuild`; the edit must still hold, and the case's
name says which edit broke. Quotes are found again by
their span in the article, so the test holds whether a rerun updates rows in place
or writes them anew; Statements and Speakers an editor touched must keep their rows.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from sources.models import Article
from tests.admin.conftest import act, save_change_form

SAMPLES = Path(settings.BASE_DIR) / "sources" / "samples"
QUOTES = reverse("admin:quotes_quote_changelist")
SPEAKERS = reverse("admin:quotes_speaker_changelist")

pytestmark = pytest.mark.django_db


def run_pipeline():
    call_command("ingest", str(SAMPLES), "--manifest", str(SAMPLES / "manifest.csv"))
    call_command("extract", "--all")
    call_command("cluster_quotes")
    call_command("cluster_quotes", "--rebuild")


def span(quote):
    return quote.article_id, quote.start, quote.end


def at(place):
    article, start, end = place
    return Quote.objects.get(article=article, start=start, end=end)


def other_speaker(speaker):
    return Speaker.objects.exclude(pk=getattr(speaker, "pk", None)).order_by("pk").first()


def exported_spans():
    out = io.StringIO()
    call_command("export_quotes", stdout=out, stderr=io.StringIO())
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return {(line["article"]["id"], line["start"], line["end"]) for line in lines}


def statements_by_size():
    return list(Statement.objects.order_by("-quote_count", "pk"))


def pin_a_wording(client):
    pinned = statements_by_size()[0]
    to_pin = pinned.quotes.exclude(pk=pinned.canonical_quote_id).order_by("pk").first()
    act(client, QUOTES, "pin_as_canonical", [to_pin])

    def holds():
        pinned.refresh_from_db()
        assert pinned.wording_pinned
        assert (pinned.canonical_quote_id, pinned.canonical_text) == (to_pin.pk, to_pin.text)

    return holds


def split_a_quote_off(client):
    to_split = Quote.objects.filter(statement__isnull=False).exclude(statement=statements_by_size()[0])
    to_split = to_split.order_by("pk").first()
    act(client, QUOTES, "split_into_new_statement", [to_split])
    split_off = Quote.objects.get(pk=to_split.pk).statement

    def holds():
        split_off.refresh_from_db()
        assert split_off.created_by_editor
        assert (at(span(to_split)).statement, at(span(to_split)).statement_set_by_editor) == (split_off, True)

    return holds


def move_a_quote(client):
    moved_into = statements_by_size()[0]
    to_move = Quote.objects.filter(statement__isnull=False).exclude(statement=moved_into).order_by("pk")[1]
    act(client, QUOTES, "move_to_statement", [to_move], statement=moved_into.pk)

    def holds():
        assert (at(span(to_move)).statement, at(span(to_move)).statement_set_by_editor) == (moved_into, True)

    return holds


def give_a_statement_a_speaker(client):
    respoken = statements_by_size()[-1]
    new_voice = other_speaker(respoken.speaker)
    save_change_form(client, respoken, speaker=new_voice.pk)

    def holds():
        respoken.refresh_from_db()
        assert (respoken.speaker, respoken.speaker_set_by_editor) == (new_voice, True)

    return holds


def reattribute_a_quote(client):
    to_reattribute = Quote.objects.order_by("pk").first()
    reattributed_to = other_speaker(to_reattribute.speaker)
    act(client, QUOTES, "set_speaker", [to_reattribute], speaker=reattributed_to.pk)

    def holds():
        reattributed = at(span(to_reattribute))
        assert (reattributed.speaker, reattributed.speaker_method) == (reattributed_to, "editor")
        assert reattributed.speaker_confidence == 1.0

    return holds


def review(client, quote, **data):
    url = reverse("admin:quotes_quote_review_quote", args=[quote.pk])
    assert client.post(url, data).status_code == 302


def accept_from_the_review_queue(client):
    to_accept = Quote.objects.queued().exclude(speaker=None).first()
    review(client, to_accept, action="accept")

    def holds():
        accepted = at(span(to_accept))
        assert (accepted.speaker, accepted.speaker_method) == (to_accept.speaker, "editor")
        assert accepted not in Quote.objects.queued()

    return holds


def reassign_from_the_review_queue(client):
    to_fix = Quote.objects.queued().filter(statement__isnull=False).first()
    fixed_to = other_speaker(to_fix.speaker)
    review(client, to_fix, action="reassign", speaker=fixed_to.pk)

    def holds():
        fixed = at(span(to_fix))
        assert (fixed.speaker, fixed.speaker_method) == (fixed_to, "editor")
        assert fixed not in Quote.objects.queued()

    return holds


def hide_a_quote(client):
    to_hide = Quote.objects.filter(statement__isnull=False).order_by("pk").first()
    act(client, QUOTES, "mark_not_a_quote", [to_hide])

    def holds():
        hidden = at(span(to_hide))
        assert hidden.hidden_by_editor and hidden.statement is None
        assert span(hidden) not in exported_spans()

    return holds


def merge_and_rename_speakers(client):
    keep, dropped = Speaker.objects.order_by("pk")[:2]
    dropped_spans = [span(quote) for quote in dropped.quotes.all()]
    kept_spans = [span(quote) for quote in keep.quotes.all()]
    assert dropped_spans and kept_spans
    act(client, SPEAKERS, "merge_into_chosen", [keep, dropped], keep=keep.pk)
    old_name = keep.name
    renamed = save_change_form(
        client, keep, name=f"{old_name} (renamed)", description="Described by an editor"
    )

    def holds():
        assert not Speaker.objects.filter(name__in=[dropped.name, old_name]).exists()
        assert {at(place).speaker for place in dropped_spans + kept_spans} == {renamed}
        renamed.refresh_from_db()
        assert renamed.edited_by_editor
        assert (renamed.name, renamed.description) == (f"{old_name} (renamed)", "Described by an editor")

    return holds


def edit_an_outlet(client):
    article = Quote.objects.order_by("pk").first().article
    outlet = save_change_form(client, article.outlet, domain="edited.example", language="de")

    def holds():
        outlet.refresh_from_db()
        assert (outlet.domain, outlet.language) == ("edited.example", "de")
        assert Article.objects.get(pk=article.pk).outlet_id == outlet.pk

    return holds


EDITS = [
    pin_a_wording,
    split_a_quote_off,
    move_a_quote,
    give_a_statement_a_speaker,
    reattribute_a_quote,
    accept_from_the_review_queue,
    reassign_from_the_review_queue,
    hide_a_quote,
    merge_and_rename_speakers,
    edit_an_outlet,
]


@pytest.mark.slow
@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__ for edit in EDITS])
def test_an_editors_edit_survives_a_rerun(edit, admin_client):
    run_pipeline()
    assert len(statements_by_size()) >= 3 and statements_by_size()[0].quote_count >= 2
    assert Speaker.objects.count() >= 4
    holds = edit(admin_client)
    run_pipeline()
    holds()


def test_an_alias_an_editor_deleted_stays_deleted(admin_client):
    call_command("ingest", str(SAMPLES), "--manifest", str(SAMPLES / "manifest.csv"))
    alias = SpeakerAlias.objects.order_by("pk").first()
    speaker, wording = alias.speaker, alias.alias
    inline = {
        f"aliases-{n}-DELETE": "on" for n, row in enumerate(speaker.aliases.all()) if row.pk == alias.pk
    }
    save_change_form(admin_client, speaker, **inline)
    assert not speaker.aliases.filter(alias=wording).exists()

    call_command("extract", "--all")

    assert not speaker.aliases.filter(alias=wording).exists()
