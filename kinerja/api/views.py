"""The JSON API, /api/v1/: thin views — access (permissions.py) → input check (serializers) → service → JSON.

Every list is a fixed number of queries whatever the page size (select_related / prefetch_related, and the
achievements through performance.selectors in one batch per page)."""

import datetime
from collections import defaultdict

from django.db.models import Max, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core import file_kinds
from kinerja.core.file_downloads import stored_file_response
from kinerja.core.periods import QUARTERS, default_year
from kinerja.organisation.models import Official, Position, Unit
from kinerja.organisation.selectors import current_assignments
from kinerja.performance import achievement, services, workflow
from kinerja.performance.figures import NO_ROLLUP, figures_from
from kinerja.performance.models import Actual, Evidence, Target
from kinerja.performance.selectors import Measurement, get_measurement_figures, get_measurements, rollup_of
from kinerja.reports import output
from kinerja.reports.catalogue import KINDS, DocumentUnavailable, build_document
from kinerja.reports.catalogue import Request as DocumentRequest
from kinerja.strategy.models import Indicator, Objective, PageIndicator, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from . import serializers as s
from .authentication import NEW_TOKEN_NEEDS_LOGIN, is_expired
from .permissions import (
    chosen_agency,
    readable,
    readable_indicator,
    service_errors,
)
from .schema import filter_parameters


def _valid(serializer_class: type, data: object, **kwargs: object) -> dict:
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ScopedViewSet(viewsets.GenericViewSet):
    # A viewset whose querysets are cut to the caller's readable agencies; `filters_used` names the query
    # parameters its list reads (checked by serializers.ListFilters: a wrong value answers 400). No docstring:
    # drf-spectacular would print it as every operation's description.

    filters_used: tuple[str, ...] = ()

    @property
    def filters(self) -> dict:
        if not hasattr(self, "_filters"):
            params = self.request.query_params
            data = {name: params.get(name) for name in self.filters_used if name in params}
            self._filters = _valid(s.ListFilters, data)
            self._agency = chosen_agency(self.request.user, self._filters.get("agency"))
        return self._filters

    @property
    def agency(self):
        self.filters  # noqa: B018 — validates and looks the agency up once
        return self._agency

    def agencies(self) -> QuerySet:
        agency = self.agency if self.action == "list" else None
        scope = readable(self.request.user)
        return scope.filter(pk=agency.pk) if agency is not None else scope


