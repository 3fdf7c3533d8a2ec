"""Actuals (realisasi): record, correct, and the workflow steps (submit, verify, return, reopen), and an evidence
file's upload; through performance.services and performance.workflow."""

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.performance import services, workflow
from kinerja.performance.models import Actual
from kinerja.strategy.models import Indicator

from ..permissions import readable_indicator, service_errors
from ..serializers.actuals import (
    ActualCreateSerializer,
    ActualFiguresSerializer,
    ActualSerializer,
    EvidenceSerializer,
    EvidenceUploadSerializer,
    ReasonSerializer,
    VersionSerializer,
)
from .base import ScopedViewSet, list_schema, validated

FIGURES = ("value", "numerator", "denominator")
TEXT_FIELDS = ("supporting_factors", "hindering_factors", "follow_up", "note")


def _version(data: dict, default: str | None = None) -> str | None:
    """The version the caller read (`updated_at` of the body), else `default`: checked by the workflow."""
    moment = data.get("updated_at")
    return default if moment is None else workflow.version_at(moment)


@extend_schema_view(
    **list_schema("agency", "year", "quarter", "position", "indicator", "status", summary="Actuals (realisasi)"),
    retrieve=extend_schema(summary="One actual with its evidence files"),
    create=extend_schema(
        summary="Record a quarter's actual (the official holding a position whose page prints the indicator)",
        description="A ratio takes numerator and denominator (its value is computed); the others take value. "
        "An existing draft of the same indicator and quarter is replaced.",
        request=ActualCreateSerializer,
        responses={201: ActualSerializer, 200: ActualSerializer},
    ),
    partial_update=extend_schema(
        summary="Correct a draft actual", request=ActualFiguresSerializer, responses={200: ActualSerializer}
    ),
    submit=extend_schema(
        summary="Send the actual to the superior for verification",
        request=VersionSerializer,
        responses={200: ActualSerializer},
    ),
    verify=extend_schema(
        summary="Verify a submitted actual (a superior)",
        request=VersionSerializer,
        responses={200: ActualSerializer},
    ),
    return_actual=extend_schema(
        summary="Return a submitted actual with a reason (a superior)",
        request=ReasonSerializer,
        responses={200: ActualSerializer},
    ),
    reopen=extend_schema(
        summary="Reopen a verified actual with a reason (a superior or the planner)",
        request=ReasonSerializer,
        responses={200: ActualSerializer},
    ),
    evidence=extend_schema(
        summary="Upload an evidence file (PDF, image, Word, Excel) to a draft actual",
        request={"multipart/form-data": EvidenceUploadSerializer},
        responses={201: EvidenceSerializer},
    ),
)
class ActualViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ActualSerializer
    filters_used = ("agency", "year", "quarter", "position", "indicator", "status")
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        actuals = (
            Actual.objects.filter(indicator__plan__agency__in=self.agencies())
            .select_related("indicator__plan__agency")
            .prefetch_related("evidence")
            .order_by("indicator_id", "year", "quarter")
        )
        if self.action != "list":
            return actuals
        f = self.filters
        if "position" in f:
            actuals = actuals.filter(
                indicator__page_rows__position__agency=self.agency, indicator__page_rows__position__code=f["position"]
            )
        for name, lookup in (
            ("year", "year"),
            ("quarter", "quarter"),
            ("indicator", "indicator_id"),
            ("status", "status"),
        ):
            if name in f:
                actuals = actuals.filter(**{lookup: f[name]})
        return actuals

    def _answer(self, actual: Actual, code: int = status.HTTP_200_OK) -> Response:
        return Response(ActualSerializer(self.get_queryset().get(pk=actual.pk)).data, status=code)

    def _record(self, indicator: Indicator, year: int, quarter: int, data: dict, version: str | None = None) -> Actual:
        """Through performance.services.record_actual, which checks who may (403) and every rule — closed period,
        state, indicators fed by the SAKIP evaluation, ratio terms, figures in range (400)."""
        if indicator.formula == Indicator.Formula.RATIO and data.get("value") is not None:
            text = gettext("A ratio's value is computed from the numerator and the denominator; leave it empty.")
            raise ValidationError({"value": [text]})
        with service_errors():
            return services.record_actual(
                actor=self.request.user,
                indicator=indicator,
                year=year,
                quarter=quarter,
                version=version,
                **{name: data.get(name) for name in FIGURES},
                **{name: data.get(name, "") for name in TEXT_FIELDS},
            )

    def create(self, request: Request) -> Response:
        data = validated(ActualCreateSerializer, request.data)
        indicator = readable_indicator(request.user, data["indicator"])
        existed = Actual.objects.filter(indicator=indicator, year=data["year"], quarter=data["quarter"]).exists()
        actual = self._record(indicator, data["year"], data["quarter"], data, version=_version(data))
        return self._answer(actual, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = validated(ActualFiguresSerializer, request.data, partial=True)
        merged = {name: data[name] if name in data else getattr(actual, name) for name in FIGURES + TEXT_FIELDS}
        if actual.indicator.formula == Indicator.Formula.RATIO and "value" not in data:
            merged["value"] = None  # computed from the terms again
        # the figures not sent are the ones just read: changed meanwhile, the request is refused, not undone
        return self._answer(
            self._record(
                actual.indicator,
                actual.year,
                actual.quarter,
                merged,
                version=_version(data, workflow.version_of(actual)),
            )
        )

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        version = _version(validated(VersionSerializer, request.data))
        with service_errors():
            actual = workflow.submit_actual(actor=request.user, actual=actual, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        version = _version(validated(VersionSerializer, request.data))
        with service_errors():
            actual = workflow.verify_actual(actor=request.user, actual=actual, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_actual(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = validated(ReasonSerializer, request.data)
        reason, version = data["reason"], _version(data)
        with service_errors():
            actual = workflow.return_actual(actor=request.user, actual=actual, reason=reason, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = validated(ReasonSerializer, request.data)
        reason, version = data["reason"], _version(data)
        with service_errors():
            actual = workflow.reopen_actual(actor=request.user, actual=actual, reason=reason, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        upload = validated(EvidenceUploadSerializer, request.data)["file"]
        with service_errors():
            evidence = services.add_evidence(
                actor=request.user, actual=actual, name=upload.name or "", content=upload.read()
            )
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)
