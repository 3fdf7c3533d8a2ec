"""The agency dashboard, the performance tree, the regency view and the public pages: access → selector →
render. Numbers are computed in kinerja.performance (through dashboard.selectors), never here."""

import csv
import datetime
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.timezone import localdate, localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan, may_read_country, may_read_region
from kinerja.core.cells import spreadsheet_text
from kinerja.core.numbers import format_number
from kinerja.core.periods import QUARTER_NAMES, chosen_any_year, chosen_quarter, chosen_year
from kinerja.organisation.models import Agency, Region
from kinerja.performance.figures import get_plan_figures_by_year
from kinerja.performance.rollups import read as rollups
from kinerja.performance.selectors import get_opening_year, rollup_cap
from kinerja.reports import output, stored
from kinerja.reports.models import EnactedDecree
from kinerja.strategy.models import StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from . import selectors, services
from .models import Publication


def _period(request: HttpRequest, plan: StrategicPlan) -> tuple[int, int]:
    return chosen_year(request, plan, get_opening_year(plan)), chosen_quarter(request)


def _is_published(agency: Agency) -> bool:
    return Publication.objects.filter(agency=agency, is_published=True).exists()


def _chart_category(rollup: object) -> str:
    """A bar's colour: its category, grey where the roll-up rests on too few indicators (docs/measurement.md)."""
    return "none" if rollup.low_coverage else selectors.category_slug(rollup.mean)


def dashboard(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    year, quarter = _period(request, plan)
    board = selectors.get_dashboard(plan, year, quarter)
    units_chart = {
        "labels": [group.obj.name for group in board.units],
        "values": [None if group.rollup.mean is None else str(group.rollup.mean) for group in board.units],
        "categories": [_chart_category(group.rollup) for group in board.units],
    }
    positions_chart = {
        "labels": [group.obj.title for group in board.positions],
        "values": [None if group.rollup.mean is None else str(group.rollup.mean) for group in board.positions],
        "categories": [_chart_category(group.rollup) for group in board.positions],
    }
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "quarter": quarter,
            "quarters": QUARTER_NAMES,
            "board": board,
            "units_chart": units_chart,
            "positions_chart": positions_chart,
            "trends": [(row, f"trend-{index}") for index, row in enumerate(board.iku)],
            "example": board.example,
            "may_plan": may_plan(request.user, agency_obj),
            "published": _is_published(agency_obj),
            "reads_region": may_read_region(request.user, agency_obj.region),
            "rollup_cap": rollup_cap(),
            "year_target_used": board.figures.year_target_used,
        },
    )


def tree(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    year, quarter = _period(request, plan)
    root = selectors.get_tree(plan, year, quarter, tree_urls(agency_obj.code, year))
    return render(
        request,
        "dashboard/tree.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "quarter": quarter,
            "quarters": QUARTER_NAMES,
            "root": root,
            "node_count": selectors.count_nodes(root),
            "rollup_cap": rollup_cap(),
            "year_target_used": root.get("year_target_used", False),
        },
    )


def tree_urls(code: str, year: int) -> selectors.TreeUrls:
    return selectors.TreeUrls(
        plan=reverse("plan-detail", args=[code]) + f"?tahun={year}",
        indicator_pattern=reverse("indicator-detail", args=[code, "__code__"]),
        position_pattern=reverse("position-page", args=[code, "__code__"]) + f"?tahun={year}",
        unlinked_label=_("Not linked to anything above"),
    )


@require_POST
def publish(request: HttpRequest, agency: str) -> HttpResponse:
    """The agency planner (or the administrator) publishes or withdraws the public page."""
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    published = request.POST.get("publish") == "1"
    services.set_published(actor=request.user, agency=agency_obj, published=published)
    messages.success(request, _("The public page is published.") if published else _("The public page is withdrawn."))
    return redirect("dashboard", agency=agency_obj.code)


# -- the regency ----------------------------------------------------------------------------------------


SHARED_LISTED = 25  # shared indicators listed on the regency view before "show all"


def _freshness(moment: datetime.datetime | None) -> dict:
    """The roll-ups' "data s.d. pukul HH:MM" line: the date too when it is not today."""
    return {"fresh_at": moment, "fresh_today": moment is not None and localtime(moment).date() == localdate()}


def _rollup_page(view, year: int, quarter: int, years: list[int]) -> dict:
    """What the regency, province and national views share: the period picker (dashboard/partials/
    _period_picker.html), the achievement cap and how fresh the roll-ups are."""
    return {
        "view": view,
        "year": year,
        "quarter": quarter,
        "quarters": QUARTER_NAMES,
        "years": years,
        "rollup_cap": rollup_cap(),
        **_freshness(view.fresh_at),
    }


def region_view(request: HttpRequest, region: str) -> HttpResponse:
    """Every agency of the region side by side, for Bappeda, the inspectorate and the administrator (from the
    roll-ups the writes keep: docs/scale.md §4)."""
    region_obj = Region.objects.filter(code=region).first()
    if region_obj is None or not may_read_region(request.user, region_obj):
        raise Http404(NOT_FOUND)
    latest_plan = StrategicPlan.objects.filter(agency__region=region_obj).order_by("-first_year").first()
    year = chosen_any_year(request)
    if year is None:
        latest = rollups.latest_year([region_obj.pk])
        year = latest or (get_opening_year(latest_plan) if latest_plan else 2000)
    quarter = chosen_quarter(request)
    view = selectors.get_region_view(region_obj, year, quarter)
    # the shared indicators are listed with their range; each agency's value only for the chosen one (a page
    # of every shared name × every agency was ≈ 1 MB at 40 agencies: bench/README.md)
    chosen_key = request.GET.get("indikator", "")
    chosen = next((item for item in view.shared if item.key == chosen_key), None) if chosen_key else None
    show_all = request.GET.get("semua") == "1"
    return render(
        request,
        "dashboard/region.html",
        {
            **_rollup_page(view, year, quarter, list(latest_plan.years) if latest_plan else [year]),
            "region": region_obj,
            "chosen": chosen,
            "chosen_key": chosen_key,
            "show_all": show_all,
            "shared_shown": view.shared if show_all else view.shared[:SHARED_LISTED],
            "province_slug": selectors.province_slug(region_obj.province),
        },
    )


