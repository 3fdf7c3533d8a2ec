from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.organisation.selectors import get_agency

from .selectors import (
    get_current_plan,
    get_indicator_detail,
    get_plan_counts,
    get_plan_overview,
    get_position_page,
    list_positions,
)


def agency_overview(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = get_agency(agency)
    plan = agency_obj.plans.order_by("-first_year").first()
    return render(request, "strategy/agency.html", {
        "agency": agency_obj,
        "plan": plan,
        "counts": get_plan_counts(plan) if plan else None,
        "positions": list_positions(agency_obj),
        "unit_count": agency_obj.units.count(),
        "decree": plan.decrees.order_by("-year").first() if plan else None,
    })


def plan_detail(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = get_agency(agency)
    overview = get_plan_overview(get_current_plan(agency_obj))
    return render(request, "strategy/plan.html", {"agency": agency_obj, "overview": overview})


def position_page(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    agency_obj = get_agency(agency)
    page = get_position_page(agency_obj, position)
    return render(request, "strategy/position_page.html", {"agency": agency_obj, "page": page})


def indicator_detail(request: HttpRequest, agency: str, indicator: str) -> HttpResponse:
    agency_obj = get_agency(agency)
    detail = get_indicator_detail(get_current_plan(agency_obj), indicator)
    return render(request, "strategy/indicator.html", {"agency": agency_obj, "detail": detail})
