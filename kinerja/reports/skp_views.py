"""The SKP printed (PDF / Word) from its page: whoever may read the SKP may print it; 404 otherwise. The SKP app
sits below reports, so its print is here (skp links to it by URL name)."""

from django.http import Http404, HttpRequest, HttpResponse

from kinerja.accounts import access
from kinerja.accounts.access import NOT_FOUND, agency_or_404
from kinerja.core.errors import NotFound
from kinerja.skp.models import Skp

from . import output, stored
from .skp_form import build_skp_document

FORMATS = ("pdf", "docx")


def skp_print(request: HttpRequest, agency: str, skp: int, fmt: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    if fmt not in FORMATS:
        raise Http404(NOT_FOUND)
    found = Skp.objects.filter(position__agency=agency_obj, pk=skp).select_related("official", "position__agency")
    record = found.first()
    if record is None or not access.may_read_skp(request.user, record):
        raise Http404(NOT_FOUND)
    try:
        document = build_skp_document(agency_obj, skp)
    except NotFound as error:
        raise Http404(NOT_FOUND) from error
    # printed once, then served from storage until the data it shows changes (reports.stored)
    content = stored.printed(document, "skp", fmt, agency_obj.code)
    response = HttpResponse(content, content_type=output.FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
    return response
