"""Writes of the budget nomenclature, edited in place by the agency's planner: programmes → activities →
sub-activities with their codes, names, the objectives (programmes) and indicators each serves, the responsible
position (activities, sub-activities) and the yearly budgets. One door per item: each asks
`accounts.access.may_plan`, checks what the workbook import checks (the model's full_clean, a code once under its
parent, links inside the plan), writes the budgets through `services.set_budget`, records the change through
`core.audit` and raises ValidationError naming the field, in the reader's language."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position

from . import services
from .models import Activity, Indicator, Objective, Programme, StrategicPlan, SubActivity
from .page_editing import unchanged_on_refusal

Item = Programme | Activity | SubActivity
# the field of a budget (and of Budget's item) and the parent's field, by kind
KIND = {
    Programme: ("programme", "plan"),
    Activity: ("activity", "programme"),
    SubActivity: ("sub_activity", "activity"),
}


def ensure_may_plan(actor: Actor, plan: StrategicPlan) -> None:
    if actor is not None and not may_plan(actor, plan.agency):
        raise PermissionDenied(_("Only the agency's planner changes its programmes and budgets."))


def _snapshot(item: Item) -> dict | None:
    """The item's fields with the codes it serves (the links are part of what changed)."""
    if item.pk is None:
        return None
    shot = audit.snapshot(item) or {}
    shot["indicators"] = sorted(item.indicators.values_list("code", flat=True))
    if isinstance(item, Programme):
        shot["objectives"] = sorted(item.objectives.values_list("code", flat=True))
    return shot


def _check_links(plan: StrategicPlan, indicators: list[Indicator], objectives: list[Objective]) -> None:
    errors = {}
    if any(indicator.plan_id != plan.pk for indicator in indicators):
        errors["indicators"] = _("The indicator belongs to another plan.")
    if any(objective.plan_id != plan.pk for objective in objectives):
        errors["objectives"] = _("The objective belongs to another plan.")
    if errors:
        raise ValidationError(errors)


def _check_code(item: Item, parent_field: str) -> None:
    model = type(item)
    siblings = model.objects.filter(**{parent_field: getattr(item, parent_field), "code": item.code})
    if item.code and siblings.exclude(pk=item.pk).exists():
        message = {
            Programme: _("The code %(code)s is already used by another programme of this plan."),
            Activity: _("The code %(code)s is already used by another activity of this programme."),
            SubActivity: _("The code %(code)s is already used by another sub-activity of this activity."),
        }[model]
        raise ValidationError({"code": message % {"code": item.code}})


def _save(
    *,
    actor: Actor,
    item: Item,
    plan: StrategicPlan,
    code: str,
    name: str,
    indicators: list[Indicator],
    objectives: list[Objective] | None,
    budgets: dict[int, Decimal | None],
) -> Item:
    ensure_may_plan(actor, plan)
    kind, parent_field = KIND[type(item)]
    before = _snapshot(item)
    item.code, item.name = code.strip(), name.strip()
    if item.pk is None:
        siblings = type(item).objects.filter(**{parent_field: getattr(item, parent_field)})
        item.order = (siblings.aggregate(last=Max("order"))["last"] or 0) + 1
    _check_links(plan, indicators, objectives or [])
    _check_code(item, parent_field)
    item.full_clean(validate_unique=False)
    item.save()
    item.indicators.set(indicators)
    if objectives is not None:
        item.objectives.set(objectives)
    with audit.in_record_language():
        text = gettext_noop("%(kind)s %(code)s added") if before is None else gettext_noop("%(kind)s %(code)s changed")
        description = _(text) % {"kind": str(item._meta.verbose_name).capitalize(), "code": item.code}
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CREATED if before is None else AuditRecord.Action.CHANGED,
        obj=item,
        before=before,
        after=_snapshot(item),
        agency=plan.agency_id,
        description=description,
    )
    current = {budget.year: budget.amount for budget in item.budgets.all()}
    for year, amount in sorted(budgets.items()):
        if amount == current.get(year):
            continue  # unchanged: an example budget stays an example
        try:
            services.set_budget(actor=actor, year=year, amount=amount, **{kind: item})
        except ValidationError as error:
            messages = error.messages
            raise ValidationError({f"budget_{year}": messages}) from error
    return item


