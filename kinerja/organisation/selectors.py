"""Reads of the organisation that pages share, each a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Agency, Assignment, Position, Unit


def list_agencies() -> QuerySet[Agency]:
    return Agency.objects.select_related("region").order_by("region__name", "name")


def get_agency(code: str) -> Agency:
    return get_object_or_404(Agency.objects.select_related("region"), code=code)


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


def holds_position(user: object, position: Position, on: datetime.date | None = None) -> bool:
    """Whether the user's official holds `position` today (1 query)."""
    official = getattr(user, "official", None) if getattr(user, "is_authenticated", False) else None
    if official is None:
        return False
    return current_assignments(on).filter(official=official, position=position).exists()


def may_enter_actuals(user: object, position: Position) -> bool:
    """Until the roles of issue 6: a superuser, or the official who holds the position."""
    return bool(getattr(user, "is_superuser", False)) or holds_position(user, position)


def may_plan(user: object, agency: Agency) -> bool:
    """Until the roles of issue 6: only an administrator (staff) keeps an agency's targets."""
    return bool(getattr(user, "is_superuser", False) or getattr(user, "is_staff", False))
