"""The SKP (Sasaran Kinerja Pegawai): each SKP with its work results (RHK), their chain up, indicators, targets and
ratings — the record of the SKP export (kinerja/skp/exchange.py) — read per SKP with `access.may_read_skp` (the
official, the superior, the agency's head and planner, the inspectorate, the administrator; not Bappeda nor other
officials: 404), and the superior's rating POSTed through `skp.services.rate_skp` (403 for who may not rate, 400
with the field named for a value it refuses)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.accounts.access import NOT_FOUND, may_read_skp
from kinerja.skp import services
from kinerja.skp.exchange import SKP_RELATED, read_skps, readable
from kinerja.skp.models import Skp

from ..permissions import service_errors
from ..serializers.skp import SkpRateSerializer, SkpSerializer
from .base import ScopedViewSet, list_schema, validated


@extend_schema_view(
    **list_schema("agency", "year", "position", summary="SKP with work results, indicators, targets and ratings"),
    retrieve=extend_schema(summary="One SKP"),
    rating=extend_schema(
        summary="Rate an SKP at year end (the holder of the position above)",
        request=SkpRateSerializer,
        responses={200: SkpSerializer},
    ),
)
class SkpViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = SkpSerializer
    filters_used = ("agency", "year", "position")
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        skps = (
            Skp.objects.filter(position__agency__in=self.agencies())
            .select_related(*SKP_RELATED)
            .order_by("position__agency__code", "year", "position__order", "position__code", "official__name")
        )
        if self.action != "list":
            return skps
        f = self.filters
        if "position" in f:
            skps = skps.filter(position__agency=self.agency, position__code=f["position"])
        if "year" in f:
            skps = skps.filter(year=f["year"])
        return skps

    def _readable_object(self) -> Skp:
        skp = self.get_object()
        if not may_read_skp(self.request.user, skp):
            raise NotFound(NOT_FOUND)
        return skp

    def list(self, request: Request) -> Response:
        # Cut per SKP in Python (access.may_read_skp, no query per SKP), then one page read in a fixed number of
        # queries (skp.exchange.read_skps).
        page = self.paginate_queryset(readable(request.user, self.get_queryset()))
        return self.get_paginated_response(SkpSerializer(read_skps(page), many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(SkpSerializer(read_skps([self._readable_object()])[0]).data)

    @action(detail=True, methods=["post"])
    def rating(self, request: Request, pk: str | None = None) -> Response:
        skp = self._readable_object()
        data = validated(SkpRateSerializer, request.data)
        with service_errors():
            services.rate_skp(
                actor=request.user, skp=skp, work=data["work"], behaviours=data["behaviours"], note=data["note"]
            )
        fresh = self.get_queryset().get(pk=skp.pk)
        return Response(SkpSerializer(read_skps([fresh])[0]).data)
