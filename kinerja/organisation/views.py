from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import get_agency, get_unit_tree, list_agencies


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "organisation/home.html", {"agencies": list_agencies()})


def organisation_tree(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = get_agency(agency)
    return render(request, "organisation/tree.html", {"agency": agency_obj, "roots": get_unit_tree(agency_obj)})
