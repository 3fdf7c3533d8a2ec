"""Reads of the SKP pages, each in a fixed number of queries however many SKP, work results and indicators.

- `list_skps(agency, year)` — every position of the agency (structural and staff) with its holders in the year
  and their SKP (4 queries);
- `get_skp(agency, pk)` — one SKP with its work results, their indicators and each result's chain up to the
  agency's strategic objective; for a staff SKP the superior's work results it may hang on; for the head of a
  unit the work rating proposed from the unit's achievement (`performance.figures`, the one selector of figures)
  with its source (9 queries; 5 without a proposal);
- `get_distribution(agency, year)` — the rated SKP of the year per unit (with the units below it) and for the
  agency, each against the distribution its predicate allows (7 queries).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from kinerja.core.errors import NotFound
from kinerja.core.numbers import format_percent
from kinerja.organisation.models import Agency, Assignment, Position, Unit
from kinerja.performance import achievement
from kinerja.performance.figures import get_plan_figures
from kinerja.strategy.models import Objective, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from . import distribution, predicate
from .models import OrganisationPredicate, Predicate, Rhk, RhkIndicator, Skp


def _year_assignments(year: int) -> Prefetch:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    in_year = Assignment.objects.filter(start__lte=last).filter(Q(end__isnull=True) | Q(end__gte=first))
    return Prefetch("assignments", in_year.select_related("official").order_by("start"), to_attr="year_holders")


@dataclass
class SkpLine:
    position: Position
    official: object
    skp: Skp | None


def list_skps(agency: Agency, year: int) -> list[SkpLine]:
    """Every holder of every position of the agency in `year`, with their SKP when prepared (4 queries)."""
    positions = (
        agency.positions.select_related("unit", "superior", "agency")
        .prefetch_related(_year_assignments(year))
        .order_by("order", "code")
    )
    skps = {
        (skp.official_id, skp.position_id): skp
        for skp in Skp.objects.filter(position__agency=agency, year=year).select_related("official")
    }
    lines = []
    for position in positions:
        seen = set()
        for assignment in position.year_holders:
            if assignment.official_id in seen:
                continue
            seen.add(assignment.official_id)
            skp = skps.get((assignment.official_id, position.pk))
            if skp is not None:
                skp.position = position  # read once above, with its agency: access asks it (no query per SKP)
            lines.append(SkpLine(position, assignment.official, skp))
    return lines


# -- one SKP and its chain -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """One step of a chain: what it is ("RHK atasan", "IKI", "Sasaran kinerja", "Sasaran strategis"), its text and
    whose it is."""

    kind: str
    text: str
    owner: str = ""
    strategic: bool = False  # the agency's strategic objective: the top of every chain


@dataclass
class ResultView:
    result: Rhk
    indicators: list[RhkIndicator]
    chain: list[Link]  # from the result's support up to the strategic objective

    @property
    def reaches_objective(self) -> bool:
        return bool(self.chain) and self.chain[-1].strategic


@dataclass
class WorkProposal:
    """The work rating proposed for the head of a unit, from the unit's achievement, with its source."""

    unit: Unit
    rollup: achievement.Rollup
    rating: str | None
    year: int


@dataclass
class SkpView:
    skp: Skp
    results: list[ResultView]
    superior_results: list[Rhk] = field(default_factory=list)
    proposal: WorkProposal | None = None


def leads_unit(position: Position) -> bool:
    """A structural position at the top of its unit: no superior, or a superior in another unit."""
    if position.is_staff_position:
        return False
    return position.superior_id is None or position.superior.unit_id != position.unit_id


def _objective_chain(objective: Objective | None, objectives: dict[int, Objective]) -> list[Link]:
    links, seen = [], set()
    while objective is not None and objective.pk not in seen:
        seen.add(objective.pk)
        if objective.level == Objective.Level.STRATEGIC:
            links.append(Link(str(_("Strategic objective")), objective.text, strategic=True))
            break
        owner = objective.position.title if objective.position_id else ""
        links.append(Link(str(_("Performance objective")), objective.text, owner))
        objective = objectives.get(objective.contributes_to_id) if objective.contributes_to_id else None
    return links


def chain_of(result: Rhk, results: dict[int, Rhk], objectives: dict[int, Objective]) -> list[Link]:
    """The chain of `result` up to the strategic objective, from rows already read (no query)."""
    links, seen = [], {result.pk}
    current = result
    while current.parent_id:
        parent = results.get(current.parent_id)
        if parent is None or parent.pk in seen:
            return links
        seen.add(parent.pk)
        links.append(Link(str(_("Superior's work result")), parent.text, parent.skp.position.title))
        current = parent
    if current.page_row_id is None:
        return links
    row = current.page_row
    links.append(Link(str(_("IKI")), row.name, row.position.title))
    return links + _objective_chain(objectives.get(row.objective_id), objectives)


def _year_results(agency: Agency, year: int) -> dict[int, Rhk]:
    return {
        result.pk: result
        for result in Rhk.objects.filter(skp__position__agency=agency, skp__year=year).select_related(
            "skp__position", "skp__official", "page_row__indicator", "page_row__position"
        )
    }


def _plan_objectives(plan: StrategicPlan | None) -> dict[int, Objective]:
    if plan is None:
        return {}
    return {objective.pk: objective for objective in plan.objectives.select_related("position")}


def _proposal(skp: Skp, plan: StrategicPlan | None) -> WorkProposal | None:
    position = skp.position
    if plan is None or skp.year not in plan.years or not leads_unit(position):
        return None
    figures = get_plan_figures(plan, skp.year, 4)
    rollup = figures.unit(position.unit_id)
    bounds = getattr(settings, "KINERJA_SKP_WORK_BOUNDS", predicate.DEFAULT_WORK_BOUNDS)
    return WorkProposal(position.unit, rollup, predicate.work_from_achievement(rollup.mean, bounds), skp.year)