class FileDownload(BaseContentNegotiation):
    """A file download answers with the file whatever the client's Accept header says (a client asking for
    application/pdf would otherwise get 406 from the JSON-only renderer); errors are still JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _list_schema(*names: str, **kwargs: object) -> dict:
    return {"list": extend_schema(parameters=filter_parameters(*names), **kwargs)}


# -- organisation ----------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Agencies the caller may read"), retrieve=extend_schema(summary="One agency")
)
class AgencyViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.AgencySerializer
    lookup_field = "code"
    lookup_value_regex = "[a-z0-9][a-z0-9.-]*"

    def get_queryset(self):
        return readable(self.request.user).order_by("code")


@extend_schema_view(**_list_schema("agency", summary="Units of the organisation tree"))
class UnitViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.UnitSerializer
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


@extend_schema_view(**_list_schema("agency", "position", summary="Positions with duty, functions and holders"))
class PositionViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.PositionSerializer
    filters_used = ("agency", "position")

    def get_queryset(self):
        positions = _positions(self.agencies())
        if self.action == "list" and "position" in self.filters:
            positions = positions.filter(code=self.filters["position"])
        return positions


@extend_schema_view(**_list_schema("agency", summary="Officials holding a position in a readable agency"))
class OfficialViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.OfficialSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        holding = current_assignments().filter(position__agency__in=self.agencies())
        ids = holding.values("official_id")
        return (
            Official.objects.filter(pk__in=ids)
            .prefetch_related(Prefetch("assignments", holding.select_related("position__agency"), to_attr="current"))
            .order_by("name", "id")
        )


# -- the plan --------------------------------------------------------------------------------------


@extend_schema_view(**_list_schema("agency", summary="Strategic plans (Renstra) with their goals"))
class PlanViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.PlanSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        return (
            StrategicPlan.objects.filter(agency__in=self.agencies())
            .select_related("agency")
            .prefetch_related("goals")
            .order_by("agency_id", "-first_year", "id")
        )


@extend_schema_view(**_list_schema("agency", "position", "level", summary="Strategic and performance objectives"))
class ObjectiveViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.ObjectiveSerializer
    filters_used = ("agency", "position", "level")

    def get_queryset(self):
        objectives = Objective.objects.filter(plan__agency__in=self.agencies()).order_by("plan_id", "order", "id")
        if self.action == "list":
            if "position" in self.filters:
                objectives = objectives.filter(position__agency=self.agency, position__code=self.filters["position"])
            if "level" in self.filters:
                objectives = objectives.filter(level=self.filters["level"])
        return objectives


@extend_schema_view(**_list_schema("agency", "position", summary="Indicators (IKU and IKI), stored once per plan"))
class IndicatorViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.IndicatorSerializer
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
    **_list_schema("agency", "position", summary="IKI pages (Lampiran II): a position's page"),
    retrieve=extend_schema(summary="The IKI page of a position (by position id)"),
)
class IkiPageViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.IkiPageSerializer
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


# -- targets ---------------------------------------------------------------------------------------


@extend_schema_view(
    **_list_schema("agency", "year", "quarter", "position", "indicator", "kind", summary="Targets"),
    retrieve=extend_schema(summary="One target"),
    create=extend_schema(
        summary="Set a target (the planner); an existing one of the same kind and period changes",
        request=s.TargetCreateSerializer,
        responses={201: s.TargetSerializer, 200: s.TargetSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a target's value (the planner)",
        request=s.TargetUpdateSerializer,
        responses={200: s.TargetSerializer},
    ),
    destroy=extend_schema(summary="Clear a target (the planner)", responses={204: None}),
)
class TargetViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.TargetSerializer
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
        return Response(s.TargetSerializer(self.get_queryset().get(pk=target.pk)).data, status=code)

    # Who may and every rule are the service's (performance.services.set_target): PermissionDenied answers 403,
    # ValidationError 400 with field errors.
    def create(self, request: Request) -> Response:
        data = _valid(s.TargetCreateSerializer, request.data)
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
        data = _valid(s.TargetUpdateSerializer, request.data)
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


# -- actuals ---------------------------------------------------------------------------------------

FIGURES = ("value", "numerator", "denominator")
TEXT_FIELDS = ("supporting_factors", "hindering_factors", "follow_up", "note")


def _version(data: dict, default: str | None = None) -> str | None:
    """The version the caller read (`updated_at` of the body), else `default`: checked by the workflow."""
    moment = data.get("updated_at")
    return default if moment is None else workflow.version_at(moment)


@extend_schema_view(
    **_list_schema("agency", "year", "quarter", "position", "indicator", "status", summary="Actuals (realisasi)"),
    retrieve=extend_schema(summary="One actual with its evidence files"),
    create=extend_schema(
        summary="Record a quarter's actual (the official holding a position whose page prints the indicator)",
        description="A ratio takes numerator and denominator (its value is computed); the others take value. "
        "An existing draft of the same indicator and quarter is replaced.",
        request=s.ActualCreateSerializer,
        responses={201: s.ActualSerializer, 200: s.ActualSerializer},
    ),
    partial_update=extend_schema(
        summary="Correct a draft actual", request=s.ActualFiguresSerializer, responses={200: s.ActualSerializer}
    ),
    submit=extend_schema(
        summary="Send the actual to the superior for verification",
        request=s.VersionSerializer,
        responses={200: s.ActualSerializer},
    ),
    verify=extend_schema(
        summary="Verify a submitted actual (a superior)",
        request=s.VersionSerializer,
        responses={200: s.ActualSerializer},
    ),
    return_actual=extend_schema(
        summary="Return a submitted actual with a reason (a superior)",
        request=s.ReasonSerializer,
        responses={200: s.ActualSerializer},
    ),
    reopen=extend_schema(
        summary="Reopen a verified actual with a reason (a superior or the planner)",
        request=s.ReasonSerializer,
        responses={200: s.ActualSerializer},
    ),
    evidence=extend_schema(
        summary="Upload an evidence file (PDF, image, Word, Excel) to a draft actual",
        request={"multipart/form-data": s.EvidenceUploadSerializer},
        responses={201: s.EvidenceSerializer},
    ),
)
class ActualViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.ActualSerializer
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
        return Response(s.ActualSerializer(self.get_queryset().get(pk=actual.pk)).data, status=code)

    def _record(self, indicator: Indicator, year: int, quarter: int, data: dict, version: str | None = None) -> Actual:
        """Through performance.services.record_actual, which checks who may (403) and every rule — closed period,
        state, indicators fed by the SAKIP evaluation, ratio terms, figures in range (400)."""
        if indicator.formula == Indicator.Formula.RATIO and data.get("value") is not None:
            raise ValidationError({"value": ["Nilai rasio dihitung dari pembilang dan penyebut; jangan diisi."]})
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
        data = _valid(s.ActualCreateSerializer, request.data)
        indicator = readable_indicator(request.user, data["indicator"])
        existed = Actual.objects.filter(indicator=indicator, year=data["year"], quarter=data["quarter"]).exists()
        actual = self._record(indicator, data["year"], data["quarter"], data, version=_version(data))
        return self._answer(actual, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = _valid(s.ActualFiguresSerializer, request.data, partial=True)
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
        version = _version(_valid(s.VersionSerializer, request.data))
        with service_errors():
            actual = workflow.submit_actual(actor=request.user, actual=actual, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        version = _version(_valid(s.VersionSerializer, request.data))
        with service_errors():
            actual = workflow.verify_actual(actor=request.user, actual=actual, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_actual(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = _valid(s.ReasonSerializer, request.data)
        reason, version = data["reason"], _version(data)
        with service_errors():
            actual = workflow.return_actual(actor=request.user, actual=actual, reason=reason, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        data = _valid(s.ReasonSerializer, request.data)
        reason, version = data["reason"], _version(data)
        with service_errors():
            actual = workflow.reopen_actual(actor=request.user, actual=actual, reason=reason, version=version)
        return self._answer(actual)

    @action(detail=True, methods=["post"])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        actual = self.get_object()
        upload = _valid(s.EvidenceUploadSerializer, request.data)["file"]
        with service_errors():
            evidence = services.add_evidence(
                actor=request.user, actual=actual, name=upload.name or "", content=upload.read()
            )
        return Response(s.EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    **_list_schema("agency", "actual", summary="Evidence files of actuals"),
    retrieve=extend_schema(summary="One evidence file's description"),
    download=extend_schema(
        summary="The evidence file itself",
        responses={(200, kind.content_type): OpenApiTypes.BINARY for kind in file_kinds.ALLOWED},
    ),
)
class EvidenceViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.EvidenceSerializer
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


# -- achievements ----------------------------------------------------------------------------------


def _rollup(result: achievement.Rollup) -> dict:
    """A roll-up as the pages show it (performance.selectors.rollup_of / performance.figures)."""
    return {
        "mean": result.mean,
        "category": None if result.low_coverage else result.category,
        "counted": result.counted,
        "missing": result.missing,
        "total": result.total,
        "verified": result.verified,
        "low_coverage": result.low_coverage,
        "cap": result.cap,
    }


def _indicator_figure(measurement: Measurement) -> dict:
    """An indicator's figures for the period the measurement is read for (the same as every page's)."""
    value = measurement.period_achievement
    return {
        "target": measurement.period_target,
        "actual": measurement.period_actual,
        "achievement": value,
        "category": achievement.category(value),
        "verified": measurement.period_verified,
        "compared_with_year_target": measurement.period_uses_year_target,
    }


class AchievementQuery(s.serializers.Serializer):
    year = s.serializers.IntegerField(required=False, **s.YEAR)
    quarter = s.serializers.IntegerField(required=False, min_value=min(QUARTERS), max_value=max(QUARTERS), default=4)


def _year_and_quarter(request: Request) -> tuple[int | None, int]:
    params = request.query_params
    data = _valid(AchievementQuery, {name: params[name] for name in ("year", "quarter") if name in params})
    return data.get("year"), data["quarter"]


ACHIEVEMENT_PARAMETERS = [
    OpenApiParameter("year", OpenApiTypes.INT, description="Year (default: this year within each agency's plan)."),
    OpenApiParameter(
        "quarter", OpenApiTypes.INT, description="Up to quarter 1–4 (default 4: the year).", enum=list(QUARTERS)
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary="Achievement of each IKI page: every row up to a quarter, and the page's roll-up",
        parameters=[*filter_parameters("agency", "position", "verified_only"), *ACHIEVEMENT_PARAMETERS],
        responses={200: s.PageAchievementSerializer(many=True)},
    )
)
class PageAchievementViewSet(ScopedViewSet, mixins.ListModelMixin):
    serializer_class = s.PageAchievementSerializer
    filters_used = ("agency", "position", "verified_only")

    def get_queryset(self):
        positions = (
            Position.objects.filter(agency__in=self.agencies())
            .select_related("agency")
            .order_by("agency_id", "order", "id")
        )
        if "position" in self.filters:
            positions = positions.filter(code=self.filters["position"])
        return positions

    def list(self, request: Request) -> Response:
        year, quarter = _year_and_quarter(request)
        page = self.paginate_queryset(self.get_queryset())
        plans = _current_plans({position.agency_id for position in page})
        rows = list(
            PageIndicator.objects.filter(position__in=page)
            .select_related("indicator")
            .order_by("objective__order", "order", "id")
        )
        by_year: dict[int, list[Indicator]] = defaultdict(list)
        years = {}
        for position in page:
            plan = plans.get(position.agency_id)
            years[position.pk] = year or (default_year(plan) if plan else datetime.date.today().year)
        for row in rows:
            by_year[years[row.position_id]].append(row.indicator)
        measured = {}
        for row_year, indicators in by_year.items():  # one batch per year asked: a single one with ?year=
            for pk, measurement in get_measurements(
                indicators, row_year, quarter=quarter, verified_only=self.filters["verified_only"]
            ).items():
                measured[(row_year, pk)] = measurement
        rows_of, measurements_of = defaultdict(list), defaultdict(list)
        for row in rows:
            measurement = measured[(years[row.position_id], row.indicator_id)]
            measurements_of[row.position_id].append(measurement)
            rows_of[row.position_id].append(
                {
                    "indicator": row.indicator_id,
                    "code": row.indicator.code,
                    "name": row.name,
                    "objective": row.objective_id,
                    **_indicator_figure(measurement),
                    "statuses": [actual.status if actual else None for actual in measurement.quarters],
                }
            )
        data = [
            {
                "position": position.pk,
                "agency": position.agency.code,
                "code": position.code,
                "heading": position.heading,
                "year": years[position.pk],
                "quarter": quarter,
                "rollup": _rollup(rollup_of(measurements_of[position.pk])),
                "rows": rows_of[position.pk],
            }
            for position in page
        ]
        return self.get_paginated_response(s.PageAchievementSerializer(data, many=True).data)


def _current_plans(agency_ids: set[int]) -> dict[int, StrategicPlan]:
    """Each agency's latest plan (as strategy.selectors.find_current_plan picks it), for many agencies in 1 query."""
    plans = {}
    for plan in StrategicPlan.objects.filter(agency_id__in=agency_ids).order_by("agency_id", "first_year"):
        plans[plan.agency_id] = plan
    return plans