@transaction.atomic
def save_programme(
    *,
    actor: Actor,
    plan: StrategicPlan,
    programme: Programme | None = None,
    code: str,
    name: str,
    objectives: list[Objective],
    indicators: list[Indicator],
    budgets: dict[int, Decimal | None],
) -> Programme:
    """Create (no `programme`) or change a programme of the plan, with its yearly budgets (None clears one)."""
    item = programme or Programme(plan=plan)
    if item.plan_id != plan.pk:
        raise ValidationError(_("The programme belongs to another plan."))
    with unchanged_on_refusal(item):
        return _save(
            actor=actor,
            item=item,
            plan=plan,
            code=code,
            name=name,
            indicators=indicators,
            objectives=objectives,
            budgets=budgets,
        )


@transaction.atomic
def save_activity(
    *,
    actor: Actor,
    programme: Programme,
    activity: Activity | None = None,
    code: str,
    name: str,
    indicators: list[Indicator],
    responsible_position: Position | None,
    budgets: dict[int, Decimal | None],
) -> Activity:
    """Create (no `activity`) or change an activity of the programme."""
    item = activity or Activity(programme=programme)
    if item.programme_id != programme.pk:
        raise ValidationError(_("The activity belongs to another programme."))
    with unchanged_on_refusal(item):
        item.responsible_position = responsible_position
        return _save(
            actor=actor,
            item=item,
            plan=programme.plan,
            code=code,
            name=name,
            indicators=indicators,
            objectives=None,
            budgets=budgets,
        )


@transaction.atomic
def save_sub_activity(
    *,
    actor: Actor,
    activity: Activity,
    sub_activity: SubActivity | None = None,
    code: str,
    name: str,
    indicators: list[Indicator],
    responsible_position: Position | None,
    budgets: dict[int, Decimal | None],
) -> SubActivity:
    """Create (no `sub_activity`) or change a sub-activity of the activity."""
    item = sub_activity or SubActivity(activity=activity)
    if item.activity_id != activity.pk:
        raise ValidationError(_("The sub-activity belongs to another activity."))
    with unchanged_on_refusal(item):
        item.responsible_position = responsible_position
        return _save(
            actor=actor,
            item=item,
            plan=activity.programme.plan,
            code=code,
            name=name,
            indicators=indicators,
            objectives=None,
            budgets=budgets,
        )


def plan_of_item(item: Item) -> StrategicPlan:
    if isinstance(item, SubActivity):
        return item.activity.programme.plan
    if isinstance(item, Activity):
        return item.programme.plan
    return item.plan


@transaction.atomic
def remove_budget_item(*, actor: Actor, item: Item) -> None:
    """Remove a programme, activity or sub-activity that holds nothing any more: no item under it, no budget."""
    plan = plan_of_item(item)
    ensure_may_plan(actor, plan)
    children: models.QuerySet | None = None
    if isinstance(item, Programme):
        children = item.activities.all()
    elif isinstance(item, Activity):
        children = item.sub_activities.all()
    if children is not None and children.exists():
        raise ValidationError(
            _("%(item)s %(code)s still holds %(count)s item(s) below it: remove them first.")
            % {"item": str(item._meta.verbose_name).capitalize(), "code": item.code, "count": children.count()}
        )
    years = sorted(item.budgets.values_list("year", flat=True))
    if years:
        raise ValidationError(
            _("%(item)s %(code)s still has a budget for %(years)s: clear the budget first.")
            % {
                "item": str(item._meta.verbose_name).capitalize(),
                "code": item.code,
                "years": ", ".join(str(year) for year in years),
            }
        )
    with audit.in_record_language():
        description = _(gettext_noop("%(kind)s %(code)s removed")) % {
            "kind": str(item._meta.verbose_name).capitalize(),
            "code": item.code,
        }
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=item,
        before=_snapshot(item),
        after=None,
        agency=plan.agency_id,
        description=description,
    )
    item.delete()
