"""Pages that show the plan, its targets and actuals: access → selector → render (entering actuals: entry_views.py)."""

from dataclasses import dataclass

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from kinerja.accounts.access import agency_or_404, may_enter_actuals, may_plan, may_read_log
from kinerja.core.file_downloads import stored_file_response
from kinerja.core.periods import QUARTER_NAMES, chosen_year
from kinerja.organisation.models import Agency
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import (
    find_current_plan,
    get_current_plan,
    get_indicator_detail,
    get_plan_counts,
    get_plan_overview,
    get_position_page,
    list_positions,
)

from . import achievement
from .figures import get_plan_figures
from .models import Evidence, Target
from .selectors import Measurement, get_measurements, get_opening_year, rollup_cap, rollup_of


@dataclass
class MeasuredRow:
    row: PageIndicator
    measurement: Measurement


@dataclass
class MeasuredObjective:
    objective: object
    rows: list[MeasuredRow]
    rollup: achievement.Rollup


def verified_only(request: HttpRequest) -> bool:
    """`?terverifikasi=1`: achievement pages count only verified actuals."""
    return request.GET.get("terverifikasi") == "1"


def year_or_quarter(request: HttpRequest) -> int:
    """`?triwulan=` when given; else 4: the reading pages (overview, Renstra, IKI page) show the year unless a
    quarter is asked (the dashboard and the tree start at this quarter, and both say which)."""
    text = request.GET.get("triwulan", "")
    return int(text) if text in {"1", "2", "3", "4"} else 4


def _measured_page(agency: Agency, position: str, year: int, *, verified: bool = False, quarter: int = 4) -> tuple:
    page = get_position_page(agency, position)
    indicators = [row.indicator for item in page.objectives for row in item.rows]
    measurements = get_measurements(indicators, year, verified_only=verified, quarter=quarter)
    objectives = []
    for item in page.objectives:
        rows = [MeasuredRow(row, measurements[row.indicator_id]) for row in item.rows]
        objectives.append(MeasuredObjective(item.objective, rows, rollup_of(r.measurement for r in rows)))
    page_rollup = rollup_of(r.measurement for o in objectives for r in o.rows)  # the position's figure
    example = any(r.measurement.has_example_data for o in objectives for r in o.rows)
    return page, objectives, page_rollup, example


def agency_overview(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    year = chosen_year(request, plan, get_opening_year(plan)) if plan else None
    quarter = year_or_quarter(request) if plan else None
    figures = get_plan_figures(plan, year, quarter) if plan else None
    return render(
        request,
        "strategy/agency.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "quarter": quarter,
            "quarters": QUARTER_NAMES,
            "figures": figures,
            "rollup_cap": rollup_cap(),
            "year_target_used": bool(figures and figures.year_target_used),
            "counts": get_plan_counts(plan) if plan else None,
            "positions": list_positions(agency_obj),
            "unit_count": agency_obj.units.count(),
            "decree": plan.decrees.order_by("-year").first() if plan else None,
            "may_plan": may_plan(request.user, agency_obj),
            "may_read_log": may_read_log(request.user, agency_obj),
            "example": bool(figures and figures.example),
        },
    )


def position_page(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    quarter = None
    if plan is None:  # an agency without a strategic plan yet: the page shows its duty and functions only
        page, objectives, page_rollup, example = get_position_page(agency_obj, position), [], None, False
        year = None
    else:
        year, quarter = chosen_year(request, plan, get_opening_year(plan)), year_or_quarter(request)
        page, objectives, page_rollup, example = _measured_page(
            agency_obj, position, year, verified=verified_only(request), quarter=quarter
        )
    return render(
        request,
        "strategy/position_page.html",
        {
            "verified_only": verified_only(request),
            "agency": agency_obj,
            "plan": plan,
            "page": page,
            "year": year,
            "quarter": quarter,
            "measured": objectives,
            "page_rollup": page_rollup,
            "example": example,
            "quarters": QUARTER_NAMES,
            "rollup_cap": rollup_cap(),
            "year_target_used": any(r.measurement.period_uses_year_target for o in objectives for r in o.rows),
            "may_enter": may_enter_actuals(request.user, page.position),
            "may_plan": may_plan(request.user, agency_obj),
        },
    )


def plan_detail(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    year, quarter = chosen_year(request, plan, get_opening_year(plan)), year_or_quarter(request)
    overview = get_plan_overview(plan)
    figures = get_plan_figures(plan, year, quarter, verified_only=verified_only(request))
    return render(
        request,
        "strategy/plan.html",
        {
            "agency": agency_obj,
            "overview": overview,
            "plan": plan,
            "year": year,
            "quarter": quarter,
            "figures": figures,
            "measurements": figures.measurements,
            "objective_rollups": {
                item.objective.pk: figures.objective(item.objective.pk)
                for goal in overview.goals
                for item in goal.objectives
            },
            "quarters": QUARTER_NAMES,
            "verified_only": verified_only(request),
            "rollup_cap": rollup_cap(),
            "example": figures.example,
            "year_target_used": figures.year_target_used,
        },
    )


def indicator_detail(request: HttpRequest, agency: str, indicator: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = get_current_plan(agency_obj)
    detail = get_indicator_detail(plan, indicator)
    item = detail.indicator
    targets = list(item.targets.order_by("kind", "year", "quarter"))
    actuals = list(item.actuals.prefetch_related("evidence").order_by("year", "quarter"))
    years = []
    for year in plan.years:
        measurement = Measurement(item, year)
        for target in targets:
            if target.year == year and target.kind == Target.Kind.YEAR:
                measurement.target = target
            elif target.year == year and target.kind == Target.Kind.QUARTER:
                measurement.quarter_targets[target.quarter] = target
        measurement.actuals = {actual.quarter: actual for actual in actuals if actual.year == year}
        years.append(measurement)
    chart = {
        "years": [str(m.year) for m in years],
        "target": [str(m.target.value) if m.target and m.target.value is not None else None for m in years],
        "actual": [str(m.year_actual) if m.year_actual is not None else None for m in years],
        "unit": item.unit,
    }
    return render(
        request,
        "strategy/indicator.html",
        {
            "agency": agency_obj,
            "detail": detail,
            "years": years,
            "chart": chart,
            "quarters": QUARTER_NAMES,
            "baseline": next((t for t in targets if t.kind == Target.Kind.BASELINE), None),
            "end_target": next((t for t in targets if t.kind == Target.Kind.END), None),
            "evidence": [evidence for actual in actuals for evidence in actual.evidence.all()],
            "example": any(m.has_example_data for m in years),
        },
    )


def evidence_download(request: HttpRequest, agency: str, evidence: int) -> FileResponse:
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(
        Evidence.objects.select_related("actual__indicator__plan"),
        pk=evidence,
        actual__indicator__plan__agency=agency_obj,
    )
    if item.link:  # a page of Kinerja as evidence (the SAKIP evaluation's result); never another host
        if not url_has_allowed_host_and_scheme(item.link, allowed_hosts=None):
            raise Http404(gettext("The evidence link does not point to a page of Kinerja."))
        return redirect(item.link)
    return stored_file_response(item)
