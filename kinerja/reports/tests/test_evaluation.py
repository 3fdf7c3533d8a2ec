"""The quarterly evaluation of the work plan (§6) and the LKjIP tables (1)–(3), read on the Document.

Expected figures are computed here from the database rows through achievement.py, not copied from the
builder; the Excel formulas are checked against the cells they name.
"""

import re
from decimal import Decimal

import pytest

from kinerja.core.numbers import MISSING, format_number
from kinerja.performance import achievement, services
from kinerja.performance.models import Actual, Target
from kinerja.reports.achievement_tables import column_letter
from kinerja.reports.document import Signatures, Table
from kinerja.reports.evaluation import build_evaluation
from kinerja.strategy.models import Indicator, Programme

YEAR = 2022
# Logical columns of the evaluation table.
INDICATOR, END, BEFORE, TARGET, Q1, Q3, Q4, YEAR_ACTUAL, RENJA, TO_DATE, PROGRESS, UNIT = (
    3,
    5,
    7,
    9,
    11,
    15,
    17,
    19,
    21,
    22,
    24,
    25,
)


@pytest.fixture
def example(example_figures):
    return example_figures


def strategic(agency) -> list[Indicator]:
    return list(Indicator.objects.filter(plan__agency=agency, objective__isnull=False).order_by("order"))


def grid(table: Table) -> dict[tuple[int, int], object]:
    return {(row, column): cell for row, column, cell in table.layout()}


def indicator_rows(table: Table) -> dict[str, int]:
    """Row index (in the layout, headers included) of each indicator name."""
    return {cell.plain: row for row, column, cell in table.layout() if column == INDICATOR and row >= 3}


def expected_figures(indicator: Indicator, quarter: int) -> dict[str, Decimal | None]:
    """The figures of one row, straight from Target and Actual rows through achievement.py."""
    targets = {(t.kind, t.year, t.quarter): t.value for t in Target.objects.filter(indicator=indicator)}
    actuals = {(a.year, a.quarter): a for a in Actual.objects.filter(indicator=indicator)}
    factor = indicator.factor or Decimal(100)

    def year_quarters(year: int, up_to: int) -> list:
        return [actuals.get((year, q)) for q in range(1, up_to + 1)]

    def combine(rows: list) -> Decimal | None:
        if indicator.formula == "ratio":
            return (
                achievement.combine_ratio_quarters(
                    [a.numerator if a else None for a in rows],
                    [a.denominator if a else None for a in rows],
                    indicator.quarter_rule,
                    factor,
                    up_to=len(rows),
                )
                if rows
                else None
            )
        return (
            achievement.combine_quarters(
                [a.value if a else None for a in rows], indicator.quarter_rule, up_to=len(rows)
            )
            if rows
            else None
        )

    plan = indicator.plan
    earlier = [a for y in range(plan.first_year, YEAR) for a in year_quarters(y, 4)]
    this = year_quarters(YEAR, quarter)
    quarter_targets = [targets.get(("quarter", YEAR, q)) for q in range(1, 5)]
    target_up_to = (
        targets.get(("year", YEAR, 0))
        if quarter == 4
        else achievement.combine_quarters(quarter_targets, indicator.quarter_rule, up_to=quarter)
    )
    actual = combine(this)
    to_date = combine(earlier + this)
    end = targets.get(("end", plan.last_year, 0))
    return {
        "end": end,
        "before": combine(earlier),
        "target": targets.get(("year", YEAR, 0)),
        "actual": actual,
        "renja": achievement.achievement(target_up_to, actual, indicator.polarity),
        "to_date": to_date,
        "progress": achievement.plan_progress(to_date, end),
    }


def test_rows_carry_the_figures_of_the_database(example):
    document = build_evaluation(example, YEAR, 2)
    table = document.tables()[0]
    cells, rows = grid(table), indicator_rows(table)
    for indicator in strategic(example):
        row = rows[indicator.name]
        figures = expected_figures(indicator, 2)
        for name, column in (
            ("end", END),
            ("before", BEFORE),
            ("target", TARGET),
            ("actual", YEAR_ACTUAL),
            ("to_date", TO_DATE),
        ):
            assert cells[row, column].plain == format_number(figures[name], indicator.decimals), (indicator.code, name)
        for name, column in (("renja", RENJA), ("progress", PROGRESS)):
            assert cells[row, column].plain == format_number(figures[name], 2), (indicator.code, name)
        position = indicator.responsible_position
        assert cells[row, UNIT].plain == (position.unit.name if position else MISSING)
    # The example has actuals for the ratios of every quarter: the figures are there, not all "—".
    assert any(cells[rows[i.name], RENJA].plain != MISSING for i in strategic(example))


def test_years_before_this_one_add_up_into_the_plan_to_date(example):
    indicator = Indicator.objects.get(plan__agency=example, code="IKU.2")
    services.record_actual(
        actor=None, indicator=indicator, year=2021, quarter=4, numerator=Decimal(100), denominator=Decimal(196)
    )
    count = Indicator.objects.get(plan__agency=example, code="kasubag-perencanaan.O1.I1")  # a flow: sum
    Programme.objects.get(plan__agency=example, code="2.16.01").indicators.add(count)
    for quarter in (1, 3):
        services.record_actual(actor=None, indicator=count, year=2021, quarter=quarter, value=Decimal(2))
    document = build_evaluation(example, YEAR, 2)
    table = document.tables()[0]
    cells, rows = grid(table), indicator_rows(table)
    row = rows[indicator.name]
    assert cells[row, BEFORE].plain == format_number(Decimal(100) * 100 / Decimal(196))
    assert cells[row, TO_DATE].plain == format_number(expected_figures(indicator, 2)["to_date"])
    row = rows[count.name]  # the programme's indicator, under its programme
    this_year = sum((a.value for a in Actual.objects.filter(indicator=count, year=YEAR, quarter__lte=2)), Decimal(0))
    assert cells[row, BEFORE].plain == "4"
    assert cells[row, TO_DATE].plain == format_number(4 + this_year, 0)
    assert cells[row, 2].plain.startswith("2.16.01")


