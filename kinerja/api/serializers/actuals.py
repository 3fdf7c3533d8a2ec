"""Actuals and their evidence: what they show, and what recording, the workflow steps and an upload take."""

from rest_framework import serializers

from kinerja.core.periods import QUARTERS
from kinerja.performance.models import Actual, Evidence

from .fields import YEAR, NumberField


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "actual", "original_name", "kind", "content_type", "size", "sha256", "created_at"]
        read_only_fields = fields


class ActualSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    agency = serializers.CharField(source="indicator.plan.agency.code", read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Actual
        fields = [
            "id",
            "agency",
            "indicator",
            "indicator_code",
            "year",
            "quarter",
            "numerator",
            "denominator",
            "value",
            "supporting_factors",
            "hindering_factors",
            "follow_up",
            "note",
            "status",
            "status_reason",
            "entered_by",
            "verified_by",
            "verified_at",
            "is_example",
            "evidence",
            "updated_at",
        ]
        read_only_fields = fields


TEXTS = {"required": False, "allow_blank": True, "max_length": 20_000, "trim_whitespace": False}


class ActualFiguresSerializer(serializers.Serializer):
    """The figures of an actual: the value, or for a ratio its numerator and denominator (the value is then
    computed, never typed), and the four texts."""

    value = NumberField(required=False, allow_null=True)
    numerator = NumberField(required=False, allow_null=True)
    denominator = NumberField(required=False, allow_null=True)
    supporting_factors = serializers.CharField(**TEXTS)
    hindering_factors = serializers.CharField(**TEXTS)
    follow_up = serializers.CharField(**TEXTS)
    note = serializers.CharField(**TEXTS)
    updated_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="The actual's updated_at as last read: when it changed since, nothing is saved (400).",
    )


class ActualCreateSerializer(ActualFiguresSerializer):
    indicator = serializers.IntegerField(min_value=1, max_value=2**62)
    year = serializers.IntegerField(**YEAR)
    quarter = serializers.IntegerField(min_value=min(QUARTERS), max_value=max(QUARTERS))


class VersionSerializer(serializers.Serializer):
    updated_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="The actual's updated_at as last read: when it changed since, the step is refused (400).",
    )


class ReasonSerializer(VersionSerializer):
    reason = serializers.CharField(max_length=2000, trim_whitespace=True)


class EvidenceUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True)
