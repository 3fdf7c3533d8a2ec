"""The one door of the action plan: add, change, reorder and remove an action.

Every function is keyword-only with `actor` first, asks `accounts.access.may_write_action_plan` (the agency's
planner, or the holder of a position whose IKI page prints the indicator), validates the row with `full_clean()`
(the rules of `ActionItem.clean`), records the change in the audit trail about the indicator, and raises
`PermissionDenied` or `ValidationError` naming the field. A closed quarter (performance.workflow, the planner's
Periode page) is locked for its actions as for its targets and actuals. Pages and commands only call these.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from kinerja.accounts.access import may_write_action_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import roman
from kinerja.organisation.models import Position
from kinerja.performance import steps
from kinerja.performance.workflow import ensure_period_open
from kinerja.strategy.models import Indicator, SubActivity

from .models import ActionItem, ActionProgress


def _check_access(actor: Actor, indicator: Indicator) -> None:
    if actor is None:  # the system itself (a command, the loader): a trusted path
        return
    if not may_write_action_plan(actor, indicator):
        raise PermissionDenied(
            gettext("Only the agency's planner or the holder of a position carrying this indicator writes its actions.")
        )


def _describe(what: str, item: ActionItem) -> str:
    """The audit description in the record language: `what` is marked with gettext_noop."""
    with audit.in_record_language():
        return gettext(what) % {
            "indicator": item.indicator.code,
            "year": item.year,
            "quarter": roman(item.quarter) if item.quarter in (1, 2, 3, 4) else item.quarter,
        }


def _locked(item: ActionItem) -> ActionItem:
    """The action read again under a lock, with what its rules and the audit need."""
    return (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("indicator__plan__agency", "responsible_position", "sub_activity__activity__programme")
        .get(pk=item.pk)
    )


def _next_order(indicator: Indicator, year: int, quarter: int) -> int:
    last = (
        ActionItem.objects.filter(indicator=indicator, year=year, quarter=quarter)
        .order_by("-order")
        .values_list("order", flat=True)
        .first()
    )
    return 0 if last is None else last + 1


@transaction.atomic
def add_action(
    *,
    actor: Actor,
    indicator: Indicator,
    year: int,
    quarter: int,
    description: str,
    output_quantity: Decimal | None,
    output_unit: str,
    responsible_position: Position | None,
    sub_activity: SubActivity | None = None,
    is_example: bool = False,
) -> ActionItem:
    """A new action at the end of its quarter's list. `is_example`: invented by the example-data command, which
    removes it again (only the system, `actor` None, writes example data)."""
    _check_access(actor, indicator)
    item = ActionItem(
        indicator=indicator,
        year=year,
        quarter=quarter,
        description=(description or "").strip(),
        output_quantity=output_quantity,
        output_unit=(output_unit or "").strip(),
        responsible_position=responsible_position,
        sub_activity=sub_activity,
        is_example=is_example and actor is None,
    )
    item.full_clean(exclude=["order"])
    ensure_period_open(indicator, year, quarter)
    item.order = _next_order(indicator, year, quarter)
    item.save()
    audit.record_change(
        actor=actor,
        obj=item,
        before=None,
        agency=indicator.plan.agency_id,
        about=indicator,
        description=_describe(gettext_noop("Action of %(indicator)s, %(year)s quarter %(quarter)s added"), item),
    )
    return item


CHANGEABLE = ("quarter", "description", "output_quantity", "output_unit", "responsible_position", "sub_activity")


@transaction.atomic
def change_action(*, actor: Actor, item: ActionItem, **changes: object) -> ActionItem:
    """Change the fields named in `changes` (of CHANGEABLE); an action moved to another quarter goes to the end of
    that quarter's list. The indicator and the year of an action do not change: remove it and add another."""
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise ValidationError(gettext("These fields of an action cannot be changed: %s.") % ", ".join(sorted(unknown)))
    item = _locked(item)
    _check_access(actor, item.indicator)
    before = audit.snapshot(item)
    old_quarter = item.quarter
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        setattr(item, name, value)
    item.full_clean()
    if item.quarter != old_quarter and ActionProgress.objects.filter(action=item).exists():
        raise ValidationError({"quarter": gettext("The progress of this action is entered; it stays in its quarter.")})
    for quarter in {old_quarter, item.quarter}:
        ensure_period_open(item.indicator, item.year, quarter)
    if item.quarter != old_quarter:
        item.order = _next_order(item.indicator, item.year, item.quarter)
    item.save()
    audit.record_change(
        actor=actor,
        obj=item,
        before=before,
        agency=item.indicator.plan.agency_id,
        about=item.indicator,
        description=_describe(gettext_noop("Action of %(indicator)s, %(year)s quarter %(quarter)s changed"), item),
    )
    return item


@transaction.atomic
def reorder_actions(*, actor: Actor, indicator: Indicator, year: int, quarter: int, order: list[int]) -> None:
    """Put the actions of one quarter in the order of `order` (their ids): every action of the quarter, once."""
    _check_access(actor, indicator)
    ensure_period_open(indicator, year, quarter)
    items = {
        item.pk: item
        for item in ActionItem.objects.select_for_update().filter(indicator=indicator, year=year, quarter=quarter)
    }
    if sorted(order) != sorted(items) or len(set(order)) != len(order):
        raise ValidationError(gettext("The list of actions has changed meanwhile; reload the page."))
    changed = []
    before = {str(pk): item.order for pk, item in items.items()}
    for position, pk in enumerate(order):
        if items[pk].order != position:
            items[pk].order = position
            changed.append(items[pk])
    if not changed:
        return
    ActionItem.objects.bulk_update(changed, ["order"])
    first = items[order[0]]
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CHANGED,
        obj=first,
        before={"order": before},
        after={"order": {str(pk): items[pk].order for pk in order}},
        agency=indicator.plan.agency_id,
        about=indicator,
        description=_describe(
            gettext_noop("Actions of %(indicator)s, %(year)s quarter %(quarter)s put in a new order"), first
        ),
    )


@transaction.atomic
def remove_action(*, actor: Actor, item: ActionItem) -> None:
    item = _locked(item)
    _check_access(actor, item.indicator)
    ensure_period_open(item.indicator, item.year, item.quarter)
    progress = ActionProgress.objects.filter(action=item).first()
    if not steps.is_draft(progress):
        raise ValidationError(
            gettext("The progress of this action is sent for verification or verified; the action is not removed.")
        )
    files = [evidence.file for evidence in progress.evidence.all()] if progress is not None else []
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=item,
        before=audit.snapshot(item),
        after=None,
        agency=item.indicator.plan.agency_id,
        about=item.indicator,
        description=_describe(gettext_noop("Action of %(indicator)s, %(year)s quarter %(quarter)s removed"), item),
    )
    item.delete()  # with its draft progress and the rows of its evidence; the stored files go after the commit
    for stored in files:
        transaction.on_commit(lambda stored=stored: stored.delete(save=False))
