"""The quarter's work as each person meets it: what a verifier weighs an actual against, where an official enters
or fixes an indicator, and how far each position's page is filled this quarter. Reads in a fixed number of
queries; every figure comes from `selectors.Measurement` (the one definition)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.numbers import format_number
from kinerja.core.periods import default_year, quarter_of
from kinerja.organisation.models import Agency, Position
from kinerja.strategy.models import PageIndicator, StrategicPlan
from kinerja.strategy.selectors import find_current_plan

from .models import Actual, PeriodLock, Target
from .period_status import QuarterStatus, get_quarter_status
from .selectors import Measurement
from .workflow import version_of


@dataclass(frozen=True)
class OtherWaiting:
    """Something other than an actual that waits for the user's verification (an action's progress), as the
    verification page lists it: what it is, and the page where it is verified."""

    text: str
    url: str


# Apps above this one (the action plan) add what waits for a verifier: a function of the user and the agency, in a
# fixed number of queries, registered from their AppConfig.ready (`register_waiting`).
_OTHER_WAITING: list[Callable[[object, Agency], list[OtherWaiting]]] = []


def register_waiting(provider: Callable[[object, Agency], list[OtherWaiting]]) -> None:
    if provider not in _OTHER_WAITING:
        _OTHER_WAITING.append(provider)


def other_waiting(user: object, agency: Agency) -> list[OtherWaiting]:
    return [item for provider in _OTHER_WAITING for item in provider(user, agency)]


@dataclass
class ActualInContext:
    """An actual with what a verifier weighs it against: its indicator's measurement of that year (targets, the
    quarters' actuals and their achievement, by the same rules as every page) and its evidence."""

    actual: Actual
    measurement: Measurement

    @property
    def quarter_target(self) -> Target | None:
        return self.measurement.quarter_targets.get(self.actual.quarter)

    @property
    def version(self) -> str:
        """The version the page shows with the actual and its forms send back (a stale one is refused)."""
        return version_of(self.actual)

    @property
    def terms(self) -> tuple[str, str] | None:
        """A ratio's numerator and denominator as the official typed them, the Indonesian way ("117", "1.234,5")."""
        if self.actual.numerator is None and self.actual.denominator is None:
            return None
        return _as_typed(self.actual.numerator), _as_typed(self.actual.denominator)

    @property
    def achievement(self) -> Decimal | None:
        """The achievement up to the actual's quarter (s.d. triwulan N), as the IKI and entry pages compute it."""
        return self.measurement.achievement_up_to(self.actual.quarter)


def _as_typed(value: Decimal | None) -> str:
    text = format_number(value, 4)
    return text.rstrip("0").rstrip(",") if "," in text else text


def get_actuals_in_context(actuals: Iterable[Actual]) -> list[ActualInContext]:
    """Each of `actuals` with its year's measurement and evidence files, in the given order (3 queries however
    many actuals, indicators and years: targets, actuals, evidence). The actual handed back is the one read
    here, with its evidence prefetched."""
    actuals = list(actuals)
    if not actuals:
        return []
    indicators = {actual.indicator_id: actual.indicator for actual in actuals}
    years = {actual.year for actual in actuals}
    by_key = {(pk, year): Measurement(indicator, year) for pk, indicator in indicators.items() for year in years}
    targets = Target.objects.filter(
        indicator__in=indicators, year__in=years, kind__in=[Target.Kind.YEAR, Target.Kind.QUARTER]
    ).order_by()
    for target in targets:
        measurement = by_key[(target.indicator_id, target.year)]
        if target.kind == Target.Kind.YEAR:
            measurement.target = target
        else:
            measurement.quarter_targets[target.quarter] = target
    read = Actual.objects.filter(indicator__in=indicators, year__in=years).order_by().prefetch_related("evidence")
    for row in read.select_related("entered_by__official", "verified_by__official"):
        row.indicator = indicators[row.indicator_id]
        by_key[(row.indicator_id, row.year)].actuals[row.quarter] = row
    items = []
    for actual in actuals:
        measurement = by_key[(actual.indicator_id, actual.year)]
        items.append(ActualInContext(measurement.actuals.get(actual.quarter, actual), measurement))
    return items


def entry_prefix(indicator_code: str) -> str:
    """The prefix of an indicator's row on the entry page: its form fields' prefix and, after "row-", its anchor."""
    return indicator_code.replace(".", "_")


def get_entry_positions(indicator_ids: Iterable[int], positions: Iterable[int]) -> dict[int, PageIndicator]:
    """For each indicator, the first of `positions` whose IKI page prints it (its page row, with the position):
    where the official enters or fixes that indicator's actual (1 query)."""
    rows = (
        PageIndicator.objects.filter(indicator_id__in=list(indicator_ids), position_id__in=list(positions))
        .select_related("position")
        .order_by("position__order", "position_id", "pk")
    )
    found: dict[int, PageIndicator] = {}
    for row in rows:
        found.setdefault(row.indicator_id, row)
    return found


@dataclass
class PositionQuarter:
    """One position an official holds, for the quarter of today: how far its IKI page is filled and what came
    back (the official's home page, "Realisasi saya")."""

    position: object
    year: int
    quarter: int
    total: int = 0
    empty: int = 0
    draft: int = 0
    submitted: int = 0
    verified: int = 0
    closed: bool = False
    returned: list[tuple[PageIndicator, Actual]] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return self.total - self.empty


