"""The final step of the ratings as POST actions of the distribution page: make final, reopen. Each calls its
service (`finalisation`) and comes back to the distribution page with the service's message; no rule lives here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.organisation.models import Agency, Unit

from . import finalisation
from .views import refusal_text


def _scope(request: HttpRequest, agency: Agency) -> tuple[int, Unit | None]:
    try:
        year = int(request.POST.get("tahun", ""))
    except ValueError as error:
        raise Http404(NOT_FOUND) from error
    code = request.POST.get("unit", "")
    return year, get_object_or_404(agency.units, code=code) if code else None


def _back(agency: Agency, year: int) -> HttpResponse:
    return redirect(f"{reverse('skp-distribution', args=[agency.code])}?tahun={year}")


@require_POST
def skp_finalise(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    year, unit = _scope(request, agency_obj)
    try:
        done = finalisation.finalise_ratings(
            actor=request.user,
            agency=agency_obj,
            year=year,
            unit=unit,
            acknowledge_breaks=request.POST.get("akui") == "1",
        )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("%(count)s SKP ratings are final.") % {"count": len(done)})
    return _back(agency_obj, year)


@require_POST
def skp_reopen(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    year, unit = _scope(request, agency_obj)
    try:
        done = finalisation.reopen_ratings(
            actor=request.user, agency=agency_obj, year=year, unit=unit, reason=request.POST.get("alasan", "")
        )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, _("%(count)s SKP ratings are reopened.") % {"count": len(done)})
    return _back(agency_obj, year)
