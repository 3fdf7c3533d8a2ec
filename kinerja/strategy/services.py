"""Writes of the budget nomenclature: the yearly budget of a programme / activity / sub-activity and who is
responsible for an activity. Validated, in one transaction, with Indonesian messages naming the field."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position

from .models import Activity, Budget, Programme, StrategicPlan, SubActivity

RUPIAH = Decimal("0.01")


def _plan_of(item: Programme | Activity | SubActivity) -> StrategicPlan:
    if isinstance(item, SubActivity):
        return item.activity.programme.plan
    if isinstance(item, Activity):
        return item.programme.plan
    return item.plan


def _ensure_planner(actor: Actor, plan: StrategicPlan) -> None:
    """The agency's planner or the administrator keeps its budgets and who is responsible (None: the system)."""
    if actor is not None and not may_plan(actor, plan.agency):
        raise PermissionDenied(gettext("Only the planner of this agency keeps its programmes and budgets."))


def budget_description(budget: Budget, action: str) -> str:
    """ "Anggaran 2022 program 2.16.02 diubah" — what the audit trail says of a budget."""
    item = budget.programme or budget.activity or budget.sub_activity
    with audit.in_record_language():
        return f"Anggaran {budget.year} {item._meta.verbose_name} {item.code} {AuditRecord.Action(action).label}"


@transaction.atomic
def set_budget(
    *,
    actor: Actor,
    year: int,
    amount: Decimal | None,
    programme: Programme | None = None,
    activity: Activity | None = None,
    sub_activity: SubActivity | None = None,
    is_example: bool = False,
) -> Budget | None:
    """Set (or, with no amount, clear) the budget of exactly one programme, activity or sub-activity for a
    year. Returns the budget, None when cleared."""
    items = {"programme": programme, "activity": activity, "sub_activity": sub_activity}
    given = {name: item for name, item in items.items() if item is not None}
    if len(given) != 1:
        message = gettext("A budget is for exactly one programme, activity or sub-activity.")
        raise ValidationError({name: message for name in (given or ["programme"])})
    ((field, item),) = given.items()
    plan = _plan_of(item)
    _ensure_planner(actor, plan)
    if not plan.first_year <= year <= plan.last_year:
        raise ValidationError(
            {
                "year": gettext("The year %(year)s is outside the Renstra %(first)s–%(last)s.")
                % {"year": year, "first": plan.first_year, "last": plan.last_year}
            }
        )
    lookup = {field: item, "year": year}
    existing = Budget.objects.filter(**lookup).first()
    if amount is None:
        if existing is not None:
            audit.record(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=existing,
                after=None,
                before=audit.snapshot(existing),
                agency=plan.agency_id,
                about=item,
                description=budget_description(existing, AuditRecord.Action.DELETED),
            )
            existing.delete()
        return None
    if isinstance(amount, float) or not isinstance(amount, (Decimal, int)):
        raise ValidationError({"amount": gettext("A budget must be a number (Decimal), not a float or a text.")})
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValidationError({"amount": gettext("A budget must be a number.")})
    if amount < 0:
        raise ValidationError({"amount": gettext("A budget cannot be negative.")})
    before = audit.snapshot(existing)
    budget = existing or Budget(**lookup)
    budget.amount = amount.quantize(RUPIAH, rounding=ROUND_HALF_UP)
    budget.is_example = is_example
    try:
        budget.full_clean()
    except ValidationError as error:
        if "amount" in error.message_dict:
            raise ValidationError({"amount": gettext("The budget is too large or not valid.")}) from error
        raise
    budget.save()
    action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
    audit.record_change(
        actor=actor,
        obj=budget,
        before=before,
        agency=plan.agency_id,
        about=item,
        description=budget_description(budget, action),
    )
    return budget


@transaction.atomic
def set_responsible_position(
    *,
    actor: Actor,
    item: Activity | SubActivity,
    position: Position | None,
) -> Activity | SubActivity:
    """Make `position` (or nobody) responsible for an activity or a sub-activity."""
    if not isinstance(item, (Activity, SubActivity)):
        raise ValidationError(
            {"item": gettext("Who is responsible is recorded only for an activity or a sub-activity.")}
        )
    _ensure_planner(actor, _plan_of(item))
    if position is not None and position.agency_id != _plan_of(item).agency_id:
        raise ValidationError({"responsible_position": gettext("That position belongs to another agency.")})
    before = audit.snapshot(item)
    item.responsible_position = position
    item.full_clean()
    item.save()
    with audit.in_record_language():
        description = f"Penanggung jawab {item._meta.verbose_name} {item.code} diubah"
    audit.record_change(actor=actor, obj=item, before=before, agency=_plan_of(item).agency_id, description=description)
    return item
