"""The Periode page: per quarter, how many indicators are still empty, not sent, returned, waiting or verified
(each count a link to its rows); closing a quarter is a decision — the planner is shown those counts and confirms
them, and `workflow.close_period` refuses the confirmation when the counts moved since. Thin views over
`period_status` (the counts) and `workflow` (the writes)."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan
from kinerja.core.periods import QUARTER_NAMES, QUARTERS, chosen_year, parse_quarter
from kinerja.organisation.models import Agency
from kinerja.strategy.models import StrategicPlan
from kinerja.strategy.selectors import get_current_plan

from . import period_status, workflow
from .selectors import get_opening_year

DATE_SHOWN = "%d/%m/%Y"
STATE_NAMES = {
    period_status.EMPTY: _("not entered"),
    period_status.DRAFT: _("draft, not sent"),
    period_status.RETURNED: _("returned"),
    period_status.SUBMITTED: _("waiting for verification"),
    period_status.VERIFIED: _("verified"),
    period_status.UNVERIFIED: _("not yet verified"),
}


class DeadlineForm(forms.Form):
    """The day after which a quarter closes itself, written the Indonesian way (dd/mm/yyyy)."""

    deadline = forms.DateField(
        input_formats=[DATE_SHOWN, "%d-%m-%Y", "%Y-%m-%d"],
        error_messages={
            "required": _("Write the deadline as dd/mm/yyyy, for example 15/04/2026."),
            "invalid": _("The deadline is not a date; write it as dd/mm/yyyy, for example 15/04/2026."),
        },
    )


def _planned_agency(request: HttpRequest, agency: str) -> tuple[Agency, StrategicPlan]:
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    return agency_obj, get_current_plan(agency_obj)


def _errors(error: Exception) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


def _confirmation(
    request: HttpRequest,
    agency: Agency,
    plan: StrategicPlan,
    year: int,
    quarter: int,
    deadline: datetime.date | None,
    problem: str = "",
) -> HttpResponse:
    """The question before a quarter closes: its counts, stated, and a button that sends them back."""
    status = period_status.get_quarter_status(agency, plan, year, quarter)
    return render(
        request,
        "performance/period_close.html",
        {
            "agency": agency,
            "plan": plan,
            "year": year,
            "status": status,
            "deadline": deadline.strftime(DATE_SHOWN) if deadline else "",
            "problem": problem,
            "states": STATE_NAMES,
        },
    )


def _close(request: HttpRequest, agency: Agency, plan: StrategicPlan, year: int, quarter: int) -> HttpResponse:
    """Close now, or set a deadline; closing now (or a deadline already past) only once confirmed."""
    back = redirect(f"{reverse('periods', args=[agency.code])}?tahun={year}")
    day = None
    if request.POST.get("action") == "deadline":
        form = DeadlineForm({"deadline": request.POST.get("deadline", "").strip()})
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["deadline"]))
            return back
        day = form.cleaned_data["deadline"]
    closes_now = day is None or day < datetime.date.today()
    confirmed = request.POST.get("confirmed") or None
    if closes_now and confirmed is None:
        return _confirmation(request, agency, plan, year, quarter, day)
    try:
        workflow.close_period(
            actor=request.user,
            agency=agency,
            year=year,
            quarter=quarter,
            deadline=day,
            confirmed=confirmed if closes_now else None,
        )
    except workflow.StaleCounts as error:
        return _confirmation(request, agency, plan, year, quarter, day, problem=_errors(error))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
        return back
    named = {"quarter": QUARTER_NAMES[quarter], "year": year}
    if day is None or closes_now:
        messages.success(request, gettext("Quarter %(quarter)s %(year)s is closed.") % named)
    else:
        text = gettext("Quarter %(quarter)s %(year)s closes by itself after %(day)s.")
        messages.success(request, text % {**named, "day": day.strftime(DATE_SHOWN)})
    return back


def periods(request: HttpRequest, agency: str) -> HttpResponse:
    """The planner sees where each quarter stands, closes it (after confirming its counts) and reopens it."""
    agency_obj, plan = _planned_agency(request, agency)
    year = chosen_year(request, plan, get_opening_year(plan))
    if request.method == "POST":
        text = request.POST.get("quarter", "").strip()
        quarter = parse_quarter(text)
        if quarter is None:
            messages.error(
                request, gettext("There is no quarter “%(quarter)s”; choose a quarter 1–4.") % {"quarter": text[:20]}
            )
            return redirect(f"{reverse('periods', args=[agency_obj.code])}?tahun={year}")
        if request.POST.get("action") != "reopen":
            return _close(request, agency_obj, plan, year, quarter)
        try:
            workflow.reopen_period(
                actor=request.user, agency=agency_obj, year=year, quarter=quarter, reason=request.POST.get("reason", "")
            )
            named = {"quarter": QUARTER_NAMES[quarter], "year": year}
            messages.success(request, gettext("Quarter %(quarter)s %(year)s is reopened.") % named)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _errors(error))
        return redirect(f"{reverse('periods', args=[agency_obj.code])}?tahun={year}")
    return render(
        request,
        "performance/periods.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "rows": period_status.get_period_status(agency_obj, plan, year),
            "states": STATE_NAMES,
            "lists": period_status.LISTS,
        },
    )


def period_rows(request: HttpRequest, agency: str, year: int, quarter: int, state: str) -> HttpResponse:
    """The indicators behind one count of the Periode page, each with the IKI pages where it is entered."""
    agency_obj, plan = _planned_agency(request, agency)
    if state not in period_status.LISTS or quarter not in QUARTERS or year not in plan.years:
        raise Http404(NOT_FOUND)
    rows = period_status.list_period_rows(plan, year, quarter, state)
    return render(
        request,
        "performance/period_rows.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "quarter": quarter,
            "quarter_name": QUARTER_NAMES[quarter],
            "state": state,
            "state_name": STATE_NAMES[state],
            "states": STATE_NAMES,
            "rows": rows,
        },
    )
