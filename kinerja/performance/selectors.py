"""Targets and actuals of many indicators for a year, in two queries, with everything computed."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q

from kinerja.core.numbers import format_number
from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from . import achievement
from .models import QUARTERS, Actual, PeriodLock, Target
from .workflow import version_of


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


def _year_targets(indicator_ids: Iterable[int], year: int):
    # .order_by(): the rows go into dicts; the models' default ordering would join indicator, plan and agency
    # (to sort by the agency's name) for nothing, a join whose cost grows with the region (bench/README.md)
    return Target.objects.filter(indicator__in=indicator_ids, year=year, kind__in=["year", "quarter"]).order_by()


def _year_actuals(indicator_ids: Iterable[int], year: int, *, verified_only: bool = False):
    actuals = Actual.objects.filter(indicator__in=indicator_ids, year=year).order_by()
    return actuals.filter(status=Actual.Status.VERIFIED) if verified_only else actuals


def _placed(by_id: dict[int, Measurement], targets: Iterable[tuple], actuals: Iterable[tuple]
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


def get_measurements(indicators: Iterable[Indicator], year: int, *, verified_only: bool = False
                     ) -> dict[int, Measurement]:
    """Measurements of `indicators` for `year`, keyed by indicator id (2 queries); with `verified_only` an
    actual counts only once its superior verified it."""
    by_id = {indicator.pk: Measurement(indicator, year) for indicator in indicators}
    if not by_id:
        return by_id
    targets = _year_targets(by_id, year)
    actuals = _year_actuals(by_id, year, verified_only=verified_only).prefetch_related("evidence")
    return _placed(by_id, ((target.indicator_id, target.kind, target.quarter, target) for target in targets),
                   ((actual.indicator_id, actual.quarter, actual) for actual in actuals))


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


def get_measurement_figures(indicators: Iterable[Indicator], year: int) -> dict[int, Measurement]:
    """The same Measurements as `get_measurements` (same rules, same figures) for read-only roll-ups over
    many indicators: targets and actuals are read with `values_list()` into TargetFigures / ActualFigures
    instead of model instances, and evidence is not read (2 queries). A measurement's `target` and
    `actuals` therefore have no pk, no evidence and cannot be saved or linked."""
    by_id = {indicator.pk: Measurement(indicator, year) for indicator in indicators}
    if not by_id:
        return by_id
    targets = _year_targets(by_id, year).values_list(
        "indicator_id", "kind", "quarter", "value", "value_upper", "is_example")
    actuals = _year_actuals(by_id, year).values_list(
        "indicator_id", "quarter", "value", "numerator", "denominator", "status", "is_example")
    return _placed(by_id, ((indicator_id, kind, quarter, TargetFigures(*figures))
                           for indicator_id, kind, quarter, *figures in targets),
                   ((indicator_id, quarter, ActualFigures(*figures)) for indicator_id, quarter, *figures in actuals))


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
                indicator.quarter_rule, indicator.factor or achievement.HUNDRED,
            )
        return achievement.combine_years([[row.value if row else None for row in year] for year in rows],
                                         indicator.quarter_rule)

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


@dataclass
class ActualInContext:
    """An actual with what a verifier weighs it against: its indicator's measurement of that year (targets, the
    quarters' actuals and their achievement, by the same rules as every page) and its evidence."""

    actual: Actual
    measurement: Measurement

    @property
    def quarter_target(self) -> Target | None:
        return self.measurement.quarter_targets.get(self.actual.quarter)

    @property
    def version(self) -> str:
        """The version the page shows with the actual and its forms send back (a stale one is refused)."""
        return version_of(self.actual)

    @property
    def terms(self) -> tuple[str, str] | None:
        """A ratio's numerator and denominator as the official typed them, the Indonesian way ("117", "1.234,5")."""
        if self.actual.numerator is None and self.actual.denominator is None:
            return None
        return _as_typed(self.actual.numerator), _as_typed(self.actual.denominator)

    @property
    def achievement(self) -> Decimal | None:
        """The achievement up to the actual's quarter (s.d. triwulan N), as the IKI and entry pages compute it."""
        return self.measurement.achievement_up_to(self.actual.quarter)


def _as_typed(value: Decimal | None) -> str:
    text = format_number(value, 4)
    return text.rstrip("0").rstrip(",") if "," in text else text


