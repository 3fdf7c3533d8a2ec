"""The documents page of an agency and the downloads it offers: thin, the catalogue builds, output renders."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from kinerja.accounts.access import agency_or_404, may_plan
from kinerja.core.periods import QUARTER_NAMES, chosen_quarter, chosen_year
from kinerja.organisation.models import Agency
from kinerja.performance.selectors import get_opening_year
from kinerja.strategy.models import Decree
from kinerja.strategy.selectors import find_current_plan

from . import output, stored
from .catalogue import DECREE, KINDS, DocumentKind, DocumentUnavailable, Request, build_document, enacted_versions
from .chapter_views import missing_links
from .document import Document
from .selectors import DocumentErrors, get_decree_changes, get_document_errors
from .services import enact_decree


@dataclass
class Offer:
    """A document as the page offers it: its kind, what is missing in it, or why it cannot be printed."""

    kind: DocumentKind
    missing: list[str]
    unavailable: str = ""
    errors: DocumentErrors | None = None  # the consistency check's errors that make it wrong
    links: list[tuple[str, str]] = field(default_factory=list)  # `missing`, each with the form that fills it in


def _request(http: HttpRequest, agency: str) -> Request | Agency:
    """What the query string asks for; the agency alone when it has no plan yet (nothing to print)."""
    agency_obj = agency_or_404(http.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None:
        return agency_obj
    code = http.GET.get("jabatan", "")
    position = get_object_or_404(agency_obj.positions, code=code) if code else None
    # without a chosen year: the year of the latest decree, the document everything else hangs on; without a
    # decree, the year every page opens on
    latest = plan.decrees.aggregate(year=Max("year"))["year"] or get_opening_year(plan)
    version = http.GET.get("versi", "")
    return Request(
        agency_obj,
        plan,
        chosen_year(http, plan, latest),
        chosen_quarter(http),
        position,
        int(version) if version.isdigit() else None,
    )


def documents(http: HttpRequest, agency: str) -> HttpResponse:
    request = _request(http, agency)
    if isinstance(request, Agency):
        return render(http, "strategy/no_plan.html", {"agency": request})
    offers = []
    errors = get_document_errors(request.agency, request.year, request.position)
    draft: Document | None = None  # the decree as the data prints it now, to compare with the enacted version
    for kind in KINDS.values():
        try:
            document = build_document(kind, request)
            missing = document.missing
            if kind is DECREE and request.version is None:
                draft = document
            links = missing_links(request.agency, request.year, kind.slug, missing)
            offers.append(Offer(kind, missing, errors=errors.get(kind.slug), links=links))
        except DocumentUnavailable as error:
            offers.append(Offer(kind, [], str(error)))
    enacted = enacted_versions(request.plan, request.year)
    return render(
        http,
        "reports/documents.html",
        {
            "enacted": enacted,
            "changes": get_decree_changes(request.plan, request.year, draft) if enacted else None,
            "may_plan": may_plan(http.user, request.agency),
            "agency": request.agency,
            "plan": request.plan,
            "year": request.year,
            "quarter": request.quarter,
            "quarters": QUARTER_NAMES,
            "offers": offers,
            "position": request.position,
            "positions": request.agency.positions.structural().order_by("order"),  # the pages of the agreements
            "query": http.GET.urlencode(),
        },
    )


def download(http: HttpRequest, agency: str, kind: str, fmt: str) -> HttpResponse:
    document_kind = KINDS.get(kind)
    if document_kind is None or fmt not in document_kind.formats:
        raise Http404(gettext("Unknown document or format."))
    request = _request(http, agency)
    if isinstance(request, Agency):
        raise Http404(gettext("This agency has no Renstra yet."))
    try:
        document = build_document(document_kind, request)
    except DocumentUnavailable as error:
        raise Http404(str(error)) from error
    # printed once, then served from storage until the data it shows changes (reports.stored)
    content = stored.printed(document, document_kind.slug, fmt, request.agency.code)
    response = HttpResponse(content, content_type=output.FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
    return response


@require_POST
def enact(http: HttpRequest, agency: str) -> HttpResponse:
    """The planner enacts (ditetapkan) the decree of the chosen year as it prints now: a frozen version."""
    request = _request(http, agency)
    if isinstance(request, Agency) or not may_plan(http.user, request.agency):
        raise Http404(gettext("This page was not found."))
    try:
        version = enact_decree(actor=http.user, plan=request.plan, year=request.year)
    except Decree.DoesNotExist as error:
        raise Http404(gettext("There is no IKU/IKI decree of %(year)s yet.") % {"year": request.year}) from error
    except ValidationError as error:
        messages.error(http, " ".join(error.messages))
    else:
        messages.success(
            http,
            gettext("The decree of %(year)s is enacted as version %(version)s.")
            % {"year": request.year, "version": version.version},
        )
    return redirect(f"{reverse('documents', args=[request.agency.code])}?tahun={request.year}")