@dataclass
class OpenDeadline:
    """An open quarter of an agency with the day after which it closes itself (the home page's deadlines)."""

    agency: object
    year: int
    quarter: int
    deadline: datetime.date


def get_open_deadlines(agency_ids: Iterable[int], today: datetime.date | None = None) -> list[OpenDeadline]:
    """The quarters of `agency_ids` not closed yet whose deadline is today or later, nearest first (1 query)."""
    today = today or datetime.date.today()
    locks = (
        PeriodLock.objects.filter(agency_id__in=list(agency_ids), closed=False, deadline__gte=today)
        .select_related("agency")
        .order_by("deadline", "agency__name", "year", "quarter")
    )
    return [OpenDeadline(lock.agency, lock.year, lock.quarter, lock.deadline) for lock in locks]


def get_position_quarters(position_ids: Iterable[int], today: datetime.date | None = None) -> list[PositionQuarter]:
    """Each of the positions (those an official holds) with the state of its IKI page in the quarter of `today`,
    in the year of its agency's current plan nearest to today (5 queries however many positions and rows:
    positions, plans, page rows, actuals, period locks)."""
    today = today or datetime.date.today()
    quarter = quarter_of(today)
    positions = list(
        Position.objects.structural()  # a staff position has no IKI page to enter (its holder's work is the SKP)
        .filter(pk__in=list(position_ids))
        .select_related("agency")
        .order_by("agency__name", "order")
    )
    if not positions:
        return []
    plans: dict[int, StrategicPlan] = {}
    for plan in StrategicPlan.objects.filter(agency__in={p.agency_id for p in positions}).order_by("-first_year"):
        plans.setdefault(plan.agency_id, plan)
    states = {}
    for position in positions:
        plan = plans.get(position.agency_id)
        year = default_year(plan, today) if plan else today.year
        states[position.pk] = PositionQuarter(position, year, quarter)
    rows = list(
        PageIndicator.objects.filter(position_id__in=states, objective__plan__in=plans.values())
        .select_related("indicator")
        .order_by("position_id", "objective__order", "order")
    )
    years = {state.year for state in states.values()}
    actuals = {
        (a.indicator_id, a.year): a
        for a in Actual.objects.filter(
            indicator__in={row.indicator_id for row in rows}, year__in=years, quarter=quarter
        ).order_by()
    }
    locks = PeriodLock.objects.filter(agency__in={p.agency_id for p in positions}, year__in=years, quarter=quarter)
    closed = {(lock.agency_id, lock.year) for lock in locks if lock.is_closed_on(today)}
    for row in rows:
        state = states[row.position_id]
        state.total += 1
        actual = actuals.get((row.indicator_id, state.year))
        if actual is None:
            state.empty += 1
        elif actual.status == Actual.Status.SUBMITTED:
            state.submitted += 1
        elif actual.status == Actual.Status.VERIFIED:
            state.verified += 1
        elif actual.status_reason:
            state.returned.append((row, actual))
        else:
            state.draft += 1
    for state in states.values():
        state.closed = (state.position.agency_id, state.year) in closed
    return list(states.values())


@dataclass
class AgencyQuarter:
    """An agency's status in the quarter of today, as the Periode page counts it (the home page of its head and
    of its planner: "the agency's status")."""

    agency: Agency
    year: int
    status: QuarterStatus


def get_agency_quarters(agencies: Iterable[Agency], today: datetime.date | None = None) -> list[AgencyQuarter]:
    """Each of `agencies` that has a strategic plan with the counts of the quarter of `today`, in the year of its
    current plan nearest to today, read from `period_status.get_quarter_status` (the one definition; 4 queries
    per agency however many indicators: its plan, then the status's 3)."""
    today = today or datetime.date.today()
    found = []
    for agency in agencies:
        plan = find_current_plan(agency)
        if plan is None:
            continue
        year = default_year(plan, today)
        found.append(AgencyQuarter(agency, year, get_quarter_status(agency, plan, year, quarter_of(today))))
    return found


@dataclass
class PageToVerify:
    """The actuals waiting for a verifier on one position's IKI page in one quarter: verified together at once
    ("Verifikasi semua di halaman ini") after the verifier viewed them."""

    position: Position
    year: int
    quarter: int
    entries: list[ActualInContext] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"page-{self.position.code}-{self.year}-{self.quarter}"


def group_by_page(entries: Iterable[ActualInContext], supervised: Iterable[int]) -> list[PageToVerify]:
    """The waiting `entries` grouped by the page they are verified on: the first of the `supervised` positions
    whose IKI page prints the indicator, and the actual's year and quarter (1 query). An entry on no supervised
    page (it cannot be verified page-wise) is left out."""
    entries = list(entries)
    pages = get_entry_positions({entry.actual.indicator_id for entry in entries}, supervised) if entries else {}
    groups: dict[tuple[int, int, int], PageToVerify] = {}
    for entry in entries:
        page = pages.get(entry.actual.indicator_id)
        if page is None:
            continue
        key = (page.position_id, entry.actual.year, entry.actual.quarter)
        group = groups.setdefault(key, PageToVerify(page.position, entry.actual.year, entry.actual.quarter))
        group.entries.append(entry)
    return list(groups.values())
