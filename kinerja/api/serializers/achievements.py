"""Achievements: a roll-up, an indicator's figures, an IKI page's and an agency's achievement."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from .fields import COMPUTED


class RollupSerializer(serializers.Serializer):
    mean = serializers.DecimalField(**COMPUTED)
    category = serializers.CharField(allow_null=True, help_text="Null also when coverage is low.")
    counted = serializers.IntegerField(help_text="Indicators with an achievement (the mean is theirs).")
    missing = serializers.IntegerField(help_text="Indicators without an achievement (left out, not 0).")
    total = serializers.IntegerField()
    verified = serializers.IntegerField(help_text="Counted indicators whose actuals are all verified.")
    low_coverage = serializers.BooleanField(help_text="Fewer than half of the indicators counted.")
    cap = serializers.DecimalField(**COMPUTED, help_text="KINERJA_ROLLUP_CAP (null: no cap).")


class FigureSerializer(serializers.Serializer):
    target = serializers.DecimalField(**COMPUTED)
    actual = serializers.DecimalField(**COMPUTED)
    achievement = serializers.DecimalField(**COMPUTED)
    category = serializers.CharField(allow_null=True)
    verified = serializers.BooleanField()
    compared_with_year_target = serializers.BooleanField(
        help_text="Quarters 1..N have no quarterly target: the year's target is used."
    )


class RowAchievementSerializer(FigureSerializer):
    indicator = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    objective = serializers.IntegerField()
    statuses = serializers.ListField(
        child=serializers.CharField(allow_null=True),
        help_text=gettext_lazy("Status of the actual of quarters 1–4 (null: not filled in)."),
    )


class PageAchievementSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    agency = serializers.CharField()
    code = serializers.CharField()
    heading = serializers.CharField()
    year = serializers.IntegerField()
    quarter = serializers.IntegerField()
    rollup = RollupSerializer()
    rows = RowAchievementSerializer(many=True)


class UnitAchievementSerializer(serializers.Serializer):
    unit = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    rollup = RollupSerializer()


class ObjectiveAchievementSerializer(serializers.Serializer):
    objective = serializers.IntegerField()
    code = serializers.CharField()
    level = serializers.CharField()
    rollup = RollupSerializer()


class IndicatorAchievementSerializer(FigureSerializer):
    indicator = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    is_key = serializers.BooleanField()


class AgencyAchievementSerializer(serializers.Serializer):
    agency = serializers.CharField()
    name = serializers.CharField()
    plan = serializers.IntegerField(allow_null=True)
    year = serializers.IntegerField()
    quarter = serializers.IntegerField()
    rollup = RollupSerializer()
    units = UnitAchievementSerializer(many=True)
    objectives = ObjectiveAchievementSerializer(many=True)
    indicators = IndicatorAchievementSerializer(many=True)
