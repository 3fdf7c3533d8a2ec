"""History pages: one indicator's changes (its own, its targets', actuals' and evidence's) and an agency's log.

Thin: agency → may this user read it (accounts.access) → records → render. Whoever reads the agency reads an
indicator's history; the agency-wide log is for its planner, its head, the inspectorate and the administrator.
Records sealed for the reader (the inspectorate's answers before the evaluation is final) are left out of both,
before any filter, search or count applies.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_read_evaluation_secrets, may_read_log
from kinerja.core import audit, people
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import get_current_plan

from .forms import HistoryFilterForm

PER_PAGE = 50
INDICATOR_LABEL = Indicator._meta.label_lower


@dataclass
class Entry:
    record: AuditRecord
    kind: str
    changes: list[audit.Change]
    indicator_code: str | None = None
    who: str = ""


def _entries(page: Page, indicator_codes: dict[str, str] | None = None) -> list[Entry]:
    codes = indicator_codes or {}
    return [
        Entry(
            item,
            audit.kind_label(item.object_label),
            audit.changes(item),
            codes.get(item.about_pk) if item.about_label == INDICATOR_LABEL else None,
            audit.who(item),
        )
        for item in page.object_list
    ]


def _readable(user: object, agency: Agency, records: QuerySet[AuditRecord]) -> QuerySet[AuditRecord]:
    """The agency's audit records this user may read: without the sealed ones unless access lets them read the
    inspectorate's secrets."""
    return records if may_read_evaluation_secrets(user, agency) else audit.unsealed(records, agency)


def _page(request: HttpRequest, records: QuerySet[AuditRecord]) -> Page:
    records = records.select_related("user__official").order_by("-at", "-pk")
    return Paginator(records, PER_PAGE).get_page(request.GET.get("halaman"))


OWN_OBJECTS = {"performance.target", "performance.actual", "performance.evidence"}


def indicator_history(request: HttpRequest, agency: str, indicator: str) -> HttpResponse:
    """The history of an indicator and its targets, actuals and evidence; `?objek=performance.actual:12` narrows it
    to one of them — the history page of a single target or actual."""
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(Indicator, plan=get_current_plan(agency_obj), code=indicator)
    records = _readable(
        request.user, agency_obj, AuditRecord.objects.filter(about_label=INDICATOR_LABEL, about_pk=str(item.pk))
    )
    label, _, pk = request.GET.get("objek", "").partition(":")
    narrowed = label in OWN_OBJECTS and pk.isdigit()
    if narrowed:
        records = records.filter(object_label=label, object_pk=pk)
    page = _page(request, records)
    return render(
        request,
        "performance/history_indicator.html",
        {
            "agency": agency_obj,
            "indicator": item,
            "page": page,
            "entries": _entries(page),
            "narrowed": audit.kind_label(label) if narrowed else "",
        },
    )


def _filtered(records: QuerySet[AuditRecord], data: dict) -> QuerySet[AuditRecord]:
    if data.get("pengguna") == HistoryFilterForm.SYSTEM:
        records = records.filter(user__isnull=True)
    elif data.get("pengguna"):
        records = records.filter(user_id=data["pengguna"])
    if data.get("jenis"):
        records = records.filter(object_label=data["jenis"])
    if data.get("dari"):
        records = records.filter(at__date__gte=data["dari"])
    if data.get("sampai"):
        records = records.filter(at__date__lte=data["sampai"])
    if text := (data.get("cari") or "").strip():
        records = records.filter(
            Q(description__icontains=text)
            | Q(actor_name__icontains=text)
            | Q(object_repr__icontains=text)
            | Q(note__icontains=text)
            | Q(before__icontains=text)
            | Q(after__icontains=text)
        )
    return records


def agency_history(request: HttpRequest, agency: str) -> HttpResponse:
    """The agency-wide log, newest first, 50 a page, filtered by user, kind of object, dates and text: a fixed
    number of queries whatever the page (the choices of the filters, the count, the page, its indicators)."""
    agency_obj = agency_or_404(request.user, agency)
    if not may_read_log(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    records = _readable(request.user, agency_obj, AuditRecord.objects.filter(agency=agency_obj))
    authors = get_user_model().objects.filter(pk__in=records.filter(user__isnull=False).values("user_id"))
    users = sorted(
        ((str(author.pk), people.display_name(author)) for author in authors.select_related("official")),
        key=lambda pair: pair[1].lower(),
    )
    kinds = sorted(
        (
            (label, audit.kind_label(label))
            for label in records.order_by().values_list("object_label", flat=True).distinct()
        ),
        key=lambda pair: pair[1],
    )
    form = HistoryFilterForm(request.GET or None, users=users, kinds=kinds)
    if form.is_bound and form.is_valid():
        records = _filtered(records, form.cleaned_data)
    elif form.is_bound:
        records = records.none()
    page = _page(request, records)
    about = {item.about_pk for item in page.object_list if item.about_label == INDICATOR_LABEL}
    codes = {str(pk): code for pk, code in Indicator.objects.filter(pk__in=about).values_list("pk", "code")}
    return render(
        request,
        "performance/history_agency.html",
        {
            "agency": agency_obj,
            "form": form,
            "page": page,
            "entries": _entries(page, codes),
            "sealed": not may_read_evaluation_secrets(request.user, agency_obj),
        },
    )
