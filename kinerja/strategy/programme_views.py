"""The programmes → activities → sub-activities of the plan, edited in place by the agency's planner: access →
form → service → redirect with what the consistency check reports now. Every rule is the service's
(`programme_editing`); its refusal shows next to the field it names, or at the item it is about."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan
from kinerja.organisation.forms import add_service_errors

from . import programme_editing
from .page_checks import saved_message
from .programme_forms import KINDS, ItemForm, programme_entries
from .programme_selectors import ProgrammeEditing, get_programme_editing

PARENT = {"programme": None, "activity": "programme", "sub_activity": "activity"}


def _table(editing: ProgrammeEditing, kind: str | None) -> dict:
    if kind == "programme":
        return {programme.pk: programme for programme in editing.programmes}
    if kind == "activity":
        return editing.activities
    return editing.sub_activities


def _pick(request: HttpRequest, editing: ProgrammeEditing, kind: str | None, name: str) -> object:
    try:
        return _table(editing, kind)[int(request.POST.get(name, ""))]
    except (KeyError, ValueError):
        raise Http404(NOT_FOUND) from None


def programme_edit(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    editing = get_programme_editing(agency_obj)
    bound: dict = {}
    refusals: dict = {}
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        action = request.POST.get("action", "")
        if kind not in KINDS or action not in {"save", "remove"}:
            return HttpResponseBadRequest(_("Unknown action."))
        outcome = _save(request, editing, kind) if action == "save" else _remove(request, editing, kind)
        if isinstance(outcome, str):
            messages.success(request, saved_message(agency_obj))
            return redirect(f"{reverse('programme-edit', args=[agency_obj.code])}#{outcome}")
        bound, refusals = outcome
    new_programme = bound.get("new-programme") or ItemForm(editing=editing, kind="programme", prefix="new-programme")
    return render(
        request,
        "strategy/programme_edit.html",
        {
            "agency": agency_obj,
            "plan": editing.plan,
            "entries": programme_entries(editing, bound, refusals),
            "new_programme": new_programme,
        },
        status=400 if bound or refusals else 200,
    )


def _save(request: HttpRequest, editing: ProgrammeEditing, kind: str) -> tuple[dict, dict] | str:
    item = _pick(request, editing, kind, "item") if request.POST.get("item") else None
    parent = None if kind == "programme" else _pick(request, editing, PARENT[kind], "parent")
    if item is not None:
        prefix = f"{kind}-{item.pk}"
    else:
        prefix = "new-programme" if parent is None else f"new-{kind}-{parent.pk}"
    form = ItemForm(request.POST, editing=editing, kind=kind, prefix=prefix)
    if form.is_valid():
        data = form.cleaned_data
        values = {
            "code": data["code"],
            "name": data["name"],
            "indicators": [editing.indicators[pk] for pk in data["indicators"]],
            "budgets": data["budgets"],
        }
        try:
            if kind == "programme":
                objectives = [editing.objectives[pk] for pk in data["objectives"]]
                saved = programme_editing.save_programme(
                    actor=request.user, plan=editing.plan, programme=item, objectives=objectives, **values
                )
            else:
                position = data["responsible_position"]
                values["responsible_position"] = editing.positions[position] if position else None
                if kind == "activity":
                    saved = programme_editing.save_activity(
                        actor=request.user, programme=parent or item.programme, activity=item, **values
                    )
                else:
                    saved = programme_editing.save_sub_activity(
                        actor=request.user, activity=parent or item.activity, sub_activity=item, **values
                    )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            return f"{kind}-{saved.pk}"
    return {prefix: form}, {}


def _remove(request: HttpRequest, editing: ProgrammeEditing, kind: str) -> tuple[dict, dict] | str:
    item = _pick(request, editing, kind, "item")
    try:
        programme_editing.remove_budget_item(actor=request.user, item=item)
    except (ValidationError, PermissionDenied) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        return {}, {f"{kind}-{item.pk}": text}
    return "programmes"
