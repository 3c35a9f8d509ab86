"""Search by meaning with the real model on the bundled samples: a paraphrase finds what it means.

The queries are written for the test: each restates one statement of the samples in
other words (few of its words, none of its rarer ones), and must find that statement
first, on SQLite and on PostgreSQL alike; a query about nothing in the samples finds
nothing (below MEANING_FLOOR). The cosines are printed (run with -s) to show the margin
the floor leaves. One test, so the samples are ingested and clustered once.
"""

import pytest
from django.urls import reverse

from quotes.models import Quote, Statement
from quotes.services.clustering import cluster_quotes
from quotes.services.search import nearest_statements
from tests.quotes.services.test_clustering import ingest_samples

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PARAPHRASES = {
    "villages downstream get their river back in spring": "flow again on the first of April",
    "the quiet between the two sides is delicate and needs guarding": "fragile calm",
    "the quarrel is not settled yet": "end of the dispute",
    "our checkers arrive at the dam within days and stay as long as needed": "inspectors will be at the dam",
    "two days of warning before any change in how much water runs": "forty-eight hours in advance",
}


def statement_holding(words):
    return Quote.objects.filter(text__contains=words, statement__isnull=False).first().statement_id


def test_a_paraphrase_finds_the_statement_it_means_first(settings, tmp_path, client):
    settings.VERBATIM_INDEX_DIR = str(tmp_path)
    ingest_samples()
    cluster_quotes()
    for query, words in PARAPHRASES.items():
        found = nearest_statements(query, Statement.objects.visible())
        print(query, [(pk, round(cosine, 3)) for pk, cosine in found])
        assert found and found[0][0] == statement_holding(words), query

    assert nearest_statements("the price of bread in the capital", Statement.objects.visible()) == []

    query = "the quarrel is not settled yet"
    response = client.get(reverse("web:search"), {"words": query, "match": "meaning"})
    assert response.status_code == 200
    assert response.context["rows"][0].statement.pk == statement_holding(PARAPHRASES[query])