@extend_schema_view(
    list=extend_schema(
        summary="Achievement of each agency and its units for a year, up to a quarter (mean over the IKI page rows)",
        parameters=ACHIEVEMENT_PARAMETERS,
        responses={200: s.AgencyAchievementSerializer(many=True)},
    )
)
class AgencyAchievementViewSet(ScopedViewSet, mixins.ListModelMixin):
    serializer_class = s.AgencyAchievementSerializer
    filters_used = ("agency",)

    def get_queryset(self):
        return self.agencies().order_by("code")

    def list(self, request: Request) -> Response:
        year, quarter = _year_and_quarter(request)
        page = self.paginate_queryset(self.get_queryset())
        plans = _current_plans({agency.pk for agency in page})
        indicators = list(
            Indicator.objects.filter(plan__in=list(plans.values()))
            .select_related("objective")
            .order_by("plan_id", "order", "code")
        )
        rows = list(
            PageIndicator.objects.filter(objective__plan__in=list(plans.values()))
            .select_related("position__unit", "objective")
            .order_by("position__unit__order", "position__order", "objective__order", "order")
        )
        years = {
            agency.pk: year or (default_year(plans[agency.pk]) if agency.pk in plans else datetime.date.today().year)
            for agency in page
        }
        agency_of_plan = {plan.pk: agency_id for agency_id, plan in plans.items()}
        by_year: dict[int, list[Indicator]] = defaultdict(list)
        for indicator in indicators:
            by_year[years[agency_of_plan[indicator.plan_id]]].append(indicator)
        measured: dict[int, dict] = {}
        for row_year, items in by_year.items():  # one batch per year asked: a single one with ?year=
            measured[row_year] = get_measurement_figures(items, row_year, quarter=quarter)
        indicators_of, rows_of = defaultdict(list), defaultdict(list)
        for indicator in indicators:
            indicators_of[indicator.plan_id].append(indicator)
        for row in rows:
            rows_of[row.objective.plan_id].append(row)
        data = []
        for agency in page:
            plan = plans.get(agency.pk)
            item = {
                "agency": agency.code,
                "name": agency.name,
                "plan": plan.pk if plan else None,
                "year": years[agency.pk],
                "quarter": quarter,
                "rollup": _rollup(NO_ROLLUP),
                "units": [],
                "objectives": [],
                "indicators": [],
            }
            if plan is not None:  # the same figures as every page: performance.figures
                batch = measured.get(years[agency.pk], {})
                figures = figures_from(
                    plan,
                    years[agency.pk],
                    quarter,
                    indicators_of[plan.pk],
                    rows_of[plan.pk],
                    {i.pk: batch[i.pk] for i in indicators_of[plan.pk]},
                )
                item["rollup"] = _rollup(figures.agency)
                item["units"] = [
                    {"unit": unit.pk, "code": unit.code, "name": unit.name, "rollup": _rollup(rollup)}
                    for unit, rollup in figures.units
                ]
                objectives = {i.objective_id: i.objective for i in figures.indicators if i.objective_id}
                objectives.update((row.objective_id, row.objective) for row in figures.rows)
                item["objectives"] = [
                    {
                        "objective": pk,
                        "code": objective.code,
                        "level": objective.level,
                        "rollup": _rollup(figures.objective(pk)),
                    }
                    for pk, objective in objectives.items()
                ]
                item["indicators"] = [
                    {
                        "indicator": i.pk,
                        "code": i.code,
                        "name": i.name,
                        "is_key": i.is_key,
                        **_indicator_figure(figures.indicator(i.pk)),
                    }
                    for i in figures.indicators
                ]
            data.append(item)
        return self.get_paginated_response(s.AgencyAchievementSerializer(data, many=True).data)


