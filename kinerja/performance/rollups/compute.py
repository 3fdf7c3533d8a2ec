"""The roll-up rows of a plan's year and of a region's year, computed by the pages' own functions.

A plan's rows come from `figures.figures_from` (the PlanFigures every agency page reads) for each quarter, all
actuals and verified ones only; a region's from the stored indicator rows of its agencies' current plans, through
`achievement.rollup_figures` with the roll-up cap — the function `selectors.rollup_of` is made of. Completeness
(`placed`, `done`) is the regency view's: the indicators on the IKI pages, and of them those whose actual of the
quarter is verified.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.periods import QUARTERS
from kinerja.core.text import normalise
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from .. import achievement, figures
from ..models import AchievementRollup, Actual
from ..selectors import Measurement, get_measurements, kept, rollup_cap

Level = AchievementRollup.Level
Key = tuple[str, int, int, int, bool]  # level, key, year, quarter, verified_only
# (normalised name, quarter, verified_only) → (name, [[agency id, indicator id, code, achievement text or None]])
Shared = dict[tuple[str, int, bool], tuple[str, list[list]]]
VARIANTS = (False, True)  # all actuals, verified actuals only
FIGURE_FIELDS = ("mean", "counted", "missing", "verified", "cap", "placed", "done")


@dataclass(frozen=True)
class Figures:
    mean: Decimal | None
    counted: int
    missing: int
    verified: int
    cap: Decimal | None = None
    placed: int = 0
    done: int = 0

    @classmethod
    def of(cls, rollup: achievement.Rollup, placed: int = 0, done: int = 0) -> "Figures":
        return cls(rollup.mean, rollup.counted, rollup.missing, rollup.verified, rollup.cap, placed, done)

    @classmethod
    def stored(cls, row: AchievementRollup) -> "Figures":
        return cls(*(getattr(row, name) for name in FIGURE_FIELDS))

    @property
    def rollup(self) -> achievement.Rollup:
        return achievement.Rollup(self.mean, self.counted, self.missing, self.verified, self.cap)


def latest_plans(agency_ids: Iterable[int]) -> dict[int, StrategicPlan]:
    """Each agency's current plan as the regency view reads it: the one that starts last (1 query)."""
    plans: dict[int, StrategicPlan] = {}
    for plan in StrategicPlan.objects.filter(agency_id__in=list(agency_ids)).order_by("agency_id", "-first_year"):
        plans.setdefault(plan.agency_id, plan)
    return plans


def _done(measurement: Measurement, quarter: int) -> bool:
    actual = measurement.actuals.get(quarter)
    return actual is not None and actual.status == Actual.Status.VERIFIED


def _completeness(indicator_ids: Iterable[int], measurements: dict[int, Measurement], quarter: int) -> dict:
    placed = set(indicator_ids)
    return {"placed": len(placed), "done": sum(_done(measurements[pk], quarter) for pk in placed)}


def plan_rollups(plan: StrategicPlan, year: int, *, above_indicators: bool = True) -> dict[Key, Figures]:
    """Every indicator of the plan, and (`above_indicators`: the agency's current plan) its positions, units and
    agency, for `year` up to each quarter, all actuals and verified only (6 queries)."""
    indicators, rows = figures.plan_indicators(plan), figures.plan_rows(plan)
    result: dict[Key, Figures] = {}
    for verified_only in VARIANTS:
        read = get_measurements(indicators, year, verified_only=verified_only, evidence=False)
        for quarter in QUARTERS:
            plan_figures = figures.figures_from(
                plan, year, quarter, indicators, rows, read, verified_only=verified_only
            )
            m = plan_figures.measurements
            for pk, measurement in m.items():
                value = measurement.period_achievement
                result[(Level.INDICATOR, pk, year, quarter, verified_only)] = Figures(
                    value,
                    int(value is not None),
                    int(value is None),
                    int(value is not None and measurement.period_verified),
                    done=int(_done(measurement, quarter)),
                )
            if not above_indicators:
                continue
            by_position, by_unit = defaultdict(list), defaultdict(list)
            for row in rows:
                by_position[row.position_id].append(row.indicator_id)
                by_unit[row.position.unit_id].append(row.indicator_id)
            for level, groups, rollup_of_key in (
                (Level.POSITION, by_position, plan_figures.position),
                (Level.UNIT, by_unit, plan_figures.unit),
            ):
                for pk, ids in groups.items():
                    result[(level, pk, year, quarter, verified_only)] = Figures.of(
                        rollup_of_key(pk), **_completeness(ids, m, quarter)
                    )
            result[(Level.AGENCY, plan.agency_id, year, quarter, verified_only)] = Figures.of(
                plan_figures.agency, **_completeness((row.indicator_id for row in rows), m, quarter)
            )
    return result


