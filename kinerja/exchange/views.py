"""Impor / Ekspor: the agency workbook downloaded blank or filled, and a file uploaded, previewed and imported.

Who: the agency's planner and the administrator (accounts.access.may_plan); a new agency is imported by the
administrator only. Outside a user's reach every page answers 404. The uploaded file waits under var/ for its
confirmation, named by a signed token in the URL (not kept in the session).
"""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan, reach_of
from kinerja.organisation.models import Agency

from . import importer, uploads
from .exporter import count_example_figures, export_agency_data
from .workbook.xlsx import write_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 20 * 1024 * 1024
SHOWN_CHANGES = 500


def _planned(request: HttpRequest, code: str) -> Agency:
    agency = agency_or_404(request.user, code)
    if not may_plan(request.user, agency):
        raise Http404(NOT_FOUND)
    return agency


def _admin_only(request: HttpRequest) -> None:
    if not reach_of(request.user).admin:
        raise Http404(NOT_FOUND)


def _workbook_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def home(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = _planned(request, agency)
    return render(
        request,
        "exchange/home.html",
        {"agency": agency_obj, "is_admin": reach_of(request.user).admin, "examples": count_example_figures(agency_obj)},
    )


@require_GET
def blank_template(request: HttpRequest) -> HttpResponse:
    """The blank workbook: for whoever plans an agency, and the administrator."""
    reach = reach_of(request.user)
    if not (reach.admin or reach.planned):
        raise Http404(NOT_FOUND)
    return _workbook_response(write_workbook(None), "templat-data-instansi.xlsx")


@require_GET
def export(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = _planned(request, agency)
    stamp = datetime.date.today().isoformat()
    return _workbook_response(write_workbook(export_agency_data(agency_obj)), f"{agency_obj.code}-{stamp}.xlsx")


def _keep_upload(request: HttpRequest, agency_code: str) -> str | None:
    """The token of the uploaded file, or None (with a message) when there is none to keep."""
    upload = request.FILES.get("berkas")
    if upload is None:
        messages.error(request, _("Choose a file to upload."))
        return None
    limit = importer.MAX_TEXT_BYTES if uploads.suffix_of(upload.name or "") != ".xlsx" else MAX_UPLOAD
    if upload.size > limit:
        messages.error(request, _("The file is larger than %(size)d MB.") % {"size": limit // (1024 * 1024)})
        return None
    return uploads.keep(upload.read(), upload.name or "berkas.xlsx", agency_code)


@require_POST
def upload(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = _planned(request, agency)
    token = _keep_upload(request, agency_obj.code)
    if token is None:
        return redirect("exchange-home", agency_obj.code)
    return redirect("exchange-preview", agency_obj.code, token)


@require_http_methods(["GET", "POST"])
def new_agency(request: HttpRequest) -> HttpResponse:
    """The administrator imports an agency that is not in Kinerja yet (or any agency)."""
    _admin_only(request)
    if request.method == "POST":
        token = _keep_upload(request, "")
        if token is not None:
            return redirect("exchange-new-preview", token)
    return render(request, "exchange/home.html", {"agency": None, "is_admin": True})


def _preview_page(
    request: HttpRequest, agency: Agency | None, result: importer.ImportResult, upload: uploads.Upload, confirm_url: str
) -> HttpResponse:
    return render(
        request,
        "exchange/preview.html",
        {
            "agency": agency,
            "result": result,
            "upload": upload,
            "confirm_url": confirm_url,
            "changes": result.changes[:SHOWN_CHANGES],
            "more_changes": max(0, len(result.changes) - SHOWN_CHANGES),
            "back_url": reverse("exchange-home", args=[agency.code]) if agency else reverse("exchange-new"),
        },
    )


def _found(token: str, agency_code: str) -> uploads.Upload:
    found = uploads.find(token, agency_code)
    if found is None:
        raise Http404(_("This upload is no longer there; upload the file again."))
    return found


@require_GET
def preview(request: HttpRequest, agency: str, token: str) -> HttpResponse:
    agency_obj = _planned(request, agency)
    found = _found(token, agency_obj.code)
    result = importer.preview(actor=request.user, name=found.name, content=found.content(), agency=agency_obj)
    return _preview_page(request, agency_obj, result, found, reverse("exchange-confirm", args=[agency, token]))


@require_GET
def new_preview(request: HttpRequest, token: str) -> HttpResponse:
    _admin_only(request)
    found = _found(token, "")
    result = importer.preview(actor=request.user, name=found.name, content=found.content())
    return _preview_page(request, None, result, found, reverse("exchange-new-confirm", args=[token]))


def _imported(request: HttpRequest, agency: Agency | None, found: uploads.Upload, confirm_url: str) -> HttpResponse:
    result = importer.import_file(actor=request.user, name=found.name, content=found.content(), agency=agency)
    if not result.applied:
        return _preview_page(request, agency, result, found, confirm_url)
    uploads.discard(found)
    messages.success(
        request,
        _("%(name)s imported from %(file)s: %(created)d new, %(updated)d changed.")
        % {
            "name": result.agency_name,
            "file": found.name,
            "created": sum(c.created for c in result.counts),
            "updated": sum(c.updated for c in result.counts),
        },
    )
    return redirect("agency-overview", result.agency_code)


@require_POST
def confirm(request: HttpRequest, agency: str, token: str) -> HttpResponse:
    agency_obj = _planned(request, agency)
    found = _found(token, agency_obj.code)
    return _imported(request, agency_obj, found, reverse("exchange-confirm", args=[agency, token]))


@require_POST
def new_confirm(request: HttpRequest, token: str) -> HttpResponse:
    _admin_only(request)
    found = _found(token, "")
    return _imported(request, None, found, reverse("exchange-new-confirm", args=[token]))
