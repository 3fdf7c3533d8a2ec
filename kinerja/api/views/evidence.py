"""Evidence files of actuals: their descriptions and the files themselves."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from kinerja.core import file_kinds
from kinerja.core.file_downloads import stored_file_response
from kinerja.performance.models import Evidence

from ..serializers.actuals import EvidenceSerializer
from .base import FileDownload, ScopedViewSet, list_schema


@extend_schema_view(
    **list_schema("agency", "actual", summary="Evidence files of actuals"),
    retrieve=extend_schema(summary="One evidence file's description"),
    download=extend_schema(
        summary="The evidence file itself",
        responses={(200, kind.content_type): OpenApiTypes.BINARY for kind in file_kinds.ALLOWED},
    ),
)
class EvidenceViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = EvidenceSerializer
    filters_used = ("agency", "actual")

    def get_queryset(self):
        evidence = Evidence.objects.filter(actual__indicator__plan__agency__in=self.agencies()).order_by(
            "actual_id", "created_at", "id"
        )
        if self.action == "list" and "actual" in self.filters:
            evidence = evidence.filter(actual_id=self.filters["actual"])
        return evidence

    @action(detail=True, methods=["get"], content_negotiation_class=FileDownload)
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        item = self.get_object()
        return stored_file_response(item, not_found=NotFound)
