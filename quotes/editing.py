"""What an editor can do to attributions, as plain functions over the models.

The admin's actions and change forms call these; nothing else writes the editor
flags. Each change is marked as the editor's (see the flags on the models), so no
rerun of extraction or clustering overwrites it:

  set a Quote's speaker        speaker_method "editor", speaker_confidence 1.0
  move Quotes to a Statement   statement_by_editor
  split Quotes into a new one  statement_by_editor; the Statement created_by_editor
  pin a canonical wording      canonical_pinned, canonical_quote, canonical_text
  set a Statement's speaker    speaker_by_editor
  edit or merge Speakers       edited_by_editor on the Speaker kept
  mark "not a quotation"       not_a_quote (the row stays; pages and export hide it)

Every function runs in one transaction and saves row by row rather than with
queryset.update(), so django-simple-history records each change (with the admin
user when called from a request) and a reason that says which action made it.

Limits: after a move or split the Statements' summary fields (quote_count,
outlet_count, first_seen, the canonical wording when not pinned) are refreshed here,
but the drift of each Quote against a new canonical wording and the Statement's
attribution conflict are left to the next clustering run.
"""
from collections import Counter
from typing import Iterable, NamedTuple

from django.db import transaction
from django.db.models import Count, Min

from .models import Quote, Speaker, SpeakerAlias, Statement


class EditError(ValueError):
    """An edit that cannot be made as asked; nothing was changed."""


class MergeResult(NamedTuple):
    speakers_removed: int
    aliases_moved: int
    quotes_moved: int
    statements_moved: int


def _save(row, reason):
    row._change_reason = reason
    row.save()


def apply_speaker(quote: Quote, speaker: Speaker | None) -> None:
    """Give quote the editor's speaker (or none), without saving it."""
    quote.speaker = speaker
    quote.speaker_method = Quote.SpeakerMethod.EDITOR
    quote.speaker_confidence = 1.0


def apply_statement(quote: Quote, statement: Statement | None) -> None:
    """Put quote in the editor's Statement (or none), without saving it."""
    quote.statement = statement
    quote.statement_by_editor = True


def apply_not_a_quote(quote: Quote) -> None:
    """Mark quote as not a quotation and take it out of its Statement, without saving.

    statement_by_editor is set so that clustering leaves it out of every Statement.
    """
    quote.not_a_quote = True
    quote.statement = None
    quote.statement_by_editor = True


def apply_quote_restored(quote: Quote) -> None:
    """Undo "not a quotation" and let clustering place the quote again, without saving."""
    quote.not_a_quote = False
    quote.statement_by_editor = False


def apply_canonical(statement: Statement, quote: Quote | None, text: str | None = None):
    """Pin statement's canonical wording, without saving.

    The wording is text when given, else quote's text, else the current wording.
    """
    if quote is not None and quote.statement_id != statement.pk:
        raise EditError(f"Quote {quote.pk} is not in Statement {statement.pk}.")
    statement.canonical_pinned = True
    statement.canonical_quote = quote
    if text is not None:
        statement.canonical_text = text
    elif quote is not None:
        statement.canonical_text = quote.text


@transaction.atomic
def set_speaker(quotes: Iterable[Quote], speaker: Speaker | None) -> int:
    """Attribute each quote to speaker as the editor's choice; returns how many."""
    reason = f"Editor set the speaker to {speaker or 'nobody'}"
    count = 0
    for quote in quotes:
        apply_speaker(quote, speaker)
        _save(quote, reason)
        count += 1
    return count


@transaction.atomic
def mark_not_a_quote(quotes: Iterable[Quote]) -> int:
    """Mark each quote as not a quotation; returns how many. Their Statements are refreshed."""
    touched, count = set(), 0
    for quote in quotes:
        touched.add(quote.statement_id)
        apply_not_a_quote(quote)
        _save(quote, "Editor marked it as not a quotation")
        count += 1
    refresh_statements(touched)
    return count


@transaction.atomic
def move_quotes(quotes: Iterable[Quote], statement: Statement) -> int:
    """Move each quote into statement as the editor's choice; returns how many.

    The Statements they left are refreshed, and deleted when no quote is left in them.
    """
    touched, count = {statement.pk}, 0
    for quote in quotes:
        if quote.not_a_quote:
            raise EditError(f"Quote {quote.pk} is marked as not a quotation.")
        touched.add(quote.statement_id)
        apply_statement(quote, statement)
        _save(quote, f"Editor moved it to Statement {statement.pk}")
        count += 1
    refresh_statements(touched)
    return count


