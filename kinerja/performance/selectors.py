"""Targets and actuals of many indicators for a year, in two queries, with everything computed."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.strategy.models import Indicator, PageIndicator

from . import achievement
from .models import QUARTERS, Actual, Target


@dataclass
class Measurement:
    """One indicator in one year: targets, the four quarters' actuals and what follows from them."""

    indicator: Indicator
    year: int
    target: Target | None = None
    quarter_targets: dict[int, Target] = field(default_factory=dict)
    actuals: dict[int, Actual] = field(default_factory=dict)

    def actual_up_to(self, quarter: int = 4) -> Decimal | None:
        """The actual of quarters 1..quarter (s.d. triwulan N) by the indicator's quarter rule."""
        indicator = self.indicator
        rows = [self.actuals.get(q) for q in QUARTERS]
        if indicator.formula == Indicator.Formula.RATIO:
            return achievement.combine_ratio_quarters(
                [row.numerator if row else None for row in rows],
                [row.denominator if row else None for row in rows],
                indicator.quarter_rule, indicator.factor or achievement.HUNDRED, up_to=quarter,
            )
        return achievement.combine_quarters([row.value if row else None for row in rows], indicator.quarter_rule,
                                            up_to=quarter)

    def target_up_to(self, quarter: int = 4) -> Decimal | None:
        """The year's target for quarter 4 (else what its quarters make); quarters 1..N by the quarter rule."""
        if quarter == 4 and self.target is not None:
            return self.target.value
        values = [self.quarter_targets[q].value if q in self.quarter_targets else None for q in QUARTERS]
        return achievement.combine_quarters(values, self.indicator.quarter_rule, up_to=quarter)

    @property
    def year_actual(self) -> Decimal | None:
        return self.actual_up_to(4)

    def achievement_up_to(self, quarter: int = 4) -> Decimal | None:
        target = self.target_up_to(quarter)
        upper = self.target.value_upper if self.target and quarter == 4 else None
        return achievement.achievement(target, self.actual_up_to(quarter), self.indicator.polarity,
                                       target_upper=upper)

    @property
    def year_achievement(self) -> Decimal | None:
        return self.achievement_up_to(4)

    @property
    def category(self) -> str | None:
        return achievement.category(self.year_achievement)

    @property
    def quarters(self) -> list[Actual | None]:
        return [self.actuals.get(q) for q in QUARTERS]

    @property
    def has_example_data(self) -> bool:
        return bool(
            (self.target and self.target.is_example)
            or any(actual.is_example for actual in self.actuals.values())
        )


def get_measurements(indicators: Iterable[Indicator], year: int) -> dict[int, Measurement]:
    """Measurements of `indicators` for `year`, keyed by indicator id (2 queries)."""
    by_id = {indicator.pk: Measurement(indicator, year) for indicator in indicators}
    if not by_id:
        return by_id
    for target in Target.objects.filter(indicator__in=by_id, year=year, kind__in=["year", "quarter"]):
        measurement = by_id[target.indicator_id]
        if target.kind == Target.Kind.YEAR:
            measurement.target = target
        else:
            measurement.quarter_targets[target.quarter] = target
    for actual in Actual.objects.filter(indicator__in=by_id, year=year).prefetch_related("evidence"):
        by_id[actual.indicator_id].actuals[actual.quarter] = actual
    return by_id


def rollup_of(measurements: Iterable[Measurement]) -> achievement.Rollup:
    return achievement.rollup(measurement.year_achievement for measurement in measurements)


@dataclass
class UnitRollup:
    unit: object
    rollup: achievement.Rollup


@dataclass
class AgencyRollups:
    year: int
    agency: achievement.Rollup
    units: list[UnitRollup]
    example: bool


def get_agency_rollups(plan: object, year: int) -> AgencyRollups:
    """Achievement of every unit and of the agency for a year: the mean over the IKI page rows, an indicator
    printed on several pages counting once per page (4 queries)."""
    rows = list(
        PageIndicator.objects.filter(objective__plan=plan).select_related("indicator", "position__unit")
        .order_by("position__unit__order")
    )
    measurements = get_measurements({row.indicator_id: row.indicator for row in rows}.values(), year)
    by_unit: dict[int, tuple[object, list]] = {}
    for row in rows:
        unit = row.position.unit
        by_unit.setdefault(unit.pk, (unit, []))[1].append(measurements[row.indicator_id].year_achievement)
    return AgencyRollups(
        year,
        achievement.rollup(measurements[row.indicator_id].year_achievement for row in rows),
        [UnitRollup(unit, achievement.rollup(values)) for unit, values in by_unit.values()],
        any(m.has_example_data for m in measurements.values()),
    )
