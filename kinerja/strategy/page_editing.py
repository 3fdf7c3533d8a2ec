"""Writes of a position's IKI page, edited in place by the agency's planner: its performance objectives (code, text,
order, the objective above it serves) and its rows (which indicator, under which objective, in which order, with
the page's printed wording). One door: the edit page calls these, each asks `accounts.access.may_plan`, runs the
model's full_clean (the rules the workbook import applies) and the page's own rules, records the change through
`core.audit` and raises ValidationError naming the field, in the reader's language.

`actor` None is the system itself (a command); no page passes it."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position

from .models import Indicator, Objective, PageIndicator, StrategicPlan
from .selectors import find_current_plan

PRINTED = ("printed_name", "printed_definition", "printed_data_source")


def unless_same(printed: str, canonical: str) -> str:
    """A printed wording is kept only where it differs from the record's own (the import stores it the same way)."""
    return "" if printed == canonical else printed


@contextmanager
def unchanged_on_refusal(instance: object) -> Iterator[None]:
    """A refused change leaves the caller's instance as it was read (a page shown again shows what is stored)."""
    state, cache = instance.__dict__.copy(), dict(instance._state.fields_cache)
    try:
        yield
    except (ValidationError, PermissionDenied):
        instance.__dict__.update(state)
        instance._state.fields_cache = cache
        raise


def ensure_may_plan(actor: Actor, position: Position) -> None:
    if actor is not None and not may_plan(actor, position.agency):
        raise PermissionDenied(_("Only the agency's planner changes its IKI pages."))


def plan_of(position: Position) -> StrategicPlan:
    plan = find_current_plan(position.agency)
    if plan is None:
        raise ValidationError(_("The agency has no strategic plan yet: load or write its plan first."))
    return plan


def _record(actor: Actor, obj: object, before: dict | None, position: Position, description: str) -> None:
    audit.record_change(actor=actor, obj=obj, before=before, agency=position.agency_id, description=description)


def _describe(text: str, **values: object) -> str:
    with audit.in_record_language():
        return _(text) % values


def _check_objective(objective: Objective) -> None:
    errors = {}
    taken = Objective.objects.filter(plan_id=objective.plan_id, code=objective.code).exclude(pk=objective.pk)
    if objective.code and taken.exists():
        errors["code"] = _("The code %(code)s is already used by another objective of this plan.") % {
            "code": objective.code
        }
    if objective.pk and objective.contributes_to_id == objective.pk:
        errors["contributes_to"] = _("An objective cannot contribute to itself.")
    if errors:
        raise ValidationError(errors)
    objective.full_clean(validate_unique=False)


@transaction.atomic
def add_page_objective(
    *, actor: Actor, position: Position, code: str, text: str, contributes_to: Objective | None = None
) -> Objective:
    """A new performance objective at the end of the position's page."""
    ensure_may_plan(actor, position)
    plan = plan_of(position)
    last = Objective.objects.filter(position=position).aggregate(last=Max("order"))["last"] or 0
    objective = Objective(
        plan=plan,
        code=code.strip(),
        text=text.strip(),
        level=Objective.Level.PERFORMANCE,
        position=position,
        contributes_to=contributes_to,
        order=last + 1,
    )
    _check_objective(objective)
    objective.save()
    _record(
        actor,
        objective,
        None,
        position,
        _describe(gettext_noop("Objective %(code)s added to an IKI page"), code=objective.code),
    )
    return objective


@transaction.atomic
def change_page_objective(
    *, actor: Actor, objective: Objective, code: str, text: str, contributes_to: Objective | None
) -> Objective:
    """Change an objective's code, text and the objective above it serves."""
    position = _page_position(objective)
    ensure_may_plan(actor, position)
    before = audit.snapshot(objective)
    with unchanged_on_refusal(objective):
        objective.code, objective.text, objective.contributes_to = code.strip(), text.strip(), contributes_to
        _check_objective(objective)
    objective.save()
    _record(
        actor, objective, before, position, _describe(gettext_noop("Objective %(code)s changed"), code=objective.code)
    )
    return objective


@transaction.atomic
def move_page_objective(*, actor: Actor, objective: Objective, step: int) -> Objective:
    """Swap the objective with the one before (step -1) or after (step +1) on its page."""
    position = _page_position(objective)
    ensure_may_plan(actor, position)
    siblings = list(Objective.objects.filter(position=position).order_by("order", "pk"))
    index = next(i for i, item in enumerate(siblings) if item.pk == objective.pk)
    if step not in (-1, 1) or not 0 <= index + step < len(siblings):
        raise ValidationError({"order": _("The objective cannot move further.")})
    siblings[index], siblings[index + step] = siblings[index + step], siblings[index]
    for number, item in enumerate(siblings, 1):
        if item.order != number:
            before = audit.snapshot(item)
            item.order = number
            item.save(update_fields=["order", "updated_at"])
            _record(actor, item, before, position, _describe(gettext_noop("Objective %(code)s moved"), code=item.code))
    objective.refresh_from_db()
    return objective


@transaction.atomic
def remove_page_objective(*, actor: Actor, objective: Objective) -> None:
    """Remove an objective that nothing depends on any more: no row under it, no objective serving it, no
    programme serving it."""
    position = _page_position(objective)
    ensure_may_plan(actor, position)
    rows = objective.page_rows.count()
    if rows:
        raise ValidationError(
            _("The objective still holds %(count)s indicator row(s): move or remove them first.") % {"count": rows}
        )
    below = list(objective.contributors.values_list("code", flat=True))
    if below:
        raise ValidationError(
            _("Objectives %(codes)s contribute to this one: point them to another objective first.")
            % {"codes": ", ".join(below)}
        )
    programmes = list(objective.programmes.values_list("code", flat=True))
    if programmes:
        raise ValidationError(
            _("Programmes %(codes)s serve this objective: remove that link first.") % {"codes": ", ".join(programmes)}
        )
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=objective,
        before=audit.snapshot(objective),
        after=None,
        agency=position.agency_id,
        description=_describe(gettext_noop("Objective %(code)s removed from an IKI page"), code=objective.code),
    )
    objective.delete()


