"""web.row_html: a statement in a list, and the drift badge, as escaped HTML."""

import datetime
from types import SimpleNamespace

from django.utils.safestring import SafeString

from web.row_html import article_row_html, drift_badge_html, statement_row_html

HARBOUR = SimpleNamespace(name="Harbour <Times>", slug="harbour-times")
QUAY = SimpleNamespace(name="Quay Post", slug="quay-post")


def row(speaker=None, wording=None, paraphrase=False, **statement):
    fields = {"pk": 7, "speaker": speaker, "first_seen": None, "has_conflict": False, **statement}
    return SimpleNamespace(
        statement=SimpleNamespace(**fields),
        outlets=[HARBOUR, QUAY],
        drifts=[("verbatim", "verbatim", 2), ("", "not yet measured", 1)],
        text_html=SafeString('We <mark class="matched">will</mark> reopen'),
        wording=wording,
        paraphrase=paraphrase,
    )


def test_a_row_links_the_statement_its_speaker_and_every_outlet():
    speaker = SimpleNamespace(name="Ada & Co", slug="ada-marlow")
    html = statement_row_html(row(speaker, first_seen=datetime.date(2024, 3, 9), has_conflict=True))
    assert '<a href="/statements/7/">“We <mark class="matched">will</mark> reopen”</a>' in html
    assert '<a class="speaker" href="/speakers/ada-marlow/">Ada &amp; Co</a>' in html
    assert '· first reported <time datetime="2024-03-09">9 Mar 2024</time>' in html
    assert '<strong class="conflict-flag">attribution disputed</strong>' in html
    assert "Printed by 2 outlets:" in html
    assert (
        '<a href="/outlets/harbour-times/">Harbour &lt;Times&gt;</a>, <a href="/outlets/quay-post/">' in html
    )
    assert (
        '<span class="badge drift-verbatim">verbatim</span>&nbsp;×2 '
        '<span class="badge drift-none">not yet measured</span>&nbsp;×1'
    ) in html


def test_a_row_without_a_speaker_or_a_date_says_so_and_no_more():
    html = statement_row_html(row())
    assert '<span class="speaker">Speaker not known</span>' in html
    assert "first reported" not in html and "disputed" not in html


def test_a_row_for_one_outlet_shows_its_wording_and_a_paraphrase_without_quote_marks():
    wording = SimpleNamespace(outlet=HARBOUR, drift="reworded", drift_label="reworded")
    html = statement_row_html(row(wording=wording, paraphrase=True))
    assert "Paraphrase, as Harbour &lt;Times&gt; reported it:</span> <a href=" in html
    assert "“" not in html
    assert 'As Harbour &lt;Times&gt; printed it: <span class="badge drift-reworded">reworded</span>' in html


def test_a_row_of_reported_speech_alone_is_a_paraphrase_without_quote_marks():
    html = statement_row_html(row(paraphrase=True))
    assert 'Reported speech (paraphrase):</span> <a href="/statements/7/">We' in html
    assert "“" not in html


def test_a_badge_escapes_its_label():
    assert drift_badge_html('x"y', "<b>") == '<span class="badge drift-x&quot;y">&lt;b&gt;</span>'


def test_an_article_row_gives_its_day_outlet_title_and_quote_count():
    article = SimpleNamespace(
        pk=31, published=datetime.date(2024, 12, 29), outlet=HARBOUR, title="Dam <deal>", quote_count=3
    )
    html = article_row_html(article)
    assert '<td><time datetime="2024-12-29">29 Dec 2024</time></td>' in html
    assert '<td><a href="/outlets/harbour-times/">Harbour &lt;Times&gt;</a></td>' in html
    assert '<td><a href="/articles/31/">Dam &lt;deal&gt;</a></td>' in html
    assert '<td class="number optional">3</td>' in html


def test_an_article_row_without_a_date_or_a_title_says_so():
    article = SimpleNamespace(pk=32, published=None, outlet=QUAY, title="", quote_count=0)
    html = article_row_html(article)
    assert "<td>undated</td>" in html and ">(untitled)</a>" in html
