"""The organisation: agencies, units, positions (duty, functions, holders) and officials."""

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from kinerja.organisation.models import Official, Position, Unit
from kinerja.organisation.selectors import current_assignments

from ..permissions import readable
from ..serializers.organisation import AgencySerializer, OfficialSerializer, PositionSerializer, UnitSerializer
from .base import ScopedViewSet, list_schema


@extend_schema_view(
    list=extend_schema(summary="Agencies the caller may read"), retrieve=extend_schema(summary="One agency")
)
class AgencyViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = AgencySerializer
    lookup_field = "code"
    lookup_value_regex = "[a-z0-9][a-z0-9.-]*"

    def get_queryset(self):
        return readable(self.request.user).order_by("code")


@extend_schema_view(**list_schema("agency", summary="Units of the organisation tree"))
class UnitViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = UnitSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        return (
            Unit.objects.filter(agency__in=self.agencies())
            .select_related("agency")
            .order_by("agency_id", "order", "id")
        )


def _positions(agencies: QuerySet) -> QuerySet[Position]:
    return (
        Position.objects.filter(agency__in=agencies)
        .select_related("agency")
        .prefetch_related("functions", Prefetch("assignments", current_assignments(), to_attr="current"))
        .order_by("agency_id", "order", "id")
    )


@extend_schema_view(**list_schema("agency", "position", summary="Positions with duty, functions and holders"))
class PositionViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = PositionSerializer
    filters_used = ("agency", "position")

    def get_queryset(self):
        positions = _positions(self.agencies())
        if self.action == "list" and "position" in self.filters:
            positions = positions.filter(code=self.filters["position"])
        return positions


@extend_schema_view(**list_schema("agency", summary="Officials holding a position in a readable agency"))
class OfficialViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = OfficialSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        holding = current_assignments().filter(position__agency__in=self.agencies())
        ids = holding.values("official_id")
        return (
            Official.objects.filter(pk__in=ids)
            .prefetch_related(Prefetch("assignments", holding.select_related("position__agency"), to_attr="current"))
            .order_by("name", "id")
        )
