"""The agency dashboard: the IKU with their trend, the roll-up per unit and position, how complete the quarter
is, and the IKI indicators at risk (6 queries, one pass)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.organisation.models import Position, Unit
from kinerja.performance import achievement
from kinerja.performance.figures import PlanFigures
from kinerja.performance.models import Actual
from kinerja.performance.selectors import Measurement, PlanMeasurement
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from .plan import get_plan_data, plan_figures


@dataclass
class IkuRow:
    indicator: Indicator
    measurement: Measurement  # read up to the chosen quarter
    state: str  # of the chosen quarter's actual: "" (empty), draft, submitted, verified
    trend: dict

    @property
    def target(self) -> Decimal | None:
        return self.measurement.period_target

    @property
    def actual(self) -> Decimal | None:
        return self.measurement.period_actual

    @property
    def achievement(self) -> Decimal | None:
        return self.measurement.period_achievement

    @property
    def category(self) -> str | None:
        return achievement.category(self.achievement)

    @property
    def at_risk(self) -> bool:
        return self.actual is None or self.category in (achievement.RENDAH, achievement.SANGAT_RENDAH)


@dataclass
class Group:
    """A unit or a position with the roll-up of its IKI page rows for the chosen period."""

    obj: Unit | Position
    rollup: achievement.Rollup


@dataclass
class Completeness:
    """How many indicators of a unit's or a position's pages have, for the chosen quarter, no actual, a draft,
    one waiting for verification, a verified one."""

    obj: Unit | Position
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    positions: list["Completeness"] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def verified_share(self) -> Decimal | None:
        return Decimal(self.counts["verified"]) * 100 / self.total if self.total else None


STATES = ("empty", Actual.Status.DRAFT.value, Actual.Status.SUBMITTED.value, Actual.Status.VERIFIED.value)


@dataclass
class RiskyRow:
    """An indicator of an IKI page (not an IKU) at risk for the period, with the first page that prints it."""

    row: PageIndicator
    achievement: Decimal | None


@dataclass
class Dashboard:
    plan: StrategicPlan
    year: int
    quarter: int
    iku: list[IkuRow]
    units: list[Group]
    positions: list[Group]
    completeness: list[Completeness]
    agency: achievement.Rollup
    example: bool
    risky_iki: list[RiskyRow] = field(default_factory=list)
    figures: PlanFigures | None = None

    @property
    def at_risk(self) -> list[IkuRow]:
        return [row for row in self.iku if row.at_risk]

    @property
    def totals(self) -> dict[str, int]:
        return {state: sum(unit.counts[state] for unit in self.completeness) for state in STATES}


def _state(measurement: Measurement, quarter: int) -> str:
    actual = measurement.actuals.get(quarter)
    return actual.status if actual is not None else "empty"


def _trend(pm: PlanMeasurement, years: Iterable[int]) -> dict:
    years = list(years)  # Decimals: json_script writes them as exact strings
    return {
        "years": [str(year) for year in years],
        "target": [pm.year(year).target_up_to(4) for year in years],
        "actual": [pm.year(year).year_actual for year in years],
        "unit": pm.indicator.unit,
    }


def get_dashboard(plan: StrategicPlan, year: int, quarter: int) -> Dashboard:
    """Everything the agency dashboard shows for a year, up to a quarter (6 queries, one pass). Every
    achievement and roll-up is read from performance.figures."""
    data = get_plan_data(plan)
    figures = plan_figures(data, year, quarter)
    iku = [
        IkuRow(
            indicator,
            figures.indicator(indicator.pk),
            _state(figures.indicator(indicator.pk), quarter),
            _trend(data.measurements[indicator.pk], plan.years),
        )
        for indicator in data.indicators
        if indicator.is_key
    ]
    # one pass over the page rows: states per unit and position, the IKI rows at risk
    units: dict[int, Unit] = {}
    positions: dict[int, Position] = {}
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)  # an indicator counts once per page and per unit
    completeness: dict[int, Completeness] = {}
    position_completeness: dict[int, Completeness] = {}
    risky: list[RiskyRow] = []
    for row in data.rows:
        position, unit = row.position, row.position.unit
        units.setdefault(unit.pk, unit)
        positions.setdefault(position.pk, position)
        measurement = figures.indicator(row.indicator_id)
        value = measurement.period_achievement
        state = _state(measurement, quarter)
        if (
            not row.indicator.is_key
            and row.indicator_id not in seen["risk", 0]
            and (value is None or achievement.category(value) in (achievement.RENDAH, achievement.SANGAT_RENDAH))
        ):
            seen["risk", 0].add(row.indicator_id)
            risky.append(RiskyRow(row, value))
        if unit.pk not in completeness:
            completeness[unit.pk] = Completeness(unit)
        if position.pk not in position_completeness:
            position_completeness[position.pk] = Completeness(position)
            completeness[unit.pk].positions.append(position_completeness[position.pk])
        if row.indicator_id not in seen["u", unit.pk]:
            seen["u", unit.pk].add(row.indicator_id)
            completeness[unit.pk].counts[state] += 1
        if row.indicator_id not in seen["p", position.pk]:
            seen["p", position.pk].add(row.indicator_id)
            position_completeness[position.pk].counts[state] += 1
    return Dashboard(
        plan,
        year,
        quarter,
        iku,
        [Group(unit, figures.unit(pk)) for pk, unit in units.items()],
        [Group(position, figures.position(pk)) for pk, position in positions.items()],
        list(completeness.values()),
        figures.agency,
        data.example,
        risky,
        figures,
    )
