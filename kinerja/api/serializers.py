"""What the API shows and takes. Reading serializers only read what the views' querysets prefetched; writing
serializers only check the shape of the input — the services decide the rest (and say so as field errors)."""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja.core.numbers import from_float, to_decimal
from kinerja.core.periods import QUARTERS
from kinerja.organisation.models import Agency, Official, Position, Unit
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan

COMPUTED = {"max_digits": 40, "decimal_places": 4, "read_only": True, "allow_null": True}
YEAR = {"min_value": 2000, "max_value": 2100}


@extend_schema_field(
    {
        "oneOf": [{"type": "number"}, {"type": "string", "example": "1.234,5"}],
        "nullable": True,
        "description": 'A JSON number, or a text read the Indonesian way as on the pages ("1.234,5"; a dot groups '
        'thousands, so "1.5" is refused: write 1.5 as a number or "1,5"). At most 16 digits '
        "before the decimal comma; more than 4 decimals are rounded half-up when stored.",
    }
)
class NumberField(serializers.DecimalField):
    """A figure sent to the API: a JSON number is a number; a string goes through the one reader of the pages and
    the workbook (kinerja.core.numbers), so the same text means the same number, or is refused with the same
    message, at every door. Decimals beyond 4 are left to the services (rounded half-up, as on the pages)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("max_digits", None)
        kwargs.setdefault("decimal_places", None)
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> Decimal | None:  # "" is no figure, as on the pages
        try:
            if isinstance(data, bool):
                raise ValueError(f"'{str(data).lower()}' bukan angka.")
            number = from_float(data) if isinstance(data, float) else to_decimal(data)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error
        except TypeError as error:
            raise serializers.ValidationError("Angka harus berupa bilangan atau teks.") from error
        return number


# -- query parameters ------------------------------------------------------------------------------------------


class ListFilters(serializers.Serializer):
    """Filters every list reads from its query string; a wrong one answers 400 with the field named."""

    agency = serializers.SlugField(required=False, help_text="Kode instansi, mis. halut-diskominfo.")
    year = serializers.IntegerField(required=False, **YEAR)
    quarter = serializers.IntegerField(required=False, min_value=1, max_value=4)
    position = serializers.SlugField(required=False, help_text="Kode jabatan (dengan agency).")
    indicator = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    kind = serializers.ChoiceField(required=False, choices=Target.Kind.choices)
    status = serializers.ChoiceField(required=False, choices=Actual.Status.choices)
    level = serializers.ChoiceField(required=False, choices=Objective.Level.choices)
    actual = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    verified_only = serializers.BooleanField(required=False, default=False)

    def validate(self, attrs: dict) -> dict:
        if "position" in attrs and "agency" not in attrs:
            raise serializers.ValidationError({"position": "Kode jabatan hanya berlaku bersama agency."})
        return attrs


class DocumentQuery(serializers.Serializer):
    agency = serializers.SlugField()
    file_format = serializers.ChoiceField(choices=["pdf", "docx", "xlsx"])
    year = serializers.IntegerField(required=False, **YEAR)
    quarter = serializers.IntegerField(required=False, min_value=1, max_value=4, default=4)
    position = serializers.SlugField(required=False)
    version = serializers.IntegerField(required=False, min_value=1, max_value=10_000)


# -- organisation ------------------------------------------------------------------------------------------------


class AgencySerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.name", read_only=True)
    region_code = serializers.CharField(source="region.code", read_only=True)

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "short_name",
            "printed_name",
            "region",
            "region_code",
            "address",
            "city",
            "telephone",
            "website",
            "email",
            "postcode",
            "duty",
        ]


class UnitSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "agency", "code", "kind", "name", "parent", "order"]


class HolderSerializer(serializers.Serializer):
    official = serializers.IntegerField(source="official_id")
    name = serializers.CharField(source="official.name")
    acting = serializers.BooleanField()
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)


class PositionSerializer(serializers.ModelSerializer):
    agency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    heading = serializers.CharField(read_only=True)
    functions = serializers.SerializerMethodField()
    holders = HolderSerializer(source="current", many=True, read_only=True)

    class Meta:
        model = Position
        fields = [
            "id",
            "agency",
            "code",
            "title",
            "printed_title",
            "heading",
            "unit",
            "superior",
            "duty",
            "functions",
            "holders",
            "order",
        ]

    def get_functions(self, position: Position) -> list[str]:
        return [function.text for function in position.functions.all()]


class AssignmentSerializer(serializers.Serializer):
    position = serializers.IntegerField(source="position_id")
    position_code = serializers.CharField(source="position.code")
    agency = serializers.CharField(source="position.agency.code")
    acting = serializers.BooleanField()
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)


class OfficialSerializer(serializers.ModelSerializer):
    positions = AssignmentSerializer(source="current", many=True, read_only=True)

    class Meta:
        model = Official
        fields = ["id", "name", "nip", "rank", "grade", "positions"]


# -- the plan ------------------------------------------------------------------------------------------------------


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


# -- targets and actuals ------------------------------------------------------------------------------------------


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
            raise serializers.ValidationError("Isi angkanya; target dihapus dengan DELETE.")
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


# -- achievements ------------------------------------------------------------------------------------------------------


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
        child=serializers.CharField(allow_null=True), help_text="Status realisasi triwulan 1–4 (null: belum diisi)."
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


# -- documents and tokens ---------------------------------------------------------------------------------------------


class DocumentKindSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()
    formats = serializers.ListField(child=serializers.CharField())
    needs_quarter = serializers.BooleanField()
    per_position = serializers.BooleanField()


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(allow_null=True)
