"""An editor's word is final: every kind of edit survives a rerun of the whole pipeline.

The pipeline runs on the bundled samples (ingest, extract, cluster); an editor then
makes one edit of each kind through the admin; the pipeline runs again, down to
`cluster_quotes --rebuild`; every edit must still hold. Quotes are found again by
their span in the article, so the test holds whether a rerun updates rows in place
or writes them anew; Statements and Speakers an editor touched must keep their rows.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
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


def exported_spans(path):
    call_command("export_quotes", "--output", str(path))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {(line["article"]["id"], line["start"], line["end"]) for line in lines}


@pytest.mark.slow
def test_every_kind_of_editors_edit_survives_a_rerun(admin_client, tmp_path):
    run_pipeline()
    statements = list(Statement.objects.order_by("-quote_count", "pk"))
    assert len(statements) >= 3 and statements[0].quote_count >= 2
    assert Speaker.objects.count() >= 4
    pinned, moved_into = statements[0], statements[0]

    to_pin = pinned.quotes.exclude(pk=pinned.canonical_quote_id).order_by("pk").first()
    act(admin_client, QUOTES, "pin_as_canonical", [to_pin])

    elsewhere = Quote.objects.filter(statement__isnull=False).exclude(statement=pinned)
    to_split, to_move = elsewhere.order_by("pk")[:2]
    act(admin_client, QUOTES, "split_into_new_statement", [to_split])
    split_off = Quote.objects.get(pk=to_split.pk).statement
    act(admin_client, QUOTES, "move_to_statement", [to_move], statement=moved_into.pk)

    respoken = Statement.objects.exclude(pk__in=[pinned.pk, split_off.pk]).order_by("pk").first()
    new_voice = other_speaker(respoken.speaker)
    save_change_form(admin_client, respoken, speaker=new_voice.pk)

    chosen = {to_pin.pk, to_split.pk, to_move.pk}
    free = Quote.objects.exclude(pk__in=chosen).exclude(statement=respoken).order_by("pk")
    to_reattribute, hidden_by_editor = free[:2]
    reattributed_to = other_speaker(to_reattribute.speaker)
    act(admin_client, QUOTES, "set_speaker", [to_reattribute], speaker=reattributed_to.pk)
    act(admin_client, QUOTES, "mark_not_a_quote", [hidden_by_editor])

    keep, dropped = Speaker.objects.exclude(pk__in=[reattributed_to.pk, new_voice.pk]).order_by("pk")[:2]
    dropped_spans = [span(quote) for quote in dropped.quotes.exclude(speaker_method="editor")]
    kept_spans = [span(quote) for quote in keep.quotes.exclude(speaker_method="editor")]
    assert dropped_spans and kept_spans
    act(admin_client, SPEAKERS, "merge_into_chosen", [keep, dropped], keep=keep.pk)
    old_name = keep.name
    renamed = save_change_form(
        admin_client, keep, name=f"{old_name} (renamed)", description="Described by an editor"
    )

    outlet = save_change_form(admin_client, to_pin.article.outlet, domain="edited.example", language="de")

    run_pipeline()

    outlet.refresh_from_db()
    assert (outlet.domain, outlet.language) == ("edited.example", "de")
    assert to_pin.article.outlet_id == at(span(to_pin)).article.outlet_id

    pinned.refresh_from_db()
    assert pinned.wording_pinned
    assert (pinned.canonical_quote_id, pinned.canonical_text) == (to_pin.pk, to_pin.text)

    split_off.refresh_from_db()
    assert split_off.created_by_editor
    assert (at(span(to_split)).statement, at(span(to_split)).statement_set_by_editor) == (split_off, True)
    assert (at(span(to_move)).statement, at(span(to_move)).statement_set_by_editor) == (moved_into, True)

    respoken.refresh_from_db()
    assert (respoken.speaker, respoken.speaker_set_by_editor) == (new_voice, True)

    reattributed = at(span(to_reattribute))
    assert (reattributed.speaker, reattributed.speaker_method) == (reattributed_to, "editor")
    assert reattributed.speaker_confidence == 1.0

    hidden = at(span(hidden_by_editor))
    assert hidden.hidden_by_editor and hidden.statement is None
    assert span(hidden) not in exported_spans(tmp_path / "quotes.jsonl")

    assert not Speaker.objects.filter(name__in=[dropped.name, old_name]).exists()
    assert {at(place).speaker for place in dropped_spans + kept_spans} == {renamed}
    renamed.refresh_from_db()
    assert renamed.edited_by_editor
    assert (renamed.name, renamed.description) == (f"{old_name} (renamed)", "Described by an editor")


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
