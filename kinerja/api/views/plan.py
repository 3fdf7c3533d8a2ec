"""The plan: strategic plans, objectives, indicators and the IKI pages (Lampiran II)."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator, Objective, PageIndicator, StrategicPlan

from ..serializers.plan import IkiPageSerializer, IndicatorSerializer, ObjectiveSerializer, PlanSerializer
from .base import ScopedViewSet, list_schema


@extend_schema_view(**list_schema("agency", summary="Strategic plans (Renstra) with their goals"))
class PlanViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = PlanSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        return (
            StrategicPlan.objects.filter(agency__in=self.agencies())
            .select_related("agency")
            .prefetch_related("goals")
            .order_by("agency_id", "-first_year", "id")
        )


@extend_schema_view(**list_schema("agency", "position", "level", summary="Strategic and performance objectives"))
class ObjectiveViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ObjectiveSerializer
    filters_used = ("agency", "position", "level")

    def get_queryset(self):
        objectives = Objective.objects.filter(plan__agency__in=self.agencies()).order_by("plan_id", "order", "id")
        if self.action == "list":
            if "position" in self.filters:
                objectives = objectives.filter(position__agency=self.agency, position__code=self.filters["position"])
            if "level" in self.filters:
                objectives = objectives.filter(level=self.filters["level"])
        return objectives


@extend_schema_view(**list_schema("agency", "position", summary="Indicators (IKU and IKI), stored once per plan"))
class IndicatorViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = IndicatorSerializer
    filters_used = ("agency", "position")

    def get_queryset(self):
        indicators = (
            Indicator.objects.filter(plan__agency__in=self.agencies())
            .select_related("responsible_position")
            .order_by("plan_id", "order", "id")
        )
        if self.action == "list" and "position" in self.filters:
            indicators = indicators.filter(
                page_rows__position__agency=self.agency, page_rows__position__code=self.filters["position"]
            )
        return indicators


@extend_schema_view(
    **list_schema("agency", "position", summary="IKI pages (Lampiran II): a position's page"),
    retrieve=extend_schema(summary="The IKI page of a position (by position id)"),
)
class IkiPageViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = IkiPageSerializer
    filters_used = ("agency", "position")

    def get_queryset(self):
        rows = PageIndicator.objects.select_related("indicator").order_by("order", "id")
        objectives = Objective.objects.order_by("order", "id").prefetch_related(Prefetch("page_rows", rows))
        positions = (
            Position.objects.filter(agency__in=self.agencies())
            .select_related("agency")
            .prefetch_related("functions", Prefetch("objectives", objectives))
            .order_by("agency_id", "order", "id")
        )
        if self.action == "list" and "position" in self.filters:
            positions = positions.filter(code=self.filters["position"])
        return positions
