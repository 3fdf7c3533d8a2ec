"""What the IKI page's edit form reads: the page as `get_position_page` lays it out, the plan's indicators a row
may print and the objectives above an objective may serve — a fixed number of queries whatever the page holds."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext

from kinerja.core.errors import NotFound
from kinerja.organisation.models import Agency

from .models import Indicator, Objective, PageIndicator, StrategicPlan
from .selectors import PositionPage, find_current_plan, get_position_page


@dataclass
class PageEditing:
    page: PositionPage
    plan: StrategicPlan
    indicators: dict[int, Indicator]  # the plan's indicators, in their order
    above: dict[int, Objective]  # what an objective may serve: the superior's page, the strategic objectives

    @property
    def objectives(self) -> dict[int, Objective]:
        return {item.objective.pk: item.objective for item in self.page.objectives}

    @property
    def rows(self) -> dict[int, PageIndicator]:
        return {row.pk: row for item in self.page.objectives for row in item.rows}


def get_page_editing(agency: Agency, code: str) -> PageEditing:
    """The position's page with what its form offers (8 queries)."""
    plan = find_current_plan(agency)
    if plan is None:
        raise NotFound(gettext("The agency has no strategic plan yet: load or write its plan first."))
    page = get_position_page(agency, code)
    indicators = {indicator.pk: indicator for indicator in plan.indicators.order_by("order", "code")}
    current = [item.objective.contributes_to_id for item in page.objectives if item.objective.contributes_to_id]
    offered = Q(level=Objective.Level.STRATEGIC) | Q(pk__in=current)
    if page.position.superior_id:
        offered |= Q(position_id=page.position.superior_id)
    above = plan.objectives.filter(offered).select_related("position").order_by("level", "position__order", "order")
    return PageEditing(page, plan, indicators, {objective.pk: objective for objective in above})
