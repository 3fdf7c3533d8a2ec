"""Which indicators the agency's target grid shows, with the positions that carry each, filtered by position
and unit (`?jabatan=`, `?unit=`): four queries whatever the size of the plan."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from kinerja.organisation.models import Position, Unit
from kinerja.strategy.models import Indicator, PageIndicator, StrategicPlan


@dataclass
class GridIndicator:
    """An indicator of the grid and the positions it belongs to: those whose IKI page carries it, else the
    position responsible for it."""

    indicator: Indicator
    positions: list[Position] = field(default_factory=list)


@dataclass
class TargetGrid:
    indicators: list[GridIndicator]
    positions: list[Position]  # every position of the agency, for the filter
    units: list[Unit]  # every unit of the agency, for the filter
    position: Position | None = None  # the chosen filters (None: all)
    unit: Unit | None = None


def _below(unit: Unit, units: list[Unit]) -> set[int]:
    """The unit and every unit under it."""
    children: dict[int | None, list[Unit]] = {}
    for item in units:
        children.setdefault(item.parent_id, []).append(item)
    found, todo = set(), [unit]
    while todo:
        current = todo.pop()
        if current.pk not in found:
            found.add(current.pk)
            todo.extend(children.get(current.pk, []))
    return found


def get_target_grid(plan: StrategicPlan, *, position_code: str = "", unit_code: str = "") -> TargetGrid:
    """The grid's indicators in the plan's order; a position keeps those it carries (or is responsible for), a
    unit those of the positions in it or under it. An unknown code filters nothing."""
    positions = list(
        Position.objects.structural().filter(agency_id=plan.agency_id).select_related("unit").order_by("order")
    )
    units = list(Unit.objects.filter(agency_id=plan.agency_id).order_by("order"))
    position = next((item for item in positions if item.code == position_code), None) if position_code else None
    unit = next((item for item in units if item.code == unit_code), None) if unit_code else None
    rows = PageIndicator.objects.select_related("position").order_by("position__order")
    indicators = plan.indicators.select_related("responsible_position").prefetch_related(
        Prefetch("page_rows", rows, to_attr="grid_rows")
    )
    grid = []
    for indicator in indicators.order_by("order", "code"):
        carried = list(dict.fromkeys(row.position for row in indicator.grid_rows))
        if not carried and indicator.responsible_position is not None:
            carried = [indicator.responsible_position]
        grid.append(GridIndicator(indicator, carried))
    if position is not None:
        grid = [item for item in grid if any(p.pk == position.pk for p in item.positions)]
    if unit is not None:
        inside = _below(unit, units)
        grid = [item for item in grid if any(p.unit_id in inside for p in item.positions)]
    return TargetGrid(grid, positions, units, position, unit)
