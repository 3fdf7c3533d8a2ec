"""Documents: the query of a printed file, and the kinds an agency can print."""

from rest_framework import serializers

from .fields import YEAR


class DocumentQuery(serializers.Serializer):
    agency = serializers.SlugField()
    file_format = serializers.ChoiceField(choices=["pdf", "docx", "xlsx"])
    year = serializers.IntegerField(required=False, **YEAR)
    quarter = serializers.IntegerField(required=False, min_value=1, max_value=4, default=4)
    position = serializers.SlugField(required=False)
    version = serializers.IntegerField(required=False, min_value=1, max_value=10_000)


class DocumentKindSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()
    formats = serializers.ListField(child=serializers.CharField())
    needs_quarter = serializers.BooleanField()
    per_position = serializers.BooleanField()
