"""Targets: what a target shows, and what setting or changing one takes."""

from decimal import Decimal

from django.utils.translation import gettext
from rest_framework import serializers

from kinerja.performance.models import Target

from .fields import YEAR, NumberField


class TargetSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    agency = serializers.CharField(source="indicator.plan.agency.code", read_only=True)

    class Meta:
        model = Target
        fields = [
            "id",
            "agency",
            "indicator",
            "indicator_code",
            "kind",
            "year",
            "quarter",
            "value",
            "value_upper",
            "is_example",
            "updated_at",
        ]
        read_only_fields = fields


class RequiredNumberField(NumberField):
    """A figure that must be there: "" (no figure) is refused, not read as "remove" (a target is removed with
    DELETE)."""

    def to_internal_value(self, data: object) -> Decimal | None:
        number = super().to_internal_value(data)
        if number is None:
            raise serializers.ValidationError(gettext("Fill in the number; a target is removed with DELETE."))
        return number


class TargetCreateSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(min_value=1, max_value=2**62)
    kind = serializers.ChoiceField(choices=Target.Kind.choices)
    year = serializers.IntegerField(**YEAR)
    quarter = serializers.IntegerField(min_value=0, max_value=4, default=0)
    value = RequiredNumberField()
    value_upper = NumberField(required=False, allow_null=True, default=None)


class TargetUpdateSerializer(serializers.Serializer):
    value = RequiredNumberField()
    value_upper = NumberField(required=False, allow_null=True, default=None)
