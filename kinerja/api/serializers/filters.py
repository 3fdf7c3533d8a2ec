"""The query parameters every list reads."""

from django.utils.translation import gettext, gettext_lazy
from rest_framework import serializers

from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Objective

from .fields import YEAR


class ListFilters(serializers.Serializer):
    """Filters every list reads from its query string; a wrong one answers 400 with the field named."""

    agency = serializers.SlugField(required=False, help_text=gettext_lazy("Agency code, e.g. halut-diskominfo."))
    year = serializers.IntegerField(required=False, **YEAR)
    quarter = serializers.IntegerField(required=False, min_value=1, max_value=4)
    position = serializers.SlugField(required=False, help_text=gettext_lazy("Position code (with agency)."))
    indicator = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    kind = serializers.ChoiceField(required=False, choices=Target.Kind.choices)
    status = serializers.ChoiceField(required=False, choices=Actual.Status.choices)
    level = serializers.ChoiceField(required=False, choices=Objective.Level.choices)
    actual = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    verified_only = serializers.BooleanField(required=False, default=False)

    def validate(self, attrs: dict) -> dict:
        if "position" in attrs and "agency" not in attrs:
            raise serializers.ValidationError(
                {"position": gettext("A position code applies only together with agency.")}
            )
        return attrs
