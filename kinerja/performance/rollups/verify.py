"""Recompute roll-ups and compare them with what is stored (`manage.py rollups_verify`).

The (plan, year) pairs of the stored indicator rows — every one, or a random sample — are computed again with
`compute.plan_rollups` and the regions with `compute.region_rollups`; a stored row that differs, one that is
missing and one that should not be there are reported. Keys still dirty are skipped (they are known stale: the
worker has not run yet) and counted apart.
"""

import random
from dataclasses import dataclass

from kinerja.strategy.models import Indicator, StrategicPlan

from ..models import AchievementRollup, RollupDirty, SharedIndicatorRollup
from .compute import Figures, Key, Level, latest_plans, plan_rollups, region_rollups, shared_rollups


@dataclass(frozen=True)
class Difference:
    key: Key
    stored: Figures | None
    computed: Figures | None

    def __str__(self) -> str:
        level, pk, year, quarter, only = self.key
        variant = "verified" if only else "all"
        return f"{level} {pk} {year} Q{quarter} {variant}: stored {self.stored}, computed {self.computed}"


@dataclass
class Report:
    checked: int
    pending: int
    differences: list[Difference]


def _stored(level: str, keys: set[int], year: int) -> dict[Key, Figures]:
    rows = AchievementRollup.objects.filter(level=level, key__in=keys, year=year)
    return {(row.level, row.key, row.year, row.quarter, row.verified_only): Figures.stored(row) for row in rows}


# an indicator without a row reads as no figure ("—"): the worker writes the rows of the indicators marked, and an
# indicator with no target nor actual in a year is never marked
NO_FIGURE = Figures(None, 0, 1, 0)


def _compared(computed: dict[Key, Figures], stored: dict[Key, Figures]) -> list[Difference]:
    differences = []
    for key in sorted(set(computed) | set(stored), key=str):
        absent = NO_FIGURE if key[0] == Level.INDICATOR else None
        if stored.get(key, absent) != computed.get(key):
            differences.append(Difference(key, stored.get(key), computed.get(key)))
    return differences


def _shared_compared(region_id: int, year: int) -> list[Difference]:
    """The region's shared names of the year as stored and as computed again (key: level "shared", region)."""
    computed = shared_rollups(region_id, year)
    rows = SharedIndicatorRollup.objects.filter(region_id=region_id, year=year)
    stored = {(row.key, row.quarter, row.verified_only): (row.name, row.members) for row in rows}
    return [
        Difference(("shared " + key[0], region_id, year, key[1], key[2]), stored.get(key), computed.get(key))  # type: ignore[arg-type]
        for key in sorted(set(stored) | set(computed))
        if stored.get(key) != computed.get(key)
    ]


def verify(*, sample: int | None = None, seed: int | None = None) -> Report:
    """Every stored (plan, year) or `sample` of them, with their agencies' and regions' rows."""
    dirty = set(RollupDirty.objects.values_list("indicator__plan_id", "year"))
    stored_keys = AchievementRollup.objects.filter(level=Level.INDICATOR).values_list("key", "year").distinct()
    plan_of = dict(Indicator.objects.values_list("pk", "plan_id"))
    pairs = sorted({(plan_of[pk], year) for pk, year in stored_keys if pk in plan_of})
    pending = sum(pair in dirty for pair in pairs)
    pairs = [pair for pair in pairs if pair not in dirty]
    if sample is not None and sample < len(pairs):
        pairs = sorted(random.Random(seed).sample(pairs, sample))  # noqa: S311 — a sample, not a secret
    plans = StrategicPlan.objects.in_bulk({plan_id for plan_id, _ in pairs})
    current = latest_plans({plan.agency_id for plan in plans.values()})
    differences: list[Difference] = []
    regions: set[tuple[int, int]] = set()
    for plan_id, year in pairs:
        plan = plans[plan_id]
        is_current = current.get(plan.agency_id) == plan
        computed = plan_rollups(plan, year, above_indicators=is_current)
        ids = {level: {key[1] for key in computed if key[0] == level} for level in Level.values}
        stored: dict[Key, Figures] = {}
        stored.update(_stored(Level.INDICATOR, set(plan.indicators.values_list("pk", flat=True)), year))
        for level in (Level.POSITION, Level.UNIT, Level.AGENCY) if is_current else ():
            stored.update(_stored(level, ids[level], year))
        differences += _compared(computed, stored)
        if is_current:
            regions.add((plan.agency.region_id, year))
    for region_id, year in sorted(regions):
        differences += _compared(region_rollups(region_id, year), _stored(Level.REGION, {region_id}, year))
        differences += _shared_compared(region_id, year)
    return Report(len(pairs), pending, differences)
