"""The planner's pages of the strategic plan (Renstra), edited in place: the plan's name and years, a goal, a
strategic objective, an indicator and a row of the IKU table — a form each, new or existing, with a delete button
where the row may go. Thin views over `editing` and `editing_indicators`: access → form → service → redirect with
what the consistency check now reports; a refusal of the service is shown next to its field.

Only the agency's planner (and the administrator) opens them; for anyone else they do not exist (404)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.accounts.access import agency_or_404, may_plan
from kinerja.organisation.models import Agency

from . import editing, editing_indicators
from .models import Goal, Indicator, KeyIndicatorRow, Objective, StrategicPlan
from .page_checks import findings_message
from .plan_forms import GoalForm, IndicatorForm, KeyRowForm, ObjectiveForm, PlanForm
from .selectors import find_current_plan

NOT_FOUND = gettext_lazy("This page was not found.")


def planner_plan(request: HttpRequest, agency: str) -> tuple[Agency, StrategicPlan]:
    """The agency and its current plan, for its planner; 404 for anyone else and for an agency without a plan."""
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    plan = find_current_plan(agency_obj)
    if plan is None:
        raise Http404(NOT_FOUND)
    return agency_obj, plan


def consistency_message(agency: Agency) -> str:
    """What the consistency check reports for the agency now (it runs again after every save)."""
    return findings_message(agency)


def back_to(request: HttpRequest, fallback: str) -> str:
    """Where a saved form returns: the page it was opened from (`?kembali=`, on this site only), or `fallback`."""
    target = request.POST.get("kembali") or request.GET.get("kembali") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def show_errors(form: forms.Form, error: ValidationError) -> None:
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for name, texts in by_field.items():
        form.add_error(name if name in form.fields else None, texts)


def form_page(
    request: HttpRequest,
    agency: Agency,
    plan: StrategicPlan,
    *,
    form: forms.Form,
    save: Callable[[dict[str, Any]], Any],
    title: str,
    done: str,
    delete_url: str = "",
    saved_message: str,
) -> HttpResponse:
    """GET shows the form; POST asks the service and returns to where the form was opened from, or shows the
    service's refusal next to its field (400)."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except PermissionDenied as error:
            raise Http404(NOT_FOUND) from error
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{saved_message} {consistency_message(agency)}")
            return redirect(back_to(request, done))
    return render(
        request,
        "strategy/plan_form.html",
        {
            "agency": agency,
            "plan": plan,
            "form": form,
            "title": title,
            "delete_url": delete_url,
            "back": back_to(request, done),
            "kembali": request.POST.get("kembali") or request.GET.get("kembali") or "",
        },
        status=400 if form.errors else 200,
    )


def delete_page(
    request: HttpRequest, agency: Agency, *, delete: Callable[[], None], edit_url: str, done: str, what: str
) -> HttpResponse:
    """Delete through the service; a refusal (what still uses it) is the message on the form again."""
    try:
        delete()
    except PermissionDenied as error:
        raise Http404(NOT_FOUND) from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    deleted = gettext("%(what)s is deleted.") % {"what": what}
    messages.success(request, f"{deleted} {consistency_message(agency)}")
    return redirect(done)


def url(name: str, agency: Agency, *args: object) -> str:
    return reverse(name, args=[agency.code, *args])


def one(queryset: models.QuerySet, **lookup: object) -> Any:
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


# -- the plan ------------------------------------------------------------------------------------------------


