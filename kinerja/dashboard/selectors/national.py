"""The national view, for the ministry: every province with its number of regencies and cities and of agencies,
its mean achievement and completeness, read from the region roll-ups only (docs/scale.md §4) — 5 queries, however
many provinces, regencies and agencies.

A province is what the province view calls one: the regions whose `province` has that slug (`province_slug`);
a region without a province is in none. A province's figures are its regions' stored rows put together by the
pages' own roll-up function (`achievement.rollup_figures`, with the roll-up cap): each region gives back its
counted indicators at its mean (its verified ones as verified) and its missing ones as missing, so the mean is
that of every counted indicator of the province, never a mean of means nor a second formula. Completeness is the
province view's: verified ÷ placed indicators of the IKI pages, summed over its regions."""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, repeat

from django.db.models import Count

from kinerja.organisation.models import Region
from kinerja.performance import achievement
from kinerja.performance.rollups import read as rollups
from kinerja.performance.selectors import kept, rollup_cap

from .province import province_slug, province_years


@dataclass
class ProvinceLine:
    name: str
    slug: str
    regions: int  # regencies and cities
    agencies: int
    rollup: achievement.Rollup
    completeness: Decimal | None  # share of the IKI page indicators of its agencies with a verified actual


@dataclass
class NationalView:
    year: int
    quarter: int
    lines: list[ProvinceLine]
    fresh_at: datetime.datetime | None


def regions_by_province() -> dict[str, list[Region]]:
    """Every region with a province, with its number of agencies, grouped by the province's slug in the order of
    the provinces' names (1 query: a few hundred regions at the country)."""
    regions = Region.objects.exclude(province="").annotate(agency_count=Count("agencies")).order_by("province", "name")
    grouped: dict[str, list[Region]] = {}
    for region in regions:
        grouped.setdefault(province_slug(region.province), []).append(region)
    return grouped


def _pairs(figures: rollups.Figures) -> Iterator[tuple[Decimal | None, bool]]:
    """A region's row as the (achievement, verified) pairs of its indicators: its counted ones at its mean."""
    return chain(
        repeat((figures.mean, True), figures.verified),
        repeat((figures.mean, False), figures.counted - figures.verified),
        repeat((None, False), figures.missing),
    )


def province_figures(rows: Iterable[rollups.Figures]) -> rollups.Figures:
    """The figures of a province from its regions' rows, by `achievement.rollup_figures` (see the module)."""
    rows = list(rows)
    rollup = achievement.rollup_figures(chain.from_iterable(_pairs(row) for row in rows), cap=rollup_cap())
    placed, done = sum(row.placed for row in rows), sum(row.done for row in rows)
    return rollups.Figures(kept(rollup.mean), rollup.counted, rollup.missing, rollup.verified, rollup.cap, placed, done)


def national_years(grouped: dict[str, list[Region]]) -> list[int]:
    """The years the regions' roll-ups hold (1 query)."""
    return province_years([region for regions in grouped.values() for region in regions])


def get_national_view(grouped: dict[str, list[Region]], year: int, quarter: int) -> NationalView:
    """Each province's figures for `year` s.d. `quarter` (3 queries: the region rows and their freshness)."""
    region_ids = [region.pk for regions in grouped.values() for region in regions]
    stored = rollups.rollups_of(rollups.Level.REGION, region_ids, year, quarter)
    lines = []
    for slug, regions in grouped.items():
        figures = province_figures(stored.get(region.pk) or rollups.empty() for region in regions)
        share = Decimal(figures.done) * 100 / figures.placed if figures.placed else None
        agencies = sum(region.agency_count for region in regions)
        lines.append(ProvinceLine(regions[0].province, slug, len(regions), agencies, figures.rollup, share))
    return NationalView(year, quarter, lines, rollups.freshness(region_ids))