def _page_position(objective: Objective) -> Position:
    if objective.level != Objective.Level.PERFORMANCE or objective.position_id is None:
        raise ValidationError(_("Only a position's performance objective is edited on its IKI page."))
    return objective.position


def _check_row(row: PageIndicator) -> None:
    twice = PageIndicator.objects.filter(position_id=row.position_id, indicator_id=row.indicator_id)
    if row.indicator_id and twice.exclude(pk=row.pk).exists():
        raise ValidationError(
            {"indicator": _("The indicator %(code)s is already on this page.") % {"code": row.indicator.code}}
        )
    for name, canonical in (
        ("printed_name", row.indicator.name),
        ("printed_definition", row.indicator.definition),
        ("printed_data_source", row.indicator.data_source),
    ):
        setattr(row, name, unless_same(getattr(row, name).strip(), canonical))
    row.full_clean(validate_unique=False, validate_constraints=False)


def _next_order(objective: Objective) -> int:
    return (objective.page_rows.aggregate(last=Max("order"))["last"] or 0) + 1


@transaction.atomic
def add_page_row(
    *,
    actor: Actor,
    objective: Objective,
    indicator: Indicator,
    printed_name: str = "",
    printed_definition: str = "",
    printed_data_source: str = "",
) -> PageIndicator:
    """A new row at the end of the objective's rows; a printed wording equal to the indicator's own is not kept."""
    position = _page_position(objective)
    ensure_may_plan(actor, position)
    row = PageIndicator(
        position=position,
        objective=objective,
        indicator=indicator,
        order=_next_order(objective),
        printed_name=printed_name,
        printed_definition=printed_definition,
        printed_data_source=printed_data_source,
    )
    _check_row(row)
    row.save()
    _record(
        actor,
        row,
        None,
        position,
        _describe(gettext_noop("Indicator %(code)s added to an IKI page"), code=row.indicator.code),
    )
    return row


@transaction.atomic
def change_page_row(
    *,
    actor: Actor,
    row: PageIndicator,
    objective: Objective,
    indicator: Indicator,
    printed_name: str,
    printed_definition: str,
    printed_data_source: str,
) -> PageIndicator:
    """Change a row: its indicator, its objective (to the end of the new objective's rows), its printed wording."""
    position = row.position
    ensure_may_plan(actor, position)
    before = audit.snapshot(row)
    with unchanged_on_refusal(row):
        if objective.pk != row.objective_id:
            row.order = _next_order(objective)
        row.objective, row.indicator = objective, indicator
        row.printed_name, row.printed_definition, row.printed_data_source = (
            printed_name,
            printed_definition,
            printed_data_source,
        )
        _check_row(row)
    row.save()
    _record(
        actor, row, before, position, _describe(gettext_noop("IKI page row %(code)s changed"), code=row.indicator.code)
    )
    return row


@transaction.atomic
def move_page_row(*, actor: Actor, row: PageIndicator, step: int) -> PageIndicator:
    """Swap the row with the one before (step -1) or after (step +1) under its objective."""
    position = row.position
    ensure_may_plan(actor, position)
    siblings = list(PageIndicator.objects.filter(objective_id=row.objective_id).order_by("order", "pk"))
    index = next(i for i, item in enumerate(siblings) if item.pk == row.pk)
    if step not in (-1, 1) or not 0 <= index + step < len(siblings):
        raise ValidationError({"order": _("The row cannot move further.")})
    siblings[index], siblings[index + step] = siblings[index + step], siblings[index]
    befores = {item.pk: audit.snapshot(item) for item in siblings}
    top = max(item.order for item in siblings) + 1
    # each order is unique under an objective: the rows step aside first, then take their places
    PageIndicator.objects.filter(pk__in=[item.pk for item in siblings]).update(order=F("order") + top)
    for number, item in enumerate(siblings, 1):
        item.order = number
        PageIndicator.objects.filter(pk=item.pk).update(order=number, updated_at=timezone.now())
    for item in siblings:
        after = audit.snapshot(item)
        if after["order"] != befores[item.pk]["order"]:
            audit.record(
                actor=actor,
                action=AuditRecord.Action.CHANGED,
                obj=item,
                before=befores[item.pk],
                after=after,
                agency=position.agency_id,
                description=_describe(gettext_noop("IKI page row %(code)s moved"), code=item.indicator.code),
            )
    row.refresh_from_db()
    return row


@transaction.atomic
def remove_page_row(*, actor: Actor, row: PageIndicator) -> None:
    """Remove a row, unless its indicator has targets or actuals and no other page prints it (they would be left
    on no page: nobody could enter, verify or read them)."""
    position = row.position
    ensure_may_plan(actor, position)
    indicator = row.indicator
    elsewhere = indicator.page_rows.exclude(pk=row.pk).exists()
    if not elsewhere and (indicator.targets.exists() or indicator.actuals.exists()):
        raise ValidationError(
            _(
                "The indicator %(code)s has targets or actuals and no other page prints it: this row cannot be "
                "removed. Add the indicator to another page first, or move the row to another objective."
            )
            % {"code": indicator.code}
        )
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=row,
        before=audit.snapshot(row),
        after=None,
        agency=position.agency_id,
        description=_describe(gettext_noop("Indicator %(code)s removed from an IKI page"), code=indicator.code),
    )
    row.delete()