# -- documents -------------------------------------------------------------------------------------

DOCUMENT_PARAMETERS = [
    OpenApiParameter(
        "kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(KINDS), description="Which document (see the list)."
    ),
    OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="Agency code."),
    OpenApiParameter(
        "file_format",
        OpenApiTypes.STR,
        required=True,
        enum=["pdf", "docx", "xlsx"],
        description="File format (each document has its own: see the list).",
    ),
    OpenApiParameter("year", OpenApiTypes.INT, description="Year of the plan (default: the latest decree's)."),
    OpenApiParameter("quarter", OpenApiTypes.INT, enum=list(QUARTERS), description="Quarter (the evaluation)."),
    OpenApiParameter("position", OpenApiTypes.STR, description="Position code (an agreement of one position)."),
    OpenApiParameter("version", OpenApiTypes.INT, description="An enacted version of the decree."),
]


class DocumentListView(APIView):
    @extend_schema(
        summary="The documents an agency can print, with their formats",
        responses={200: s.DocumentKindSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        data = [
            {
                "slug": kind.slug,
                "label": kind.label,
                "formats": list(kind.formats),
                "needs_quarter": kind.needs_quarter,
                "per_position": kind.per_position,
            }
            for kind in KINDS.values()
        ]
        return Response(s.DocumentKindSerializer(data, many=True).data)


class DocumentDownloadView(APIView):
    content_negotiation_class = FileDownload

    @extend_schema(
        summary="Print a document (as the Dokumen page does): the file in the chosen format",
        parameters=DOCUMENT_PARAMETERS,
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, output.FORMATS["docx"].content_type): OpenApiTypes.BINARY,
            (200, output.FORMATS["xlsx"].content_type): OpenApiTypes.BINARY,
        },
    )
    def get(self, request: Request, kind: str) -> HttpResponse:
        document_kind = KINDS.get(kind)
        if document_kind is None:
            raise NotFound("Dokumen tidak dikenal.")
        query = _valid(s.DocumentQuery, request.query_params)
        if query["file_format"] not in document_kind.formats:
            formats = ", ".join(document_kind.formats)
            raise ValidationError({"file_format": [f"Dokumen ini tersedia sebagai {formats}."]})
        agency = chosen_agency(request.user, query["agency"])
        plan = find_current_plan(agency)
        if plan is None:
            raise NotFound("Instansi ini belum mempunyai Renstra.")
        year = query.get("year") or plan.decrees.aggregate(year=Max("year"))["year"] or default_year(plan)
        if not plan.first_year <= year <= plan.last_year:
            raise ValidationError({"year": [f"Tahun di luar Renstra {plan.first_year}–{plan.last_year}."]})
        position = None
        if query.get("position"):
            position = agency.positions.filter(code=query["position"]).first()
            if position is None:
                raise NotFound("Jabatan tidak ditemukan.")
        document_request = DocumentRequest(agency, plan, year, query["quarter"], position, query.get("version"))
        try:
            document = build_document(document_kind, document_request)
        except DocumentUnavailable as error:
            raise NotFound(str(error)) from error
        fmt = query["file_format"]
        response = HttpResponse(output.render(document, fmt), content_type=output.FORMATS[fmt].content_type)
        response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
        return response


