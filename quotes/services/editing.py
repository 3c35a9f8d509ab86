"""What an editor can do to attributions, as plain functions over the models.

The admin's actions and change forms call these (save_*_form for the forms);
nothing else writes the editor flags. Each change is marked as the editor's (see
the flags on the models), so no rerun of extraction or clustering overwrites it:

  set a Quote's speaker        speaker_method "editor", speaker_confidence 1.0
  move Quotes to a Statement   statement_set_by_editor (also when merging Statements)
  split Quotes into a new one  statement_set_by_editor; the Statement created_by_editor
  pin a canonical wording      wording_pinned, canonical_quote, canonical_text
  set a Statement's speaker    speaker_set_by_editor
  edit or merge Speakers       edited_by_editor on the Speaker kept
  mark "not a quotation"       hidden_by_editor (the row stays; pages and export hide it)
  accept or reassign a speaker speaker_method "editor" on the quote and the other
    from the review queue      sentences of its quotation; its Statement's speaker the
                               editor's; the Statement's quotes whose speaker came from a
                               pronoun, a role noun, consensus or nothing follow it

Fixes teach the rest (accept, reassign): the sentences of one quotation share one
attribution, so they take the editor's speaker too; the Statement is one utterance, so it
takes the speaker (speaker_set_by_editor), and its weakly attributed quotes (clustering's
WEAK_METHODS) follow as "consensus", as clustering's own consensus would make them, with a
history row each. The fix says how many other rows it changed, and a `Review` row records
the decision with the queue's reasons and the method as they were, for the corrections
report; set_speaker and mark_not_a_quote record one per quote as well. The review queue's
scores of every article the fix touched are computed again (quotes.services.review).

Every function runs in one transaction and saves row by row rather than with
queryset.update(), so django-simple-history records each change (with the admin
user when called from a request) and a reason that says which action made it.
Each edits the rows as stored now, locked (see _locked, _fresh): a clustering run
that committed while the editor looked at a page keeps its work, and one still
running waits, so neither change is lost.

Every Statement an edit touches is refreshed at once with clustering's own
refresh (counts, first seen, canonical wording, speaker, conflict, drift), so the
pages are right before the next clustering run.

The first edit of a row the pipeline wrote in bulk first records the row as it
was (see keep_baseline), so the history shows what the editor changed.

Limits: history is recorded for the rows an editor changed; the summary fields the
refresh recomputes are bulk-updated without history rows.
"""

from collections.abc import Iterable
from typing import NamedTuple

from django.db import transaction

from quotes.models import Quote, Review, Speaker, SpeakerAlias, Statement
from quotes.services import clustering, review


class EditError(ValueError):
    """An edit that cannot be made as asked; nothing was changed."""


class Fix(NamedTuple):
    """What one fix from the review queue did: the decision, and the other rows it changed
    (sentences of the same quotation, quotes of its Statement that followed)."""

    decision: str
    sentences: int
    followers: int

    @property
    def rows_changed(self) -> int:
        return self.sentences + self.followers


class MergeResult(NamedTuple):
    speakers_removed: int
    aliases_moved: int
    quotes_moved: int
    statements_moved: int


def _save(row, reason):
    keep_baseline(row)
    row._change_reason = reason
    row.save()


def _locked(rows):
    """Fresh copies of rows, locked until the transaction ends, in primary-key order."""
    rows = list(rows)
    if not rows:
        return []
    model = type(rows[0])
    return list(model.objects.select_for_update().filter(pk__in=[row.pk for row in rows]).order_by("pk"))


def _fresh(row, changed):
    """row as stored now, locked, with the fields the editor changed in a form on top."""
    if row.pk is None:
        return row
    fresh = type(row).objects.select_for_update().get(pk=row.pk)
    for name in changed:
        setattr(fresh, name, getattr(row, name))
    return fresh


def keep_baseline(row) -> None:
    """Record row as stored, before an editor's first change, when its history is empty.

    The pipeline writes Quotes, Statements and aliases in bulk, which
    django-simple-history does not see; without a baseline the history of the first
    edit would have nothing to compare with. The baseline names no user.
    """
    if row.pk is None or row.history.exists():
        return
    stored = type(row).objects.filter(pk=row.pk).first()
    if stored is not None:
        stored._history_user = None
        type(row).history.bulk_history_create([stored], default_change_reason="As the pipeline stored it")


