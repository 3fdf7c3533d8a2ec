"""The agency's organisation edited in place by its planner: a unit's name and kind, a position's title (and the
title as the decree prints it), duty (tugas) and numbered functions (fungsi), and the same of the agency itself (its
name as Appendix I prints it, its duty and functions) — what the decree prints of them.

One door: every write is a function here, keyword-only with `actor` first, in one transaction. Each asks
`accounts.access.may_plan` (the agency's planner, or the administrator), validates the row with the model's
`full_clean()` through `core.row_writing` — the rules the workbook import applies through
`exchange.loading.unit_of_work` (the fields, their lengths and choices, `clean()`), and the same numbering of the
functions (`numbered_functions`, which the import calls too) — records the change through `core.audit` and raises
`ValidationError` naming the field, or `PermissionDenied`. The pages (`edit_views`) only call these and show the
errors. A change after the decree was enacted changes only the draft of its next version: the enacted version
prints from its own frozen copy (`reports.models.EnactedDecree`).
"""

import re
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord, OrderedTextItem
from kinerja.core.row_writing import save_validated, stripped

from .models import Agency, AgencyFunction, Position, PositionFunction, Unit

FunctionItem = str | tuple[str, str] | dict[str, str]
_NUMBERED_LINE = re.compile(r"^\s*(\d{1,3}[a-z]?)\s*[.)]\s+(\S.*)$")


def numbered_functions(items: Sequence[FunctionItem]) -> list[dict[str, Any]]:
    """The rows of a list of functions as stored: `order` 1, 2, 3 …, `number` only where the printed number differs
    from the place in the list (the seed's "1" printed twice), `text`. An item is its text, or (number, text), or
    {"number", "text"} (the dataset's form)."""
    rows = []
    for order, item in enumerate(items, start=1):
        if isinstance(item, str):
            number, text = "", item
        elif isinstance(item, dict):
            number, text = item["number"], item["text"]
        else:
            number, text = item
        number = (number or "").strip()
        rows.append({"order": order, "number": "" if number == str(order) else number, "text": text})
    return rows


def functions_from_lines(text: str) -> list[tuple[str, str]]:
    """A list of functions typed one a line, as (number, text): "3) Penyusunan …" keeps its printed number 3, a line
    without one is numbered by its place. Empty lines are left out."""
    items = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        match = _NUMBERED_LINE.match(line)
        items.append((match.group(1), match.group(2).strip()) if match else ("", line.strip()))
    return items


def functions_as_lines(functions: Sequence[OrderedTextItem]) -> str:
    """The stored functions one a line, each after its printed number: what `functions_from_lines` reads back."""
    return "\n".join(f"{function.label}) {function.text}" for function in functions)


def ensure_may_change(actor: Actor, agency: Agency) -> None:
    if actor is not None and not may_plan(actor, agency):
        raise PermissionDenied(gettext("Only the planner of this agency changes its units and positions."))


@transaction.atomic
def change_unit(*, actor: Actor, unit: Unit, name: str, kind: str) -> Unit:
    """A unit's name and kind (Dinas, Badan, Sekretariat, Bidang, Seksi … from `Unit.Kind`)."""
    agency = Agency.objects.get(pk=unit.agency_id)
    ensure_may_change(actor, agency)
    values = stripped({"name": name, "kind": kind})
    errors: dict[str, list[str]] = {}
    if not values["name"]:
        errors["name"] = [gettext("Write the name of the unit, for example “Bidang Persandian”.")]
    if values["kind"] not in Unit.Kind.values:
        kinds = ", ".join(str(label) for label in Unit.Kind.labels)
        errors["kind"] = [gettext("Choose the kind of the unit from the list: %(kinds)s.") % {"kinds": kinds}]
    return save_validated(
        actor=actor,
        instance=unit,
        values=values,
        agency_id=unit.agency_id,
        description=gettext_lazy("Unit «%(what)s» changed"),
        conflict=gettext("Someone changed this unit just now; reload the page."),
        errors=errors,
    )


