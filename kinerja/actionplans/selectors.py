"""What the action-plan pages and the printed action plan read: a fixed number of queries whatever the plan holds.

The quarterly and yearly targets come from `performance.selectors.get_measurement_figures` (the targets as they
are set, never computed here); the actions are read once for the whole year.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext

from kinerja.core.errors import NotFound
from kinerja.core.periods import QUARTERS
from kinerja.organisation.models import Position
from kinerja.performance.selectors import Measurement, get_measurement_figures
from kinerja.performance.steps import Status
from kinerja.strategy.models import Indicator, Objective, PageIndicator, StrategicPlan, SubActivity

from .models import ActionItem, ActionProgress, ProgressEvidence


@dataclass
class QuarterPlan:
    quarter: int
    target: Decimal | None  # the quarter's own target as set (None: no quarterly target)
    actions: list[ActionItem]

    @property
    def missing(self) -> bool:
        """The quarter has a target but no action."""
        return self.target is not None and not self.actions


@dataclass
class IndicatorPlan:
    indicator: Indicator
    name: str  # as the page prints it
    measurement: Measurement
    quarters: list[QuarterPlan]

    @property
    def year_target(self) -> Decimal | None:
        target = self.measurement.target
        return target.value if target is not None else None

    @property
    def action_count(self) -> int:
        return sum(len(quarter.actions) for quarter in self.quarters)


@dataclass
class ObjectivePlan:
    objective: Objective
    indicators: list[IndicatorPlan]


@dataclass
class PagePlan:
    position: Position
    objectives: list[ObjectivePlan]


@dataclass(frozen=True)
class MissingAction:
    """An indicator of the year with a quarterly target and no action in that quarter."""

    indicator: Indicator
    quarter: int


@dataclass
class ActionPlan:
    plan: StrategicPlan
    year: int
    pages: list[PagePlan]
    indicators: list[IndicatorPlan] = field(default_factory=list)  # each indicator once, in page order

    @property
    def missing(self) -> list[MissingAction]:
        return [
            MissingAction(item.indicator, quarter.quarter)
            for item in self.indicators
            for quarter in item.quarters
            if quarter.missing
        ]

    @property
    def without_person(self) -> list[ActionItem]:
        """Actions whose person in charge is gone (the position was removed)."""
        return [
            action
            for item in self.indicators
            for quarter in item.quarters
            for action in quarter.actions
            if action.responsible_position_id is None
        ]


def _actions(indicator_ids: list[int], year: int) -> dict[tuple[int, int], list[ActionItem]]:
    by_quarter: dict[tuple[int, int], list[ActionItem]] = defaultdict(list)
    if not indicator_ids:
        return by_quarter
    items = (
        ActionItem.objects.filter(indicator_id__in=indicator_ids, year=year)
        .select_related("responsible_position", "sub_activity__activity__programme", "progress")
        .order_by("quarter", "order", "pk")
    )
    for item in items:
        by_quarter[(item.indicator_id, item.quarter)].append(item)
    return by_quarter


def _indicator_plan(
    indicator: Indicator, name: str, measurement: Measurement, actions: dict[tuple[int, int], list[ActionItem]]
) -> IndicatorPlan:
    quarters = []
    for quarter in QUARTERS:
        target = measurement.quarter_targets.get(quarter)
        value = target.value if target is not None else None
        items = actions.get((indicator.pk, quarter), [])
        for item in items:
            item.indicator = indicator  # the one already read: no query per action
        quarters.append(QuarterPlan(quarter, value, items))
    return IndicatorPlan(indicator, name, measurement, quarters)


def get_action_plan(plan: StrategicPlan, year: int, position: Position | None = None) -> ActionPlan:
    """The year's action plan: every IKI page of the plan (or `position`'s alone), one table per objective of the
    page, each indicator with its targets and its actions per quarter (4 queries: page rows, targets, actuals,
    actions)."""
    rows = (
        PageIndicator.objects.filter(objective__plan=plan)
        .select_related("position__unit", "objective", "indicator")
        .order_by("position__unit__order", "position__order", "objective__order", "order")
    )
    if position is not None:
        rows = rows.filter(position=position)
    rows = list(rows)
    indicators = {row.indicator_id: row.indicator for row in rows}
    measurements = get_measurement_figures(indicators.values(), year)
    actions = _actions(list(indicators), year)
    pages: dict[int, PagePlan] = {}
    objectives: dict[int, ObjectivePlan] = {}
    once: dict[int, IndicatorPlan] = {}
    for row in rows:
        page = pages.setdefault(row.position_id, PagePlan(row.position, []))
        if row.objective_id not in objectives:
            objectives[row.objective_id] = ObjectivePlan(row.objective, [])
            page.objectives.append(objectives[row.objective_id])
        item = _indicator_plan(row.indicator, row.name, measurements[row.indicator_id], actions)
        objectives[row.objective_id].indicators.append(item)
        once.setdefault(row.indicator_id, item)
    return ActionPlan(plan, year, list(pages.values()), list(once.values()))


@dataclass
class IndicatorActions:
    indicator: Indicator
    plan: IndicatorPlan
    rows: list[PageIndicator]  # the IKI pages that print it


def get_indicator_actions(plan: StrategicPlan, code: str, year: int) -> IndicatorActions:
    """One indicator's action plan for the year (5 queries: indicator, its page rows, targets, actuals, actions)."""
    indicator = plan.indicators.select_related("plan__agency", "objective").filter(code=code).first()
    if indicator is None:
        raise NotFound(gettext("Indicator «%(code)s» is not in this strategic plan.") % {"code": code})
    rows = list(indicator.page_rows.select_related("position").order_by("position__order"))
    measurement = get_measurement_figures([indicator], year)[indicator.pk]
    item = _indicator_plan(indicator, indicator.name, measurement, _actions([indicator.pk], year))
    return IndicatorActions(indicator, item, rows)