def get_skp(agency: Agency, pk: int) -> SkpView:
    """One SKP of the agency, read for its page (9 queries at most, 5 without a proposal)."""
    skp = (
        Skp.objects.filter(position__agency=agency, pk=pk)
        .select_related("position__unit", "position__superior", "position__agency", "official", "rated_by")
        .first()
    )
    if skp is None:
        raise NotFound(_("This SKP was not found."))
    plan = find_current_plan(agency)
    results = _year_results(agency, skp.year)
    objectives = _plan_objectives(plan)
    own = [result for result in results.values() if result.skp_id == skp.pk]
    own.sort(key=lambda result: (result.order, result.pk))
    indicators: dict[int, list[RhkIndicator]] = {}
    for indicator in RhkIndicator.objects.filter(result__skp=skp).order_by("order", "pk"):
        indicators.setdefault(indicator.result_id, []).append(indicator)
    superior_results = []
    if skp.position.is_staff_position:
        superior_results = sorted(
            (r for r in results.values() if r.skp.position_id == skp.position.superior_id),
            key=lambda result: (result.skp.official.name, result.order, result.pk),
        )
    return SkpView(
        skp,
        [ResultView(result, indicators.get(result.pk, []), chain_of(result, results, objectives)) for result in own],
        superior_results,
        _proposal(skp, plan),
    )


# -- the distribution --------------------------------------------------------------------------------------------


@dataclass
class DistributionView:
    label: str
    rollup: achievement.Rollup
    distribution: distribution.Distribution
    skps: dict[object, Skp]  # the rated and final SKP of the scope, by key
    unit: Unit | None = None  # None: the whole agency
    waiting: list[Skp] = field(default_factory=list)  # SKP of the scope rated in Kinerja and still in draft

    @property
    def final_count(self) -> int:
        return sum(1 for skp in self.skps.values() if skp.status == Skp.Status.FINAL)

    @property
    def is_final(self) -> bool:
        """Every SKP of the scope is rated and its rating final."""
        return bool(self.skps) and not self.waiting and self.final_count == len(self.skps)

    @property
    def organisation_label(self) -> str:
        value = self.distribution.organisation
        return str(OrganisationPredicate(value).label) if value else "—"

    @property
    def rows(self) -> list[tuple[str, int, Decimal | None]]:
        """(predicate, ratings, share in percent) for each staff predicate, best first."""
        counts = self.distribution.counts
        return [(str(label), counts.get(key, 0), self.distribution.share(key)) for key, label in Predicate.choices]

    @property
    def breaches(self) -> list[tuple[str, list[Skp]]]:
        """Each broken rule in words, with the SKP to review."""
        names = dict(Predicate.choices)
        found = []
        for breach in self.distribution.breaches:
            values = {
                "group": " / ".join(str(names[key]) for key in breach.group),
                "percent": breach.percent,
                "share": format_percent(breach.share),
            }
            if breach.kind == distribution.AT_MOST:
                text = _("At most %(percent)s %% may be %(group)s; here %(share)s.") % values
            elif breach.kind == distribution.AT_LEAST:
                text = _("At least %(percent)s %% must be %(group)s; here %(share)s.") % values
            else:
                text = _("Some ratings must be %(group)s; here none.") % values
            found.append((text, [self.skps[pk] for pk in breach.to_review if pk in self.skps]))
        return found


def _check(
    label: str, rollup: achievement.Rollup, skps: list[Skp], unit: Unit | None, waiting: list[Skp]
) -> DistributionView:
    bounds = getattr(settings, "KINERJA_ORGANISATION_PREDICATE_BOUNDS", predicate.DEFAULT_ORGANISATION_BOUNDS)
    rules = getattr(settings, "KINERJA_SKP_DISTRIBUTION", None) or distribution.DEFAULT_RULES
    organisation = predicate.organisation_predicate(rollup.mean, bounds)
    ratings = {skp.pk: skp.predicate for skp in skps}
    checked = distribution.check_distribution(ratings, organisation, rules)
    return DistributionView(label, rollup, checked, {s.pk: s for s in skps}, unit, waiting)


def get_distribution(agency: Agency, year: int) -> list[DistributionView]:
    """The agency's rated (and final) SKP of `year` against the allowed distribution: the agency first (its
    predicate from the agency's achievement), then each unit whose positions have an SKP (its predicate from the
    unit's own achievement, as `performance.figures` rolls it up); each with the SKP still waiting for their rating
    (`Skp.rated_in_kinerja`: not the head of agency's) (7 queries)."""
    plan = find_current_plan(agency)
    if plan is None or year not in plan.years:
        return []
    figures = get_plan_figures(plan, year, 4)
    every = list(
        Skp.objects.filter(position__agency=agency, year=year)
        .select_related("official", "position__unit")
        .order_by("position__order", "official__name")
    )
    rated = [skp for skp in every if skp.status != Skp.Status.DRAFT]
    waiting = [skp for skp in every if skp.status == Skp.Status.DRAFT and skp.rated_in_kinerja]
    views = [_check(agency.name, figures.agency, rated, None, waiting)]
    for unit in agency.units.order_by("order"):
        members = [skp for skp in rated if skp.position.unit_id == unit.pk]
        unit_waiting = [skp for skp in waiting if skp.position.unit_id == unit.pk]
        if members or unit_waiting:
            views.append(_check(unit.name, figures.unit(unit.pk), members, unit, unit_waiting))
    return views
