"""Targets: read, set, change and clear (the planner), through performance.services.set_target."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.performance import services
from kinerja.performance.models import Target

from ..permissions import readable_indicator, service_errors
from ..serializers.targets import TargetCreateSerializer, TargetSerializer, TargetUpdateSerializer
from .base import ScopedViewSet, list_schema, validated


@extend_schema_view(
    **list_schema("agency", "year", "quarter", "position", "indicator", "kind", summary="Targets"),
    retrieve=extend_schema(summary="One target"),
    create=extend_schema(
        summary="Set a target (the planner); an existing one of the same kind and period changes",
        request=TargetCreateSerializer,
        responses={201: TargetSerializer, 200: TargetSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a target's value (the planner)",
        request=TargetUpdateSerializer,
        responses={200: TargetSerializer},
    ),
    destroy=extend_schema(summary="Clear a target (the planner)", responses={204: None}),
)
class TargetViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = TargetSerializer
    filters_used = ("agency", "year", "quarter", "position", "indicator", "kind")
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        targets = (
            Target.objects.filter(indicator__plan__agency__in=self.agencies())
            .select_related("indicator__plan__agency")
            .order_by("indicator_id", "kind", "year", "quarter")
        )
        if self.action != "list":
            return targets
        f = self.filters
        if "position" in f:
            targets = targets.filter(
                indicator__page_rows__position__agency=self.agency, indicator__page_rows__position__code=f["position"]
            )
        for name, lookup in (("year", "year"), ("quarter", "quarter"), ("indicator", "indicator_id"), ("kind", "kind")):
            if name in f:
                targets = targets.filter(**{lookup: f[name]})
        return targets

    def _answer(self, target: Target, code: int) -> Response:
        return Response(TargetSerializer(self.get_queryset().get(pk=target.pk)).data, status=code)

    # Who may and every rule are the service's (performance.services.set_target): PermissionDenied answers 403,
    # ValidationError 400 with field errors.
    def create(self, request: Request) -> Response:
        data = validated(TargetCreateSerializer, request.data)
        indicator = readable_indicator(request.user, data["indicator"])
        quarter = data["quarter"] if data["kind"] == Target.Kind.QUARTER else 0
        existed = Target.objects.filter(
            indicator=indicator, kind=data["kind"], year=data["year"], quarter=quarter
        ).exists()
        with service_errors():
            target = services.set_target(
                actor=request.user,
                indicator=indicator,
                kind=data["kind"],
                year=data["year"],
                quarter=data["quarter"],
                value=data["value"],
                value_upper=data["value_upper"],
            )
        return self._answer(target, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        target = self.get_object()
        data = validated(TargetUpdateSerializer, request.data)
        with service_errors():
            target = services.set_target(
                actor=request.user,
                indicator=target.indicator,
                kind=target.kind,
                year=target.year,
                quarter=target.quarter,
                value=data["value"],
                value_upper=data["value_upper"],
            )
        return self._answer(target, status.HTTP_200_OK)

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        target = self.get_object()
        with service_errors():
            services.set_target(
                actor=request.user,
                indicator=target.indicator,
                kind=target.kind,
                year=target.year,
                quarter=target.quarter,
                value=None,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)
