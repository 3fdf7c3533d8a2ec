"""Achievements: each IKI page's rows and roll-up, and each agency with its units, objectives and indicators, read
through the shared selectors (performance.selectors, performance.figures) as every page reads them."""

import datetime
from collections import defaultdict

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.periods import QUARTERS, default_year
from kinerja.organisation.models import Position
from kinerja.performance import achievement
from kinerja.performance.figures import NO_ROLLUP, figures_from
from kinerja.performance.selectors import Measurement, get_measurement_figures, get_measurements, rollup_of
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from ..schema import filter_parameters
from ..serializers.achievements import AgencyAchievementSerializer, PageAchievementSerializer
from ..serializers.fields import YEAR
from .base import ScopedViewSet, validated


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


class AchievementQuery(serializers.Serializer):
    year = serializers.IntegerField(required=False, **YEAR)
    quarter = serializers.IntegerField(required=False, min_value=min(QUARTERS), max_value=max(QUARTERS), default=4)


def _year_and_quarter(request: Request) -> tuple[int | None, int]:
    params = request.query_params
    data = validated(AchievementQuery, {name: params[name] for name in ("year", "quarter") if name in params})
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
        responses={200: PageAchievementSerializer(many=True)},
    )
)
class PageAchievementViewSet(ScopedViewSet, mixins.ListModelMixin):
    serializer_class = PageAchievementSerializer
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
        return self.get_paginated_response(PageAchievementSerializer(data, many=True).data)


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
        responses={200: AgencyAchievementSerializer(many=True)},
    )
)
class AgencyAchievementViewSet(ScopedViewSet, mixins.ListModelMixin):
    serializer_class = AgencyAchievementSerializer
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
        return self.get_paginated_response(AgencyAchievementSerializer(data, many=True).data)
