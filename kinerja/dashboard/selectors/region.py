"""The regency view: every agency of the region with its mean achievement, completeness and SAKIP score, and
the indicators several agencies share, read from the roll-ups (9 queries, however many agencies and
indicators)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Prefetch

from kinerja.core.text import normalise
from kinerja.evaluation.selectors import final_scores
from kinerja.organisation.models import Agency, Region
from kinerja.performance import achievement
from kinerja.performance.rollups import read as rollups
from kinerja.performance.selectors import kept, rollup_cap
from kinerja.strategy.models import StrategicPlan


def normalised(name: str) -> str:
    """An indicator name compared across agencies: case, accents, punctuation and spacing ignored (the shared
    normaliser of kinerja.core.text, accents folded)."""
    return normalise(name, fold_accents=True)


@dataclass
class AgencyLine:
    agency: Agency
    plan: StrategicPlan | None
    rollup: achievement.Rollup
    completeness: Decimal | None  # share of the page indicators with a verified actual for the quarter
    sakip: tuple[Decimal, str] | None


class IndicatorName(NamedTuple):
    """What the comparison's links read of an indicator (from the roll-up of shared names, not a model instance)."""

    pk: int
    code: str


@dataclass
class SharedIndicator:
    """An indicator name (compared by `normalised`, the `key`) that several agencies' plans carry: each
    agency's indicator and achievement, and their mean and range for the list of the regency view."""

    name: str
    by_agency: dict[int, tuple[IndicatorName, Decimal | None]]
    key: str = ""

    @property
    def rollup(self) -> achievement.Rollup:
        result = achievement.rollup((value for _, value in self.by_agency.values()), cap=rollup_cap())
        return replace(result, mean=kept(result.mean))

    @property
    def lowest(self) -> Decimal | None:
        return min((value for _, value in self.by_agency.values() if value is not None), default=None)

    @property
    def highest(self) -> Decimal | None:
        return max((value for _, value in self.by_agency.values() if value is not None), default=None)


@dataclass
class RegionView:
    region: Region
    year: int
    quarter: int
    lines: list[AgencyLine]
    shared: list[SharedIndicator]
    fresh_at: datetime.datetime | None = None  # the roll-ups hold every write up to then ("data s.d. pukul …")


def sakip_scores(agency_ids: Iterable[int], year: int) -> dict[int, tuple[Decimal, str]]:
    """The SAKIP evaluation's final score and predicate of each agency for a year (one query)."""
    return final_scores(agency_ids=list(agency_ids), year=year)


def get_region_view(region: Region, year: int, quarter: int) -> RegionView:
    """Every agency of the region with its mean achievement and completeness for the period, and the
    indicators that several agencies share — read from the roll-ups the writes keep (performance.rollups: the
    figures of performance.figures, computed by the worker), never from the actuals (8 queries, however many
    agencies and indicators)."""
    agencies = list(
        region.agencies.order_by("name").prefetch_related(
            Prefetch("plans", StrategicPlan.objects.order_by("-first_year"), to_attr="plan_list")
        )
    )
    plans = {agency.pk: agency.plan_list[0] for agency in agencies if agency.plan_list}
    by_agency = rollups.rollups_of(rollups.Level.AGENCY, [agency.pk for agency in agencies], year, quarter)
    scores = sakip_scores([agency.pk for agency in agencies], year)
    lines = []
    for agency in agencies:
        figures = by_agency.get(agency.pk) or rollups.empty()  # no plan, or not computed yet: "—"
        share = Decimal(figures.done) * 100 / figures.placed if figures.placed else None
        lines.append(AgencyLine(agency, plans.get(agency.pk), figures.rollup, share, scores.get(agency.pk)))
    # the comparison of shared names, computed by the worker per region (one row per shared name, not per indicator)
    shared = [
        SharedIndicator(
            name,
            {
                agency_id: (IndicatorName(pk, code), None if value is None else Decimal(value))
                for agency_id, pk, code, value in members
            },
            key,
        )
        for key, name, members in rollups.shared_of(region.pk, year, quarter)
    ]
    shared.sort(key=lambda item: item.name.lower())
    return RegionView(region, year, quarter, lines, shared, rollups.freshness([region.pk]))
