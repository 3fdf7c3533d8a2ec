"""The SKP exchanged: the export of the year's SKP (Excel or JSON) and the import of ratings back. access → selector
or import → render; every rating goes through `services.rate_skp` (exchange_import), no rule lives here.

Who: every reader of the agency downloads the SKP they may read (`access.may_read_skp`, per SKP: Bappeda gets an
empty file); every reader of the agency may upload ratings, and each row is rated as that person — the service
refuses what they may not rate (only the holder of the position above rates)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.access import NOT_FOUND, agency_or_404

from .exchange import export_document
from .exchange_import import MAX_XLSX_BYTES, RATED, REFUSED, SKIPPED, UNKNOWN, import_ratings
from .exchange_workbook import export_bytes
from .views import _plan_year

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"xlsx": XLSX, "json": "application/json"}


@require_GET
def skp_export(request: HttpRequest, agency: str, file_format: str) -> HttpResponse:
    """Every SKP of the year the reader may read, as a workbook or a JSON document."""
    agency_obj = agency_or_404(request.user, agency)
    if file_format not in FORMATS:
        raise Http404(NOT_FOUND)
    plan, year = _plan_year(request, agency_obj)
    if plan is None or year is None:
        raise Http404(NOT_FOUND)
    content = export_bytes(export_document(request.user, agency_obj, year), file_format)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="skp-{agency_obj.code}-{year}.{file_format}"'
    return response


@require_http_methods(["GET", "POST"])
def skp_ratings_import(request: HttpRequest, agency: str) -> HttpResponse:
    """Upload a workbook or JSON document with ratings: check it (nothing saved) or import it (all or nothing), and
    see the report of every row."""
    agency_obj = agency_or_404(request.user, agency)
    report, error = None, ""
    if request.method == "POST":
        upload = request.FILES.get("berkas")
        if upload is None:
            error = _("Choose a file to upload.")
        elif upload.size > MAX_XLSX_BYTES:
            error = _("The file is larger than %(size)d MB.") % {"size": MAX_XLSX_BYTES // (1024 * 1024)}
        else:
            report = import_ratings(
                actor=request.user,
                agency=agency_obj,
                content=upload.read(),
                name=upload.name or "",
                dry_run="periksa" in request.POST,
            )
    status = 400 if error or (report is not None and not report.clean) else 200
    return render(
        request,
        "skp/ratings_import.html",
        {
            "agency": agency_obj,
            "report": report,
            "error": error,
            "outcomes": {RATED: _("rated"), REFUSED: _("refused"), UNKNOWN: _("unknown SKP"), SKIPPED: _("skipped")},
        },
        status=status,
    )
