"""The IKI page of a position, edited in place by the agency's planner: access → form → service → redirect with
what the consistency check reports now. Every rule is the service's (`page_editing`); its refusal shows next to
the field it names, or at the objective or row it is about."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan
from kinerja.organisation.forms import add_service_errors

from . import page_editing
from .page_checks import saved_message
from .page_forms import ObjectiveForm, RowForm, page_items
from .page_selectors import PageEditing, get_page_editing

# (what was refused: a bound form by its prefix, or a sentence by the item's prefix), or the anchor saved to
Outcome = tuple[dict, dict] | str


def position_page_edit(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    editing = get_page_editing(agency_obj, position)
    bound: dict = {}
    refusals: dict = {}
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            return HttpResponseBadRequest(_("Unknown action."))
        outcome = action(request, editing)
        if isinstance(outcome, str):
            messages.success(request, saved_message(agency_obj))
            url = reverse("position-page-edit", args=[agency_obj.code, editing.page.position.code])
            return redirect(f"{url}#{outcome}")
        bound, refusals = outcome
    new_objective = bound.get("new-objective") or ObjectiveForm(editing=editing, prefix="new-objective")
    new_row = bound.get("new-row") or RowForm(editing=editing, prefix="new-row")
    return render(
        request,
        "strategy/page_edit.html",
        {
            "agency": agency_obj,
            "page": editing.page,
            "items": page_items(editing, bound, refusals),
            "new_objective": new_objective,
            "new_row": new_row,
            "refusal": refusals.get("page", ""),
        },
        status=400 if bound or refusals else 200,
    )


def _pick(request: HttpRequest, table: dict, name: str) -> object:
    try:
        return table[int(request.POST.get(name, ""))]
    except (KeyError, ValueError):
        raise Http404(NOT_FOUND) from None


def _refused(error: Exception) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def _with_form(form: ObjectiveForm | RowForm, save: Callable[[dict], str]) -> Outcome:
    """Run `save` with the form's data; a refusal goes next to the field it names."""
    if form.is_valid():
        try:
            return save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
    return {form.prefix: form}, {}


def _objective_values(editing: PageEditing, data: dict) -> dict:
    above = data["contributes_to"]
    return {"code": data["code"], "text": data["text"], "contributes_to": editing.above.get(above) if above else None}


def _row_values(editing: PageEditing, data: dict) -> dict:
    return {
        "objective": editing.objectives[data["objective"]],
        "indicator": editing.indicators[data["indicator"]],
        **{name: data[name] for name in page_editing.PRINTED},
    }


def add_objective(request: HttpRequest, editing: PageEditing) -> Outcome:
    form = ObjectiveForm(request.POST, editing=editing, prefix="new-objective")

    def save(data: dict) -> str:
        objective = page_editing.add_page_objective(
            actor=request.user, position=editing.page.position, **_objective_values(editing, data)
        )
        return f"objective-{objective.pk}"

    return _with_form(form, save)


def change_objective(request: HttpRequest, editing: PageEditing) -> Outcome:
    objective = _pick(request, editing.objectives, "objective")
    form = ObjectiveForm(request.POST, editing=editing, prefix=f"objective-{objective.pk}")

    def save(data: dict) -> str:
        page_editing.change_page_objective(actor=request.user, objective=objective, **_objective_values(editing, data))
        return f"objective-{objective.pk}"

    return _with_form(form, save)


def add_row(request: HttpRequest, editing: PageEditing) -> Outcome:
    form = RowForm(request.POST, editing=editing, prefix="new-row")

    def save(data: dict) -> str:
        row = page_editing.add_page_row(actor=request.user, **_row_values(editing, data))
        return f"row-{row.pk}"

    return _with_form(form, save)


def change_row(request: HttpRequest, editing: PageEditing) -> Outcome:
    row = _pick(request, editing.rows, "row")
    form = RowForm(request.POST, editing=editing, prefix=f"row-{row.pk}")

    def save(data: dict) -> str:
        page_editing.change_page_row(actor=request.user, row=row, **_row_values(editing, data))
        return f"row-{row.pk}"

    return _with_form(form, save)


def _step(request: HttpRequest) -> int:
    return -1 if request.POST.get("step") == "up" else 1


def _at_item(prefix: str, write: Callable[[], object]) -> Outcome:
    """A write without a form (move, remove): its refusal shows at the objective or row it is about."""
    try:
        write()
    except (ValidationError, PermissionDenied) as error:
        return {}, {prefix: _refused(error)}
    return prefix


def move_objective(request: HttpRequest, editing: PageEditing) -> Outcome:
    objective = _pick(request, editing.objectives, "objective")
    return _at_item(
        f"objective-{objective.pk}",
        lambda: page_editing.move_page_objective(actor=request.user, objective=objective, step=_step(request)),
    )


def remove_objective(request: HttpRequest, editing: PageEditing) -> Outcome:
    objective = _pick(request, editing.objectives, "objective")
    outcome = _at_item(
        f"objective-{objective.pk}",
        lambda: page_editing.remove_page_objective(actor=request.user, objective=objective),
    )
    return "objectives" if isinstance(outcome, str) else outcome


def move_row(request: HttpRequest, editing: PageEditing) -> Outcome:
    row = _pick(request, editing.rows, "row")
    return _at_item(
        f"row-{row.pk}", lambda: page_editing.move_page_row(actor=request.user, row=row, step=_step(request))
    )


def remove_row(request: HttpRequest, editing: PageEditing) -> Outcome:
    row = _pick(request, editing.rows, "row")
    outcome = _at_item(f"row-{row.pk}", lambda: page_editing.remove_page_row(actor=request.user, row=row))
    return f"objective-{row.objective_id}" if isinstance(outcome, str) else outcome


ACTIONS: dict[str, Callable[[HttpRequest, PageEditing], Outcome]] = {
    "add-objective": add_objective,
    "change-objective": change_objective,
    "move-objective": move_objective,
    "remove-objective": remove_objective,
    "add-row": add_row,
    "change-row": change_row,
    "move-row": move_row,
    "remove-row": remove_row,
}
