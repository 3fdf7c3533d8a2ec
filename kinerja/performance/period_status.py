"""Where each quarter of a year stands before the planner closes it: how many indicators are still empty, drafts
not sent, returned to their official, waiting for verification, and verified — and the rows behind each count.

One definition for the Periode page, its confirmation and `workflow.close_period` (which compares the counts the
planner confirmed with the counts of the moment: a quarter that moved since is asked about again). The indicators
counted are those printed on a position's IKI page of the plan, typed by hand (an indicator fed by the SAKIP
evaluation takes its actual from the evaluation, not from an official). One indicator shared by several pages
is measured once, so it counts once.
"""

import datetime
from dataclasses import dataclass, field

from kinerja.core.periods import QUARTER_NAMES, QUARTERS
from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan

from .models import Actual, PeriodLock

EMPTY, DRAFT, RETURNED, SUBMITTED, VERIFIED = "kosong", "draf", "dikembalikan", "menunggu", "terverifikasi"
UNVERIFIED = "belum-terverifikasi"  # every state but verified
STATES = (EMPTY, DRAFT, RETURNED, SUBMITTED, VERIFIED)
LISTS = (*STATES, UNVERIFIED)  # the lists a count links to


def state_of(actual: Actual | None) -> str:
    """The state of an indicator's actual in a quarter, as the counts name it."""
    if actual is None:
        return EMPTY
    if actual.status == Actual.Status.SUBMITTED:
        return SUBMITTED
    if actual.status == Actual.Status.VERIFIED:
        return VERIFIED
    return RETURNED if actual.status_reason else DRAFT


@dataclass
class QuarterStatus:
    """One quarter of the year: open or closed, and how many of its indicators are in each state."""

    quarter: int
    lock: PeriodLock | None = None
    closed: bool = False
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def name(self) -> str:
        return QUARTER_NAMES[self.quarter]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def unverified(self) -> int:
        return self.total - self.counts[VERIFIED]

    @property
    def token(self) -> str:
        """The counts as the confirmation states them ("3.1.0.2.5"): closing with an older token is refused."""
        return ".".join(str(self.counts[state]) for state in STATES)


def _indicators(plan: StrategicPlan) -> set[int]:
    rows = PageIndicator.objects.filter(objective__plan=plan, indicator__fed_by="").values_list("indicator_id")
    return {pk for (pk,) in rows.order_by().distinct()}


def get_period_status(
    agency: Agency, plan: StrategicPlan, year: int, today: datetime.date | None = None
) -> list[QuarterStatus]:
    """The four quarters of `year` with their lock and counts (3 queries however many indicators and actuals:
    the indicators on the plan's pages, the year's actuals of them, the period locks)."""
    today = today or datetime.date.today()
    indicators = _indicators(plan)
    quarters = {quarter: QuarterStatus(quarter) for quarter in QUARTERS}
    entered: dict[int, set[int]] = {quarter: set() for quarter in QUARTERS}
    actuals = Actual.objects.filter(indicator_id__in=indicators, year=year).only(
        "indicator_id", "quarter", "status", "status_reason"
    )
    for actual in actuals.order_by():
        if actual.quarter in quarters:
            quarters[actual.quarter].counts[state_of(actual)] += 1
            entered[actual.quarter].add(actual.indicator_id)
    for quarter, status in quarters.items():
        status.counts[EMPTY] = len(indicators - entered[quarter])
    for lock in PeriodLock.objects.filter(agency=agency, year=year):
        if lock.quarter in quarters:
            quarters[lock.quarter].lock = lock
            quarters[lock.quarter].closed = lock.is_closed_on(today)
    return list(quarters.values())


def get_quarter_status(agency: Agency, plan: StrategicPlan, year: int, quarter: int) -> QuarterStatus:
    """One quarter's status, as `get_period_status` counts it."""
    return next(status for status in get_period_status(agency, plan, year) if status.quarter == quarter)


@dataclass
class PeriodRow:
    """An indicator of a quarter's list: its actual (None when empty) and the IKI pages that print it."""

    indicator: Indicator
    actual: Actual | None
    pages: list[PageIndicator]

    @property
    def state(self) -> str:
        return state_of(self.actual)


def list_period_rows(plan: StrategicPlan, year: int, quarter: int, state: str) -> list[PeriodRow]:
    """The indicators of the quarter in `state` (one of `LISTS`), in the plan's order, each with its actual and
    the pages (positions) where it is entered (2 queries however many rows)."""
    pages = (
        PageIndicator.objects.filter(objective__plan=plan, indicator__fed_by="")
        .select_related("indicator", "position")
        .order_by("indicator__order", "indicator__code", "position__order", "pk")
    )
    by_indicator: dict[int, PeriodRow] = {}
    for page in pages:
        row = by_indicator.setdefault(page.indicator_id, PeriodRow(page.indicator, None, []))
        row.pages.append(page)
    actuals = Actual.objects.filter(indicator_id__in=by_indicator, year=year, quarter=quarter).select_related(
        "entered_by__official", "verified_by__official"
    )
    for actual in actuals.order_by():
        by_indicator[actual.indicator_id].actual = actual
    wanted = set(STATES) - {VERIFIED} if state == UNVERIFIED else {state}
    return [row for row in by_indicator.values() if row.state in wanted]
