"""What a Statement's variants say beyond their drift class: meaning flags, and wire copy.

`refresh_variants(statement_ids)` is called once by clustering's refresh
(quotes.services.clustering.refresh_statements), after the canonical wording, the
speakers and the drift are written: so after every clustering run and every editor's
action. For the Statements given it stores

- each visible quote's meaning flags against its Statement's canonical wording
  (quotes.text.meaning, with the quote's speaker against the Statement's; reported
  speech read with tense backshift allowed) in `Quote.meaning_flags`, and
  `Quote.meaning_changed` when there is any, writing only the quotes whose flags
  changed. Search filters on `meaning_changed`; the export and the statement page read
  the stored flags rather than parsing again;
- the wire copies among the articles that print them (sources.text.wire): each such
  article is compared with the other outlets' articles that print a statement in
  common with it, and the `WireCopy` rows of those articles are replaced by what the
  comparison finds (the earliest article of a group is the original).

Limits: a quote that leaves every Statement keeps its last flags (pages and the export
read flags only through a Statement); wire copies are looked for only between articles
that share a statement, so a copy that shares none with its original is not found, and
a group whose articles are linked only through an article outside this refresh is
joined at the next refresh (or rebuild) that touches both. Statements are read
BATCH at a time, and with them the bodies of the articles that print them.
"""

from collections import defaultdict
from itertools import combinations

from django.db import transaction

from quotes.models import Quote, Statement, WireCopy
from quotes.text.meaning import meaning_changes, read_ahead
from sources.models import Article
from sources.text import wire

BATCH = 500


def refresh_variants(statement_ids) -> None:
    """Store the meaning flags and the wire copies of the statements given (see above)."""
    ids = sorted(statement_ids)
    with transaction.atomic():
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            store_meaning_flags(batch)
            store_wire_copies(batch)


def store_meaning_flags(statement_ids: list[int]) -> int:
    """Compute each visible quote's flags against its Statement; write those that changed."""
    statements = {
        pk: (text, speaker)
        for pk, text, speaker in Statement.objects.filter(id__in=statement_ids).values_list(
            "id", "canonical_text", "speaker__name"
        )
    }
    quotes = (
        Quote.objects.visible()
        .filter(statement_id__in=statement_ids)
        .order_by("id")
        .values_list("id", "statement_id", "text", "kind", "speaker__name", "meaning_flags")
    )
    rows = list(quotes)
    read_ahead((statements[row[1]][0], row[2]) for row in rows)
    changed = []
    for pk, statement, text, kind, speaker, stored in rows:
        canonical, canonical_speaker = statements[statement]
        flags = [
            change.as_record()
            for change in meaning_changes(
                canonical,
                text,
                canonical_speaker=canonical_speaker,
                variant_speaker=speaker,
                reported=kind == Quote.Kind.INDIRECT,
            )
        ]
        if flags != stored:
            changed.append(Quote(id=pk, meaning_flags=flags, meaning_changed=bool(flags)))
    Quote.objects.bulk_update(changed, ["meaning_flags", "meaning_changed"], batch_size=BATCH)
    return len(changed)


def store_wire_copies(statement_ids: list[int]) -> int:
    """Compare the articles printing these statements with the other outlets' articles
    that share a statement with them; replace their WireCopy rows. Returns how many
    copies were found."""
    visible = Quote.objects.visible().order_by()
    articles = visible.filter(statement_id__in=statement_ids).values("article_id")
    shared = visible.filter(statement__in=visible.filter(article_id__in=articles).values("statement_id"))
    printers = defaultdict(set)
    outlet_of = {}
    for statement, article, outlet in shared.values_list(
        "statement_id", "article_id", "article__outlet_id"
    ).distinct():
        printers[statement].add(article)
        outlet_of[article] = outlet
    pairs = {
        (a, b)
        for printed in printers.values()
        for a, b in combinations(sorted(printed), 2)
        if outlet_of[a] != outlet_of[b]
    }
    compared = {article for pair in pairs for article in pair}
    bodies, order = {}, {}
    for pk, body, published in Article.objects.filter(id__in=compared).values_list("id", "body", "published"):
        bodies[pk] = wire.shingles(body)
        order[pk] = (published is None, published, pk)
    copies = wire.wire_groups(sorted(pairs), bodies, order)
    WireCopy.objects.filter(article_id__in=list(outlet_of)).delete()
    WireCopy.objects.bulk_create(
        [WireCopy(article_id=c.article, original_id=c.original, similarity=c.overlap) for c in copies]
    )
    return len(copies)
