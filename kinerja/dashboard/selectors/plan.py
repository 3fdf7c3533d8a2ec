"""What every view of a plan reads: its indicators, IKI page rows and measurements, and its figures for a period."""

from dataclasses import dataclass

from kinerja.performance.figures import PlanFigures, figures_from, plan_indicators, plan_rows
from kinerja.performance.selectors import Measurement, PlanMeasurement, get_plan_measurements
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan


@dataclass
class PlanData:
    """A plan's indicators, IKI page rows and every indicator's measurements over the plan's years
    (4 queries)."""

    plan: StrategicPlan
    indicators: list[Indicator]
    rows: list[PageIndicator]
    measurements: dict[int, PlanMeasurement]

    def measurement(self, indicator_id: int, year: int) -> Measurement:
        return self.measurements[indicator_id].year(year)

    @property
    def example(self) -> bool:
        return any(m.has_example_data for pm in self.measurements.values() for m in pm.years.values())


def get_plan_data(plan: StrategicPlan) -> PlanData:
    indicators, rows = plan_indicators(plan), plan_rows(plan)
    by_id = {indicator.pk: indicator for indicator in indicators}
    for row in rows:  # the row's indicator is one already read: no query per row
        row.indicator = by_id[row.indicator_id]
    return PlanData(plan, indicators, rows, get_plan_measurements(indicators, plan, plan.last_year))


def plan_figures(data: PlanData, year: int, quarter: int) -> PlanFigures:
    """The plan's figures for the period (performance.figures: the one definition of every roll-up)."""
    return figures_from(
        data.plan,
        year,
        quarter,
        data.indicators,
        data.rows,
        {indicator.pk: data.measurement(indicator.pk, year) for indicator in data.indicators},
    )
