"""The province view: every regency and city of a province with its mean achievement and completeness, read
from the roll-ups only (4 queries, however many regencies and agencies)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.utils.text import slugify

from kinerja.organisation.models import Region
from kinerja.performance import achievement
from kinerja.performance.models import AchievementRollup
from kinerja.performance.rollups import read as rollups


@dataclass
class RegionLine:
    region: Region
    agencies: int
    rollup: achievement.Rollup
    completeness: Decimal | None  # share of the IKI page indicators of its agencies with a verified actual


@dataclass
class ProvinceView:
    name: str
    year: int
    quarter: int
    lines: list[RegionLine]
    fresh_at: datetime.datetime | None


def province_slug(name: str) -> str:
    return slugify(name)


def regions_of_province(slug: str) -> list[Region]:
    """The regencies and cities whose province is `slug` (by its slug), with their number of agencies (1 query:
    the regions are a few hundred rows at the country)."""
    regions = Region.objects.exclude(province="").annotate(agency_count=Count("agencies")).order_by("name")
    return [region for region in regions if province_slug(region.province) == slug]


def province_years(regions: list[Region]) -> list[int]:
    """The years the regions' roll-ups hold (1 query)."""
    years = AchievementRollup.objects.filter(level=rollups.Level.REGION, key__in=[region.pk for region in regions])
    return sorted(set(years.values_list("year", flat=True)))


def get_province_view(name: str, regions: list[Region], year: int, quarter: int) -> ProvinceView:
    """Each region's roll-up for `year` s.d. `quarter` (3 queries: the rows and their freshness)."""
    stored = rollups.rollups_of(rollups.Level.REGION, [region.pk for region in regions], year, quarter)
    lines = []
    for region in regions:
        figures = stored.get(region.pk) or rollups.empty()
        share = Decimal(figures.done) * 100 / figures.placed if figures.placed else None
        lines.append(RegionLine(region, region.agency_count, figures.rollup, share))
    return ProvinceView(name, year, quarter, lines, rollups.freshness([region.pk for region in regions]))
