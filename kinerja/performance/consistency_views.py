"""The consistency check as a page: every finding of the agency's plan, grouped by check, with its places."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.accounts.access import agency_or_404, may_plan
from kinerja.core.periods import chosen_any_year

from .consistency import check_agency


def consistency_check(request: HttpRequest, agency: str) -> HttpResponse:
    """Readable by whoever may read the agency; `?tahun=` limits the quarterly targets checked to one year."""
    agency_obj = agency_or_404(request.user, agency)
    report = check_agency(agency_obj, year=chosen_any_year(request))
    return render(
        request,
        "performance/consistency.html",
        {
            "agency": agency_obj,
            "report": report,
            "plan": report.plan,
            "years": list(report.plan.years) if report.plan else [],
            "may_plan": may_plan(request.user, agency_obj),
        },
    )
