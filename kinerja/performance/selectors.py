"""Targets and actuals of many indicators for a year, in two queries, with everything computed."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.conf import settings
from django.db.models import CharField, Q, Value

from kinerja.core.periods import QUARTERS, default_year
from kinerja.strategy.models import Indicator, StrategicPlan

from . import achievement
from .models import Actual, Target

# Every achievement and roll-up is kept to 4 decimals, rounded half-up: the precision the API gives. A page prints
# it to 2 decimals from that value, so the API's figure rounded as the page rounds is the page's (never a
# double rounding that differs: 71.78499… is 71.7850 in the API and must be 71,79 on the page too).
FIGURE_PLACES = Decimal("0.0001")


def kept(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(FIGURE_PLACES, rounding=ROUND_HALF_UP)


@dataclass
class Measurement:
    """One indicator in one year: targets, the four quarters' actuals and what follows from them.

    `quarter` is the period the measurement is read for (s.d. triwulan N; 4 is the year): the `period_*`
    properties give the figures every page, document and the API show for it (docs/measurement.md)."""

    indicator: Indicator
    year: int
    target: Target | None = None
    quarter_targets: dict[int, Target] = field(default_factory=dict)
    actuals: dict[int, Actual] = field(default_factory=dict)
    quarter: int = 4

    def at(self, quarter: int) -> "Measurement":
        """The same measurement read up to `quarter` (shares its targets and actuals)."""
        return self if quarter == self.quarter else replace(self, quarter=quarter)

    def actual_up_to(self, quarter: int = 4) -> Decimal | None:
        """The actual of quarters 1..quarter (s.d. triwulan N) by the indicator's quarter rule."""
        indicator = self.indicator
        rows = [self.actuals.get(q) for q in QUARTERS]
        if indicator.formula == Indicator.Formula.RATIO:
            return achievement.combine_ratio_quarters(
                [row.numerator if row else None for row in rows],
                [row.denominator if row else None for row in rows],
                indicator.quarter_rule,
                indicator.effective_factor,
                up_to=quarter,
            )
        return achievement.combine_quarters(
            [row.value if row else None for row in rows], indicator.quarter_rule, up_to=quarter
        )

    def _quarter_target(self, quarter: int) -> Decimal | None:
        values = [self.quarter_targets[q].value if q in self.quarter_targets else None for q in QUARTERS]
        return achievement.combine_quarters(values, self.indicator.quarter_rule, up_to=quarter)

    def uses_year_target(self, quarter: int = 4) -> bool:
        """Whether the figure up to `quarter` is compared with the year's target: always for the year (when it
        has one), and for quarters 1..N without any quarterly target (docs/measurement.md, "the quarter rule")."""
        if self.target is None or self.target.value is None:
            return False
        return quarter == 4 or self._quarter_target(quarter) is None

    def target_up_to(self, quarter: int = 4) -> Decimal | None:
        """The target the figure up to `quarter` is compared with: the quarterly targets of quarters 1..N by the
        quarter rule, or the year's target when none of them is set (and for quarter 4)."""
        if self.uses_year_target(quarter):
            return self.target.value
        return self._quarter_target(quarter)

    def verified_up_to(self, quarter: int = 4) -> bool:
        """Every actual entered for quarters 1..N is verified (and there is at least one)."""
        entered = [self.actuals[q] for q in QUARTERS if q <= quarter and q in self.actuals]
        return bool(entered) and all(actual.status == Actual.Status.VERIFIED for actual in entered)

    @property
    def year_actual(self) -> Decimal | None:
        return self.actual_up_to(4)

    def achievement_up_to(self, quarter: int = 4) -> Decimal | None:
        """The achievement of quarters 1..N, kept to FIGURE_PLACES (what the API gives; pages print 2 places)."""
        target = self.target_up_to(quarter)
        upper = self.target.value_upper if self.uses_year_target(quarter) else None
        return kept(
            achievement.achievement(target, self.actual_up_to(quarter), self.indicator.polarity, target_upper=upper)
        )

    @property
    def year_achievement(self) -> Decimal | None:
        return self.achievement_up_to(4)

    # the figures of the period the measurement is read for (`quarter`)
    @property
    def period_target(self) -> Decimal | None:
        return self.target_up_to(self.quarter)

    @property
    def period_target_upper(self) -> Decimal | None:
        return self.target.value_upper if self.uses_year_target(self.quarter) else None

    @property
    def period_uses_year_target(self) -> bool:
        return self.quarter < 4 and self.uses_year_target(self.quarter)

    @property
    def period_actual(self) -> Decimal | None:
        return self.actual_up_to(self.quarter)

    @property
    def period_achievement(self) -> Decimal | None:
        return self.achievement_up_to(self.quarter)

    @property
    def period_verified(self) -> bool:
        return self.verified_up_to(self.quarter)

    @property
    def category(self) -> str | None:
        return achievement.category(self.year_achievement)

    @property
    def quarters(self) -> list[Actual | None]:
        return [self.actuals.get(q) for q in QUARTERS]

    @property
    def has_example_data(self) -> bool:
        return bool(
            (self.target and self.target.is_example) or any(actual.is_example for actual in self.actuals.values())
        )


