"""Reads of the organisation that pages share, each a fixed number of queries."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from .models import Agency, Assignment, Position, Unit


def current_assignments(on: datetime.date | None = None) -> QuerySet[Assignment]:
    on = on or datetime.date.today()
    return (
        Assignment.objects.filter(start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("official")
        .order_by("-start")
    )


def positions_with_holders(agency: Agency) -> QuerySet[Position]:
    """Positions of the agency, each with `current` = its assignments in force today (2 queries)."""
    return (
        agency.positions.select_related("unit", "superior")
        .prefetch_related(Prefetch("assignments", current_assignments(), to_attr="current"))
        .order_by("order")
    )


@dataclass
class UnitNode:
    unit: Unit
    positions: list[Position] = field(default_factory=list)
    children: list["UnitNode"] = field(default_factory=list)


def get_unit_tree(agency: Agency) -> list[UnitNode]:
    """The organisation tree: units with their positions and holders, roots first (3 queries)."""
    nodes = {unit.pk: UnitNode(unit) for unit in agency.units.order_by("order")}
    for position in positions_with_holders(agency):
        nodes[position.unit_id].positions.append(position)
    roots = []
    for node in nodes.values():
        if node.unit.parent_id in nodes:
            nodes[node.unit.parent_id].children.append(node)
        else:
            roots.append(node)
    return roots


def in_force(assignments: Iterable[Assignment], day: datetime.date) -> Assignment | None:
    """Of a position's assignments, the one in force on `day`: a definitive holder before an acting one (Plt.),
    the latest start first. The one rule for "who held this post that day" (no query: callers prefetch)."""
    held = [a for a in assignments if a.start <= day and (a.end is None or a.end >= day)]
    held.sort(key=lambda a: (a.acting, -a.start.toordinal()))
    return held[0] if held else None
