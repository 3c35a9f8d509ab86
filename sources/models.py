"""Outlets and the articles they published."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords


class NamedWithSlug(models.Model):
    """A row with a name and a slug made from it on first save (name, name-2, …);
    the slug stays when the name is edited later, so links keep working."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name)
        super().save(*args, **kwargs)


class Outlet(NamedWithSlug):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=16, blank=True, default="en")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("web:outlet", args=[self.slug])


class Article(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=2000, unique=True, null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=16, blank=True, default="en")
    body = models.TextField(help_text="Clean text; quote offsets point into it.")
    raw = models.TextField(blank=True, help_text="The text as received, before cleaning.")
    source = models.CharField(max_length=2000, help_text="Path or URL it was ingested from.")
    content_hash = models.CharField(max_length=64, unique=True)
    extracted_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="content_hash of the body the current quotes were extracted from.",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["raw", "body"])

    class Meta:
        ordering = ["-published", "title"]
        indexes = [models.Index(fields=["published"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("web:article", args=[self.pk])


def unique_slug(model, name, max_length=190):
    """A slug for name that no row of model has yet (name, name-2, name-3, …)."""
    base = slugify(name)[:max_length] or model._meta.model_name
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