def province_view(request: HttpRequest, province: str) -> HttpResponse:
    """Every regency and city of a province that the user reads (as the regency view), with its figures from the
    roll-ups and a link down to its regency view."""
    regions = [region for region in selectors.regions_of_province(province) if may_read_region(request.user, region)]
    if not regions:
        raise Http404(NOT_FOUND)
    years = selectors.province_years(regions)
    year = (
        chosen_any_year(request) or rollups.latest_year([region.pk for region in regions]) or max(years, default=2000)
    )
    quarter = chosen_quarter(request)
    view = selectors.get_province_view(regions[0].province, regions, year, quarter)
    return render(
        request,
        "dashboard/province.html",
        {**_rollup_page(view, year, quarter, years or [year]), "national": may_read_country(request.user)},
    )


def national_view(request: HttpRequest) -> HttpResponse:
    """Every province, for the ministry, with its figures put together from its regions' roll-ups and a link down
    to its province view; 404 for whoever may not read the country (accounts.access.may_read_country)."""
    if not may_read_country(request.user):
        raise Http404(NOT_FOUND)
    grouped = selectors.regions_by_province()
    years = selectors.national_years(grouped)
    region_ids = [region.pk for regions in grouped.values() for region in regions]
    year = chosen_any_year(request) or rollups.latest_year(region_ids) or max(years, default=2000)
    quarter = chosen_quarter(request)
    view = selectors.get_national_view(grouped, year, quarter)
    return render(
        request,
        "dashboard/national.html",
        _rollup_page(view, year, quarter, years or [year]),
    )


# -- the public pages (no login) ------------------------------------------------------------------------


@login_not_required
def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/public_index.html", {"agencies": services.published_agencies()})


def _public_agency(code: str) -> tuple[Agency, StrategicPlan | None]:
    """The agency when it published its page; 404 otherwise, as if it did not exist."""
    agency = get_object_or_404(Agency.objects.select_related("region"), code=code, publication__is_published=True)
    return agency, find_current_plan(agency)


@login_not_required
def public_page(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj, plan = _public_agency(agency)
    # every figure by the one definition (performance.figures), verified actuals only, as in the CSV
    by_year = get_plan_figures_by_year(plan, plan.years, verified_only=True) if plan else {}
    iku = [indicator for indicator in by_year[plan.first_year].indicators if indicator.is_key] if by_year else []
    rows = [
        {"indicator": indicator, "years": {year: by_year[year].indicator(indicator.pk) for year in plan.years}}
        for indicator in iku
    ]
    decree = _latest_enacted(plan) if plan else None
    return render(
        request,
        "dashboard/public.html",
        {
            "public_agency": agency_obj,
            "plan": plan,
            "rows": rows,
            "years": list(plan.years) if plan else [],
            "decree": decree,
            "example": any(m.has_example_data for row in rows for m in row["years"].values()),
        },
    )


def _latest_enacted(plan: StrategicPlan) -> EnactedDecree | None:
    return (
        EnactedDecree.objects.filter(decree__plan=plan)
        .select_related("decree")
        .defer("document")
        .order_by("-decree__year", "-version")
        .first()
    )


@login_not_required
def public_csv(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj, plan = _public_agency(agency)
    if plan is None:
        raise Http404(NOT_FOUND)
    # every figure by the one definition (performance.figures), verified actuals only: a draft never goes public
    by_year = get_plan_figures_by_year(plan, plan.years, verified_only=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["kode", "indikator", "satuan", "tahun", "target", "realisasi_terverifikasi", "capaian_persen"])
    iku = [indicator for indicator in by_year[plan.first_year].indicators if indicator.is_key] if by_year else []
    for indicator in iku:
        for year in plan.years:
            m = by_year[year].indicator(indicator.pk)
            writer.writerow(
                map(
                    spreadsheet_text,
                    [  # a name that starts with "=" is text, not a formula
                        indicator.code,
                        indicator.name,
                        indicator.unit,
                        year,
                        _csv_number(m.period_target, indicator.decimals),
                        _csv_number(m.period_actual, indicator.decimals),
                        _csv_number(m.period_achievement, 2),
                    ],
                )
            )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="iku-{agency_obj.code}.csv"'
    return response


def _csv_number(value: object, decimals: int) -> str:
    return "" if value is None else format_number(value, decimals)


@login_not_required
def public_decree(request: HttpRequest, agency: str) -> HttpResponse:
    """The latest enacted version of the IKU/IKI decree, as it was enacted; never a draft. Printed once per
    version and served from storage afterwards (reports.stored)."""
    agency_obj, plan = _public_agency(agency)
    enacted = _latest_enacted(plan) if plan else None
    if enacted is None:
        raise Http404(_("No decree has been enacted yet."))
    enacted = EnactedDecree.objects.get(pk=enacted.pk)
    content = stored.enacted_pdf(enacted, agency_obj.code)  # rendered once per enacted version, then kept
    response = HttpResponse(content, content_type=output.FORMATS["pdf"].content_type)
    response["Content-Disposition"] = (
        f'inline; filename="keputusan-{agency}-{enacted.decree.year}-v{enacted.version}.pdf"'
    )
    return response