def _give_speaker(quote: Quote, speaker: Speaker | None) -> None:
    quote.speaker = speaker
    quote.speaker_method = Quote.SpeakerMethod.EDITOR
    quote.speaker_confidence = 1.0


def _give_statement(quote: Quote, statement: Statement | None) -> None:
    release_canonical(quote, staying_in=statement)
    quote.statement = statement
    quote.statement_set_by_editor = True


def _strike(quote: Quote) -> None:
    """Not a quotation: out of its Statement, where clustering will not put it back.

    A wording pinned from this quote goes with it (the Statement takes its canonical
    wording from its visible quotes again), or the hidden text would stay on every page
    that shows the Statement. A wording an editor typed in stays.
    """
    pinned = Statement.objects.filter(pk=quote.statement_id, wording_pinned=True, canonical_text=quote.text)
    for statement in pinned:
        statement.wording_pinned, statement.canonical_quote = False, None
        _save(statement, f"Its pinned wording left with quote {quote.pk}, marked as not a quotation")
    _give_statement(quote, None)
    quote.hidden_by_editor = True


def _restore(quote: Quote) -> None:
    """A quotation after all: clustering may place it again."""
    quote.hidden_by_editor = False
    quote.statement_set_by_editor = False


def _pin(statement: Statement, quote: Quote | None, text: str | None = None) -> None:
    """The wording is text when given, else quote's text, else the current wording."""
    if quote is not None and quote.statement_id != statement.pk:
        raise EditError(f"Quote {quote.pk} is not in Statement {statement.pk}.")
    statement.wording_pinned = True
    statement.canonical_quote = quote
    if text is not None:
        statement.canonical_text = text
    elif quote is not None:
        statement.canonical_text = quote.text


@transaction.atomic
def save_quote_form(quote: Quote, changed: Iterable[str]) -> None:
    """Save a Quote an editor changed in its form; changed names the fields changed.

    A new speaker, a new Statement and "not a quotation" (ticked or unticked) are
    marked as the editor's like the matching actions; the Statements it left and
    joined are refreshed.
    """
    changed = set(changed)
    left = Quote.objects.filter(pk=quote.pk).values_list("statement_id", flat=True).first()
    quote = _fresh(quote, changed)
    if "speaker" in changed:
        _give_speaker(quote, quote.speaker)
    if "hidden_by_editor" in changed:
        if quote.hidden_by_editor:
            _strike(quote)
        else:
            _restore(quote)
    if "statement" in changed and not quote.hidden_by_editor:
        _give_statement(quote, quote.statement)
    _save(quote, f"Editor changed {', '.join(sorted(changed))}" if changed else "Editor saved it")
    refresh_after_edit({left, quote.statement_id})


@transaction.atomic
def save_statement_form(statement: Statement, changed: Iterable[str]) -> None:
    """Save a Statement an editor changed in its form; changed names the fields changed.

    A new speaker is marked as the editor's; a new canonical quote or wording pins it
    (a quote chosen alone brings its own text).
    """
    changed = set(changed)
    statement = _fresh(statement, changed)
    if "speaker" in changed:
        statement.speaker_set_by_editor = True
    if changed & {"canonical_quote", "canonical_text"}:
        text = statement.canonical_text if "canonical_text" in changed else None
        _pin(statement, statement.canonical_quote, text)
    _save(statement, f"Editor changed {', '.join(sorted(changed))}" if changed else "Editor saved it")
    refresh_after_edit({statement.pk})


@transaction.atomic
def save_speaker_form(speaker: Speaker, changed: Iterable[str]) -> None:
    """Save a Speaker an editor edited; from now on it is the editor's.

    A renamed speaker keeps its old name as an alias, so that extraction, which finds
    speakers by name or alias, still lands on it.
    """
    changed = set(changed)
    if "name" in changed and speaker.pk is not None:
        old_name = Speaker.objects.filter(pk=speaker.pk).values_list("name", flat=True).get()
        if old_name != speaker.name and not speaker.aliases.filter(alias=old_name).exists():
            _save(SpeakerAlias(speaker=speaker, alias=old_name), "Editor renamed the speaker")
    speaker = _fresh(speaker, changed)
    speaker.edited_by_editor = True
    _save(speaker, f"Editor changed {', '.join(sorted(changed))}" if changed else "Editor saved it")


