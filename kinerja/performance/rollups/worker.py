"""The roll-up worker: takes dirty keys, recomputes them and their ancestors, deletes the keys — one transaction
per batch, so a crash leaves the keys dirty and the next run computes them again (idempotent: the rows are
upserted, the same figures give the same rows).

Concurrency (PostgreSQL): the keys are taken with SELECT … FOR UPDATE SKIP LOCKED, so two workers never take the
same key; each locks the agencies, then the regions, of its keys (in pk order) before it reads their figures, so
that of two workers touching one agency the second reads after the first committed, and the last to write an
agency's or a region's row has read every figure committed before it. The lock is FOR NO KEY UPDATE: it orders the
workers among themselves but not the writers, whose rows name the agency and region (the region keys): inserting
one takes FOR KEY SHARE on them, which FOR UPDATE would block — a writer waiting on the worker's agency while the
worker waits on the writer's outbox row was a deadlock.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from kinerja.organisation.models import Agency, Region
from kinerja.strategy.models import Indicator, StrategicPlan

from ..models import AchievementRollup, Actual, RollupDirty, SharedIndicatorRollup, Target
from .compute import (
    FIGURE_FIELDS,
    Figures,
    Key,
    Level,
    Shared,
    latest_plans,
    plan_rollups,
    region_rollups,
    shared_rollups,
)
from .outbox import insert_marks

LEVEL_ORDER = {level: rank for rank, level in enumerate(Level.values)}
BATCH = 200  # keys per transaction: short transactions while people write
BATCH_ALL = 5000  # after `--all`: whole plans and regions at once


def store(rows: dict[Key, Figures]) -> None:
    """Upsert the rows, in the order of their keys (every worker locks rows in the same order)."""
    now = timezone.now()
    ordered = sorted(rows.items(), key=lambda item: (LEVEL_ORDER[item[0][0]], *item[0][1:]))
    AchievementRollup.objects.bulk_create(
        [
            AchievementRollup(
                level=level,
                key=key,
                year=year,
                quarter=quarter,
                verified_only=only,
                computed_at=now,
                **{name: getattr(figures, name) for name in FIGURE_FIELDS},
            )
            for (level, key, year, quarter, only), figures in ordered
        ],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["level", "key", "year", "quarter", "verified_only"],
        update_fields=[*FIGURE_FIELDS, "computed_at"],
    )


def store_shared(region_id: int, year: int, shared: Shared) -> None:
    """The region's shared names of the year, replaced whole (a name no longer shared goes)."""
    SharedIndicatorRollup.objects.filter(region_id=region_id, year=year).delete()
    now = timezone.now()
    SharedIndicatorRollup.objects.bulk_create(
        [
            SharedIndicatorRollup(
                region_id=region_id,
                year=year,
                quarter=quarter,
                verified_only=only,
                key=key,
                name=name,
                members=members,
                computed_at=now,
            )
            for (key, quarter, only), (name, members) in sorted(shared.items())
        ],
        batch_size=500,
    )


def recomputed(keys: Iterable[tuple[int, int]]) -> tuple[dict[Key, Figures], set[tuple[int, int]]]:
    """The rows of the dirty (indicator, year) keys and of their ancestors (position, unit, agency; not the
    region), and the (region, year) pairs to compute next. The agencies are locked first."""
    keys = set(keys)
    where = Indicator.objects.filter(pk__in={pk for pk, _ in keys}).values_list(
        "pk", "plan_id", "plan__agency_id", "plan__agency__region_id"
    )
    plan_of = {pk: (plan, agency, region) for pk, plan, agency, region in where}
    agency_ids = sorted({agency for _, agency, _ in plan_of.values()})
    list(Agency.objects.select_for_update(no_key=True).filter(pk__in=agency_ids).order_by("pk").values_list("pk"))
    current = latest_plans(agency_ids)
    by_plan: dict[tuple[int, int], set[int]] = defaultdict(set)
    for pk, year in keys:
        if pk in plan_of:  # an indicator deleted since: nothing of it to compute
            by_plan[(plan_of[pk][0], year)].add(pk)
    plans = {plan.pk: plan for plan in current.values()}
    missing = {plan_id for plan_id, _ in by_plan} - set(plans)
    plans.update({plan.pk: plan for plan in StrategicPlan.objects.filter(pk__in=missing)})
    rows: dict[Key, Figures] = {}
    regions: set[tuple[int, int]] = set()
    for (plan_id, year), dirty in sorted(by_plan.items()):
        plan = plans[plan_id]
        is_current = current.get(plan.agency_id) == plan
        computed = plan_rollups(plan, year, above_indicators=is_current)
        # the dirty indicators and every level above them (a position, unit or agency row holds its whole group)
        rows.update({key: figures for key, figures in computed.items() if key[0] != Level.INDICATOR or key[1] in dirty})
        if is_current:
            regions.add((plan_of[next(iter(dirty))][2], year))
    return rows, regions


@transaction.atomic
def work_batch(limit: int = BATCH) -> int:
    """One batch of dirty keys, recomputed and deleted in one transaction; how many keys were taken."""
    # by year and plan: a batch recomputes few plans and regions (a plan's keys together, not spread over batches);
    # only the outbox's rows are locked (`of`), not the indicators joined to order them
    taken = list(
        RollupDirty.objects.select_for_update(skip_locked=True, of=("self",))
        .order_by("year", "indicator__plan_id", "pk")
        .values_list("pk", "indicator_id", "year")[:limit]
    )
    if not taken:
        return 0
    rows, regions = recomputed((indicator, year) for _, indicator, year in taken)
    store(rows)
    regions_of_batch = Region.objects.select_for_update(no_key=True).filter(pk__in={pk for pk, _ in regions})
    list(regions_of_batch.order_by("pk").values_list("pk"))
    region_rows: dict[Key, Figures] = {}
    for region_id, year in sorted(regions):
        region_rows.update(region_rollups(region_id, year))
        store_shared(region_id, year, shared_rollups(region_id, year))
    store(region_rows)
    RollupDirty.objects.filter(pk__in=[pk for pk, _, _ in taken]).delete()
    return len(taken)


def work(limit: int = BATCH) -> int:
    """Every dirty key, a batch at a time, until none is left; how many keys were recomputed."""
    total = 0
    while taken := work_batch(limit):
        total += taken
    return total


def mark_everything() -> int:
    """Mark every (indicator, year) that has a yearly or quarterly target or an actual (the first filling, or a
    repair after `rollups_verify`); how many keys."""
    keys = set(Actual.objects.order_by().values_list("indicator_id", "year").distinct())
    keys |= set(
        Target.objects.filter(kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER])
        .order_by()
        .values_list("indicator_id", "year")
        .distinct()
    )
    return insert_marks(keys)
