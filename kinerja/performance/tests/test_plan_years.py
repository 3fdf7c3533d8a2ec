"""How the years of a plan add up (Realisasi Renstra s.d. …): one rule, table-driven."""

from decimal import Decimal as D

import pytest

from kinerja.performance.achievement import change, combine_ratio_years, combine_years

N = None


@pytest.mark.parametrize(
    ("years", "rule", "expected"),
    [
        # sum: a flow adds up over every year of the plan
        ([[D(1), D(2), D(1), D(2)], [D(3), N, N, N]], "sum", D(9)),
        ([[N, N, N, N], [D(1), D(1), N, N]], "sum", D(2)),
        # last: a stock or level is the latest entered quarter, whatever year it was entered in
        ([[D(40), D(45), D(50), D(55)], [D(60), N]], "last", D(60)),
        ([[D(40), D(45), D(50), D(55)], [N, N]], "last", D(55)),
        # average: the mean of every entered quarter
        ([[D(2), N, N, D(4)], [D(6)]], "average", D(4)),
        # nothing entered, or no years at all: "—"
        ([[N, N, N, N], [N, N]], "sum", None),
        ([], "last", None),
        ([[]], "sum", None),
    ],
)
def test_years_add_up_by_the_indicator_rule(years, rule, expected):
    assert combine_years(years, rule) == expected


@pytest.mark.parametrize(
    ("numerators", "denominators", "rule", "expected"),
    [
        # last: the latest quarter with both terms, across years
        ([[D(50), D(60)], [D(90), N]], [[D(100), D(100)], [D(120), N]], "last", D(75)),
        # sum: summed numerators over summed denominators — never the mean of percentages
        ([[D(1), N], [D(3)]], [[D(4), N], [D(4)]], "sum", D(50)),
        ([[N], [N]], [[D(4)], [D(4)]], "last", None),
        ([], [], "sum", None),
    ],
)
def test_a_ratio_over_years_is_computed_from_its_terms(numerators, denominators, rule, expected):
    assert combine_ratio_years(numerators, denominators, rule) == expected


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [(D(50), D("57.5"), D("7.5")), (D(60), D(55), D(-5)), (D(3), D(3), D(0)), (None, D(3), None), (D(3), None, None)],
)
def test_change_from_last_year_needs_both_years(previous, current, expected):
    assert change(previous, current) == expected