@transaction.atomic
def set_speaker(quotes: Iterable[Quote], speaker: Speaker | None, editor=None) -> int:
    """Attribute each quote to speaker as the editor's choice; returns how many."""
    reason = f"Editor set the speaker to {speaker or 'nobody'}"
    touched, done = set(), []
    for quote in _locked(quotes):
        _record(quote, _decision(quote, speaker), speaker, editor)
        _give_speaker(quote, speaker)
        _save(quote, reason)
        touched.add(quote.statement_id)
        done.append(quote)
    refresh_after_edit(touched)
    rescore(touched, quotes=done)
    return len(done)


@transaction.atomic
def mark_not_a_quote(quotes: Iterable[Quote], editor=None) -> int:
    """Mark each quote as not a quotation; returns how many. Their Statements are refreshed."""
    touched, count = set(), 0
    for quote in _locked(quotes):
        touched.add(quote.statement_id)
        _record(quote, Review.Decision.NOT_A_QUOTE, quote.speaker, editor)
        _strike(quote)
        _save(quote, "Editor marked it as not a quotation")
        count += 1
    refresh_after_edit(touched)
    rescore(touched, quotes=[])
    return count


def accept(quote: Quote, editor=None) -> Fix:
    """The editor checked quote's speaker and it is right: it leaves the review queue, no
    rerun changes it, and the rest of its quotation and Statement learn from it."""
    return _settle(quote, None, editor, accepting=True)


def reassign(quote: Quote, speaker: Speaker | None, editor=None) -> Fix:
    """The editor chose speaker for quote (None: nobody named said it); see accept."""
    return _settle(quote, speaker, editor, accepting=False)


@transaction.atomic
def _settle(quote: Quote, speaker: Speaker | None, editor, accepting: bool) -> Fix:
    quote = _fresh(quote, ())
    if quote.hidden_by_editor:
        raise EditError(f"Quote {quote.pk} is marked as not a quotation.")
    speaker = quote.speaker if accepting else speaker
    decision = Review.Decision.ACCEPTED if accepting else _decision(quote, speaker)
    review_row = _record(quote, decision, speaker, editor)
    reason = (
        f"Editor accepted the speaker ({speaker or 'nobody'})"
        if decision == Review.Decision.ACCEPTED
        else f"Editor set the speaker to {speaker or 'nobody'}"
    )
    sentences = _locked(
        Quote.objects.visible()
        .filter(article_id=quote.article_id, quotation=quote.quotation)
        .exclude(pk=quote.pk)
        .exclude(speaker_method=Quote.SpeakerMethod.EDITOR)
    )
    for row in [quote, *sentences]:
        _give_speaker(row, speaker)
        _save(row, reason if row is quote else f"{reason}, for its quotation's quote {quote.pk}")
    statements = {row.statement_id for row in [quote, *sentences]} - {None}
    followers = _teach(statements, speaker, quote) if speaker is not None else []
    refresh_after_edit(statements)
    fix = Fix(decision, len(sentences), len(followers))
    review_row.rows_changed = fix.rows_changed
    review_row.save(update_fields=["rows_changed"])
    rescore(statements, quotes=[quote])
    return fix


def _teach(statement_ids: set[int], speaker: Speaker, quote: Quote) -> list[Quote]:
    """Give the Statements speaker as the editor's, and their weakly attributed quotes too."""
    for statement in _locked(Statement.objects.filter(pk__in=statement_ids)):
        if statement.speaker_id != speaker.pk or not statement.speaker_set_by_editor:
            statement.speaker, statement.speaker_set_by_editor = speaker, True
            _save(statement, f"Editor's fix of quote {quote.pk}")
    followers = _locked(
        Quote.objects.visible()
        .filter(statement_id__in=statement_ids, speaker_method__in=clustering.WEAK_METHODS)
        .exclude(speaker=speaker)
    )
    for follower in followers:
        follower.speaker, follower.speaker_method = speaker, Quote.SpeakerMethod.CONSENSUS
        _save(follower, f"Followed the editor's fix of quote {quote.pk}")
    return followers


def _decision(quote: Quote, speaker: Speaker | None) -> str:
    same = quote.speaker_id == getattr(speaker, "pk", None)
    return Review.Decision.ACCEPTED if same else Review.Decision.REASSIGNED


