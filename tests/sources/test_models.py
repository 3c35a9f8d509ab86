"""Outlet and Article: slugs, pages, and the uniqueness that makes a story one Article."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from sources.models import Article, Outlet

pytestmark = pytest.mark.django_db


def article(outlet, **fields):
    values = {"title": "Headline", "body": "Headline\n\nStory.", "source": "story.txt", "content_hash": "h1"}
    return Article.objects.create(outlet=outlet, **{**values, **fields})


def test_an_outlet_gets_a_slug_from_its_name_and_a_page():
    outlet = Outlet.objects.create(name="The Harbour Ledger")
    assert outlet.slug == "the-harbour-ledger"
    assert outlet.get_absolute_url() == "/outlets/the-harbour-ledger/"
    assert str(outlet) == "The Harbour Ledger"


def test_two_outlets_whose_names_slug_alike_get_different_slugs():
    first = Outlet.objects.create(name="Harbour Ledger")
    second = Outlet.objects.create(name="Harbour-Ledger")
    assert (first.slug, second.slug) == ("harbour-ledger", "harbour-ledger-2")


def test_a_very_long_outlet_name_still_fits_its_slug_with_a_suffix():
    name = "The " + "Very " * 36 + "Long Gazette"
    Outlet.objects.create(name=name)
    second = Outlet.objects.create(name=name + "!")
    assert second.slug.endswith("-2")
    assert len(second.slug) <= Outlet._meta.get_field("slug").max_length


def test_an_article_has_a_page_and_reads_as_its_title():
    stored = article(Outlet.objects.create(name="Paper"))
    assert stored.get_absolute_url() == f"/articles/{stored.pk}/"
    assert str(stored) == "Headline"


def test_two_articles_cannot_share_a_content_hash_or_a_url():
    outlet = Outlet.objects.create(name="Paper")
    article(outlet, url="https://paper.example/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        article(outlet, content_hash="h1", url="https://paper.example/b")
    with pytest.raises(IntegrityError), transaction.atomic():
        article(outlet, content_hash="h2", url="https://paper.example/a")


def test_many_articles_may_have_no_url():
    outlet = Outlet.objects.create(name="Paper")
    article(outlet, url=None, content_hash="h1")
    article(outlet, url=None, content_hash="h2")
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_an_outlet_with_articles_cannot_be_deleted():
    outlet = Outlet.objects.create(name="Paper")
    article(outlet)
    with pytest.raises(ProtectedError):
        outlet.delete()
