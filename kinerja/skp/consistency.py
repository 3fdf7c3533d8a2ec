"""Family "skp" of the consistency check: the chain from every civil servant's work results (RHK) up to the
agency's strategic objectives.

- `rhk-tanpa-gantungan` (error): a work result whose chain stops before a strategic objective — a staff result
  on a superior's result that itself hangs on nothing, or an IKI row whose objective contributes to nothing;
- `sasaran-tanpa-rhk` (warning): a strategic objective that no work result of the year works on.

Checked for the year asked, or for every year with an SKP when none is; an agency without SKP gets no finding
(the SKP are not prepared yet: nothing to say). Registered from `SkpConfig.ready` (this app sits above
performance: the family reads the SKP with one query of its own).
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.performance.consistency.context import PlanData
from kinerja.performance.consistency.findings import ERROR, WARNING, Finding, Place
from kinerja.performance.consistency.registry import check
from kinerja.strategy.models import Objective

from .models import Rhk

FAMILY = "skp"


def _place(data: PlanData, result: Rhk) -> Place:
    skp = result.skp
    url = reverse("skp-detail", args=[data.agency.code, skp.pk])
    return Place(f"SKP {skp.year}", f"{skp.official.name} — {skp.position.title}: {result.text}", url)


def _top(data: PlanData, result: Rhk, results: dict[int, Rhk]) -> Objective | None:
    """The strategic objective `result` reaches, or None."""
    seen = {result.pk}
    while result.parent_id:
        parent = results.get(result.parent_id)
        if parent is None or parent.pk in seen:
            return None
        seen.add(parent.pk)
        result = parent
    if result.page_row_id is None:
        return None
    objective, visited = data.objective(result.page_row.objective_id), set()
    while objective is not None and objective.pk not in visited:
        if objective.level == Objective.Level.STRATEGIC:
            return objective
        visited.add(objective.pk)
        objective = data.objective(objective.contributes_to_id)
    return None


@check(family=FAMILY, codes=("rhk-tanpa-gantungan", "sasaran-tanpa-rhk"))
def check_work_results(data: PlanData) -> Iterable[Finding]:
    if data.agency.pk is None or data.plan.pk is None:
        return
    results = Rhk.objects.filter(skp__position__agency=data.agency).select_related(
        "skp__official", "skp__position", "page_row"
    )
    if data.year is not None:
        results = results.filter(skp__year=data.year)
    by_year: dict[int, dict[int, Rhk]] = {}
    for result in results.order_by("skp__year", "skp__position__order", "skp__official__name", "order", "pk"):
        if result.skp.year in data.plan.years:
            by_year.setdefault(result.skp.year, {})[result.pk] = result
    strategic = [o for o in data.objectives if o.level == Objective.Level.STRATEGIC]
    for year, year_results in by_year.items():
        reached: set[int] = set()
        for result in year_results.values():
            top = _top(data, result, year_results)
            if top is not None:
                reached.add(top.pk)
                continue
            yield Finding(
                FAMILY,
                "rhk-tanpa-gantungan",
                ERROR,
                _("The work result “%(text)s” of %(official)s (SKP %(year)s) does not reach a strategic objective.")
                % {"text": result.text, "official": result.skp.official.name, "year": year},
                [_place(data, result)],
                _("Hang it on a work result of the superior, or link the IKI objective to the objective above."),
            )
        for objective in strategic:
            if objective.pk not in reached:
                yield Finding(
                    FAMILY,
                    "sasaran-tanpa-rhk",
                    WARNING,
                    _("No work result of the SKP %(year)s works on the strategic objective %(code)s “%(text)s”.")
                    % {"year": year, "code": objective.code, "text": objective.text},
                    [data.at_objective(objective)],
                    _("Give a work result of an SKP of this year a chain up to this objective."),
                )