def get_action(plan: StrategicPlan, pk: int) -> ActionItem:
    """One action of the plan (1 query), with what its form and its rules read."""
    item = (
        ActionItem.objects.select_related(
            "indicator__plan__agency", "responsible_position", "sub_activity__activity__programme"
        )
        .filter(pk=pk, indicator__plan=plan)
        .first()
    )
    if item is None:
        raise NotFound(gettext("This action does not exist."))
    return item


def list_sub_activities(plan: StrategicPlan):
    """The plan's sub-activities in budget order, for the picker (1 query)."""
    return SubActivity.objects.filter(activity__programme__plan=plan).order_by(
        "activity__programme__order", "activity__programme__code", "activity__order", "activity__code", "order", "code"
    )


@dataclass
class ProgressDetail:
    """One action with its progress (None before any is entered) and its evidence files."""

    action: ActionItem
    progress: ActionProgress | None
    evidence: list[ProgressEvidence]
    rows: list[PageIndicator]  # the IKI pages that print the indicator: who enters and who verifies


def get_progress_detail(plan: StrategicPlan, pk: int) -> ProgressDetail:
    """An action's progress page (3 queries: the action with its progress, its evidence, the page rows)."""
    action = (
        ActionItem.objects.select_related(
            "indicator__plan__agency",
            "responsible_position",
            "sub_activity",
            "progress__entered_by__official",
            "progress__verified_by__official",
        )
        .filter(pk=pk, indicator__plan=plan)
        .first()
    )
    if action is None:
        raise NotFound(gettext("This action does not exist."))
    progress = action.progress_or_none
    evidence = list(progress.evidence.order_by("created_at", "pk")) if progress is not None else []
    rows = list(action.indicator.page_rows.select_related("position").order_by("position__order"))
    return ProgressDetail(action, progress, evidence, rows)


def list_waiting_progress(
    plan: StrategicPlan, year: int | None, positions: frozenset[int] | set[int], user_id: int | None
):
    """The progress submitted for the year (every year: None) on the pages of `positions` (the positions a superior
    verifies), not entered by `user_id` (1 query)."""
    if not positions:
        return []
    years = {"action__year": year} if year is not None else {}
    waiting = (
        ActionProgress.objects.filter(
            status=Status.SUBMITTED,
            action__indicator__plan=plan,
            action__indicator__page_rows__position_id__in=positions,
            **years,
        )
        .exclude(entered_by_id=user_id)
        .select_related("action__indicator", "entered_by__official")
        .order_by("action__year", "action__quarter", "action__indicator__code", "action__order", "pk")
        .distinct()
    )
    return list(waiting)
