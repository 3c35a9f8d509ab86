"""bench_search prints a row of figures for each kind of search, on a small synthetic corpus."""

import io

import pytest
from django.core.management import call_command

from quotes.services.meaning_index import build
from quotes.services.synthetic import load_synthetic

pytestmark = pytest.mark.django_db


def test_it_prints_latency_for_meaning_and_word_searches(settings, tmp_path):
    settings.VERBATIM_INDEX_DIR = str(tmp_path)
    load_synthetic(300, seed=2)
    build()
    out = io.StringIO()

    call_command("bench_search", rounds=3, no_model=True, stdout=out)

    lines = out.getvalue().splitlines()
    assert "indexed quotes, 3 searches each" in lines[0]
    rows = {line.split()[0] + " " + line.split()[1]: line.split()[2:] for line in lines[2:]}
    assert set(rows) == {"meaning (index)", "words rare", "words common"}
    assert all(len(figures) == 4 and figures[-1] == "3" for figures in rows.values())
