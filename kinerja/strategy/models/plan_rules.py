"""Two rules of the plan that read more than the row itself, asked by the models' `clean()` — and so by every door
that validates a row with `full_clean()`: the plan's and the IKI page's forms (`strategy.editing`,
`strategy.page_editing`), the workbook and dataset import (`exchange.loading`), the admin.

- A "contributes to" (cascade) chain never comes back to where it started: A → B → A is refused, however long.
- A plan's years are not shrunk past the years that hold its figures: targets, actuals and action items. Those live
  in the apps above (performance, actionplans), which this layer may not import; they are read through the reverse
  relations of `Indicator` (`targets`, `actuals`, `action_items`), by name only.
"""

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.core.chains import cycle

if TYPE_CHECKING:
    from .plan import Objective, StrategicPlan

# The tables that hold figures of a year, by their relation's name on Indicator; a baseline (kondisi awal) lies
# before the plan by design: it only may not come after the first year.
FIGURES = ("targets", "actuals", "action_items")
BASELINE = "baseline"


def contribution_cycle(objective: "Objective") -> list[str]:
    """The codes of the chain that leads from `objective` back to itself through "contributes to" (["A", "B",
    "A"]); [] when the chain ends at the top."""
    return cycle(objective, "contributes_to", lambda row: row.code)


def cycle_message(codes: list[str]) -> str:
    return _(
        "The objectives would contribute to each other in a circle: %(chain)s. Choose an objective above that "
        "does not lead back to %(code)s."
    ) % {"chain": " → ".join(codes), "code": codes[0]}


def years_with_figures_outside(plan: "StrategicPlan") -> dict[str, list[int]]:
    """For a stored plan whose years are being changed: the years outside the new first_year–last_year that hold
    targets, actuals or action items of its indicators, by the field that would leave them out ({} when none)."""
    from .plan import Indicator

    if plan.pk is None or plan.first_year is None or plan.last_year is None:
        return {}
    before: set[int] = set()
    after: set[int] = set()
    for relation in FIGURES:
        year = f"{relation}__year"
        outside = Q(**{f"{year}__lt": plan.first_year}) | Q(**{f"{year}__gt": plan.last_year})
        if relation == "targets":
            outside &= ~Q(targets__kind=BASELINE)
        for value in Indicator.objects.filter(Q(plan_id=plan.pk) & outside).values_list(year, flat=True).distinct():
            (before if value < plan.first_year else after).add(value)
    late_baselines = Indicator.objects.filter(
        plan_id=plan.pk, targets__kind=BASELINE, targets__year__gt=plan.first_year
    )
    before.update(late_baselines.values_list("targets__year", flat=True).distinct())
    found = {}
    if before:
        found["first_year"] = sorted(before)
    if after:
        found["last_year"] = sorted(after)
    return found


def shrink_message(years: list[int]) -> str:
    listed = ", ".join(str(year) for year in years)
    return ngettext(
        "The year %(years)s still holds targets, actuals or action items and would fall outside the plan: keep it "
        "in the plan, or remove those figures first.",
        "The years %(years)s still hold targets, actuals or action items and would fall outside the plan: keep "
        "them in the plan, or remove those figures first.",
        len(years),
    ) % {"years": listed}
