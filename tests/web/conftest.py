"""Rows for the page tests: one short fictional story told by three outlets.

Statement "reopen": said by Ada Marlow, printed verbatim, trimmed and reworded.
Statement "wait": the outlets disagree on who said it (a conflict).
Statement "sign": its only quote is marked "not a quotation" by an editor (hidden).
Statement "script": text with markup in it, which every page must show as text.
The outlets' stored figures are counted, as the clustering run that made the statements
would have.
"""

import datetime
from types import SimpleNamespace

import numpy as np
import pytest

from quotes.models import Quote, Speaker, SpeakerAlias, Statement
from quotes.services import search
from quotes.services.figures import refresh_outlet_figures
from quotes.text import embedding as embed
from sources.models import Article, Outlet

REOPEN = "We will reopen the harbour before the winter storms arrive, and not a day later."
WAIT = "The city cannot wait another year."
SCRIPT = "<script>alert('quote')</script> is not a plan."


def make_article(outlet, title, body, published):
    return Article.objects.create(
        outlet=outlet,
        title=title,
        body=body,
        published=published,
        source=f"tests/{outlet.slug}/{published}.txt",
        content_hash=f"{outlet.slug}-{published}-{len(body)}",
    )


def make_quote(article, text, quotation, **fields):
    """A Quote whose offsets point at the first place text appears in the article body."""
    start = article.body.index(text)
    return Quote.objects.create(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        quotation=quotation,
        **fields,
    )


def equal(words):
    return {"op": "equal", "canonical": words, "variant": words}


@pytest.fixture
def story(db):
    ledger = Outlet.objects.create(name="The Daily Ledger", domain="ledger.example")
    courier = Outlet.objects.create(name="Northern Courier", domain="courier.example")
    times = Outlet.objects.create(name="Harbour Times", domain="times.example")

    ada = Speaker.objects.create(name="Ada Marlow", description="harbour commissioner")
    SpeakerAlias.objects.create(speaker=ada, alias="Ms Marlow")
    SpeakerAlias.objects.create(speaker=ada, alias="the harbour commissioner")
    tomas = Speaker.objects.create(name="Tomas Reyes", description="mayor")
    councillor = Speaker.objects.create(name="Lena Fox", description="councillor")

    ledger_article = make_article(
        ledger,
        "Harbour to reopen before winter, commissioner says",
        "The harbour will reopen within months.\n\n"
        f'"{REOPEN}" said Ada Marlow, the harbour commissioner.\n\n'
        f'The mayor, Tomas Reyes, said: "{WAIT}"',
        datetime.date(2024, 3, 4),
    )
    courier_article = make_article(
        courier,
        "Harbour work speeds up",
        "Work at the harbour is speeding up.\n\n"
        'Ms Marlow said: "We will reopen the harbour before the winter storms arrive."\n\n'
        f'According to the commissioner, "{WAIT}"',
        datetime.date(2024, 3, 5),
    )
    times_article = make_article(
        times,
        "Port to open before storms",
        '"We will reopen the port before winter storms come," Marlow told reporters.\n\n'
        'The sign on the gate read "Closed for works".',
        datetime.date(2024, 3, 6),
    )
    script_article = make_article(
        times,
        "<script>alert('title')</script> Council row",
        f'Lena Fox said "{SCRIPT}"\n\nThe council meets again <b>next week</b>.',
        datetime.date(2024, 3, 7),
    )

    reopen = Statement.objects.create(
        speaker=ada,
        canonical_text=REOPEN,
        first_seen=datetime.date(2024, 3, 4),
        outlet_count=3,
        quote_count=3,
    )
    wait = Statement.objects.create(
        speaker=tomas,
        canonical_text=WAIT,
        first_seen=datetime.date(2024, 3, 4),
        outlet_count=2,
        quote_count=2,
        has_conflict=True,
    )
    # Its only quote is hidden, so it counts no visible quote (as clustering's refresh counts).
    sign = Statement.objects.create(
        canonical_text="Closed for works",
        first_seen=datetime.date(2024, 3, 6),
        outlet_count=0,
        quote_count=0,
    )
    script = Statement.objects.create(
        speaker=councillor,
        canonical_text=SCRIPT,
        first_seen=datetime.date(2024, 3, 7),
        outlet_count=1,
        quote_count=1,
    )

    reopen_verbatim = make_quote(
        ledger_article,
        REOPEN,
        0,
        speaker=ada,
        speaker_method="explicit",
        statement=reopen,
        drift="verbatim",
        lexical_similarity=1.0,
        embedding_similarity=1.0,
        diff=[equal(REOPEN)],
    )
    reopen_trimmed = make_quote(
        courier_article,
        "We will reopen the harbour before the winter storms arrive.",
        0,
        speaker=ada,
        speaker_method="explicit",
        statement=reopen,
        drift="trimmed",
        lexical_similarity=0.83,
        embedding_similarity=0.95,
        diff=[
            {
                "op": "equal",
                "canonical": "We will reopen the harbour before the winter storms arrive,",
                "variant": "We will reopen the harbour before the winter storms arrive.",
            },
            {"op": "delete", "canonical": "and not a day later.", "variant": ""},
        ],
    )
    reopen_reworded = make_quote(
        times_article,
        "We will reopen the port before winter storms come,",
        0,
        speaker=ada,
        speaker_method="explicit",
        statement=reopen,
        drift="reworded",
        lexical_similarity=0.6,
        embedding_similarity=0.9,
        diff=[
            equal("We will reopen the"),
            {"op": "replace", "canonical": "harbour", "variant": "port"},
            equal("before"),
            {"op": "delete", "canonical": "the", "variant": ""},
            equal("winter storms"),
            {"op": "replace", "canonical": "arrive, and not a day later.", "variant": "come,"},
        ],
    )
    reopen.canonical_quote = reopen_verbatim
    reopen.save()

    wait_ledger = make_quote(
        ledger_article,
        WAIT,
        1,
        speaker=tomas,
        speaker_method="explicit",
        statement=wait,
        drift="verbatim",
        lexical_similarity=1.0,
        diff=[equal(WAIT)],
    )
    wait_courier = make_quote(
        courier_article,
        WAIT,
        1,
        speaker=ada,
        speaker_method="role",
        statement=wait,
        drift="verbatim",
        lexical_similarity=1.0,
        diff=[equal(WAIT)],
    )
    wait.canonical_quote = wait_ledger
    wait.save()

    hidden = make_quote(
        times_article,
        "Closed for works",
        1,
        statement=sign,
        hidden_by_editor=True,
        drift="verbatim",
        diff=[equal("Closed for works")],
    )
    script_quote = make_quote(
        script_article,
        SCRIPT,
        0,
        speaker=councillor,
        speaker_method="explicit",
        statement=script,
        drift="verbatim",
        lexical_similarity=1.0,
        diff=[equal(SCRIPT)],
    )
    script.canonical_quote = script_quote
    script.save()
    refresh_outlet_figures()

    return SimpleNamespace(**locals())


