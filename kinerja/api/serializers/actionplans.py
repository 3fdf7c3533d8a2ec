"""The action plan (Rencana Aksi): what an action shows, with its progress and the names of its evidence files."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja.actionplans.models import ActionItem, ActionProgress, ProgressEvidence


class ProgressEvidenceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="download_name", read_only=True)

    class Meta:
        model = ProgressEvidence
        fields = ["id", "name", "kind", "content_type", "size", "sha256", "created_at"]
        read_only_fields = fields


class ActionProgressSerializer(serializers.ModelSerializer):
    evidence = ProgressEvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = ActionProgress
        fields = [
            "outcome",
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


class ActionItemSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="indicator.plan.agency.code", read_only=True)
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    responsible_position_code = serializers.CharField(
        source="responsible_position.code", read_only=True, allow_null=True, default=None
    )
    sub_activity_code = serializers.CharField(source="sub_activity.code", read_only=True, allow_null=True, default=None)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "agency",
            "indicator",
            "indicator_code",
            "year",
            "quarter",
            "order",
            "description",
            "output_quantity",
            "output_unit",
            "responsible_position",
            "responsible_position_code",
            "sub_activity",
            "sub_activity_code",
            "progress",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(ActionProgressSerializer(allow_null=True))
    def get_progress(self, item: ActionItem) -> dict | None:
        progress = item.progress_or_none
        return ActionProgressSerializer(progress).data if progress is not None else None
