"""Reads of the dashboard, the performance tree, the regency view and the public page.

Every figure comes from kinerja.performance (selectors: Measurement / PlanMeasurement; achievement: the
rules, categories, roll-ups): nothing here computes an achievement a second way. Each read costs a fixed
number of queries, and every roll-up is made in one pass over the rows already read.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from kinerja.core.text import normalise
from kinerja.evaluation.selectors import final_scores
from kinerja.organisation.models import Agency, Position, Region, Unit
from kinerja.performance import achievement
from kinerja.performance.figures import PlanFigures, figures_from, plan_indicators, plan_rows
from kinerja.performance.models import Actual
from kinerja.performance.selectors import (
    Measurement,
    PlanMeasurement,
    get_measurement_figures,
    get_plan_measurements,
    kept,
    rollup_cap,
    rollup_of,
)
from kinerja.performance.templatetags.measurement import category_slug  # the CSS class of a category
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan

# -- what every view of a plan reads --------------------------------------------------------------------


@dataclass
class PlanData:
    """A plan's indicators, IKI page rows and every indicator's measurements over the plan's years
    (4 queries)."""

    plan: StrategicPlan
    indicators: list[Indicator]
    rows: list[PageIndicator]
    measurements: dict[int, PlanMeasurement]

    def measurement(self, indicator_id: int, year: int) -> Measurement:
        return self.measurements[indicator_id].year(year)

    @property
    def example(self) -> bool:
        return any(m.has_example_data for pm in self.measurements.values() for m in pm.years.values())


def get_plan_data(plan: StrategicPlan) -> PlanData:
    indicators, rows = plan_indicators(plan), plan_rows(plan)
    by_id = {indicator.pk: indicator for indicator in indicators}
    for row in rows:  # the row's indicator is one already read: no query per row
        row.indicator = by_id[row.indicator_id]
    return PlanData(plan, indicators, rows, get_plan_measurements(indicators, plan, plan.last_year))


def plan_figures(data: PlanData, year: int, quarter: int) -> PlanFigures:
    """The plan's figures for the period (performance.figures: the one definition of every roll-up)."""
    return figures_from(
        data.plan,
        year,
        quarter,
        data.indicators,
        data.rows,
        {indicator.pk: data.measurement(indicator.pk, year) for indicator in data.indicators},
    )


# -- the agency dashboard -------------------------------------------------------------------------------


@dataclass
class IkuRow:
    indicator: Indicator
    measurement: Measurement  # read up to the chosen quarter
    state: str  # of the chosen quarter's actual: "" (empty), draft, submitted, verified
    trend: dict

    @property
    def target(self) -> Decimal | None:
        return self.measurement.period_target

    @property
    def actual(self) -> Decimal | None:
        return self.measurement.period_actual

    @property
    def achievement(self) -> Decimal | None:
        return self.measurement.period_achievement

    @property
    def category(self) -> str | None:
        return achievement.category(self.achievement)

    @property
    def at_risk(self) -> bool:
        return self.actual is None or self.category in (achievement.RENDAH, achievement.SANGAT_RENDAH)


@dataclass
class Group:
    """A unit or a position with the roll-up of its IKI page rows for the chosen period."""

    obj: Unit | Position
    rollup: achievement.Rollup


@dataclass
class Completeness:
    """How many indicators of a unit's or a position's pages have, for the chosen quarter, no actual, a draft,
    one waiting for verification, a verified one."""

    obj: Unit | Position
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    positions: list["Completeness"] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def verified_share(self) -> Decimal | None:
        return Decimal(self.counts["verified"]) * 100 / self.total if self.total else None


STATES = ("empty", Actual.Status.DRAFT.value, Actual.Status.SUBMITTED.value, Actual.Status.VERIFIED.value)


@dataclass
class RiskyRow:
    """An indicator of an IKI page (not an IKU) at risk for the period, with the first page that prints it."""

    row: PageIndicator
    achievement: Decimal | None


@dataclass
class Dashboard:
    plan: StrategicPlan
    year: int
    quarter: int
    iku: list[IkuRow]
    units: list[Group]
    positions: list[Group]
    completeness: list[Completeness]
    agency: achievement.Rollup
    example: bool
    risky_iki: list[RiskyRow] = field(default_factory=list)
    figures: PlanFigures | None = None

    @property
    def at_risk(self) -> list[IkuRow]:
        return [row for row in self.iku if row.at_risk]

    @property
    def totals(self) -> dict[str, int]:
        return {state: sum(unit.counts[state] for unit in self.completeness) for state in STATES}