def test_quarters_after_the_chosen_one_are_blank(example):
    for quarter in (1, 2, 3, 4):
        table = build_evaluation(example, YEAR, quarter).tables()[0]
        cells, rows = grid(table), indicator_rows(table)
        row = rows[Indicator.objects.get(plan__agency=example, code="IKU.2").name]
        for q in range(1, 5):
            k = cells[row, Q1 + 2 * (q - 1)].plain
            assert (k == "") == (q > quarter), (quarter, q, k)


def test_an_indicator_without_actual_shows_a_dash_and_the_average_ignores_it(example):
    document = build_evaluation(example, YEAR, 2)  # the SAKIP score is given in the fourth quarter only
    table, footer = document.tables()[0], document.tables()[1]
    cells, rows = grid(table), indicator_rows(table)
    sakip = Indicator.objects.get(plan__agency=example, code="IKU.1")
    assert cells[rows[sakip.name], YEAR_ACTUAL].plain == MISSING
    assert cells[rows[sakip.name], RENJA].plain == MISSING
    assert any("“Meningkatnya nilai SAKIP” belum diisi" in line for line in document.missing)
    values = [expected_figures(i, 2)["renja"] for i in strategic(example) if i.code != "IKU.1"]
    mean = sum(values, Decimal(0)) / len(values)
    labels = {row[0].plain: row[1] for row in footer.rows}
    assert labels["Rata-rata capaian kinerja Renja"].plain == format_number(mean) + ""
    assert labels["Predikat kinerja"].plain == achievement.category(mean)
    assert "1 indikator tanpa realisasi" in labels["Jumlah indikator yang dihitung"].plain
    assert "Keterbatasan jaringan di wilayah kepulauan." in labels["Faktor penghambat pencapaian kinerja"].plain


def test_excel_formulas_name_the_cells_that_hold_their_terms(example):
    document = build_evaluation(example, YEAR, 4)
    formulas = 0
    for table in document.tables():
        by_address = {f"{column_letter(column)}{row + 1}": cell for row, column, cell in table.layout()}
        for cell in by_address.values():
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            formulas += 1
            terms = re.findall(r"[A-Z]+\d+", cell.value)
            values = {name: by_address[name].value for name in terms}
            assert all(isinstance(value, Decimal) for value in values.values()), cell.value
            expression = re.sub(r"[A-Z]+\d+", lambda match: f"values[{match.group(0)!r}]", cell.value[1:])
            computed = eval(expression, {"values": values})  # noqa: S307 (our own formula of cell names)
            assert format_number(computed) == cell.plain, cell.value
    assert formulas >= 8


def test_the_head_evaluates_and_the_secretary_compiles(example):
    document = build_evaluation(example, YEAR, 2)
    signatures = next(b for s in document.sections for b in s.blocks if isinstance(b, Signatures))
    evaluated, compiled = signatures.blocks
    assert "Dievaluasi oleh," in evaluated.above and evaluated.name == "Drs. Deky Tawaris, MM"
    assert "Disusun oleh," in compiled.above and compiled.name == "Sekretaris Uji, S.Sos"
    # Before the head took office (14 February 2022) nobody signs: dots, and the gap is listed.
    early = build_evaluation(example, 2021, 4)
    signatures = next(b for s in early.sections for b in s.blocks if isinstance(b, Signatures))
    assert signatures.blocks[0].name.startswith("…")
    assert any("Kepala Dinas" in line for line in early.missing)


def test_the_workbook_has_the_evaluation_and_the_three_lkjip_tables(example):
    tables = build_evaluation(example, YEAR, 3).tables()
    titles = [table.title for table in tables]
    assert titles == [
        "Evaluasi Renja TW III 2022",
        "Ringkasan TW III 2022",
        "Capaian 2022",
        "Antartahun 2022",
        "Renstra s.d. 2022",
    ]
    assert all(len(title) <= 31 for title in titles)
    assert tables[0].freeze_columns == 5 and len(tables[0].header) == 3


def test_the_evaluation_costs_a_fixed_number_of_queries(example, django_assert_max_num_queries):
    # 10: the accountability data (9) and every IKI page row of the plan, which the agency's figure rests on
    # (reports.selectors.get_accountability_data; the figures themselves are computed from what was read)
    with django_assert_max_num_queries(10):
        small = build_evaluation(example, YEAR, 2)
    extra = list(Indicator.objects.filter(plan__agency=example, objective__isnull=True))
    for programme in Programme.objects.filter(plan__agency=example):
        programme.indicators.add(*extra)
    with django_assert_max_num_queries(10):
        large = build_evaluation(example, YEAR, 2)
    assert len(large.tables()[0].rows) > len(small.tables()[0].rows) + 100


def test_a_quarter_outside_one_to_four_is_refused(seed):
    with pytest.raises(ValueError, match="Triwulan"):
        build_evaluation(seed, YEAR, 5)