@transaction.atomic
def split_quotes(quotes: Iterable[Quote]) -> Statement:
    """Move the quotes into a new Statement of their own, made by the editor.

    Its speaker is the one most of the quotes have; its canonical wording is chosen as
    for any unpinned Statement (see choose_canonical).
    """
    quotes = list(quotes)
    if not quotes:
        raise EditError("Select at least one quote to split off.")
    speakers = Counter(quote.speaker for quote in quotes if quote.speaker_id)
    speaker = speakers.most_common(1)[0][0] if speakers else None
    canonical = choose_canonical(quotes)
    statement = Statement(
        speaker=speaker,
        canonical_text=canonical.text,
        canonical_quote=canonical,
        created_by_editor=True,
    )
    _save(statement, "Editor split it off")
    move_quotes(quotes, statement)
    statement.refresh_from_db()
    return statement


@transaction.atomic
def pin_canonical(quote: Quote) -> Statement:
    """Pin quote's text as the canonical wording of its Statement."""
    if quote.statement_id is None:
        raise EditError(f"Quote {quote.pk} is in no Statement.")
    statement = quote.statement
    apply_canonical(statement, quote)
    _save(statement, f"Editor pinned the wording of quote {quote.pk}")
    return statement


@transaction.atomic
def merge_speakers(keep: Speaker, others: Iterable[Speaker]) -> MergeResult:
    """Fold each of others into keep, then delete them; nothing they carried is lost.

    Their aliases, their names (as aliases of keep), their quotes and their statements
    move to keep, and keep takes a description when it has none. Name resolution goes
    through SpeakerAlias, so a later extraction finds keep under every name. The
    quotes keep the way their speaker was found: the merge says who a name means, not
    which name a quote carried.
    """
    others = [speaker for speaker in others if speaker.pk != keep.pk]
    if not others:
        raise EditError("Choose at least one speaker other than the one kept.")
    known = set(keep.aliases.values_list("alias", flat=True)) | {keep.name}
    aliases = quotes = statements = 0
    for other in others:
        reason = f"Editor merged {other.name} into {keep.name}"
        for alias in list(other.aliases.all()):
            if alias.alias in known:
                alias._change_reason = reason
                alias.delete()
            else:
                alias.speaker = keep
                _save(alias, reason)
                known.add(alias.alias)
                aliases += 1
        if other.name not in known:
            _save(SpeakerAlias(speaker=keep, alias=other.name), reason)
            known.add(other.name)
            aliases += 1
        for quote in other.quotes.all():
            quote.speaker = keep
            _save(quote, reason)
            quotes += 1
        for statement in other.statements.all():
            statement.speaker = keep
            _save(statement, reason)
            statements += 1
        if not keep.description and other.description:
            keep.description = other.description
        other._change_reason = reason
        other.delete()
    keep.edited_by_editor = True
    _save(keep, f"Editor merged {', '.join(other.name for other in others)} into it")
    return MergeResult(len(others), aliases, quotes, statements)


def choose_canonical(quotes: list[Quote]) -> Quote:
    """The wording most of the quotes share exactly; ties go to the longest, then the first.

    A stand-in for clustering's own choice, used only until the next clustering run
    looks at a Statement an editor changed.
    """
    counts = Counter(quote.text for quote in quotes)
    return max(quotes, key=lambda quote: (counts[quote.text], len(quote.text), -quote.pk))


def refresh_statements(statement_ids: Iterable[int | None]) -> None:
    """Recount the named Statements after quotes moved; delete those left empty."""
    for statement in Statement.objects.filter(pk__in=[pk for pk in statement_ids if pk]):
        refresh_statement(statement)


def refresh_statement(statement: Statement) -> Statement | None:
    """Bring statement's summary fields in line with its quotes; None when it was deleted.

    Counts exclude quotes marked as not a quotation. A canonical quote that left the
    Statement is dropped; an unpinned Statement then takes a new canonical wording,
    a pinned one keeps the editor's text.
    """
    quotes = list(statement.quotes.filter(not_a_quote=False).order_by("pk"))
    if not quotes and not statement.quotes.exists():
        statement._change_reason = "No quote left after an editor's move"
        statement.delete()
        return None
    summary = statement.quotes.filter(not_a_quote=False).aggregate(
        outlets=Count("article__outlet", distinct=True), first=Min("article__published")
    )
    statement.quote_count = len(quotes)
    statement.outlet_count = summary["outlets"]
    statement.first_seen = summary["first"]
    if statement.canonical_quote_id not in {quote.pk for quote in quotes}:
        statement.canonical_quote = None
        if not statement.canonical_pinned and quotes:
            statement.canonical_quote = choose_canonical(quotes)
            statement.canonical_text = statement.canonical_quote.text
    _save(statement, "Summary refreshed after an editor's change")
    return statement
