"""The regency view: every agency of the region with its mean achievement, completeness and SAKIP score, and
the indicators several agencies share (7 queries, however many agencies and indicators)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Prefetch

from kinerja.core.text import normalise
from kinerja.evaluation.selectors import final_scores
from kinerja.organisation.models import Agency, Region
from kinerja.performance import achievement
from kinerja.performance.models import Actual
from kinerja.performance.selectors import Measurement, get_measurement_figures, kept, rollup_cap, rollup_of
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan


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


@dataclass
class SharedIndicator:
    """An indicator name (compared by `normalised`, the `key`) that several agencies' plans carry: each
    agency's indicator and achievement, and their mean and range for the list of the regency view."""

    name: str
    by_agency: dict[int, tuple[Indicator, Decimal | None]]
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


def sakip_scores(agency_ids: Iterable[int], year: int) -> dict[int, tuple[Decimal, str]]:
    """The SAKIP evaluation's final score and predicate of each agency for a year (one query)."""
    return final_scores(agency_ids=list(agency_ids), year=year)


def get_region_view(region: Region, year: int, quarter: int) -> RegionView:
    """Every agency of the region with its mean achievement and completeness for the period, and the
    indicators that several agencies share (7 queries, however many agencies and indicators)."""
    agencies = list(
        region.agencies.order_by("name").prefetch_related(
            Prefetch("plans", StrategicPlan.objects.order_by("-first_year"), to_attr="plan_list")
        )
    )
    plans = {agency.pk: agency.plan_list[0] for agency in agencies if agency.plan_list}
    # only what the measurement rules, the comparison and its links read (no per-row query: nothing else is used)
    indicators = list(
        Indicator.objects.filter(plan__in=plans.values())
        .order_by("plan_id", "order", "code")
        .only("plan_id", "code", "name", "formula", "polarity", "quarter_rule", "factor")
    )
    rows = list(
        PageIndicator.objects.filter(objective__plan__in=plans.values()).values_list(
            "indicator_id", "position__agency_id"
        )
    )
    # read-only roll-up of the region's thousands of indicators: figures, not model instances (same rules)
    measurements = get_measurement_figures(indicators, year, quarter=quarter)

    def value(indicator_id: int) -> Decimal | None:
        return measurements[indicator_id].period_achievement

    values: dict[int, list[Measurement]] = defaultdict(list)
    states: dict[int, dict[int, bool]] = defaultdict(dict)
    for indicator_id, agency_id in rows:
        values[agency_id].append(measurements[indicator_id])  # the agency's roll-up: every IKI page row
        actual = measurements[indicator_id].actuals.get(quarter)
        states[agency_id][indicator_id] = actual is not None and actual.status == Actual.Status.VERIFIED
    scores = sakip_scores([agency.pk for agency in agencies], year)
    lines = []
    for agency in agencies:
        done = states.get(agency.pk, {})
        share = Decimal(sum(done.values())) * 100 / len(done) if done else None
        lines.append(
            AgencyLine(
                agency,
                plans.get(agency.pk),
                rollup_of(values[agency.pk]),  # no plan: nothing measured, "—"
                share,
                scores.get(agency.pk),
            )
        )
    agency_of_plan = {plan.pk: agency_id for agency_id, plan in plans.items()}
    groups: dict[str, dict[int, tuple[Indicator, Decimal | None]]] = defaultdict(dict)
    names: dict[str, str] = {}
    for indicator in indicators:
        key = normalised(indicator.name)
        names.setdefault(key, indicator.name)
        groups[key].setdefault(agency_of_plan[indicator.plan_id], (indicator, value(indicator.pk)))
    shared = [SharedIndicator(names[key], by_agency, key) for key, by_agency in groups.items() if len(by_agency) > 1]
    shared.sort(key=lambda item: item.name.lower())
    return RegionView(region, year, quarter, lines, shared)
