"""The plan: strategic plans with their goals, objectives, indicators and the IKI pages."""

from rest_framework import serializers

from kinerja.organisation.models import Position
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan


class GoalSerializer(serializers.ModelSerializer):
    """A goal (tujuan) of the plan; its id is what an objective's `goal` names."""

    class Meta:
        model = Goal
        fields = ["id", "code", "text"]


class PlanSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    goals = GoalSerializer(many=True, read_only=True)

    class Meta:
        model = StrategicPlan
        fields = ["id", "agency", "name", "first_year", "last_year", "goals"]


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = ["id", "plan", "code", "text", "level", "goal", "position", "contributes_to", "order"]


class IndicatorSerializer(serializers.ModelSerializer):
    factor = serializers.DecimalField(max_digits=12, decimal_places=4, allow_null=True, read_only=True)
    responsible_position_code = serializers.CharField(
        source="responsible_position.code", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "plan",
            "code",
            "name",
            "objective",
            "is_key",
            "formula",
            "numerator",
            "denominator",
            "factor",
            "definition",
            "unit",
            "data_source",
            "responsible_position",
            "responsible_position_code",
            "polarity",
            "quarter_rule",
            "decimals",
            "fed_by",
            "order",
        ]


class PageRowSerializer(serializers.ModelSerializer):
    """A row of an IKI page: the indicator in the page's own wording."""

    code = serializers.CharField(source="indicator.code", read_only=True)
    name = serializers.CharField(read_only=True)
    definition = serializers.CharField(read_only=True)
    data_source = serializers.CharField(read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    formula = serializers.CharField(source="indicator.formula", read_only=True)

    class Meta:
        model = PageIndicator
        fields = [
            "id",
            "indicator",
            "code",
            "name",
            "definition",
            "data_source",
            "unit",
            "formula",
            "printed_name",
            "printed_definition",
            "printed_data_source",
            "order",
        ]


class PageObjectiveSerializer(serializers.ModelSerializer):
    rows = PageRowSerializer(source="page_rows", many=True, read_only=True)

    class Meta:
        model = Objective
        fields = ["id", "code", "text", "contributes_to", "rows"]


class IkiPageSerializer(serializers.ModelSerializer):
    """A position's IKI page (Lampiran II): JABATAN, TUGAS, FUNGSI and the objectives with their rows."""

    position = serializers.IntegerField(source="id", read_only=True)
    agency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    heading = serializers.CharField(read_only=True)
    functions = serializers.SerializerMethodField()
    objectives = PageObjectiveSerializer(many=True, read_only=True)

    class Meta:
        model = Position
        fields = ["position", "agency", "code", "heading", "duty", "functions", "objectives"]

    def get_functions(self, position: Position) -> list[str]:
        return [function.text for function in position.functions.all()]
