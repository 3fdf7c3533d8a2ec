"""The planner's pages: an agency's targets year by year, and a position's quarterly targets."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from kinerja.accounts.access import NOT_FOUND, agency_or_404, may_plan
from kinerja.core.numbers import format_number, to_decimal
from kinerja.core.periods import QUARTER_NAMES, QUARTERS, chosen_year, quarter_label
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import get_current_plan, get_position_page

from . import services, workflow
from .forms import messages_of
from .models import Target
from .selectors import get_opening_year
from .target_grid import get_target_grid


@dataclass
class Cell:
    """One input of a target grid: its name, the text shown, and its error."""

    name: str
    kind: str
    year: int
    quarter: int = 0
    text: str = ""
    upper_name: str = ""
    upper_text: str = ""
    error: str = ""
    locked: bool = False  # its period is closed: shown read-only, never read from the post


@dataclass
class GridRow:
    indicator: Indicator
    cells: list[Cell] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    year_target: Target | None = None
    positions: list = field(default_factory=list)  # the positions that carry the indicator (the agency's grid)


def _shown(value: Decimal | None, decimals: int) -> str:
    return "" if value is None else format_number(value, max(decimals, 0)).replace(".", "")


def _fill(rows: list[GridRow], targets: list[Target]) -> None:
    index = {(t.indicator_id, t.kind, t.year, t.quarter): t for t in targets}
    for row in rows:
        for cell in row.cells:
            target = index.get((row.indicator.pk, cell.kind, cell.year, cell.quarter))
            if target is not None:
                cell.text = _shown(target.value, 4).rstrip("0").rstrip(",")
                cell.upper_text = _shown(target.value_upper, 4).rstrip("0").rstrip(",")


def _read(request: HttpRequest, rows: list[GridRow]) -> list[tuple[GridRow, Cell, Decimal | None, Decimal | None]]:
    """Every open cell of the posted grid as numbers; errors are put on the cells. A cell of a closed period keeps
    what is stored (it is shown read-only, and whatever is posted for it is ignored)."""
    parsed = []
    for row in rows:
        for cell in row.cells:
            if cell.locked:
                continue
            cell.text = request.POST.get(cell.name, "").strip()
            cell.upper_text = request.POST.get(cell.upper_name, "").strip() if cell.upper_name else ""
            try:
                value, upper = to_decimal(cell.text), to_decimal(cell.upper_text)
            except ValueError as error:
                cell.error = str(error)  # the one reader's message, the same at every door
                continue
            parsed.append((row, cell, value, upper))
    return parsed


def _closed_changes(request: HttpRequest, rows: list[GridRow]) -> list[str]:
    """The cells of closed periods that the post would change (a forged or stale form): named, never saved."""
    refused = []
    for row in rows:
        for cell in row.cells:
            if not cell.locked or cell.name not in request.POST:
                continue
            try:
                posted, shown = to_decimal(request.POST[cell.name].strip()), to_decimal(cell.text)
            except ValueError:
                posted, shown = None, object()
            if posted != shown:
                if cell.quarter:
                    period = gettext("%(quarter)s of %(year)s") % {
                        "quarter": quarter_label(cell.quarter),
                        "year": cell.year,
                    }
                else:
                    period = gettext("year %(year)s") % {"year": cell.year}
                refused.append(f"{row.indicator.code} {period}")
    return refused


def _refused_message(request: HttpRequest, refused: list[str]) -> None:
    if refused:
        text = gettext("These targets were not changed because their period is closed: %(targets)s.")
        messages.warning(request, text % {"targets": ", ".join(refused)})


def _save(request: HttpRequest, parsed: list, *, failed: bool = False) -> bool:
    """Save every cell in one transaction; with any error (`failed`: one found already), nothing — but every
    cell is still checked, so the planner sees all the problems at once."""
    try:
        with transaction.atomic():
            for row, cell, value, upper in parsed:
                try:
                    services.set_target(
                        actor=request.user,
                        indicator=row.indicator,
                        kind=cell.kind,
                        year=cell.year,
                        quarter=cell.quarter,
                        value=value,
                        value_upper=upper,
                    )
                except ValidationError as error:
                    cell.error = " ".join(messages_of(error))
                    failed = True
            if failed:
                raise ValidationError("grid")
    except ValidationError:
        return False
    return True


def agency_targets(request: HttpRequest, agency: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    plan = get_current_plan(agency_obj)
    grid = get_target_grid(plan, position_code=request.GET.get("jabatan", ""), unit_code=request.GET.get("unit", ""))
    rows = []
    for item in grid.indicators:
        indicator = item.indicator
        ranged = indicator.polarity == Indicator.Polarity.RANGE
        cells = [Cell(f"b-{indicator.pk}", Target.Kind.BASELINE, plan.first_year - 1)]
        cells += [
            Cell(
                f"t-{indicator.pk}-{year}",
                Target.Kind.YEAR,
                year,
                upper_name=f"u-{indicator.pk}-{year}" if ranged else "",
            )
            for year in plan.years
        ]
        cells.append(
            Cell(
                f"e-{indicator.pk}", Target.Kind.END, plan.last_year, upper_name=f"ue-{indicator.pk}" if ranged else ""
            )
        )
        rows.append(GridRow(indicator, cells, positions=item.positions))
    baselines = {t.indicator_id: t for t in Target.objects.filter(indicator__plan=plan, kind=Target.Kind.BASELINE)}
    for row in rows:  # the baseline keeps the year it was recorded for
        if row.indicator.pk in baselines:
            row.cells[0].year = baselines[row.indicator.pk].year
    closed = workflow.closed_years(agency_obj, list(plan.years))
    for row in rows:  # a year with a closed quarter keeps its target (services.set_target refuses a change)
        for cell in row.cells:
            cell.locked = cell.kind == Target.Kind.YEAR and cell.year in closed
    _fill(rows, list(Target.objects.filter(indicator__plan=plan).exclude(kind=Target.Kind.QUARTER)))
    if request.method == "POST":
        _refused_message(request, _closed_changes(request, rows))
        parsed = _read(request, rows)
        unreadable = any(cell.error for row in rows for cell in row.cells)
        if _save(request, parsed, failed=unreadable):
            if closed:
                messages.success(
                    request, gettext("The targets were saved. The year targets of closed periods were not changed.")
                )
            else:
                messages.success(request, gettext("The targets were saved."))
            return redirect(request.get_full_path())  # the same filter: the planner sees the rows just saved
        messages.error(
            request, gettext("The targets were not saved: check the cells marked in red. Nothing was changed.")
        )
    return render(
        request,
        "performance/targets.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "rows": rows,
            "grid": grid,
            "years": list(plan.years),
            "closed_years": sorted(closed),
        },
    )


def position_targets(request: HttpRequest, agency: str, position: str) -> HttpResponse:
    agency_obj = agency_or_404(request.user, agency)
    if not may_plan(request.user, agency_obj):
        raise Http404(NOT_FOUND)
    plan = get_current_plan(agency_obj)
    year = chosen_year(request, plan, get_opening_year(plan))
    page = get_position_page(agency_obj, position)
    indicators = [row.indicator for item in page.objectives for row in item.rows]
    rows = [
        GridRow(indicator, [Cell(f"q-{indicator.pk}-{q}", Target.Kind.QUARTER, year, q) for q in QUARTERS])
        for indicator in indicators
    ]
    targets = list(Target.objects.filter(indicator__in=indicators, year=year, kind__in=["year", "quarter"]))
    year_targets = {t.indicator_id: t for t in targets if t.kind == Target.Kind.YEAR}
    closed = workflow.closed_quarters(agency_obj, year)
    for row in rows:
        row.year_target = year_targets.get(row.indicator.pk)
        for cell in row.cells:
            cell.locked = cell.quarter in closed
    _fill(rows, targets)
    if request.method == "POST":
        _refused_message(request, _closed_changes(request, rows))
        parsed = _read(request, rows)
        if _save(request, parsed, failed=any(cell.error for row in rows for cell in row.cells)):
            messages.success(request, gettext("The quarterly targets were saved."))
            return redirect(f"{request.path}?tahun={year}")
        messages.error(request, gettext("The quarterly targets were not saved: check the cells marked in red."))
    for row in rows:
        quarters = {}
        for cell in row.cells:
            try:
                quarters[cell.quarter] = to_decimal(cell.text)
            except ValueError:
                quarters[cell.quarter] = None
        row.warnings = services.quarter_target_warnings(
            row.indicator, row.year_target.value if row.year_target else None, quarters
        )
    return render(
        request,
        "performance/position_targets.html",
        {
            "agency": agency_obj,
            "plan": plan,
            "page": page,
            "rows": rows,
            "year": year,
            "quarters": QUARTER_NAMES,
            "closed": sorted(closed),
        },
    )
