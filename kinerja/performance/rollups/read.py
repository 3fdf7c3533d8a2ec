"""What the views above the agency read of the roll-ups: a level's rows for a period (1 query) and how fresh they
are (2 queries). A key without a row (nothing computed yet, no plan) reads as no figure: "—"."""

import datetime
from collections.abc import Iterable

from django.db.models import Max, Min, QuerySet

from .. import achievement
from ..models import AchievementRollup, RollupDirty, SharedIndicatorRollup
from ..selectors import rollup_cap
from .compute import FIGURE_FIELDS, Figures, Level

__all__ = ["Figures", "Level", "empty", "freshness", "latest_year", "rollups_of", "shared_of"]


def empty() -> Figures:
    """No figure: what `rollup_of` gives for nothing measured (the mean "—", nothing counted)."""
    return Figures.of(achievement.Rollup(None, 0, 0, 0, rollup_cap()))


def rollups_of(
    level: str, keys: Iterable[int] | QuerySet, year: int, quarter: int, *, verified_only: bool = False
) -> dict[int, Figures]:
    """The stored figures of `keys` (pks, or a query of pks) at `level` for `year` s.d. `quarter` (1 query; values,
    not model instances: the regency view reads one row per indicator of the region)."""
    rows = AchievementRollup.objects.filter(
        level=level, key__in=keys, year=year, quarter=quarter, verified_only=verified_only
    ).values_list("key", *FIGURE_FIELDS)
    return {key: Figures(*figures) for key, *figures in rows}


def shared_of(region_id: int, year: int, quarter: int, *, verified_only: bool = False) -> list[tuple]:
    """(normalised name, name, members) of the names several agencies of the region share (1 query)."""
    rows = SharedIndicatorRollup.objects.filter(
        region_id=region_id, year=year, quarter=quarter, verified_only=verified_only
    ).values_list("key", "name", "members")
    return list(rows)


def freshness(region_ids: Iterable[int]) -> datetime.datetime | None:
    """Up to when the regions' roll-ups hold every write: the oldest write still waiting for the worker, or, when
    none waits, the last computation (2 queries). None: nothing computed yet."""
    region_ids = list(region_ids)
    waiting = RollupDirty.objects.filter(indicator__plan__agency__region_id__in=region_ids).aggregate(
        at=Min("first_marked_at")
    )["at"]
    if waiting is not None:
        return waiting
    return AchievementRollup.objects.filter(level=Level.REGION, key__in=region_ids).aggregate(at=Max("computed_at"))[
        "at"
    ]


def latest_year(region_ids: Iterable[int]) -> int | None:
    """The latest year with an achievement in the regions' roll-ups (1 query)."""
    return AchievementRollup.objects.filter(level=Level.REGION, key__in=list(region_ids), counted__gt=0).aggregate(
        year=Max("year")
    )["year"]
