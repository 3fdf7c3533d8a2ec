"""What the programmes' edit page reads: the plan's programmes → activities → sub-activities with the objectives
and indicators each serves, their budgets and responsible positions, and what the forms offer — a fixed number of
queries however many items the plan holds."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext

from kinerja.core.errors import NotFound
from kinerja.organisation.models import Agency, Position

from .models import Activity, Indicator, Objective, Programme, StrategicPlan, SubActivity
from .selectors import find_current_plan


@dataclass
class ProgrammeEditing:
    plan: StrategicPlan
    programmes: list[Programme]
    indicators: dict[int, Indicator]
    objectives: dict[int, Objective]  # the strategic objectives a programme may serve
    positions: dict[int, Position]

    @property
    def activities(self) -> dict[int, Activity]:
        return {activity.pk: activity for programme in self.programmes for activity in programme.activities.all()}

    @property
    def sub_activities(self) -> dict[int, SubActivity]:
        return {sub.pk: sub for activity in self.activities.values() for sub in activity.sub_activities.all()}


def get_programme_editing(agency: Agency) -> ProgrammeEditing:
    """The plan's budget nomenclature with what its forms offer (12 queries)."""
    plan = find_current_plan(agency)
    if plan is None:
        raise NotFound(gettext("The agency has no strategic plan yet: load or write its plan first."))
    subs = SubActivity.objects.order_by("order").prefetch_related("indicators", "budgets")
    activities = Activity.objects.order_by("order").prefetch_related(
        "indicators", "budgets", Prefetch("sub_activities", subs)
    )
    programmes = list(
        plan.programmes.order_by("order").prefetch_related(
            "objectives", "indicators", "budgets", Prefetch("activities", activities)
        )
    )
    for programme in programmes:
        for activity in programme.activities.all():
            activity.programme = programme  # known: its checks and its plan read no row again
            for sub in activity.sub_activities.all():
                sub.activity = activity
    return ProgrammeEditing(
        plan,
        programmes,
        {indicator.pk: indicator for indicator in plan.indicators.order_by("order", "code")},
        {
            objective.pk: objective
            for objective in plan.objectives.filter(level=Objective.Level.STRATEGIC).order_by("order")
        },
        {position.pk: position for position in agency.positions.order_by("order")},
    )
