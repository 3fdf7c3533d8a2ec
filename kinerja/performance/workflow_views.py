"""Verification of actuals and closing of periods: thin views over `workflow`, asked of `accounts.access`."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from kinerja.accounts.access import agency_or_404, may_plan, may_verify, reach_of, supervised_positions
from kinerja.core.periods import QUARTER_NAMES, chosen_year, parse_quarter
from kinerja.organisation.models import Agency
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import get_current_plan

from . import workflow
from .models import Actual, PeriodLock
from .selectors import get_opening_year
from .worklist import entry_prefix, get_actuals_in_context, get_entry_positions

LIST_LIMIT = 200


def _actuals(agency: Agency) -> QuerySet[Actual]:
    return (
        Actual.objects.filter(indicator__plan__agency=agency, is_example=False)
        .select_related("indicator", "entered_by", "verified_by")
        .order_by("-year", "-quarter", "indicator__order")
    )


def waiting_for(user: object, agency: Agency | None = None) -> QuerySet[Actual]:
    """Submitted actuals of the positions the user supervises, not entered by the user."""
    supervised = supervised_positions(user)
    actuals = (
        Actual.objects.filter(status=Actual.Status.SUBMITTED, indicator__page_rows__position_id__in=supervised)
        .exclude(entered_by=user)
        .distinct()
    )
    return actuals.filter(indicator__plan__agency=agency) if agency is not None else actuals


def returned_to(user: object) -> QuerySet[Actual]:
    """The user's drafts that came back with a reason."""
    return Actual.objects.filter(entered_by=user, status=Actual.Status.DRAFT).exclude(status_reason="")