@transaction.atomic
def change_position(
    *,
    actor: Actor,
    position: Position,
    title: str,
    duty: str,
    functions: Sequence[FunctionItem],
    printed_title: str | None = None,
) -> Position:
    """A position's title, duty and functions (in order, each with its printed number when it differs from its place)
    and, when given, the title as the decree prints it (empty: the title in capitals)."""
    agency = Agency.objects.get(pk=position.agency_id)
    ensure_may_change(actor, agency)
    values = stripped({"title": title, "duty": duty})
    if printed_title is not None:
        values["printed_title"] = printed_title.strip()
    errors: dict[str, list[str]] = {}
    if not values["title"]:
        errors["title"] = [gettext("Write the title of the position, for example “Kepala Seksi Persandian”.")]
    return _save_with_functions(
        actor=actor,
        instance=position,
        owner_field="position",
        function_model=PositionFunction,
        agency_id=position.agency_id,
        values=values,
        functions=functions,
        errors=errors,
        description=gettext_lazy("Position «%(what)s» changed"),
        conflict=gettext("Someone changed this position just now; reload the page."),
    )


@transaction.atomic
def change_agency(
    *, actor: Actor, agency: Agency, name: str, printed_name: str, duty: str, functions: Sequence[FunctionItem]
) -> Agency:
    """What the decree prints of the agency itself: its name, the name as Appendix I prints it (empty: the name in
    capitals), its duty and its functions (Appendix I, TUGAS and FUNGSI)."""
    ensure_may_change(actor, Agency.objects.get(pk=agency.pk))
    values = stripped({"name": name, "printed_name": printed_name, "duty": duty})
    errors: dict[str, list[str]] = {}
    if not values["name"]:
        errors["name"] = [gettext("Write the name of the agency.")]
    return _save_with_functions(
        actor=actor,
        instance=agency,
        owner_field="agency",
        function_model=AgencyFunction,
        agency_id=agency.pk,
        values=values,
        functions=functions,
        errors=errors,
        description=gettext_lazy("Agency «%(what)s» changed"),
        conflict=gettext("Someone changed this agency just now; reload the page."),
    )


def _save_with_functions(
    *,
    actor: Actor,
    instance: Position | Agency,
    owner_field: str,
    function_model: type[OrderedTextItem],
    agency_id: int,
    values: dict[str, Any],
    functions: Sequence[FunctionItem],
    errors: dict[str, list[str]],
    description: Any,
    conflict: str,
) -> Any:
    """What a position and the agency share: their functions numbered and checked as the import does (their
    problems join `errors` under "functions"), the row saved through `save_validated`, then the functions replaced
    and recorded."""
    rows = numbered_functions([_stripped_item(item) for item in functions])
    if problems := _function_problems(function_model, {owner_field: instance}, rows):
        errors["functions"] = problems
    saved = save_validated(
        actor=actor,
        instance=instance,
        values=values,
        agency_id=agency_id,
        description=description,
        conflict=conflict,
        errors=errors,
    )
    _replace_functions(actor, function_model, {owner_field: saved}, rows, agency_id)
    return saved


def _stripped_item(item: FunctionItem) -> tuple[str, str]:
    if isinstance(item, str):
        return "", item.strip()
    if isinstance(item, dict):
        return item.get("number", "").strip(), item.get("text", "").strip()
    return item[0].strip(), item[1].strip()


def _function_problems(model: type[OrderedTextItem], owner: dict[str, Any], rows: list[dict[str, Any]]) -> list[str]:
    """Each function checked as the import checks it (the row's `full_clean`): a sentence per refusal that says
    which function."""
    problems = []
    for row in rows:
        function = model(**owner, **row)
        if not row["text"]:
            message = gettext("Function %(number)s has no text: write it, or leave the line out.")
            problems.append(message % {"number": function.label})
            continue
        try:
            function.full_clean(exclude=list(owner), validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for messages in error.message_dict.values():
                problems += [
                    gettext("Function %(number)s: %(message)s") % {"number": function.label, "message": message}
                    for message in messages
                ]
    return problems


def _replace_functions(
    actor: Actor, model: type[OrderedTextItem], owner: dict[str, Any], rows: list[dict[str, Any]], agency_id: int
) -> None:
    """Make the owner's functions exactly `rows` (untouched when they are the same), recorded as the import records
    it: the rows before and after."""
    (obj,) = owner.values()
    existing = list(model.objects.filter(**owner).order_by("order").values("order", "number", "text"))  # type: ignore[attr-defined]
    if existing == rows:
        return
    model.objects.filter(**owner).delete()  # type: ignore[attr-defined]
    model.objects.bulk_create([model(**owner, **row) for row in rows])  # type: ignore[attr-defined]
    with audit.in_record_language():
        description = gettext("Functions of «%(what)s» changed") % {"what": str(obj)[:150]}
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CHANGED if existing else AuditRecord.Action.CREATED,
        obj=obj,
        before={"functions": existing},
        after={"functions": rows},
        agency=agency_id,
        description=description,
    )
