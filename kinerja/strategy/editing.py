"""The strategic plan edited in place by the agency's planner: the plan's name and years, its goals (Tujuan), its
strategic objectives, its indicators and the IKU table rows (Lampiran I) — created, changed and deleted.

One door: every write is a function here, keyword-only with `actor` first, in one transaction. Each asks
`accounts.access.may_plan`, validates the row with the model's `full_clean()` — the same rules the workbook import
applies through `exchange.loading.unit_of_work` (its own fields, its `clean()`; the unique codes as messages on
their field, as the loader reports "kode ganda") — records the change through `core.audit` and raises
`ValidationError` naming the field, or `PermissionDenied`. A deletion is refused, with a sentence that says what
still uses the row, while anything depends on it. The pages (`plan_views`) only call these and show the errors.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext, ngettext

from kinerja.accounts.access import may_plan
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.row_writing import save_validated, stripped
from kinerja.organisation.models import Position

from .models import Goal, Objective, StrategicPlan

STRATEGIC = Objective.Level.STRATEGIC


def ensure_planner(actor: Actor, plan: StrategicPlan) -> None:
    if actor is not None and not may_plan(actor, plan.agency):
        raise PermissionDenied(gettext("Only the planner of this agency changes its strategic plan."))


def code_taken(model: type[models.Model], plan: StrategicPlan, instance: models.Model, code: str) -> bool:
    others = model.objects.filter(plan=plan, code=code)  # type: ignore[attr-defined]
    return (others.exclude(pk=instance.pk) if instance.pk else others).exists()


def write_row(
    *,
    actor: Actor,
    plan: StrategicPlan,
    instance: models.Model,
    values: dict[str, Any],
    unique: dict[str, str],
    description: str,
    about: models.Model | None = None,
) -> Any:
    """Set `values` on `instance`, validate it as the import does (its fields and `clean()`, then the unique keys
    named in `unique`: field → message), save it and record the change. Returns the instance."""
    return save_validated(
        actor=actor,
        instance=instance,
        values=values,
        agency_id=plan.agency_id,
        description=description,
        conflict=gettext("Someone changed this part of the plan just now; reload the page."),
        unique=unique,
        about=about,
    )


def delete_row(*, actor: Actor, plan: StrategicPlan, instance: models.Model, uses: list[str], description: str) -> None:
    """Delete the row, recorded before it goes; refused with what still uses it."""
    if uses:
        raise ValidationError(
            gettext("It cannot be deleted while it is still used by %(uses)s.") % {"uses": _and(uses)}
        )
    with audit.in_record_language():
        text = description % {"what": str(instance)[:150]}
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=instance,
        before=audit.snapshot(instance),
        after=None,
        agency=plan.agency_id,
        description=text,
    )
    instance.delete()


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + gettext("and") + " " + parts[-1]


def counted(message: str, count: int, codes: Iterable[str]) -> list[str]:
    """`message` (an ngettext of `count`) with the count and the first five codes; nothing when none uses it."""
    if not count:
        return []
    return [message % {"count": count, "codes": ", ".join(list(codes)[:5])}]


# -- the plan ------------------------------------------------------------------------------------------------


@transaction.atomic
def save_plan(
    *, actor: Actor, plan: StrategicPlan, name: str, first_year: int | None, last_year: int | None
) -> StrategicPlan:
    """The plan's name and years (Renstra 2021–2026)."""
    ensure_planner(actor, plan)
    taken = (
        first_year is not None
        and StrategicPlan.objects.filter(agency_id=plan.agency_id, first_year=first_year).exclude(pk=plan.pk).exists()
    )
    unique = {"first_year": gettext("The agency already has a plan starting in %(year)s.") % {"year": first_year}}
    return write_row(
        actor=actor,
        plan=plan,
        instance=plan,
        values=stripped({"name": name, "first_year": first_year, "last_year": last_year}),
        unique=unique if taken else {},
        description="Renstra «%(what)s» diubah",
    )


# -- goals ---------------------------------------------------------------------------------------------------


