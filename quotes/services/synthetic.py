"""Load the benchmark's synthetic corpus into the database, fast, for measuring pages.

In: a number of quotes N and a seed. Out: rows in an empty database: 60 outlets, the
corpus's articles, about N/50 speakers with two aliases each, the corpus's
statements (about 0.35 N) and its N quotes, each with the drift class it was
printed with, similarities, a stand-in diff and a 384-float vector, as clustering
would have left them. `benchmarks.corpus.build` gives the quotes, their statements,
outlets and articles (seeded: the same N and seed give the same rows); this module
adds what the corpus leaves out, from one more seeded generator:

- speakers: one speaker says about 1% of the statements (10,000 quotes at N =
  1,000,000, the "speaker with 10,000 quotes"); the others share the rest with
  Zipf-like weights. 1% of quotes name another speaker by a role noun (a weak
  attribution), so speaker pages have statements other outlets attribute to them;
- dates: statements spread over three years in corpus order; an article is
  published on its first statement's day plus its outlet's lag (0-2 days);
- 0.1% of quotes are marked "not a quotation" by an editor and have left their
  statement, as clustering leaves them; quote_count counts visible quotes only;
- vectors: each statement a random unit vector, each quote that vector plus noise
  that grows with its drift (as corpus.synthetic_vectors does, but drawn a chunk of
  quotes at a time so 1,000,000 vectors never sit in memory at once). They stand in
  for the model's vectors in size (1.5 KB a quote), not in meaning;
- diffs: one "equal" op for a verbatim quote, one "replace" op otherwise (not the
  word diff quotes.text.drift computes: only its size and shape matter here).

PostgreSQL: each table is written with one COPY (psycopg 3 `cursor.copy`), the
search-vector trigger filling `search_vector` as rows arrive, then sequences are
reset and the tables vacuumed and analysed so the planner knows their size. Other
backends (SQLite): the same rows through executemany in batches. Last, the outlets'
stored figures are computed (quotes.services.figures) and the content version moves on
(quotes.services.content_version), so no cached page outlives the load.

Limits: it fills an empty database only (`AlreadyLoaded` otherwise: rerunning it
would duplicate or clash with what is there), writes no history rows, and holds the
corpus (about 0.5 KB a quote) in memory while it runs. Texts are word salad from the
model's vocabulary (see benchmarks/corpus.py): fine for timing pages, meaningless
for accuracy.
"""

import json
import random
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path

import numpy as np
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.text import slugify

from benchmarks.corpus import build, vocabulary
from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services import content_version
from quotes.services.figures import refresh_outlet_figures
from quotes.text import embedding as embed
from sources.models import Article, Outlet

OUTLETS = 60
QUOTES_PER_SPEAKER = 50  # 1,000,000 quotes: 20,000 speakers
TOP_SPEAKER_SHARE = 0.01  # of statements: 10,000 of 1,000,000 quotes
WEAK_ATTRIBUTION_SHARE = 0.01
HIDDEN_SHARE = 0.001
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365
CHUNK = 50_000
NOISE = {"verbatim": 0.0, "punctuation": 0.05, "trimmed": 0.25, "reworded": 0.35, "fragment": 0.7}
LEXICAL = {"verbatim": 1.0, "punctuation": 0.95, "trimmed": 0.8, "reworded": 0.7, "fragment": 0.3}
DRIFT_OF_VARIANT = {"one_word": "reworded", "paraphrase": "reworded"}
"""The corpus's variant kinds that are no stored drift class, and the class a page shows."""


def drift_of(variant: str) -> str:
    return DRIFT_OF_VARIANT.get(variant, variant)


MASTHEADS = ["Times", "Post", "Herald", "Courier", "Ledger", "Gazette", "Tribune", "Observer", "Daily"]
ROLES = ["minister", "spokesperson", "chief", "secretary", "director", "mayor", "senator", "chair"]


class AlreadyLoaded(Exception):
    """The database already holds articles, quotes or statements."""


@dataclass(frozen=True)
class Loaded:
    outlets: int
    articles: int
    speakers: int
    aliases: int
    statements: int
    quotes: int

    def __str__(self):
        return (
            f"load_synthetic: {self.quotes} quotes, {self.statements} statements, {self.speakers} speakers "
            f"({self.aliases} aliases), {self.articles} articles, {self.outlets} outlets"
        )


