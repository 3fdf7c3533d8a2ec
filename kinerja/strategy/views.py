from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.organisation.selectors import get_agency

from .selectors import get_plan_counts, list_positions


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
