"""Background jobs: start one (a form on the documents and the export pages), follow it, download its file.

Thin: access and every rule are in `services` (start) and `selectors` (a person sees only their own jobs); a job
that is not the person's answers 404, as everything outside a person's reach does.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.core.periods import parse_quarter, parse_year
from kinerja.organisation.models import Agency

from . import services
from .models import EXPORT, Job
from .selectors import get_job, job_file


@require_POST
def start(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    kind = request.POST.get("jenis", "")
    try:
        if kind == EXPORT:
            job = services.start_export_job(actor=request.user, agency=agency_obj)
        else:
            job = services.start_document_job(
                actor=request.user,
                agency=agency_obj,
                kind=kind,
                fmt=request.POST.get("format", ""),
                year=parse_year(request.POST.get("tahun")) or 0,
                quarter=parse_quarter(request.POST.get("triwulan")) or 4,
                position_code=request.POST.get("jabatan", ""),
            )
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(request, agency_obj, kind))
    if job.status == Job.Status.FAILED:
        messages.error(request, job.failure)
    return redirect(f"{_back(request, agency_obj, kind)}#tugas-{job.kind}")


def _back(request: HttpRequest, agency: Agency, kind: str) -> str:
    back = request.POST.get("kembali", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        return back.split("#")[0]
    return reverse("exchange-home" if kind == EXPORT else "documents", args=[agency.code])


def _own(request: HttpRequest, agency: str, job: uuid.UUID) -> Job:
    found = get_job(request.user, agency_or_404(request.user, agency), job)
    if found is None:
        raise Http404(NOT_FOUND)
    return found


@require_GET
def status(request: HttpRequest, agency: str, job: uuid.UUID) -> HttpResponse:
    """Where the job stands: the block alone for htmx polling, else a page of its own (a refresh follows it)."""
    found = _own(request, agency, job)
    context = {"job": found, "agency": found.agency, "ready": job_file(found) is not None}
    if getattr(request, "htmx", False):
        return render(request, "jobs/partials/_job.html", context)
    return render(request, "jobs/job.html", context)


@require_GET
def download(request: HttpRequest, agency: str, job: uuid.UUID) -> HttpResponse:
    found = _own(request, agency, job)
    path = job_file(found)
    if path is None:
        raise Http404(_("This file is not ready, or no longer current: prepare it again."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=found.filename)
