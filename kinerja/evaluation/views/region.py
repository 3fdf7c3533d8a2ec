"""The region's summary: every agency's score, predicate and change from last year."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.accounts.access import NOT_FOUND, may_read_region, reach_of
from kinerja.organisation.models import Region

from .. import selectors

YEARS_SHOWN = 6


def region_summary(request: HttpRequest, region: str, year: int) -> HttpResponse:
    """Every agency of the region: score, predicate, change from last year — for the inspectorate, Bappeda and
    the administrator."""
    region_obj = Region.objects.filter(code=region).first()
    reach = reach_of(request.user)
    if region_obj is None or not may_read_region(request.user, region_obj):
        raise Http404(NOT_FOUND)
    rows = selectors.region_summary(region_obj, year)
    return render(
        request,
        "evaluation/region.html",
        {
            "region": region_obj,
            "year": year,
            "rows": rows,
            "years": range(year - YEARS_SHOWN + 2, year + 2),
            "may_evaluate": region_obj.pk in reach.inspected,
        },
    )