def _record(quote: Quote, decision: str, speaker: Speaker | None, editor) -> Review:
    """A Review of quote as it is before the decision is applied."""
    return Review.objects.create(
        quote=quote,
        decision=decision,
        reasons=quote.doubt_reasons,
        method=quote.speaker_method,
        speaker_before_id=quote.speaker_id,
        speaker_after=None if decision == Review.Decision.NOT_A_QUOTE else speaker,
        editor=editor if getattr(editor, "pk", None) else None,
    )


def rescore(statement_ids: Iterable[int | None], quotes: Iterable[Quote]) -> None:
    """Score again the review queue of the articles that print the Statements or quotes."""
    ids = {pk for pk in statement_ids if pk is not None}
    articles = set(Quote.objects.filter(statement_id__in=ids).values_list("article_id", flat=True))
    review.score_articles(articles | {quote.article_id for quote in quotes})


@transaction.atomic
def move_quotes(quotes: Iterable[Quote], statement: Statement) -> int:
    """Move each quote into statement as the editor's choice; returns how many.

    The Statements they left and statement are refreshed (see refresh_after_edit).
    """
    touched, count = {statement.pk}, 0
    for quote in _locked(quotes):
        if quote.hidden_by_editor:
            raise EditError(f"Quote {quote.pk} is marked as not a quotation.")
        touched.add(quote.statement_id)
        _give_statement(quote, statement)
        _save(quote, f"Editor moved it to Statement {statement.pk}")
        count += 1
    refresh_after_edit(touched)
    return count


@transaction.atomic
def split_quotes(quotes: Iterable[Quote]) -> Statement:
    """Move the quotes into a new Statement of their own, made by the editor.

    Its speaker and canonical wording are then chosen as clustering chooses them for
    any Statement; the editor can pin or set them afterwards.
    """
    quotes = list(quotes)
    if not quotes:
        raise EditError("Select at least one quote to split off.")
    statement = Statement(canonical_text=quotes[0].text, created_by_editor=True)
    _save(statement, "Editor split it off")
    move_quotes(quotes, statement)
    statement.refresh_from_db()
    return statement


@transaction.atomic
def pin_canonical(quote: Quote) -> Statement:
    """Pin quote's text as the canonical wording of its Statement; its quotes' drift is
    measured again against it."""
    if quote.statement_id is None:
        raise EditError(f"Quote {quote.pk} is in no Statement.")
    quote, statement = _fresh(quote, ()), _fresh(quote.statement, ())
    _pin(statement, quote)
    _save(statement, f"Editor pinned the wording of quote {quote.pk}")
    refresh_after_edit({statement.pk})
    statement.refresh_from_db()
    return statement


@transaction.atomic
def merge_statements(keep: Statement, others: Iterable[Statement]) -> int:
    """Move every quote of others into keep as the editor's choice, then delete others.

    For when clustering split one utterance in two. keep's pinned wording and speaker
    stay; returns how many quotes moved.
    """
    others = [statement for statement in others if statement.pk != keep.pk]
    if not others:
        raise EditError("Choose at least one statement other than the one kept.")
    quotes = Quote.objects.filter(statement__in=others, hidden_by_editor=False).order_by("pk")
    moved = move_quotes(quotes, keep)
    for other in others:
        other._change_reason = f"Editor merged it into Statement {keep.pk}"
        other.delete()
    return moved


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
        for quote in _locked(other.quotes.all()):
            quote.speaker = keep
            _save(quote, reason)
            quotes += 1
        for statement in _locked(other.statements.all()):
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


def refresh_after_edit(statement_ids: Iterable[int | None]) -> None:
    """Bring the named Statements in line with their quotes after an editor's change.

    Clustering's own refresh does the work (counts, first seen, canonical wording and
    speaker unless the editor set them, conflict, each member's drift); a Statement
    left without quotes is removed unless an editor made, pinned or gave it a speaker.
    """
    ids = {pk for pk in statement_ids if pk is not None}
    removed = clustering.remove_empty_statements(ids)
    clustering.refresh_statements(ids - removed)


def release_canonical(quote: Quote, staying_in: Statement | None = None) -> None:
    """Drop quote as the pinned canonical quote of any Statement but staying_in.

    The pinned wording stays: it is the editor's. An unpinned Statement takes a new
    canonical quote when it is refreshed.
    """
    pinned = Statement.objects.filter(canonical_quote=quote, wording_pinned=True)
    for statement in pinned.exclude(pk=getattr(staying_in, "pk", None)):
        statement.canonical_quote = None
        _save(statement, f"Its pinned quote {quote.pk} left it")
