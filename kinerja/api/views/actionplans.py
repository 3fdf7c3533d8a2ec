"""The action plan (Rencana Aksi): the actions of an agency's indicators per year and quarter, each with its progress
(Terlaksana / Terlaksana sebagian / Tidak terlaksana, its state and its evidence files). Read only, with the access
of the indicators: a list is cut to the caller's readable agencies, an action outside them answers 404. Actions and
progress are written on the Rencana aksi pages through `actionplans.services` and `actionplans.progress`."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from kinerja.actionplans.models import ActionItem, ProgressEvidence

from ..serializers.actionplans import ActionItemSerializer
from .base import ScopedViewSet, list_schema


@extend_schema_view(
    **list_schema(
        "agency",
        "year",
        "quarter",
        "position",
        "indicator",
        summary="Actions of the action plan (Rencana Aksi) with their progress",
    ),
    retrieve=extend_schema(summary="One action with its progress"),
)
class ActionItemViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ActionItemSerializer
    filters_used = ("agency", "year", "quarter", "position", "indicator")

    def get_queryset(self):
        items = (
            ActionItem.objects.filter(indicator__plan__agency__in=self.agencies())
            .select_related("indicator__plan__agency", "responsible_position", "sub_activity", "progress")
            .prefetch_related(Prefetch("progress__evidence", ProgressEvidence.objects.order_by("created_at", "pk")))
            .order_by("indicator__plan_id", "indicator_id", "year", "quarter", "order", "id")
        )
        if self.action != "list":
            return items
        f = self.filters
        if "position" in f:
            items = items.filter(
                indicator__page_rows__position__agency=self.agency, indicator__page_rows__position__code=f["position"]
            )
        for name, lookup in (("year", "year"), ("quarter", "quarter"), ("indicator", "indicator_id")):
            if name in f:
                items = items.filter(**{lookup: f[name]})
        return items
