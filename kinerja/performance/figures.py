"""The figures of a plan for a period — one place for every level (docs/measurement.md).

`get_plan_figures(plan, year, quarter)` reads a plan's indicators, IKI page rows and measurements once
(4 queries) and answers, for the period "year s.d. triwulan quarter":

- `indicator(pk)` — an indicator's Measurement read for the period (target, actual, achievement);
- `objective(pk)` — a strategic objective: its indicators; a performance objective: its IKI page rows;
- `goal(pk)` — the indicators of the goal's strategic objectives;
- `position(pk)` — the rows of its IKI page; `unit(pk)` — the rows of its positions' pages;
- `agency` — every IKI page row of the plan (an indicator printed on several pages counts once per page).

Every roll-up is `selectors.rollup_of` (the mean, the cap setting, missing and verified counts). The dashboard,
the tree, the overview, the Renstra page, the IKI pages and the API read these, never a roll-up of their own.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from . import achievement
from .models import Actual, Target
from .selectors import Measurement, _placed, get_measurements, group_rollups, rollup_of

NO_ROLLUP = achievement.Rollup(None, 0, 0)


@dataclass
class PlanFigures:
    plan: StrategicPlan
    year: int
    quarter: int
    indicators: list[Indicator]
    rows: list[PageIndicator]
    measurements: dict[int, Measurement]  # read up to `quarter`
    verified_only: bool = False
    _objectives: dict = field(default_factory=dict, repr=False)
    _goals: dict = field(default_factory=dict, repr=False)
    _positions: dict = field(default_factory=dict, repr=False)
    _units: dict = field(default_factory=dict, repr=False)
    _agency: achievement.Rollup = NO_ROLLUP

    def __post_init__(self) -> None:
        m = self.measurements
        strategic = [
            (indicator.objective_id, m[indicator.pk]) for indicator in self.indicators if indicator.objective_id
        ]
        self._objectives = group_rollups(strategic)
        self._objectives.update(group_rollups((row.objective_id, m[row.indicator_id]) for row in self.rows))
        goal_of = {
            indicator.objective_id: indicator.objective.goal_id
            for indicator in self.indicators
            if indicator.objective_id
        }
        self._goals = group_rollups(
            (goal_of[objective_id], measurement) for objective_id, measurement in strategic if goal_of[objective_id]
        )
        self._positions = group_rollups((row.position_id, m[row.indicator_id]) for row in self.rows)
        self._units = group_rollups((row.position.unit_id, m[row.indicator_id]) for row in self.rows)
        self._agency = rollup_of(m[row.indicator_id] for row in self.rows)

    def indicator(self, pk: int) -> Measurement:
        return self.measurements[pk]

    def objective(self, pk: int) -> achievement.Rollup:
        return self._objectives.get(pk, NO_ROLLUP)

    def goal(self, pk: int) -> achievement.Rollup:
        return self._goals.get(pk, NO_ROLLUP)

    def position(self, pk: int) -> achievement.Rollup:
        return self._positions.get(pk, NO_ROLLUP)

    def unit(self, pk: int) -> achievement.Rollup:
        return self._units.get(pk, NO_ROLLUP)

    @property
    def agency(self) -> achievement.Rollup:
        return self._agency

    @property
    def objective_rollups(self) -> dict[int, achievement.Rollup]:
        return self._objectives

    @property
    def units(self) -> list[tuple[object, achievement.Rollup]]:
        """(unit, roll-up) in the order of the rows (the units' order)."""
        seen: dict[int, object] = {}
        for row in self.rows:
            seen.setdefault(row.position.unit_id, row.position.unit)
        return [(unit, self._units[pk]) for pk, unit in seen.items()]

    @property
    def year_target_used(self) -> bool:
        """Some indicator's figure for the period is compared with the year's target (no quarterly target)."""
        return any(m.period_uses_year_target for m in self.measurements.values())

    @property
    def example(self) -> bool:
        return any(m.has_example_data for m in self.measurements.values())


def plan_indicators(plan: StrategicPlan) -> list[Indicator]:
    return list(plan.indicators.select_related("responsible_position", "objective").order_by("order", "code"))


def plan_rows(plan: StrategicPlan) -> list[PageIndicator]:
    return list(
        PageIndicator.objects.filter(objective__plan=plan)
        .select_related("position__unit", "objective")
        .order_by("position__unit__order", "position__order", "objective__order", "order")
    )


def figures_from(
    plan: StrategicPlan,
    year: int,
    quarter: int,
    indicators: Iterable[Indicator],
    rows: Iterable[PageIndicator],
    measurements: dict[int, Measurement],
    *,
    verified_only: bool = False,
) -> PlanFigures:
    """The figures from what a caller has read already (the measurements of `year`, any quarter)."""
    indicators, rows = list(indicators), list(rows)
    by_id = {indicator.pk: indicator for indicator in indicators}
    for row in rows:  # the row's indicator is one already read: no query per row
        row.indicator = by_id[row.indicator_id]
    return PlanFigures(
        plan, year, quarter, indicators, rows, {pk: m.at(quarter) for pk, m in measurements.items()}, verified_only
    )


def get_plan_figures(plan: StrategicPlan, year: int, quarter: int = 4, *, verified_only: bool = False) -> PlanFigures:
    """Every figure of the plan for `year` s.d. triwulan `quarter` (4 queries: indicators, rows, targets, actuals)."""
    indicators = plan_indicators(plan)
    measurements = get_measurements(indicators, year, verified_only=verified_only, quarter=quarter, evidence=False)
    return figures_from(plan, year, quarter, indicators, plan_rows(plan), measurements, verified_only=verified_only)


def get_plan_figures_by_year(
    plan: StrategicPlan, years: Iterable[int], *, verified_only: bool = False
) -> dict[int, PlanFigures]:
    """`get_plan_figures(plan, year, 4, verified_only=…)` for each of `years` — the same figures, read at once
    (4 queries however many years): for an export that prints every year of the plan (the public CSV)."""
    years = sorted(set(years))
    indicators, rows = plan_indicators(plan), plan_rows(plan)
    by_year = {year: {indicator.pk: Measurement(indicator, year) for indicator in indicators} for year in years}
    if indicators and years:
        ids = [indicator.pk for indicator in indicators]
        targets = Target.objects.filter(indicator__in=ids, year__in=years, kind__in=["year", "quarter"]).order_by()
        actuals = Actual.objects.filter(indicator__in=ids, year__in=years).order_by()
        if verified_only:
            actuals = actuals.filter(status=Actual.Status.VERIFIED)
        targets, actuals = list(targets), list(actuals)
        for year, measurements in by_year.items():
            _placed(
                measurements,
                ((t.indicator_id, t.kind, t.quarter, t) for t in targets if t.year == year),
                ((a.indicator_id, a.quarter, a) for a in actuals if a.year == year),
            )
    return {
        year: figures_from(plan, year, 4, indicators, rows, by_year[year], verified_only=verified_only)
        for year in years
    }