def _year_targets(indicator_ids: Iterable[int], year: int):
    # .order_by(): the rows go into dicts; the models' default ordering would join indicator, plan and agency
    # (to sort by the agency's name) for nothing, a join whose cost grows with the region (bench/README.md)
    return Target.objects.filter(indicator__in=indicator_ids, year=year, kind__in=["year", "quarter"]).order_by()


def _year_actuals(indicator_ids: Iterable[int], year: int, *, verified_only: bool = False):
    actuals = Actual.objects.filter(indicator__in=indicator_ids, year=year).order_by()
    return actuals.filter(status=Actual.Status.VERIFIED) if verified_only else actuals


def _placed(
    by_id: dict[int, Measurement], targets: Iterable[tuple], actuals: Iterable[tuple]
) -> dict[int, Measurement]:
    """Put (indicator id, kind, quarter, target) and (indicator id, quarter, actual) into their measurements."""
    for indicator_id, kind, quarter, target in targets:
        if kind == Target.Kind.YEAR:
            by_id[indicator_id].target = target
        else:
            by_id[indicator_id].quarter_targets[quarter] = target
    for indicator_id, quarter, actual in actuals:
        by_id[indicator_id].actuals[quarter] = actual
    return by_id


def get_measurements(
    indicators: Iterable[Indicator], year: int, *, verified_only: bool = False, quarter: int = 4, evidence: bool = True
) -> dict[int, Measurement]:
    """Measurements of `indicators` for `year` up to `quarter`, keyed by indicator id (2 queries, and 1 for the
    actuals' evidence unless `evidence` is False); with `verified_only` an actual counts only once its superior
    verified it."""
    by_id = {indicator.pk: Measurement(indicator, year, quarter=quarter) for indicator in indicators}
    if not by_id:
        return by_id
    targets = _year_targets(by_id, year)
    actuals = _year_actuals(by_id, year, verified_only=verified_only)
    if evidence:
        actuals = actuals.prefetch_related("evidence")
    return _placed(
        by_id,
        ((target.indicator_id, target.kind, target.quarter, target) for target in targets),
        ((actual.indicator_id, actual.quarter, actual) for actual in actuals),
    )


class TargetFigures(NamedTuple):
    """The figures of a Target that a Measurement reads (same attribute names), without a model instance."""

    value: Decimal | None
    value_upper: Decimal | None
    is_example: bool


class ActualFigures(NamedTuple):
    """The figures of an Actual that a Measurement reads (same attribute names), without a model instance."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str
    is_example: bool


def get_measurement_figures(indicators: Iterable[Indicator], year: int, *, quarter: int = 4) -> dict[int, Measurement]:
    """The same Measurements as `get_measurements` (same rules, same figures) for read-only roll-ups over
    many indicators: targets and actuals are read with `values_list()` into TargetFigures / ActualFigures
    instead of model instances, and evidence is not read (2 queries). A measurement's `target` and
    `actuals` therefore have no pk, no evidence and cannot be saved or linked."""
    by_id = {indicator.pk: Measurement(indicator, year, quarter=quarter) for indicator in indicators}
    if not by_id:
        return by_id
    targets = _year_targets(by_id, year).values_list(
        "indicator_id", "kind", "quarter", "value", "value_upper", "is_example"
    )
    actuals = _year_actuals(by_id, year).values_list(
        "indicator_id", "quarter", "value", "numerator", "denominator", "status", "is_example"
    )
    return _placed(
        by_id,
        ((indicator_id, kind, quarter, TargetFigures(*figures)) for indicator_id, kind, quarter, *figures in targets),
        ((indicator_id, quarter, ActualFigures(*figures)) for indicator_id, quarter, *figures in actuals),
    )


def rollup_cap() -> Decimal | None:
    """KINERJA_ROLLUP_CAP: the most an indicator's achievement counts for in a roll-up (None: no cap)."""
    cap = getattr(settings, "KINERJA_ROLLUP_CAP", None)
    return None if cap in (None, "") else Decimal(str(cap))


def rollup_of(measurements: Iterable[Measurement]) -> achievement.Rollup:
    """THE roll-up of every level (objective, position, unit, agency, region): the mean of the measurements'
    achievements for the period each is read for, capped by KINERJA_ROLLUP_CAP, those without an achievement
    left out and counted as missing (docs/measurement.md). A measurement passed twice counts twice (an
    indicator printed on two pages of a unit counts once per page)."""
    result = achievement.rollup_figures(
        ((m.period_achievement, m.period_verified) for m in measurements), cap=rollup_cap()
    )
    return replace(result, mean=kept(result.mean))