def _state(measurement: Measurement, quarter: int) -> str:
    actual = measurement.actuals.get(quarter)
    return actual.status if actual is not None else "empty"


def _trend(pm: PlanMeasurement, years: Iterable[int]) -> dict:
    years = list(years)  # Decimals: json_script writes them as exact strings
    return {
        "years": [str(year) for year in years],
        "target": [pm.year(year).target_up_to(4) for year in years],
        "actual": [pm.year(year).year_actual for year in years],
        "unit": pm.indicator.unit,
    }


def get_dashboard(plan: StrategicPlan, year: int, quarter: int) -> Dashboard:
    """Everything the agency dashboard shows for a year, up to a quarter (6 queries, one pass). Every
    achievement and roll-up is read from performance.figures."""
    data = get_plan_data(plan)
    figures = plan_figures(data, year, quarter)
    iku = [
        IkuRow(
            indicator,
            figures.indicator(indicator.pk),
            _state(figures.indicator(indicator.pk), quarter),
            _trend(data.measurements[indicator.pk], plan.years),
        )
        for indicator in data.indicators
        if indicator.is_key
    ]
    # one pass over the page rows: states per unit and position, the IKI rows at risk
    units: dict[int, Unit] = {}
    positions: dict[int, Position] = {}
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)  # an indicator counts once per page and per unit
    completeness: dict[int, Completeness] = {}
    position_completeness: dict[int, Completeness] = {}
    risky: list[RiskyRow] = []
    for row in data.rows:
        position, unit = row.position, row.position.unit
        units.setdefault(unit.pk, unit)
        positions.setdefault(position.pk, position)
        measurement = figures.indicator(row.indicator_id)
        value = measurement.period_achievement
        state = _state(measurement, quarter)
        if (
            not row.indicator.is_key
            and row.indicator_id not in seen["risk", 0]
            and (value is None or achievement.category(value) in (achievement.RENDAH, achievement.SANGAT_RENDAH))
        ):
            seen["risk", 0].add(row.indicator_id)
            risky.append(RiskyRow(row, value))
        if unit.pk not in completeness:
            completeness[unit.pk] = Completeness(unit)
        if position.pk not in position_completeness:
            position_completeness[position.pk] = Completeness(position)
            completeness[unit.pk].positions.append(position_completeness[position.pk])
        if row.indicator_id not in seen["u", unit.pk]:
            seen["u", unit.pk].add(row.indicator_id)
            completeness[unit.pk].counts[state] += 1
        if row.indicator_id not in seen["p", position.pk]:
            seen["p", position.pk].add(row.indicator_id)
            position_completeness[position.pk].counts[state] += 1
    return Dashboard(
        plan,
        year,
        quarter,
        iku,
        [Group(unit, figures.unit(pk)) for pk, unit in units.items()],
        [Group(position, figures.position(pk)) for pk, position in positions.items()],
        list(completeness.values()),
        figures.agency,
        data.example,
        risky,
        figures,
    )


# -- the performance tree -------------------------------------------------------------------------------


TWO_PLACES = Decimal("0.01")


def figure_text(value: Decimal | None) -> str | None:
    """An achievement as the pages print it, rounded half-up to two decimals ("96.92"); None for no figure."""
    return None if value is None else str(value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP))


def _node(
    name: str,
    kind: str,
    value: Decimal | None,
    url: str,
    children: list | None = None,
    code: str = "",
    rollup: achievement.Rollup | None = None,
) -> dict:
    node = {"name": name, "kind": kind, "value": figure_text(value), "category": category_slug(value), "url": url}
    if code:
        node["code"] = code
    if rollup is not None:  # what the figure is based on: n of N indicators, verified, low coverage
        node.update(counted=rollup.counted, total=rollup.total, verified=rollup.verified, low=rollup.low_coverage)
        if rollup.low_coverage:
            node["category"] = "low"
    if children:
        node["children"] = children
    return node


