"""Reads of the plan, the IKU table and the IKI pages, each a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext

from kinerja.core.errors import NotFound
from kinerja.organisation.models import Agency, Position
from kinerja.organisation.selectors import current_assignments

from .models import Activity, Indicator, KeyIndicatorRow, Objective, PageIndicator, Programme, StrategicPlan


def find_current_plan(agency: Agency) -> StrategicPlan | None:
    """The agency's latest strategic plan, or None when it has none yet."""
    return agency.plans.order_by("-first_year").first()


def get_current_plan(agency: Agency) -> StrategicPlan:
    plan = find_current_plan(agency)
    if plan is None:
        raise NotFound(gettext("This agency has no Renstra yet."))
    return plan


@dataclass
class PlanCounts:
    objectives: int
    indicators: int
    key_indicators: int
    page_rows: int
    pages: int


def get_plan_counts(plan: StrategicPlan) -> PlanCounts:
    objectives = plan.objectives.values("level").annotate(n=Count("id"))
    by_level = {row["level"]: row["n"] for row in objectives}
    rows = PageIndicator.objects.filter(objective__plan=plan)
    return PlanCounts(
        objectives=by_level.get(Objective.Level.PERFORMANCE, 0),
        indicators=plan.indicators.count(),
        key_indicators=plan.indicators.filter(is_key=True).count(),
        page_rows=rows.count(),
        pages=rows.values("position").distinct().count(),
    )


@dataclass
class StrategicObjectiveView:
    objective: Objective
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class GoalView:
    text: str
    objectives: list[StrategicObjectiveView] = field(default_factory=list)
    code: str = ""  # empty for the objectives without a goal


@dataclass
class PlanOverview:
    plan: StrategicPlan
    goals: list[GoalView]
    key_rows: list[KeyIndicatorRow]
    programmes: list[Programme]


def get_plan_overview(plan: StrategicPlan) -> PlanOverview:
    """Goal → strategic objectives → their indicators; the IKU table; the programmes (7 queries)."""
    objectives = (
        plan.objectives.filter(level=Objective.Level.STRATEGIC)
        .select_related("goal")
        .prefetch_related(
            Prefetch("indicators", Indicator.objects.select_related("responsible_position").order_by("order"))
        )
        .order_by("order")
    )
    goals: dict[int | None, GoalView] = {}
    for goal in plan.goals.order_by("order"):
        goals[goal.pk] = GoalView(goal.text, code=goal.code)
    for objective in objectives:
        view = goals.setdefault(objective.goal_id, GoalView(""))
        view.objectives.append(StrategicObjectiveView(objective, list(objective.indicators.all())))
    key_rows = list(
        plan.key_rows.select_related("indicator__objective__goal", "indicator__responsible_position").order_by("order")
    )
    programmes = list(
        plan.programmes.prefetch_related(
            "objectives",
            Prefetch("activities", Activity.objects.order_by("order").prefetch_related("sub_activities")),
        ).order_by("order")
    )
    return PlanOverview(plan, list(goals.values()), key_rows, programmes)


@dataclass
class PageObjectiveView:
    objective: Objective
    rows: list[PageIndicator]


@dataclass
class PositionPage:
    position: Position
    holders: list
    objectives: list[PageObjectiveView]

    @property
    def row_count(self) -> int:
        return sum(len(item.rows) for item in self.objectives)


def list_positions(agency: Agency) -> QuerySet[Position]:
    """Positions with the number of rows on their IKI page (1 query)."""
    positions = agency.positions.structural()
    return positions.select_related("unit").annotate(row_count=Count("page_rows")).order_by("order")


def get_position_page(agency: Agency, code: str) -> PositionPage:
    """One IKI page, laid out like Lampiran II (5 queries, whatever the page holds)."""
    position = (
        agency.positions.structural()
        .select_related("unit", "superior")
        .prefetch_related("functions", Prefetch("assignments", current_assignments(), to_attr="current"))
        .filter(code=code)
        .first()
    )
    if position is None:
        raise NotFound(gettext("Position «%(code)s» is not in this agency.") % {"code": code})
    objectives = (
        Objective.objects.filter(position=position)
        .select_related("contributes_to")
        .prefetch_related(Prefetch("page_rows", PageIndicator.objects.select_related("indicator").order_by("order")))
        .order_by("order")
    )
    return PositionPage(
        position,
        [assignment.official for assignment in position.current],
        [PageObjectiveView(objective, list(objective.page_rows.all())) for objective in objectives],
    )


@dataclass
class IndicatorDetail:
    indicator: Indicator
    rows: list[PageIndicator]
    key_rows: list[KeyIndicatorRow]


def get_indicator_detail(plan: StrategicPlan, code: str) -> IndicatorDetail:
    indicator = plan.indicators.select_related("objective", "responsible_position").filter(code=code).first()
    if indicator is None:
        raise NotFound(gettext("Indicator «%(code)s» is not in this Renstra.") % {"code": code})
    rows = list(
        indicator.page_rows.select_related("position", "objective").order_by("position__order", "objective__order")
    )
    return IndicatorDetail(indicator, rows, list(indicator.key_rows.all()))
