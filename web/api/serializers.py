"""What the API says about each thing: plain JSON records, with links to the reader's pages.

A quote is the export's record (quotes.services.export.quote_record, the fields of
`export_quotes` and the search page's download), so a quote reads the same however it
is fetched; `QuoteSerializer` only declares its shape for the schema. Speakers,
statements, outlets and articles are the model fields a researcher reads, plus "page",
the full URL of the reader's page, and for a statement "quotes", the API list of its quotes.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quotes.models import Quote, Speaker, Statement
from quotes.services.export import quote_record
from sources.models import Article, Outlet


@extend_schema_field(OpenApiTypes.STR)
class PageField(serializers.Field):
    """The full address of the object's page for readers (its get_absolute_url)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute(self.context, value.get_absolute_url())


def absolute(context, path):
    """path as a full URL when the serializer has the request, as the API's own links are."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "slug"]


class SpeakerSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="alias")
    page = PageField()

    class Meta:
        model = Speaker
        fields = ["id", "name", "slug", "kind", "description", "aliases", "page"]


class StatementSerializer(serializers.ModelSerializer):
    canonical = serializers.CharField(source="canonical_text")
    speaker = SpeakerRefSerializer(allow_null=True)
    page = PageField()
    quotes = serializers.SerializerMethodField(help_text="The API list of its quotes")

    class Meta:
        model = Statement
        fields = [
            "id",
            "canonical",
            "speaker",
            "first_seen",
            "outlet_count",
            "quote_count",
            "has_conflict",
            "page",
            "quotes",
        ]

    def get_quotes(self, statement) -> str:
        return absolute(self.context, f"{reverse('api:quote-list')}?statement={statement.pk}")


class ArticleRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    outlet = serializers.CharField(help_text="The outlet's name")
    url = serializers.CharField(allow_null=True)
    source = serializers.CharField(help_text="The path or URL it was ingested from")


class MeaningFlagSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="negation_dropped, number_changed, … (quotes.text.meaning)")
    canonical = serializers.CharField(allow_blank=True)
    variant = serializers.CharField(allow_blank=True)


class QuoteSerializer(serializers.Serializer):
    """The record of quotes.services.export, described field by field for the schema."""

    id = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=Quote.Kind.choices)
    speaker = serializers.CharField(allow_null=True, help_text="The speaker's name")
    cluster = serializers.IntegerField(allow_null=True, help_text="Its Statement's id")
    start = serializers.IntegerField(help_text="Offset of its first character in the article body")
    end = serializers.IntegerField()
    quotation = serializers.IntegerField(help_text="Index of its quotation in the article")
    article = ArticleRefSerializer()
    source = serializers.CharField()
    canonical = serializers.CharField(allow_null=True, help_text="Its Statement's canonical wording")
    published = serializers.DateField(allow_null=True)
    drift = serializers.ChoiceField(
        choices=[("", "not measured yet"), *Quote.Drift.choices], allow_blank=True
    )
    lexical_similarity = serializers.FloatField(allow_null=True)
    embedding_similarity = serializers.FloatField(allow_null=True)
    speaker_method = serializers.ChoiceField(choices=Quote.SpeakerMethod.choices)
    speaker_confidence = serializers.FloatField()
    speaker_mention = serializers.CharField(allow_blank=True)
    meaning_flags = MeaningFlagSerializer(many=True)

    def to_representation(self, quote):
        return quote_record(quote)


class OutletSerializer(serializers.ModelSerializer):
    page = PageField()

    class Meta:
        model = Outlet
        fields = ["id", "name", "slug", "domain", "language", "page"]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="The outlet's slug")
    page = PageField()

    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "url", "published", "byline", "language", "source", "page"]
