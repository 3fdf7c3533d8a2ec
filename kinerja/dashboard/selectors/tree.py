"""The performance tree: the plan → goals → objectives → indicators, each node with its achievement for the
period and the page it opens (6 queries, one pass)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja.performance import achievement
from kinerja.performance.templatetags.measurement import category_slug  # the CSS class of a category
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan

from .plan import get_plan_data, plan_figures

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
