"""The organisation: agencies, units, positions with their holders, officials."""

from rest_framework import serializers

from kinerja.organisation.models import Agency, Official, Position, Unit


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