def get_actuals_in_context(actuals: Iterable[Actual]) -> list[ActualInContext]:
    """Each of `actuals` with its year's measurement and evidence files, in the given order (3 queries however
    many actuals, indicators and years: targets, actuals, evidence). The actual handed back is the one read
    here, with its evidence prefetched."""
    actuals = list(actuals)
    if not actuals:
        return []
    indicators = {actual.indicator_id: actual.indicator for actual in actuals}
    years = {actual.year for actual in actuals}
    by_key = {(pk, year): Measurement(indicator, year) for pk, indicator in indicators.items() for year in years}
    targets = Target.objects.filter(indicator__in=indicators, year__in=years,
                                    kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER]).order_by()
    for target in targets:
        measurement = by_key[(target.indicator_id, target.year)]
        if target.kind == Target.Kind.YEAR:
            measurement.target = target
        else:
            measurement.quarter_targets[target.quarter] = target
    read = Actual.objects.filter(indicator__in=indicators, year__in=years).order_by().prefetch_related("evidence")
    for row in read.select_related("entered_by", "verified_by"):
        row.indicator = indicators[row.indicator_id]
        by_key[(row.indicator_id, row.year)].actuals[row.quarter] = row
    items = []
    for actual in actuals:
        measurement = by_key[(actual.indicator_id, actual.year)]
        items.append(ActualInContext(measurement.actuals.get(actual.quarter, actual), measurement))
    return items


def entry_prefix(indicator_code: str) -> str:
    """The prefix of an indicator's row on the entry page: its form fields' prefix and, after "row-", its anchor."""
    return indicator_code.replace(".", "_")


def get_entry_positions(indicator_ids: Iterable[int], positions: Iterable[int]) -> dict[int, PageIndicator]:
    """For each indicator, the first of `positions` whose IKI page prints it (its page row, with the position):
    where the official enters or fixes that indicator's actual (1 query)."""
    rows = (PageIndicator.objects.filter(indicator_id__in=list(indicator_ids), position_id__in=list(positions))
            .select_related("position").order_by("position__order", "position_id", "pk"))
    found: dict[int, PageIndicator] = {}
    for row in rows:
        found.setdefault(row.indicator_id, row)
    return found


@dataclass
class PositionQuarter:
    """One position an official holds, for the quarter of today: how far its IKI page is filled and what came
    back (the official's home page, "Realisasi saya")."""

    position: object
    year: int
    quarter: int
    total: int = 0
    empty: int = 0
    draft: int = 0
    submitted: int = 0
    verified: int = 0
    closed: bool = False
    returned: list[tuple[PageIndicator, Actual]] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return self.total - self.empty


def get_position_quarters(position_ids: Iterable[int], today: datetime.date | None = None) -> list[PositionQuarter]:
    """Each of the positions (those an official holds) with the state of its IKI page in the quarter of `today`,
    in the year of its agency's current plan nearest to today (5 queries however many positions and rows:
    positions, plans, page rows, actuals, period locks)."""
    today = today or datetime.date.today()
    quarter = (today.month - 1) // 3 + 1
    positions = list(Position.objects.filter(pk__in=list(position_ids)).select_related("agency")
                     .order_by("agency__name", "order"))
    if not positions:
        return []
    plans: dict[int, StrategicPlan] = {}
    for plan in StrategicPlan.objects.filter(agency__in={p.agency_id for p in positions}).order_by("-first_year"):
        plans.setdefault(plan.agency_id, plan)
    states = {}
    for position in positions:
        plan = plans.get(position.agency_id)
        year = min(max(today.year, plan.first_year), plan.last_year) if plan else today.year
        states[position.pk] = PositionQuarter(position, year, quarter)
    rows = list(PageIndicator.objects.filter(position_id__in=states, objective__plan__in=plans.values())
                .select_related("indicator").order_by("position_id", "objective__order", "order"))
    years = {state.year for state in states.values()}
    actuals = {(a.indicator_id, a.year): a for a in Actual.objects.filter(
        indicator__in={row.indicator_id for row in rows}, year__in=years, quarter=quarter).order_by()}
    locks = PeriodLock.objects.filter(agency__in={p.agency_id for p in positions}, year__in=years, quarter=quarter)
    closed = {(lock.agency_id, lock.year) for lock in locks if lock.is_closed_on(today)}
    for row in rows:
        state = states[row.position_id]
        state.total += 1
        actual = actuals.get((row.indicator_id, state.year))
        if actual is None:
            state.empty += 1
        elif actual.status == Actual.Status.SUBMITTED:
            state.submitted += 1
        elif actual.status == Actual.Status.VERIFIED:
            state.verified += 1
        elif actual.status_reason:
            state.returned.append((row, actual))
        else:
            state.draft += 1
    for state in states.values():
        state.closed = (state.position.agency_id, state.year) in closed
    return list(states.values())
