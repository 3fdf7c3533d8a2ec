"""Reads of the organisation that pages share, each a fixed number of queries."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from .models import Agency, Assignment, Official, Position, Unit


def current_assignments(on: datetime.date | None = None) -> QuerySet[Assignment]:
    """The assignments in force on `on` (today by default): begun, not yet ended, definitive and acting
    (Plt./Plh.) alike. The one rule of "holds a position" (accounts.access.reach_of asks it)."""
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


def list_people(agency: Agency) -> list[Official]:
    """The agency's people: every official who holds or held one of its positions, and the officials of its
    region who hold no position yet (just added), not the head of the region; each with `history` = their
    assignments in this agency, the latest first (2 queries)."""
    assigned = Assignment.objects.filter(position__agency=agency)
    officials = (
        Official.objects.filter(Q(pk__in=assigned.values("official_id")) | Q(region=agency.region, assignments=None))
        .exclude(pk=agency.region.head_id)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "assignments",
                assigned.select_related("position").order_by("-start", "acting"),
                to_attr="history",
            )
        )
        .order_by("name")
        .distinct()
    )
    return list(officials)


def person_of(agency: Agency, official_id: int) -> Official | None:
    """One of `list_people(agency)`, with `history` = every assignment of theirs, the latest first (2 queries)."""
    assigned = Assignment.objects.filter(position__agency=agency)
    return (
        Official.objects.filter(Q(pk__in=assigned.values("official_id")) | Q(region=agency.region, assignments=None))
        .exclude(pk=agency.region.head_id)
        .filter(pk=official_id)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "assignments",
                Assignment.objects.select_related("position__agency").order_by("-start", "acting"),
                to_attr="history",
            )
        )
        .distinct()
        .first()
    )


def position_history(position: Position) -> list[Assignment]:
    """Everyone who held the position, definitive and acting, the latest first (1 query)."""
    return list(position.assignments.select_related("official").order_by("-start", "acting"))