@transaction.atomic
def save_goal(
    *, actor: Actor, plan: StrategicPlan, goal: Goal | None = None, code: str, text: str, order: int | None = None
) -> Goal:
    """Create (no `goal`) or change a goal of the plan."""
    ensure_planner(actor, plan)
    goal = goal or Goal(plan=plan)
    if goal.plan_id != plan.pk:
        raise PermissionDenied(gettext("The goal belongs to another plan."))
    values = stripped({"code": code, "text": text})
    values["order"] = order if order is not None else next_order(plan.goals.all(), goal)
    taken = code_taken(Goal, plan, goal, values["code"])
    return write_row(
        actor=actor,
        plan=plan,
        instance=goal,
        values=values,
        unique={"code": code_message(values["code"])} if taken else {},
        description="Tujuan «%(what)s» disimpan",
    )


@transaction.atomic
def delete_goal(*, actor: Actor, goal: Goal) -> None:
    plan = goal.plan
    ensure_planner(actor, plan)
    codes = list(goal.objectives.order_by("order").values_list("code", flat=True))
    uses = counted(
        ngettext("%(count)d strategic objective (%(codes)s)", "%(count)d strategic objectives (%(codes)s)", len(codes)),
        len(codes),
        codes,
    )
    delete_row(actor=actor, plan=plan, instance=goal, uses=uses, description="Tujuan «%(what)s» dihapus")


# -- strategic objectives ------------------------------------------------------------------------------------


@transaction.atomic
def save_objective(
    *,
    actor: Actor,
    plan: StrategicPlan,
    objective: Objective | None = None,
    code: str,
    text: str,
    goal: Goal | None,
    order: int | None = None,
) -> Objective:
    """Create (no `objective`) or change a strategic objective: its code, text, goal and order."""
    ensure_planner(actor, plan)
    objective = objective or Objective(plan=plan, level=STRATEGIC)
    if objective.plan_id != plan.pk or objective.level != STRATEGIC:
        raise PermissionDenied(gettext("Only a strategic objective of this plan is changed here."))
    values = stripped({"code": code, "text": text, "goal": goal})
    values["order"] = order if order is not None else next_order(plan.objectives.filter(level=STRATEGIC), objective)
    taken = code_taken(Objective, plan, objective, values["code"])
    return write_row(
        actor=actor,
        plan=plan,
        instance=objective,
        values=values,
        unique={"code": code_message(values["code"])} if taken else {},
        description="Sasaran strategis «%(what)s» disimpan",
    )


@transaction.atomic
def delete_objective(*, actor: Actor, objective: Objective) -> None:
    plan = objective.plan
    ensure_planner(actor, plan)
    if objective.level != STRATEGIC:
        raise PermissionDenied(gettext("Only a strategic objective of this plan is changed here."))
    indicators = list(objective.indicators.order_by("order").values_list("code", flat=True))
    below = list(objective.contributors.order_by("order").values_list("code", flat=True))
    programmes = list(objective.programmes.order_by("order").values_list("code", flat=True))
    uses = [
        *counted(
            ngettext("%(count)d indicator (%(codes)s)", "%(count)d indicators (%(codes)s)", len(indicators)),
            len(indicators),
            indicators,
        ),
        *counted(
            ngettext(
                "%(count)d objective that contributes to it (%(codes)s)",
                "%(count)d objectives that contribute to it (%(codes)s)",
                len(below),
            ),
            len(below),
            below,
        ),
        *counted(
            ngettext("%(count)d programme (%(codes)s)", "%(count)d programmes (%(codes)s)", len(programmes)),
            len(programmes),
            programmes,
        ),
    ]
    delete_row(
        actor=actor, plan=plan, instance=objective, uses=uses, description="Sasaran strategis «%(what)s» dihapus"
    )


# -- shared --------------------------------------------------------------------------------------------------


def code_message(code: str) -> str:
    return gettext("The code %(code)s is already used in this plan; choose another.") % {"code": code}


def next_order(siblings: models.QuerySet, instance: models.Model) -> int:
    """A new row goes last; a changed one keeps its place."""
    if instance.pk:
        return instance.order  # type: ignore[attr-defined]
    highest = siblings.aggregate(highest=models.Max("order"))["highest"]
    return (highest or 0) + 1


def responsible_positions(plan: StrategicPlan) -> models.QuerySet[Position]:
    """The positions an indicator of the plan may name as responsible: the agency's."""
    return Position.objects.structural().filter(agency_id=plan.agency_id).order_by("order", "code")