def _rollup_node(
    name: str, kind: str, rollup: achievement.Rollup, url: str, children: list | None = None, code: str = ""
) -> dict:
    return _node(name, kind, rollup.mean, url, children, code, rollup)


def get_tree(plan: StrategicPlan, year: int, quarter: int, urls: "TreeUrls") -> dict:
    """The performance tree as nested nodes: the plan → goals → strategic objectives → their indicators (IKU
    and the others) and the positions' objectives that contribute to them → those objectives' IKI and the
    objectives that contribute to them, down the position tree. Each node carries its achievement for the
    period, read from performance.figures (an objective: the roll-up of its indicators), and the page it
    opens (6 queries, one pass)."""
    data = get_plan_data(plan)
    figures = plan_figures(data, year, quarter)
    goals = list(Goal.objects.filter(plan=plan).order_by("order"))
    objectives = list(
        Objective.objects.filter(plan=plan).select_related("position").order_by("position__order", "order")
    )

    def value(indicator_id: int) -> Decimal | None:
        return figures.indicator(indicator_id).period_achievement

    rows_of: dict[int, list[PageIndicator]] = defaultdict(list)
    for row in data.rows:
        rows_of[row.objective_id].append(row)
    indicators_of: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in data.indicators:
        if indicator.objective_id:
            indicators_of[indicator.objective_id].append(indicator)
    contributors: dict[int | None, list[Objective]] = defaultdict(list)
    known = {objective.pk for objective in objectives}
    for objective in objectives:
        if objective.level == Objective.Level.PERFORMANCE:
            above = objective.contributes_to_id if objective.contributes_to_id in known else None
            contributors[above].append(objective)

    def indicator_node(indicator: Indicator, name: str, kind: str) -> dict:
        return _node(name, kind, value(indicator.pk), urls.indicator(indicator.code), code=indicator.code)

    def performance_node(objective: Objective, depth: int = 0) -> dict:
        rows = rows_of.get(objective.pk, [])
        children = [indicator_node(row.indicator, row.name, "iki") for row in rows]
        if depth < 50:  # a cycle in the links must not hang the page
            children += [performance_node(item, depth + 1) for item in contributors.get(objective.pk, [])]
        title = f"{objective.text} — {objective.position.title}" if objective.position else objective.text
        return _rollup_node(
            title,
            "objective",
            figures.objective(objective.pk),
            urls.position(objective.position.code) if objective.position else urls.plan,
            children,
            code=objective.code,
        )

    def strategic_node(objective: Objective) -> dict:
        children = [
            indicator_node(indicator, indicator.name, "iku" if indicator.is_key else "indicator")
            for indicator in indicators_of.get(objective.pk, [])
        ]
        children += [performance_node(item) for item in contributors.get(objective.pk, [])]
        return _rollup_node(
            objective.text, "strategic", figures.objective(objective.pk), urls.plan, children, code=objective.code
        )

    strategic = [objective for objective in objectives if objective.level == Objective.Level.STRATEGIC]
    goal_nodes = []
    for goal in goals:
        items = [strategic_node(objective) for objective in strategic if objective.goal_id == goal.pk]
        goal_nodes.append(_rollup_node(goal.text, "goal", figures.goal(goal.pk), urls.plan, items, code=goal.code))
    loose = [strategic_node(objective) for objective in strategic if objective.goal_id is None]
    loose += [performance_node(objective) for objective in contributors.get(None, [])]
    if loose:
        goal_nodes.append(_node(urls.unlinked_label, "unlinked", None, urls.plan, loose))
    root = _rollup_node(plan.agency.name, "agency", figures.agency, urls.plan, goal_nodes)
    root["year_target_used"] = figures.year_target_used
    return root


@dataclass
class TreeUrls:
    """How a tree node links to its page (the view knows the URL names)."""

    plan: str
    indicator_pattern: str  # with "__code__" for the indicator's code
    position_pattern: str  # with "__code__" for the position's code
    unlinked_label: str

    def indicator(self, code: str) -> str:
        return self.indicator_pattern.replace("__code__", code)

    def position(self, code: str) -> str:
        return self.position_pattern.replace("__code__", code)


def count_nodes(node: dict) -> int:
    return 1 + sum(count_nodes(child) for child in node.get("children", []))


# -- the regency view -----------------------------------------------------------------------------------


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