def group_rollups(pairs: Iterable[tuple[object, Measurement]]) -> dict[object, achievement.Rollup]:
    """`rollup_of` per key of (key, measurement) pairs, keys in their first order."""
    groups: dict[object, list[Measurement]] = {}
    for key, measurement in pairs:
        groups.setdefault(key, []).append(measurement)
    return {key: rollup_of(items) for key, items in groups.items()}


@dataclass
class PlanMeasurement:
    """One indicator over the years of its strategic plan: each year's Measurement and the end-of-plan target.

    The arithmetic of adding up years lives in achievement.combine_years / combine_ratio_years."""

    indicator: Indicator
    first_year: int
    years: dict[int, Measurement] = field(default_factory=dict)
    end_target: Target | None = None
    baseline: Target | None = None

    def year(self, year: int) -> Measurement:
        if year not in self.years:
            self.years[year] = Measurement(self.indicator, year)
        return self.years[year]

    @property
    def end_value(self) -> Decimal | None:
        return self.end_target.value if self.end_target else None

    def actual_over(self, first: int, last: int, quarter: int = 4) -> Decimal | None:
        """The actual of years first..last, the last one up to `quarter`, by the indicator's rule."""
        rows = [
            [self.year(year).actuals.get(q) for q in QUARTERS if year < last or q <= quarter]
            for year in range(first, last + 1)
        ]
        indicator = self.indicator
        if indicator.formula == Indicator.Formula.RATIO:
            return achievement.combine_ratio_years(
                [[row.numerator if row else None for row in year] for year in rows],
                [[row.denominator if row else None for row in year] for year in rows],
                indicator.quarter_rule,
                indicator.effective_factor,
            )
        return achievement.combine_years(
            [[row.value if row else None for row in year] for year in rows], indicator.quarter_rule
        )

    def before(self, year: int) -> Decimal | None:
        """Realisasi Renstra up to last year: the plan's years before `year`."""
        return self.actual_over(self.first_year, year - 1)

    def to_date(self, year: int, quarter: int = 4) -> Decimal | None:
        """Realisasi Renstra to date: the plan's years up to `year`, that year up to `quarter`."""
        return self.actual_over(self.first_year, year, quarter)

    def progress(self, year: int, quarter: int = 4) -> Decimal | None:
        """Tingkat capaian Renstra (%): to date ÷ end-of-plan target × 100."""
        return achievement.plan_progress(self.to_date(year, quarter), self.end_value)

    def change_from_last_year(self, year: int) -> Decimal | None:
        return achievement.change(self.year(year - 1).year_actual, self.year(year).year_actual)


def get_plan_measurements(indicators: Iterable[Indicator], plan: object, up_to_year: int) -> dict[int, PlanMeasurement]:
    """Every indicator over its plan's years up to `up_to_year` (and the year before, for comparison), with
    the end-of-plan and baseline targets, keyed by indicator id (2 queries however many indicators)."""
    first_year = plan.first_year
    by_id = {indicator.pk: PlanMeasurement(indicator, first_year) for indicator in indicators}
    if not by_id:
        return by_id
    years = (min(first_year, up_to_year) - 1, up_to_year)
    targets = Target.objects.filter(indicator__in=by_id).filter(
        Q(kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER], year__range=years)
        | Q(kind__in=[Target.Kind.END, Target.Kind.BASELINE])
    )
    for target in targets.order_by("year", "quarter"):
        measurement = by_id[target.indicator_id]
        if target.kind == Target.Kind.END:
            measurement.end_target = target
        elif target.kind == Target.Kind.BASELINE:
            measurement.baseline = target
        elif target.kind == Target.Kind.YEAR:
            measurement.year(target.year).target = target
        else:
            measurement.year(target.year).quarter_targets[target.quarter] = target
    for actual in Actual.objects.filter(indicator__in=by_id, year__range=years).order_by():
        by_id[actual.indicator_id].year(actual.year).actuals[actual.quarter] = actual
    return by_id


def get_figure_years(plan: StrategicPlan) -> set[int]:
    """The years of the plan's figures: those with actuals, or, while none is entered, those with yearly or
    quarterly targets (one query)."""
    kinds = (Target.Kind.YEAR, Target.Kind.QUARTER)
    text = CharField()
    actuals = Actual.objects.filter(indicator__plan=plan).order_by().values_list("year", Value("a", output_field=text))
    targets = (
        Target.objects.filter(indicator__plan=plan, kind__in=kinds).order_by().values_list("year", Value("t", text))
    )
    rows = set(actuals.union(targets))
    return {year for year, source in rows if source == "a"} or {year for year, _ in rows}


def get_opening_year(plan: StrategicPlan, today: datetime.date | None = None) -> int:
    """The year every page of the plan opens on without `?tahun=` (core.periods.default_year over its figures)."""
    return default_year(plan, today, get_figure_years(plan))