# -- token and documentation page ------------------------------------------------------------------


class TokenView(APIView):
    """The caller's API token: read it, or (POST, logged in with the password) create a new one, which ends the
    old one. A token works for KINERJA_API_TOKEN_DAYS and ends at logout (kinerja.api.authentication)."""

    @extend_schema(
        summary="The caller's API token (null when none was made yet, or it expired)",
        responses={200: s.TokenSerializer},
    )
    def get(self, request: Request) -> Response:
        token = Token.objects.filter(user=request.user).first()
        return Response({"token": token.key if token and not is_expired(token) else None})

    @extend_schema(
        summary="Make a new API token for the caller (the old one stops working); only in a session "
        "logged in with the password, never with a token",
        request=None,
        responses={201: s.TokenSerializer},
    )
    def post(self, request: Request) -> Response:
        if isinstance(request.successful_authenticator, TokenAuthentication):
            raise PermissionDenied(NEW_TOKEN_NEEDS_LOGIN)
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
        return Response({"token": token.key}, status=status.HTTP_201_CREATED)


def docs(request):
    """Swagger UI from our own static files (drf-spectacular-sidecar), started by static/kinerja/api-docs.js: no
    inline script, so the site's Content-Security-Policy stays as it is."""
    if not request.user.is_authenticated:  # LoginRequiredMiddleware answers before; this keeps the rule local
        raise Http404
    return render(request, "api/docs.html", {})