def load_synthetic(quotes: int, seed: int = 1) -> Loaded:
    """Write a synthetic corpus of `quotes` quotes into an empty database (see the module docstring)."""
    held = {model.__name__: model.objects.count() for model in (Article, Quote, Statement)}
    if any(held.values()):
        found = ", ".join(f"{n} {name.lower()}s" for name, n in held.items() if n)
        raise AlreadyLoaded(f"the database already holds {found}; load_synthetic fills an empty database")
    words = vocabulary(Path(embed.default_model_path()) / "vocab.txt")
    corpus = build(quotes, words, seed=seed, outlets=OUTLETS)
    rng = random.Random(seed + 1)
    tables = Tables.of(corpus, words, rng, np.random.default_rng(seed + 1))
    with transaction.atomic():
        for model, fields, rows in tables.writes():
            write(model, fields, rows)
        reset_sequences()
    if connection.vendor == "postgresql":
        # VACUUM (for index-only scans) cannot run inside a transaction, as in tests.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for model in (Outlet, Article, Speaker, SpeakerAlias, Statement, Quote):
                cursor.execute(f"{command} {model._meta.db_table}")
    refresh_outlet_figures()
    content_version.changed()  # COPY sends no signal
    return tables.loaded


@dataclass
class Tables:
    """The rows of each table, built in memory from the corpus (quotes as a generator)."""

    outlets: list
    articles: list
    speakers: list
    aliases: list
    statements: list
    quote_rows: object
    loaded: Loaded

    @classmethod
    def of(cls, corpus, words, rng, vectors_rng):
        outlets = outlet_rows(words, rng)
        statement_count = max(q.statement for q in corpus) + 1
        speakers, aliases = speaker_rows(max(10, len(corpus) // QUOTES_PER_SPEAKER), words, rng)
        speaker_of = statement_speakers(statement_count, len(speakers), rng)
        day_of = [FIRST_DAY + timedelta(days=s * DAYS // statement_count) for s in range(statement_count)]

        by_article = defaultdict(list)
        for quote in corpus:
            by_article[quote.article].append(quote)
        articles, placed = [], {}
        for article_id, (key, members) in enumerate(sorted(by_article.items()), start=1):
            members.sort(key=lambda q: q.id)
            outlet = members[0].outlet
            published = day_of[min(q.statement for q in members)] + timedelta(days=outlet % 3)
            body, offsets = [], []
            position = 0
            for quote in members:
                name = speakers[speaker_of[quote.statement] - 1][1]
                paragraph = f"“{quote.text}” said {name}."
                offsets.append(position + 1)
                body.append(paragraph)
                position += len(paragraph) + 2
            for number, (quote, start) in enumerate(zip(members, offsets)):
                placed[quote.id] = (article_id, start, number, published)
            title = " ".join(members[0].text.split()[:8]).rstrip(".,")
            articles.append(
                (
                    article_id,
                    outlet + 1,
                    title,
                    f"https://{outlets[outlet][2]}.example/{key}",
                    published,
                    "",
                    "en",
                    "\n\n".join(body),
                    "",
                    f"synthetic/{outlet}/{key}",
                    f"synthetic{key:055d}",
                    f"synthetic{key:055d}",
                    datetime.combine(published, time(), tzinfo=UTC),
                )
            )

        hidden = {q.id for q in corpus if rng.random() < HIDDEN_SHARE}
        members = defaultdict(list)
        for quote in corpus:
            if quote.id not in hidden:
                members[quote.statement].append(quote)
        statements = []
        for s in range(statement_count):
            visible = members.get(s, [])
            verbatim = [q.id for q in visible if q.variant == "verbatim"]
            canonical = min(verbatim) if verbatim else (min(q.id for q in visible) if visible else None)
            text = next((q.text for q in visible if q.id == canonical), "")
            first_seen = min((placed[q.id][3] for q in visible), default=None)
            statements.append(
                (
                    s + 1,
                    speaker_of[s],
                    text,
                    canonical,
                    False,
                    False,
                    False,
                    False,
                    first_seen,
                    len({q.outlet for q in visible}),
                    len(visible),
                    datetime.combine(day_of[s], time(), tzinfo=UTC),
                )
            )
        canonical_text = [row[2] for row in statements]
        loaded = Loaded(
            len(outlets), len(articles), len(speakers), len(aliases), len(statements), len(corpus)
        )
        rows = quote_rows(
            corpus, placed, hidden, speaker_of, speakers, canonical_text, rng, vectors_rng, statement_count
        )
        return cls(outlets, articles, speakers, aliases, statements, rows, loaded)

    def writes(self):
        yield Outlet, ["id", "name", "slug", "domain", "language"], self.outlets
        yield Speaker, ["id", "name", "slug", "kind", "description", "edited_by_editor"], self.speakers
        yield SpeakerAlias, ["id", "speaker_id", "alias"], self.aliases
        article_fields = ["id", "outlet_id", "title", "url", "published", "byline", "language", "body"]
        article_fields += ["raw", "source", "content_hash", "extracted_hash", "ingested_at"]
        yield Article, article_fields, self.articles
        statement_fields = ["id", "speaker_id", "canonical_text", "canonical_quote_id", "wording_pinned"]
        statement_fields += ["speaker_set_by_editor", "created_by_editor", "has_conflict", "first_seen"]
        statement_fields += ["outlet_count", "quote_count", "created_at"]
        yield Statement, statement_fields, self.statements
        yield Quote, QUOTE_FIELDS, self.quote_rows


QUOTE_FIELDS = [
    "id",
    "article_id",
    "text",
    "start",
    "end",
    "kind",
    "quotation",
    "sentence",
    "speaker_id",
    "speaker_mention",
    "speaker_method",
    "speaker_confidence",
    "hidden_by_editor",
    "embedding",
    "statement_id",
    "statement_set_by_editor",
    "drift",
    "lexical_similarity",
    "embedding_similarity",
    "diff",
]


def outlet_rows(words, rng):
    names = set()
    rows = []
    for number, word in enumerate(rng.sample(words, OUTLETS * 2)):
        name = f"The {word.capitalize()} {MASTHEADS[number % len(MASTHEADS)]}"
        if name not in names and len(rows) < OUTLETS:
            names.add(name)
            rows.append((len(rows) + 1, name, slugify(name), f"{slugify(name)}.example", "en"))
    return rows


def speaker_rows(count, words, rng):
    """(id, name, slug, kind, description, edited) rows and (id, speaker, alias) rows."""
    speakers, aliases, slugs = [], [], set()
    for pk in range(1, count + 1):
        first, last = rng.choice(words).capitalize(), rng.choice(words).capitalize()
        name = f"{first} {last}"
        slug = slugify(name)
        if slug in slugs:
            slug = f"{slug}-{pk}"
        slugs.add(slug)
        role = f"the {rng.choice(words)} {rng.choice(ROLES)}"
        speakers.append((pk, name, slug, "person", role, False))
        aliases.append((len(aliases) + 1, pk, f"{rng.choice(['Mr', 'Ms', 'Dr'])} {last}"))
        aliases.append((len(aliases) + 1, pk, role))
    return speakers, aliases


def statement_speakers(statements, speakers, rng):
    """The speaker id of each statement: speaker 1 says TOP_SPEAKER_SHARE of them, the
    others share the rest by Zipf-like weights (cum_weights: one bisection a draw)."""
    cumulative = list(accumulate(1.0 / (rank + 50) for rank in range(speakers - 1)))
    total = cumulative[-1]
    chosen = []
    for _ in range(statements):
        if rng.random() < TOP_SPEAKER_SHARE:
            chosen.append(1)
        else:
            chosen.append(2 + min(bisect_left(cumulative, rng.random() * total), speakers - 2))
    return chosen


def quote_rows(corpus, placed, hidden, speaker_of, speakers, canonical_text, rng, vectors_rng, statements):
    """Quote rows in id order, their vectors drawn a chunk at a time."""
    centres = vectors_rng.standard_normal((statements, embed.DIMENSIONS), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    for begin in range(0, len(corpus), CHUNK):
        chunk = corpus[begin : begin + CHUNK]
        index = np.array([q.statement for q in chunk])
        scale = np.array([NOISE[drift_of(q.variant)] for q in chunk], dtype=np.float32)[:, None]
        noise = vectors_rng.standard_normal((len(chunk), embed.DIMENSIONS), dtype=np.float32)
        noise /= np.linalg.norm(noise, axis=1, keepdims=True)
        vectors = centres[index] + scale * noise
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        similarity = np.einsum("ij,ij->i", vectors, centres[index])
        for quote, vector, cosine in zip(chunk, vectors, similarity):
            article, start, number, _ = placed[quote.id]
            speaker = speaker_of[quote.statement]
            method, confidence = "explicit", 0.9
            if rng.random() < WEAK_ATTRIBUTION_SHARE:
                speaker = rng.randint(1, len(speakers))
                method, confidence = "role", 0.5
            is_hidden = quote.id in hidden
            canonical = canonical_text[quote.statement]
            if quote.variant == "verbatim":
                diff = [{"op": "equal", "canonical": quote.text, "variant": quote.text}]
            else:
                diff = [{"op": "replace", "canonical": canonical, "variant": quote.text}]
            yield (
                quote.id,
                article,
                quote.text,
                start,
                start + len(quote.text),
                quote.kind,
                number,
                0,
                speaker,
                speakers[speaker - 1][1],
                method,
                confidence,
                is_hidden,
                vector.tobytes(),
                None if is_hidden else quote.statement + 1,
                False,
                "" if is_hidden else drift_of(quote.variant),
                None if is_hidden else LEXICAL[drift_of(quote.variant)],
                None if is_hidden else round(float(cosine), 4),
                None if is_hidden else json.dumps(diff),
            )


def write(model, fields, rows):
    """Write rows (tuples in the order of fields) into model's table."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(model._meta.get_field(f).column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == 5_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def reset_sequences():
    """Point each table's id sequence past the ids written (PostgreSQL; a no-op on SQLite)."""
    models = [Outlet, Article, Speaker, SpeakerAlias, Statement, Quote]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
