"""Pages that show or take targets and actuals: access → form → service → render."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kinerja.accounts.access import agency_or_404, may_enter_actuals, may_plan, may_read_log
from kinerja.core.file_downloads import stored_file_response
from kinerja.core.numbers import format_number
from kinerja.core.periods import QUARTER_NAMES, chosen_quarter, chosen_year
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

from . import achievement, services, workflow
from .figures import get_plan_figures
from .forms import ActualForm, add_service_errors, messages_of
from .models import Actual, Evidence, Target
from .selectors import Measurement, get_measurements, get_opening_year, rollup_cap, rollup_of
from .worklist import entry_prefix


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


# -- entering actuals -------------------------------------------------------------------------------------


def _entry_setup(request: HttpRequest, agency: str, position: str) -> tuple:
    agency_obj = agency_or_404(request.user, agency)
    plan = get_current_plan(agency_obj)
    year = chosen_year(request, plan, get_opening_year(plan))
    quarter = chosen_quarter(request)
    return agency_obj, plan, year, quarter


def _row_form(measurement: Measurement, quarter: int, data: object = None, files: object = None) -> ActualForm:
    actual = measurement.actuals.get(quarter)
    initial = {"version": workflow.version_of(actual) or ActualForm.NEW}
    if actual is not None:
        initial |= {
            "numerator": actual.numerator,
            "denominator": actual.denominator,
            "value": actual.value,
            "supporting_factors": actual.supporting_factors,
            "hindering_factors": actual.hindering_factors,
            "follow_up": actual.follow_up,
            "note": actual.note,
        }
        for name in ("numerator", "denominator", "value"):
            if initial[name] is not None:
                initial[name] = format_number(initial[name], 4).rstrip("0").rstrip(",")
    return ActualForm(data=data, files=files, initial=initial, prefix=entry_prefix(measurement.indicator.code))


def _row_item(
    row: PageIndicator,
    measurement: Measurement,
    quarter: int,
    form: ActualForm,
    *,
    closed: bool,
    objective: object = None,
    preview: dict | None = None,
) -> dict:
    """One row of the entry page: read-only (plain text, no input) once its actual is submitted or verified, or
    while its quarter is closed; `preview` is what the typed figures of a refused save would give."""
    actual = measurement.actuals.get(quarter)
    locked = closed or (actual is not None and actual.status != Actual.Status.DRAFT)
    return {
        "row": row,
        "m": measurement,
        "objective": objective,
        "form": form,
        "actual": actual,
        "locked": locked,
        "closed": closed,
        "preview": preview,
    }


def entry_page(
    request: HttpRequest, agency: str, position: str, bound: ActualForm | None = None, preview: dict | None = None
) -> HttpResponse:
    """The official's IKI page as a form for one quarter; `bound` is a row that came back with errors."""
    agency_obj, plan, year, quarter = _entry_setup(request, agency, position)
    page, objectives, _page_rollup, example = _measured_page(agency_obj, position, year)
    if not may_enter_actuals(request.user, page.position):
        raise Http404("Halaman ini tidak ditemukan.")
    closed = quarter in workflow.closed_quarters(agency_obj, year)
    rows = []
    for o in objectives:
        for r in o.rows:
            form = _row_form(r.measurement, quarter)
            refused = bound is not None and bound.prefix == form.prefix
            rows.append(
                _row_item(
                    r.row,
                    r.measurement,
                    quarter,
                    bound if refused else form,
                    closed=closed,
                    objective=o.objective,
                    preview=preview if refused else None,
                )
            )
    empty = sum(1 for item in rows if quarter not in item["m"].actuals)
    return render(
        request,
        "performance/entry.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "page": page,
            "year": year,
            "quarter": quarter,
            "rows": rows,
            "empty": empty,
            "total": len(rows),
            "closed": closed,
            "quarters": QUARTER_NAMES,
            "example": example,
        },
    )


def _entry_row(request: HttpRequest, agency: str, position: str, indicator: str) -> tuple:
    agency_obj, _plan, year, quarter = _entry_setup(request, agency, position)
    page = get_position_page(agency_obj, position)
    if not may_enter_actuals(request.user, page.position):
        raise Http404("Halaman ini tidak ditemukan.")
    row = next((r for item in page.objectives for r in item.rows if r.indicator.code == indicator), None)
    if row is None:
        raise Http404("Indikator ini tidak ada pada halaman jabatan ini.")
    measurement = get_measurements([row.indicator], year)[row.indicator_id]
    return agency_obj, page, row, measurement, year, quarter


