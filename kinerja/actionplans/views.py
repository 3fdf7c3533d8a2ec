"""The action-plan pages: access → selector → form → service → render. No rule lives here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts.access import (
    NOT_FOUND,
    agency_or_404,
    may_plan,
    may_write_action_plan,
    supervised_positions,
)
from kinerja.core.periods import QUARTER_NAMES, chosen_year, quarter_label
from kinerja.organisation.models import Agency
from kinerja.performance.forms import add_service_errors
from kinerja.performance.selectors import get_opening_year
from kinerja.performance.workflow import closed_quarters
from kinerja.strategy.models import StrategicPlan
from kinerja.strategy.selectors import find_current_plan, get_current_plan

from . import services
from .forms import FIELDS, ActionForm
from .models import ActionItem
from .selectors import get_action, get_action_plan, get_indicator_actions, list_waiting_progress


def _plan_and_year(
    request: HttpRequest, agency: Agency, plan: StrategicPlan | None = None
) -> tuple[StrategicPlan, int]:
    plan = plan or get_current_plan(agency)
    return plan, chosen_year(request, plan, get_opening_year(plan))


def _indicator_url(agency: Agency, code: str, year: int) -> str:
    return f"{reverse('action-plan-indicator', args=[agency.code, code])}?tahun={year}"


def action_plan(request: HttpRequest, agency: str) -> HttpResponse:
    """The agency's action plan of a year: one table per objective of every IKI page (or one position's page)."""
    agency_obj = agency_or_404(request.user, agency)
    plan = find_current_plan(agency_obj)
    if plan is None:
        return render(request, "strategy/no_plan.html", {"agency": agency_obj})
    plan, year = _plan_and_year(request, agency_obj, plan)
    code = request.GET.get("jabatan", "")
    position = get_object_or_404(agency_obj.positions, code=code) if code else None
    action_plan = get_action_plan(plan, year, position)
    return render(
        request,
        "actionplans/action_plan.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "position": position,
            "action_plan": action_plan,
            "quarters": QUARTER_NAMES,
            "may_plan": may_plan(request.user, agency_obj),
            "waiting": list_waiting_progress(plan, year, supervised_positions(request.user), request.user.pk),
        },
    )


def indicator_actions(request: HttpRequest, agency: str, indicator: str) -> HttpResponse:
    """One indicator's actions per quarter with the quarters' targets beside them; the form adds an action."""
    agency_obj = agency_or_404(request.user, agency)
    plan, year = _plan_and_year(request, agency_obj)
    detail = get_indicator_actions(plan, indicator, year)
    may_write = may_write_action_plan(request.user, detail.indicator)
    form = None
    if may_write:
        form = ActionForm(request.POST or None, agency=agency_obj, plan=plan)
        if request.method == "POST" and form.is_valid():
            try:
                services.add_action(actor=request.user, indicator=detail.indicator, year=year, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The action is added."))
                return redirect(_indicator_url(agency_obj, indicator, year))
    elif request.method == "POST":
        raise Http404(NOT_FOUND)
    status = 400 if form is not None and form.errors else 200
    return render(
        request,
        "actionplans/indicator.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "year": year,
            "detail": detail,
            "form": form,
            "may_write": may_write,
            "closed": closed_quarters(agency_obj, year) if may_write else set(),
        },
        status=status,
    )


def _writable_action(request: HttpRequest, agency: str, item: int) -> tuple[Agency, ActionItem]:
    agency_obj = agency_or_404(request.user, agency)
    action = get_action(get_current_plan(agency_obj), item)
    if not may_write_action_plan(request.user, action.indicator):
        raise Http404(NOT_FOUND)
    return agency_obj, action


def action_edit(request: HttpRequest, agency: str, item: int) -> HttpResponse:
    agency_obj, action = _writable_action(request, agency, item)
    plan = action.indicator.plan
    form = ActionForm(request.POST or None, agency=agency_obj, plan=plan, initial=ActionForm.initial_of(action))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_action(
                actor=request.user, item=action, **{name: form.cleaned_data[name] for name in FIELDS}
            )
        except PermissionDenied as error:
            raise Http404(NOT_FOUND) from error
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect(_indicator_url(agency_obj, action.indicator.code, action.year))
    return render(
        request,
        "actionplans/action_form.html",
        {"agency": agency_obj, "plan": plan, "year": action.year, "action": action, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def action_remove(request: HttpRequest, agency: str, item: int) -> HttpResponse:
    agency_obj, action = _writable_action(request, agency, item)
    try:
        services.remove_action(actor=request.user, item=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action is removed."))
    return redirect(_indicator_url(agency_obj, action.indicator.code, action.year))


@require_POST
def action_move(request: HttpRequest, agency: str, item: int) -> HttpResponse:
    """Move an action one place up (`arah=naik`) or down in its quarter's list."""
    agency_obj, action = _writable_action(request, agency, item)
    ids = list(
        ActionItem.objects.filter(indicator=action.indicator, year=action.year, quarter=action.quarter)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )
    index = ids.index(action.pk)
    other = index - 1 if request.POST.get("arah") == "naik" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
        try:
            services.reorder_actions(
                actor=request.user, indicator=action.indicator, year=action.year, quarter=action.quarter, order=ids
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The actions of %(quarter)s are in a new order.") % {"quarter": quarter_label(action.quarter)},
            )
    return redirect(_indicator_url(agency_obj, action.indicator.code, action.year))