def verification(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    supervised = supervised_positions(request.user)
    planner = may_plan(request.user, agency_obj)
    verified = _actuals(agency_obj).filter(status=Actual.Status.VERIFIED)
    if not planner:  # a subquery, not a join: no DISTINCT sorting every column of the rows (bench/README.md)
        printed = PageIndicator.objects.filter(position_id__in=supervised).values("indicator_id")
        verified = verified.filter(indicator__in=printed).exclude(entered_by=request.user)
    waiting = list(_actuals(agency_obj).filter(pk__in=waiting_for(request.user, agency_obj))[:LIST_LIMIT])
    verified = list(verified[:LIST_LIMIT])
    returned = list(_actuals(agency_obj).filter(pk__in=returned_to(request.user))[:LIST_LIMIT])
    in_context = get_actuals_in_context(waiting + verified)  # target, achievement, factors, evidence
    entry_rows = get_entry_positions({actual.indicator_id for actual in returned}, reach_of(request.user).held)
    return render(
        request,
        "performance/verification.html",
        {
            "agency": agency_obj,
            "waiting": in_context[: len(waiting)],
            "returned": [
                {
                    "actual": actual,
                    "row": entry_rows.get(actual.indicator_id),
                    "anchor": entry_prefix(actual.indicator.code),
                }
                for actual in returned
            ],
            "verified": in_context[len(waiting) :],
            "quarters": QUARTER_NAMES,
        },
    )


def _unconfirmed_verification(request: HttpRequest, item: Actual) -> bool:
    """A verification posted without its confirmation ("I have checked …"), by someone who may verify it; for
    anyone else the service answers (not found), so the question never tells them the actual exists."""
    if request.POST.get("action") != "verify" or request.POST.get("confirm") == "1":
        return False
    positions = set(PageIndicator.objects.filter(indicator_id=item.indicator_id).values_list("position_id", flat=True))
    return may_verify(request.user, positions, item.entered_by_id)


@require_POST
def decide(request: HttpRequest, agency: str, actual: int) -> HttpResponse:
    """Verify, return (with a reason) or reopen (with a reason) one actual."""
    agency_obj = agency_or_404(request.user, agency)
    item = get_object_or_404(
        Actual.objects.select_related("indicator__plan"), pk=actual, indicator__plan__agency=agency_obj
    )
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    version = request.POST.get("version") or None  # the actual as the page showed it, when the form carries it
    services = {
        "verify": lambda: workflow.verify_actual(actor=request.user, actual=item, version=version),
        "return": lambda: workflow.return_actual(actor=request.user, actual=item, reason=reason, version=version),
        "reopen": lambda: workflow.reopen_actual(actor=request.user, actual=item, reason=reason, version=version),
    }
    if action not in services:
        raise Http404("Tindakan tidak dikenal.")
    back = f"{reverse('verification', args=[agency_obj.code])}#actual-{item.pk}"
    if _unconfirmed_verification(request, item):
        messages.error(
            request,
            f"{item.indicator.name} ({item.year} TW {item.quarter}) belum diverifikasi: "
            "centang pernyataan bahwa Anda sudah memeriksa target, capaian dan bukti dukungnya.",
        )
        return redirect(back)
    try:
        services[action]()
    except PermissionDenied as error:
        raise Http404("Realisasi ini tidak ditemukan.") from error
    except ValidationError as error:
        messages.error(request, f"{item.indicator.name} ({item.year} TW {item.quarter}): {' '.join(error.messages)}")
    else:
        done = {"verify": "diverifikasi", "return": "dikembalikan", "reopen": "dibuka kembali"}[action]
        messages.success(request, f"{item.indicator.name} ({item.year} TW {item.quarter}) {done}.")
        return redirect(reverse("verification", args=[agency_obj.code]))
    return redirect(back)


def periods(request: HttpRequest, agency: str) -> HttpResponse:
    """The planner closes and reopens the quarters of a year."""
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404("Halaman ini tidak ditemukan.")
    plan = get_current_plan(agency_obj)
    year = chosen_year(request, plan, get_opening_year(plan))
    if request.method == "POST":
        text = request.POST.get("quarter", "").strip()
        quarter = parse_quarter(text)
        if quarter is None:
            messages.error(request, f"Triwulan “{text[:20]}” tidak ada; pilih triwulan 1–4.")
            return redirect(f"{reverse('periods', args=[agency_obj.code])}?tahun={year}")
        try:
            if request.POST.get("action") == "reopen":
                workflow.reopen_period(
                    actor=request.user,
                    agency=agency_obj,
                    year=year,
                    quarter=quarter,
                    reason=request.POST.get("reason", ""),
                )
                messages.success(request, f"Triwulan {quarter} tahun {year} dibuka kembali.")
            else:
                deadline = request.POST.get("deadline") or None
                day = datetime.date.fromisoformat(deadline) if deadline else None
                workflow.close_period(actor=request.user, agency=agency_obj, year=year, quarter=quarter, deadline=day)
                messages.success(
                    request,
                    f"Triwulan {quarter} tahun {year} "
                    + (f"ditutup otomatis sesudah {day:%d-%m-%Y}." if day else "ditutup."),
                )
        except ValueError:
            messages.error(request, "Tanggal batas tidak dikenali; gunakan format tahun-bulan-tanggal.")
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        return redirect(f"{reverse('periods', args=[agency_obj.code])}?tahun={year}")
    locks = {lock.quarter: lock for lock in PeriodLock.objects.filter(agency=agency_obj, year=year)}
    today = datetime.date.today()
    rows = [
        {
            "quarter": quarter,
            "name": name,
            "lock": locks.get(quarter),
            "closed": bool(locks.get(quarter) and locks[quarter].is_closed_on(today)),
        }
        for quarter, name in QUARTER_NAMES.items()
    ]
    return render(request, "performance/periods.html", {"agency": agency_obj, "plan": plan, "year": year, "rows": rows})


def navigation_counts(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    """For the navigation: how many actuals wait for the user's verification, and how many came back. Counted
    only when a template shows them (the agency menu), once each; nothing for a visitor."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return {}
    return {
        "waiting_count": SimpleLazyObject(lambda: waiting_for(user).count()),
        "returned_count": SimpleLazyObject(lambda: returned_to(user).count()),
    }