@require_POST
def entry_save(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """Save one row through `services.record_actual`, which owns every rule (the indicators fed by the SAKIP
    evaluation included: their row shows the value read-only, and a forged post is refused there too)."""
    agency_obj, page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    form = _row_form(measurement, quarter, request.POST, request.FILES)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_actual(
                actor=request.user,
                indicator=row.indicator,
                year=year,
                quarter=quarter,
                value=data["value"],
                numerator=data["numerator"],
                denominator=data["denominator"],
                supporting_factors=data["supporting_factors"],
                hindering_factors=data["hindering_factors"],
                follow_up=data["follow_up"],
                note=data["note"],
                version=form.expected_version(),
                evidence=[(upload.name, upload.read()) for upload in data["evidence"]],
            )
        except PermissionDenied as error:
            raise Http404("Halaman ini tidak ditemukan.") from error
        except ValidationError as error:  # a field's problem next to it; a closed period or a state above the row
            if getattr(error, "code", None) == "fed_by":  # the row has no form: a post for it was forged
                raise Http404(error.messages[0]) from error
            add_service_errors(form, error, {"file": "evidence"})
        else:
            saved = True
    measurement = get_measurements([row.indicator], year)[row.indicator_id]
    preview = None
    if saved:
        form = _row_form(measurement, quarter)
    else:  # the preview shows what was typed (not the saved figure), and nothing can be sent until it is saved
        typed = _row_form(measurement, quarter, request.POST)  # the figures alone, as the live preview reads them
        preview = _preview_of(row, measurement, year, quarter, typed, request.POST)
    closed = quarter in workflow.closed_quarters(agency_obj, year)
    item = _row_item(row, measurement, quarter, form, closed=closed, preview=preview)
    if request.htmx:
        rows = _page_rows(page)  # the counter of the page, swapped out of band: one query
        filled = set(
            Actual.objects.filter(indicator__in=[r.indicator_id for r in rows], year=year, quarter=quarter).values_list(
                "indicator_id", flat=True
            )
        )
        return render(
            request,
            "performance/partials/_entry_row.html",
            {
                "agency": agency_obj,
                "page": page,
                "item": item,
                "year": year,
                "quarter": quarter,
                "saved": saved,
                "quarters": QUARTER_NAMES,
                "oob_summary": True,
                "total": len(rows),
                "empty": sum(1 for r in rows if r.indicator_id not in filled),
            },
        )
    if not saved:  # without JavaScript: the whole page again, this row with its messages
        messages.error(request, "Realisasi belum tersimpan: periksa isian yang ditandai.")
        return entry_page(request, agency, position, bound=form, preview=preview)
    messages.success(request, "Realisasi tersimpan.")
    url = reverse("entry-page", args=[agency, position])
    return redirect(f"{url}?tahun={year}&triwulan={quarter}#row-{form.prefix}")


def _page_rows(page: object) -> list[PageIndicator]:
    return [r for item in page.objectives for r in item.rows]


@require_POST
def entry_submit(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """The official sends a quarter's actual of a row to the superior for verification."""
    _agency_obj, _page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    actual = measurement.actuals.get(quarter)
    if actual is None:
        messages.error(request, "Isi dan simpan realisasinya dahulu.")
    else:
        version = request.POST.get("version") or None
        try:
            workflow.submit_actual(actor=request.user, actual=actual, version=version)
        except PermissionDenied as error:
            messages.error(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(messages_of(error)))
        else:
            messages.success(request, f"Realisasi “{row.name}” dikirim untuk diverifikasi.")
    return redirect(f"{reverse('entry-page', args=[agency, position])}?tahun={year}&triwulan={quarter}")


@require_POST
def entry_preview(request: HttpRequest, agency: str, position: str, indicator: str) -> HttpResponse:
    """The value and achievement the typed figures would give, computed as the official types (nothing saved)."""
    _agency_obj, _page, row, measurement, year, quarter = _entry_row(request, agency, position, indicator)
    form = _row_form(measurement, quarter, request.POST or None)
    return render(
        request, "performance/partials/_preview.html", _preview_of(row, measurement, year, quarter, form, request.POST)
    )


def _preview_of(
    row: PageIndicator, measurement: Measurement, year: int, quarter: int, form: ActualForm, posted: object
) -> dict:
    """The value and achievement the typed figures would give (nothing saved), or the problem with them."""
    value, problem = None, ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            value, _, _ = services.checked_terms(
                row.indicator, value=data["value"], numerator=data["numerator"], denominator=data["denominator"]
            )
        except ValidationError as error:
            problem = " ".join(messages_of(error))
    else:
        problem = "; ".join(message for errors in form.errors.values() for message in errors)
    if not any(posted.get(f"{form.prefix}-{name}") for name in ("value", "numerator", "denominator")):
        problem = ""  # nothing typed yet: nothing to complain about
    preview = Measurement(
        row.indicator, year, measurement.target, measurement.quarter_targets, dict(measurement.actuals)
    )
    if value is not None:
        preview.actuals[quarter] = Actual(
            indicator=row.indicator,
            year=year,
            quarter=quarter,
            value=value,
            numerator=form.cleaned_data.get("numerator"),
            denominator=form.cleaned_data.get("denominator"),
        )
    else:
        preview.actuals.pop(quarter, None)
    return {
        "value": value,
        "m": preview,
        "problem": problem,
        "indicator": row.indicator,
        "quarter": quarter,
        "quarters": QUARTER_NAMES,
    }


def evidence_download(request: HttpRequest, agency: str, evidence: int) -> FileResponse:
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(
        Evidence.objects.select_related("actual__indicator__plan"),
        pk=evidence,
        actual__indicator__plan__agency=agency_obj,
    )
    if item.link:  # a page of Kinerja as evidence (the SAKIP evaluation's result); never another host
        if not url_has_allowed_host_and_scheme(item.link, allowed_hosts=None):
            raise Http404("Tautan bukti tidak menunjuk ke halaman Kinerja.")
        return redirect(item.link)
    return stored_file_response(item)