def region_plans(region_id: int) -> dict[int, StrategicPlan]:
    """The current plan of each agency of the region that has one (2 queries)."""
    agency_ids = StrategicPlan.objects.filter(agency__region_id=region_id).values_list("agency_id", flat=True)
    return latest_plans(agency_ids.distinct())


def shared_rollups(region_id: int, year: int) -> Shared:
    """The indicator names several agencies of the region carry on their current plans (compared by
    `core.text.normalise` with accents folded), each agency's first indicator of the name in plan order and its
    stored achievement, for each quarter and variant (4 queries)."""
    plans = region_plans(region_id)
    agency_of_plan = {plan.pk: agency_id for agency_id, plan in plans.items()}
    indicators = (
        Indicator.objects.filter(plan__in=plans.values())
        .order_by("plan_id", "order", "code")
        .values_list("pk", "plan_id", "code", "name")
    )
    groups: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
    names: dict[str, str] = {}
    for pk, plan_id, code, name in indicators:
        key = normalise(name, fold_accents=True)
        names.setdefault(key, name)
        groups[key].setdefault(agency_of_plan[plan_id], (pk, code))
    shared = {key: members for key, members in groups.items() if len(members) > 1}
    ids = [pk for members in shared.values() for pk, _ in members.values()]
    stored = AchievementRollup.objects.filter(level=Level.INDICATOR, year=year, key__in=ids).values_list(
        "key", "quarter", "verified_only", "mean"
    )
    value = {(key, quarter, only): None if mean is None else str(mean) for key, quarter, only, mean in stored}
    return {
        (key, quarter, only): (
            names[key],
            [[agency, pk, code, value.get((pk, quarter, only))] for agency, (pk, code) in members.items()],
        )
        for key, members in shared.items()
        for only in VARIANTS
        for quarter in QUARTERS
    }


def region_rollups(region_id: int, year: int) -> dict[Key, Figures]:
    """The region's roll-up for `year`: every IKI page row of its agencies' current plans, each with its
    indicator's stored achievement, through the pages' roll-up function (5 queries)."""
    plans = region_plans(region_id)
    page_rows = list(
        PageIndicator.objects.filter(objective__plan__in=plans.values()).values_list(
            "indicator_id", "position__agency_id"
        )
    )
    stored = AchievementRollup.objects.filter(
        level=Level.INDICATOR, year=year, key__in={pk for pk, _ in page_rows}
    ).values_list("key", "quarter", "verified_only", "mean", "verified")
    by_key = {(key, quarter, only): (mean, verified) for key, quarter, only, mean, verified in stored}
    agencies = AchievementRollup.objects.filter(level=Level.AGENCY, year=year, key__in=list(plans)).values_list(
        "quarter", "verified_only", "placed", "done"
    )
    counts: dict[tuple[int, bool], list[int]] = defaultdict(lambda: [0, 0])
    for quarter, only, placed, done in agencies:
        counts[(quarter, only)][0] += placed
        counts[(quarter, only)][1] += done
    result: dict[Key, Figures] = {}
    cap = rollup_cap()
    for verified_only in VARIANTS:
        for quarter in QUARTERS:
            pairs = [by_key.get((pk, quarter, verified_only), (None, 0)) for pk, _ in page_rows]
            rollup = achievement.rollup_figures(pairs, cap=cap)
            placed, done = counts[(quarter, verified_only)]
            result[(Level.REGION, region_id, year, quarter, verified_only)] = Figures(
                kept(rollup.mean), rollup.counted, rollup.missing, rollup.verified, rollup.cap, placed, done
            )
    return result
