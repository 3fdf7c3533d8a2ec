"""The achievement tables of LKjIP chapter III A (1)–(3) (REGULATIONS.md §5), shared by the report and the
evaluation workbook, and the cells every table of figures uses.

(1) target vs actual this year, with achievement and category; (2) this year vs the earlier years of the
plan; (3) actual to date vs the end-of-plan target, with the progress. Built for one strategic objective (the
report) or for all of them with the objective in a spanning column (the workbook: one sheet per table).
"""

from decimal import Decimal

from kinerja.core import periods
from kinerja.core.numbers import MISSING, format_number
from kinerja.core.periods import roman
from kinerja.performance import achievement
from kinerja.performance.selectors import PlanMeasurement
from kinerja.strategy.models import Indicator

from .document import Cell, Column, Table
from .selectors import AccountabilityData, ObjectiveRows

PERCENT_FORMAT = "#,##0.00"


def column_letter(index: int) -> str:
    """The Excel letter of a 0-based column index (0 → A, 25 → Z, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def head(text: str, **options) -> Cell:
    return Cell.of(text, align="center", bold=True, **options)


def text_cell(text: str | None, **options) -> Cell:
    return Cell.of(text or MISSING, **options)


def number_cell(value: Decimal | None, decimals: int = 2, *, formula: str = "", align: str = "right") -> Cell:
    """A figure: shown the Indonesian way ("—" when missing); in Excel the value, or `formula` when given."""
    return Cell.of(
        format_number(value, decimals),
        align=align,
        value=formula if formula and value is not None else value,
        number_format=number_format(decimals) if value is not None else "",
    )


def percent_cell(value: Decimal | None, *, formula: str = "", align: str = "right") -> Cell:
    return number_cell(value, 2, formula=formula, align=align)


def blank_cell() -> Cell:
    return Cell.of("")


def quarter_label(quarter: int) -> str:
    return "" if quarter == 4 else f" s.d. TW {roman(quarter)}"


def achievement_formula(indicator: Indicator, target: str, actual: str) -> str:
    """The Excel formula of §1 for the two polarities Excel can follow plainly; a range gets the value."""
    if indicator.polarity == Indicator.Polarity.HIGHER:
        return f"={actual}/{target}*100"
    if indicator.polarity == Indicator.Polarity.LOWER:
        return f"=(2*{target}-{actual})/{target}*100"
    return ""


class _Grid:
    """Rows of one table, the objective's cell spanning its indicators' rows when the table shows it."""

    def __init__(
        self, data: AccountabilityData, groups: list[ObjectiveRows], header_rows: int, with_objective: bool
    ) -> None:
        self.data, self.groups, self.header_rows, self.with_objective = data, groups, header_rows, with_objective
        self.offset = 2 if with_objective else 1  # No (and Sasaran) before the indicator's columns

    def build(self, figures) -> list[list[list[Cell]]]:
        groups, excel_row, number = [], self.header_rows + 1, 0
        for group in self.groups:
            indicators = group.indicators
            if not indicators:
                continue
            rows = []
            for index, indicator in enumerate(indicators):
                row: list[Cell] = []
                if not self.with_objective:
                    number += 1
                    row.append(Cell.of(str(number), align="center"))
                elif index == 0:
                    number += 1
                    row += [
                        Cell.of(str(number), align="center", rowspan=len(indicators)),
                        Cell.of(group.objective.text, rowspan=len(indicators)),
                    ]
                row += [Cell.of(indicator.name), text_cell(indicator.unit, align="center")]
                row += figures(indicator, self.data.measurement(indicator), excel_row)
                rows.append(row)
                excel_row += 1
            groups.append(rows)
        return groups

    def letter(self, figure: int) -> str:
        """The Excel column of the figure number `figure` (0 = the first figure after Indikator, Satuan)."""
        return column_letter(self.offset + 2 + figure)

    def leading(self) -> list[Cell]:
        cells = [head("No")]
        if self.with_objective:
            cells.append(head("Sasaran Strategis"))
        return [*cells, head("Indikator Kinerja"), head("Satuan")]

    def columns(self, figures: int) -> list[Column]:
        columns = [Column(4, 5)]
        if self.with_objective:
            columns.append(Column(22, 34))
        return columns + [Column(30, 46), Column(9, 11)] + [Column(11, 14)] * figures


def target_vs_actual(
    data: AccountabilityData,
    groups: list[ObjectiveRows],
    *,
    quarter: int = 4,
    title: str = "",
    with_objective: bool = False,
) -> Table:
    """(1) Target vs actual of the year (up to `quarter`), achievement and category."""
    year, label = data.year, quarter_label(quarter)
    grid = _Grid(data, groups, 1, with_objective)

    period = data.figures(quarter)

    def figures(indicator: Indicator, measurement: PlanMeasurement, row: int) -> list[Cell]:
        m = period.indicator(indicator.pk)  # the one definition (kinerja.performance.figures)
        target, actual, value = m.period_target, m.period_actual, m.period_achievement
        formula = achievement_formula(indicator, f"{grid.letter(0)}{row}", f"{grid.letter(1)}{row}")
        return [
            number_cell(target, indicator.decimals),
            number_cell(actual, indicator.decimals),
            percent_cell(value, formula=formula),
            text_cell(achievement.category(value), align="center"),
        ]

    return Table(
        columns=grid.columns(4),
        header=[
            [
                *grid.leading(),
                head(f"Target {year}{label}"),
                head(f"Realisasi {year}{label}"),
                head("Capaian (%)"),
                head("Kategori"),
            ]
        ],
        groups=grid.build(figures),
        title=title or f"Target dan Realisasi {year}",
        freeze_columns=grid.offset + 1,
    )


def earlier_years(
    data: AccountabilityData,
    groups: list[ObjectiveRows],
    *,
    quarter: int = 4,
    title: str = "",
    with_objective: bool = False,
) -> Table:
    """(2) The actual of each plan year up to this one (this one up to `quarter`), and the change from last year."""
    year, plan = data.year, data.plan
    years = list(range(plan.first_year, year + 1)) if plan else [year]
    grid = _Grid(data, groups, 1, with_objective)
    period = data.figures(quarter)

    def figures(indicator: Indicator, measurement: PlanMeasurement, row: int) -> list[Cell]:
        # this year's actual is the period's figure (performance.figures); earlier years are whole years
        values = [
            period.indicator(indicator.pk).period_actual if each == year else measurement.year(each).year_actual
            for each in years
        ]
        previous = measurement.year(year - 1).year_actual
        difference = achievement.change(previous, values[-1])
        formula = f"={grid.letter(len(years) - 1)}{row}-{grid.letter(len(years) - 2)}{row}" if len(years) > 1 else ""
        return [number_cell(value, indicator.decimals) for value in values] + [
            number_cell(difference, indicator.decimals, formula=formula)
        ]

    labels = [f"Realisasi {each}" + (quarter_label(quarter) if each == year else "") for each in years]
    return Table(
        columns=grid.columns(len(years) + 1),
        header=[grid.leading() + [head(label) for label in labels] + [head(f"Perubahan dari {year - 1}")]],
        groups=grid.build(figures),
        title=title or "Perbandingan Antartahun",
        freeze_columns=grid.offset + 1,
    )


def plan_progress(
    data: AccountabilityData,
    groups: list[ObjectiveRows],
    *,
    quarter: int = 4,
    title: str = "",
    with_objective: bool = False,
) -> Table:
    """(3) The actual of the plan to date vs the end-of-plan target, and the progress (%)."""
    year, plan = data.year, data.plan
    last = plan.last_year if plan else year
    grid = _Grid(data, groups, 1, with_objective)

    def figures(indicator: Indicator, measurement: PlanMeasurement, row: int) -> list[Cell]:
        formula = f"={grid.letter(1)}{row}/{grid.letter(0)}{row}*100"
        return [
            number_cell(measurement.end_value, indicator.decimals),
            number_cell(measurement.to_date(year, quarter), indicator.decimals),
            percent_cell(measurement.progress(year, quarter), formula=formula),
        ]

    return Table(
        columns=grid.columns(3),
        header=[
            [
                *grid.leading(),
                head(f"Target Akhir Renstra ({last})"),
                head(f"Realisasi s.d. {year}{quarter_label(quarter)}"),
                head("Tingkat Kemajuan (%)"),
            ]
        ],
        groups=grid.build(figures),
        title=title or "Capaian Renstra",
        freeze_columns=grid.offset + 1,
    )


def achievement_tables(
    data: AccountabilityData,
    groups: list[ObjectiveRows],
    *,
    quarter: int = 4,
    prefix: str = "",
    with_objective: bool = False,
) -> list[Table]:
    """Tables (1)–(3) of §5 A for `groups`; `prefix` keeps the sheet names apart (Excel: at most 31 characters)."""
    options = {"quarter": quarter, "with_objective": with_objective}
    return [
        target_vs_actual(data, groups, title=f"{prefix}Capaian {data.year}"[:31], **options),
        earlier_years(data, groups, title=f"{prefix}Antartahun {data.year}"[:31], **options),
        plan_progress(data, groups, title=f"{prefix}Renstra s.d. {data.year}"[:31], **options),
    ]


def list_missing_figures(
    data: AccountabilityData, indicators: list[Indicator], quarter: int, missing: list[str]
) -> None:
    """Add to `missing` every figure of `indicators` that a table prints as "—" for want of data."""
    upto = f" s.d. {periods.quarter_label(quarter)}" if quarter < 4 else ""
    for indicator in indicators:
        measurement = data.measurement(indicator)
        m = measurement.year(data.year)
        if measurement.end_target is None:
            missing.append(f"Target akhir Renstra indikator “{indicator.name}” belum diisi.")
        if m.target is None:
            missing.append(f"Target {data.year} indikator “{indicator.name}” belum diisi.")
        if m.actual_up_to(quarter) is None:
            missing.append(f"Realisasi {data.year}{upto} indikator “{indicator.name}” belum diisi.")
        if indicator.responsible_position is None:
            missing.append(f"Penanggung jawab indikator “{indicator.name}” belum diisi.")
