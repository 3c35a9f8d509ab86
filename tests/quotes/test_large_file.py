"""A 100 MB file through `manage.py ingest` with the size limit raised: it finishes, the article
is stored whole, and the command says clearly that a body that long is not read for quotes.
Its time and memory are measured by benchmarks/large_file.py, not asserted here."""

import io

import pytest
from django.core.management import CommandError, call_command

from benchmarks.large_file import write_article
from quotes.models import Quote
from sources.models import Article

pytestmark = pytest.mark.django_db


def test_a_hundred_megabyte_file_is_stored_and_said_to_be_too_long_to_read(tmp_path):
    path = tmp_path / "harbour.txt"
    size = write_article(path, 100)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(
        CommandError, match=r"^1 article\(s\) stored but not extracted; see the lines above\.$"
    ):
        call_command("ingest", str(path), "--max-bytes", str(size), stdout=out, stderr=err)
    assert out.getvalue().splitlines() == ["ingest: 1 new, 0 updated, 0 unchanged, 0 failed"]
    article = Article.objects.defer("raw").get()
    (line,) = err.getvalue().splitlines()
    assert line == (
        f"extract: article {article.pk} ({path}) is {len(article.body)} characters, over the "
        "1000000-character limit; stored, its quotes not read (VERBATIM_EXTRACT_MAX_CHARACTERS)"
    )
    assert len(article.body) > 95_000_000 and article.extracted_hash == article.content_hash
    assert not Quote.objects.exists()
