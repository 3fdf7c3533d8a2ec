from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.accounts.access import agency_or_404, may_plan

from .selectors import get_unit_tree


def organisation_tree(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    return render(
        request,
        "organisation/tree.html",
        {"agency": agency_obj, "roots": get_unit_tree(agency_obj), "may_change": may_plan(request.user, agency_obj)},
    )