def plan_edit(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    initial = {"name": plan.name, "first_year": plan.first_year, "last_year": plan.last_year}
    form = PlanForm(request.POST or None, initial=initial)
    return form_page(
        request,
        agency_obj,
        plan,
        form=form,
        save=lambda data: editing.save_plan(actor=request.user, plan=plan, **data),
        title=gettext("Strategic plan: name and years"),
        done=url("plan-detail", agency_obj),
        saved_message=gettext("The strategic plan is saved."),
    )


# -- goals ---------------------------------------------------------------------------------------------------


def goal_edit(request: HttpRequest, agency: str, code: str | None = None) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    goal = one(plan.goals.all(), code=code) if code is not None else None
    initial = {"code": goal.code, "text": goal.text, "order": goal.order} if goal else {}
    return form_page(
        request,
        agency_obj,
        plan,
        form=GoalForm(request.POST or None, initial=initial),
        save=lambda data: editing.save_goal(actor=request.user, plan=plan, goal=goal, **data),
        title=gettext("Goal %(code)s") % {"code": goal.code} if goal else gettext("New goal"),
        done=url("plan-detail", agency_obj),
        delete_url=url("plan-goal-delete", agency_obj, goal.code) if goal else "",
        saved_message=gettext("The goal is saved."),
    )


@require_POST
def goal_delete(request: HttpRequest, agency: str, code: str) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    goal: Goal = one(plan.goals.all(), code=code)
    return delete_page(
        request,
        agency_obj,
        delete=lambda: editing.delete_goal(actor=request.user, goal=goal),
        edit_url=url("plan-goal-edit", agency_obj, code),
        done=url("plan-detail", agency_obj),
        what=gettext("The goal %(code)s") % {"code": code},
    )


# -- strategic objectives ------------------------------------------------------------------------------------


def objective_edit(request: HttpRequest, agency: str, code: str | None = None) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    strategic = plan.objectives.filter(level=Objective.Level.STRATEGIC)
    objective = one(strategic, code=code) if code is not None else None
    initial = (
        {"code": objective.code, "text": objective.text, "goal": objective.goal_id, "order": objective.order}
        if objective
        else {"goal": plan.goals.order_by("order").values_list("pk", flat=True).first()}
    )
    return form_page(
        request,
        agency_obj,
        plan,
        form=ObjectiveForm(request.POST or None, initial=initial, plan=plan),
        save=lambda data: editing.save_objective(actor=request.user, plan=plan, objective=objective, **data),
        title=gettext("Strategic objective %(code)s") % {"code": objective.code}
        if objective
        else gettext("New strategic objective"),
        done=url("plan-detail", agency_obj),
        delete_url=url("plan-objective-delete", agency_obj, objective.code) if objective else "",
        saved_message=gettext("The strategic objective is saved."),
    )


@require_POST
def objective_delete(request: HttpRequest, agency: str, code: str) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    objective = one(plan.objectives.filter(level=Objective.Level.STRATEGIC), code=code)
    return delete_page(
        request,
        agency_obj,
        delete=lambda: editing.delete_objective(actor=request.user, objective=objective),
        edit_url=url("plan-objective-edit", agency_obj, code),
        done=url("plan-detail", agency_obj),
        what=gettext("The strategic objective %(code)s") % {"code": code},
    )


# -- indicators ----------------------------------------------------------------------------------------------


def indicator_initial(indicator: Indicator | None) -> dict[str, Any]:
    if indicator is None:
        return {"formula": Indicator.Formula.RATIO, "factor": "100", "unit": "Persen", "decimals": 2}
    values = {name: getattr(indicator, name) for name in editing_indicators.INDICATOR_FIELDS}
    values["objective"], values["responsible_position"] = indicator.objective_id, indicator.responsible_position_id
    factor = indicator.factor
    values["factor"] = "" if factor is None else f"{factor.normalize():f}".replace(".", ",")
    return values


def indicator_edit(request: HttpRequest, agency: str, code: str | None = None) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    indicator = one(plan.indicators.all(), code=code) if code is not None else None
    done = url("indicator-detail", agency_obj, indicator.code) if indicator else url("plan-detail", agency_obj)
    return form_page(
        request,
        agency_obj,
        plan,
        form=IndicatorForm(request.POST or None, initial=indicator_initial(indicator), plan=plan),
        save=lambda data: editing_indicators.save_indicator(actor=request.user, plan=plan, indicator=indicator, **data),
        title=gettext("Indicator %(code)s") % {"code": indicator.code} if indicator else gettext("New indicator"),
        done=done,
        delete_url=url("plan-indicator-delete", agency_obj, indicator.code) if indicator else "",
        saved_message=gettext("The indicator is saved."),
    )


@require_POST
def indicator_delete(request: HttpRequest, agency: str, code: str) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    indicator = one(plan.indicators.all(), code=code)
    return delete_page(
        request,
        agency_obj,
        delete=lambda: editing_indicators.delete_indicator(actor=request.user, indicator=indicator),
        edit_url=url("plan-indicator-edit", agency_obj, code),
        done=url("plan-detail", agency_obj),
        what=gettext("The indicator %(code)s") % {"code": code},
    )


# -- the IKU table (Lampiran I) ------------------------------------------------------------------------------


def key_row_edit(request: HttpRequest, agency: str, row: int | None = None) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    key_row: KeyIndicatorRow | None = one(plan.key_rows.all(), pk=row) if row is not None else None
    initial = {name: getattr(key_row, name) for name in editing_indicators.KEY_ROW_FIELDS} if key_row else {}
    return form_page(
        request,
        agency_obj,
        plan,
        form=KeyRowForm(request.POST or None, initial=initial, plan=plan),
        save=lambda data: editing_indicators.save_key_row(actor=request.user, plan=plan, row=key_row, **data),
        title=gettext("Row %(order)s of the IKU table") % {"order": key_row.order}
        if key_row
        else gettext("New row of the IKU table"),
        done=url("plan-detail", agency_obj) + "#iku-table",
        delete_url=url("plan-key-row-delete", agency_obj, key_row.pk) if key_row else "",
        saved_message=gettext("The row of the IKU table is saved."),
    )


@require_POST
def key_row_delete(request: HttpRequest, agency: str, row: int) -> HttpResponse:
    agency_obj, plan = planner_plan(request, agency)
    key_row = one(plan.key_rows.all(), pk=row)
    return delete_page(
        request,
        agency_obj,
        delete=lambda: editing_indicators.delete_key_row(actor=request.user, row=key_row),
        edit_url=url("plan-key-row-edit", agency_obj, row),
        done=url("plan-detail", agency_obj) + "#iku-table",
        what=gettext("The row of the IKU table"),
    )