@pytest.fixture
def more_statements(story):
    """Twelve more statements by Ada Marlow, each printed by all three outlets."""
    articles = [story.ledger_article, story.courier_article, story.times_article]
    for n in range(12):
        statement = Statement.objects.create(
            speaker=story.ada,
            canonical_text=f"Extra statement number {n}.",
            first_seen=datetime.date(2024, 2, 1) + datetime.timedelta(days=n),
            outlet_count=3,
            quote_count=3,
        )
        for article in articles:
            text = f"Extra statement number {n}."
            article.body += f'\n\n"{text}"'
            article.save(update_fields=["body"])
            make_quote(
                article,
                text,
                10 + n,
                speaker=story.ada,
                statement=statement,
                drift="verbatim",
                diff=[equal(text)],
            )
    return story


@pytest.fixture
def meaning(story, settings, tmp_path, monkeypatch):
    """Vectors for the story's quotes (reopen, wait and script each a direction of its
    own) and a stand-in for the model: every query means mostly "reopen", a little "wait"."""
    settings.VERBATIM_INDEX_DIR = str(tmp_path)
    axes = {story.reopen.pk: 0, story.wait.pk: 1, story.script.pk: 2}
    for quote in Quote.objects.filter(statement__in=axes):
        vector = np.zeros(embed.DIMENSIONS, dtype=np.float32)
        vector[axes[quote.statement_id]] = 1.0
        Quote.objects.filter(pk=quote.pk).update(embedding=embed.to_bytes(vector))
    query = np.zeros(embed.DIMENSIONS, dtype=np.float32)
    query[[0, 1]] = [1.0, 0.3]
    monkeypatch.setattr(search, "query_vector", lambda text: query / np.linalg.norm(query))
    return story
