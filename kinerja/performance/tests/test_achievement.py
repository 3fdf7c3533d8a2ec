"""Every rule and boundary of ../shared/REGULATIONS.md §1–§3, table-driven, plus properties."""

from decimal import Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kinerja.performance.achievement import (
    achievement,
    category,
    combine_quarters,
    combine_ratio_quarters,
    plan_progress,
    ratio_value,
    rollup,
    rollup_figures,
)


@pytest.mark.parametrize(
    ("target", "actual", "polarity", "upper", "expected"),
    [
        # higher is better: actual / target × 100
        (D(100), D(85), "higher", None, D(85)),
        (D(80), D(100), "higher", None, D(125)),  # above 100 is shown as computed
        (D(4), D(3), "higher", None, D(75)),
        (D(10), D(0), "higher", None, D(0)),
        # lower is better: (2 × target − actual) / target × 100
        (D(10), D(8), "lower", None, D(120)),
        (D(10), D(12), "lower", None, D(80)),
        (D(10), D(10), "lower", None, D(100)),
        (D(5), D(0), "lower", None, D(200)),
        # range 90–95: inside 100; above against the upper bound; below against the lower bound
        (D(90), D(92), "range", D(95), D(100)),
        (D(90), D(90), "range", D(95), D(100)),
        (D(90), D(95), "range", D(95), D(100)),
        (D(90), D(99), "range", D(95), (2 * D(95) - D(99)) * 100 / D(95)),
        (D(90), D(81), "range", D(95), D(90)),
        # nothing to compute: "—", never a division error
        (D(0), D(5), "higher", None, None),
        (D(0), D(5), "lower", None, None),
        (None, D(5), "higher", None, None),
        (D(10), None, "higher", None, None),
        (D(10), None, "range", D(20), None),
    ],
)
def test_achievement_follows_the_regulation(target, actual, polarity, upper, expected):
    assert achievement(target, actual, polarity, target_upper=upper) == expected


def test_lower_is_better_achievement_uses_twice_target_minus_actual():
    assert achievement(D("2.5"), D("3.0"), "lower") == D(80)


def test_unknown_polarity_is_an_error():
    with pytest.raises(ValueError, match="Polaritas"):
        achievement(D(1), D(1), "sideways")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(150), "Sangat Tinggi"),
        (D(100), "Sangat Tinggi"),
        (D(91), "Sangat Tinggi"),
        (D("90.99"), "Tinggi"),
        (D(90), "Tinggi"),
        (D(76), "Tinggi"),
        (D("75.99"), "Sedang"),
        (D(66), "Sedang"),
        (D("65.99"), "Rendah"),
        (D(51), "Rendah"),
        (D("50.99"), "Sangat Rendah"),
        (D(0), "Sangat Rendah"),
        (D(-20), "Sangat Rendah"),
        (None, None),
    ],
)
def test_category_boundaries(value, expected):
    assert category(value) == expected


Q = [D(2), None, D(3), D(1)]


@pytest.mark.parametrize(
    ("rule", "up_to", "expected"),
    [
        ("sum", 4, D(6)),
        ("sum", 1, D(2)),
        ("sum", 2, D(2)),
        ("sum", 3, D(5)),
        ("last", 4, D(1)),
        ("last", 2, D(2)),
        ("last", 3, D(3)),
        ("average", 4, D(2)),
        ("average", 3, D("2.5")),
    ],
)
def test_quarter_rules_make_the_year_and_up_to_quarter_n(rule, up_to, expected):
    assert combine_quarters(Q, rule, up_to=up_to) == expected


def test_no_quarter_entered_gives_no_actual():
    assert combine_quarters([None, None, None, None], "sum") is None


def test_quarter_outside_one_to_four_is_refused():
    with pytest.raises(ValueError):
        combine_quarters(Q, "sum", up_to=5)


def test_ratio_over_quarters_divides_sums_never_averages_percentages():
    numerators, denominators = [D(1), D(9), None, None], [D(2), D(30), None, None]  # 50 % and 30 %
    assert combine_ratio_quarters(numerators, denominators, "sum") == D(10) * 100 / D(32)  # not 40
    numerators, denominators = [D(1), D(1)], [D(2), D(8)]  # 50 % and 12.5 %: mean 31.25, ratio 20
    assert combine_ratio_quarters(numerators, denominators, "average", up_to=2) == D(20)
    assert combine_ratio_quarters(numerators, denominators, "last", up_to=2) == D("12.5")


def test_ratio_value_handles_zero_and_missing_denominator():
    assert ratio_value(D(3), D(4)) == D(75)
    assert ratio_value(D(3), D(0)) is None
    assert ratio_value(None, D(4)) is None
    assert ratio_value(D(1), D(3), D(1)) == D(1) / D(3)


def test_rollup_is_the_mean_of_existing_achievements_and_counts_missing():
    result = rollup([D(100), D(50), None])
    assert result.mean == D(75)
    assert (result.counted, result.missing) == (2, 1)
    assert result.category == "Sedang"  # 66 ≤ 75 < 76
    assert rollup([None, None]).mean is None
    assert rollup([D(150), D(50)], cap=D(100)).mean == D(75)


def test_plan_progress():
    assert plan_progress(D(60), D(80)) == D(75)
    assert plan_progress(None, D(80)) is None
    assert plan_progress(D(60), D(0)) is None


amounts = st.decimals(min_value=D("0.01"), max_value=D(10**6), places=2, allow_nan=False, allow_infinity=False)


@given(amounts, amounts, amounts)
def test_higher_is_better_rising_actual_never_lowers_achievement(target, first, second):
    low, high = sorted((first, second))
    assert achievement(target, low, "higher") <= achievement(target, high, "higher")


@given(amounts, amounts, amounts)
def test_lower_is_better_rising_actual_never_raises_achievement(target, first, second):
    low, high = sorted((first, second))
    assert achievement(target, low, "lower") >= achievement(target, high, "lower")


@given(amounts, amounts, amounts)
def test_range_achievement_is_at_most_100_and_100_inside(low, high, actual):
    assume(low <= high)
    value = achievement(low, actual, "range", target_upper=high)
    assert value <= 100
    if low <= actual <= high:
        assert value == 100


@given(st.lists(st.one_of(st.none(), amounts), min_size=4, max_size=4))
def test_sum_up_to_quarter_never_decreases(values):
    totals = [combine_quarters(values, "sum", up_to=n) for n in range(1, 5)]
    present = [total for total in totals if total is not None]
    assert present == sorted(present)


@pytest.mark.parametrize(
    ("figures", "cap", "mean", "counted", "missing", "verified", "low"),
    [
        ([], None, None, 0, 0, 0, False),  # nothing to measure: no figure, and no warning either
        ([(None, False), (None, False)], None, None, 0, 2, 0, True),  # nothing entered yet
        ([(D(300), False), (D(80), True)], None, D(190), 2, 0, 1, False),  # above 100 counts as computed
        ([(D(300), False), (D(80), True)], D(100), D(90), 2, 0, 1, False),  # the cap cuts each one first
        ([(D(50), True), (None, False), (None, False)], None, D(50), 1, 2, 1, True),  # 1 of 3: low coverage
        ([(D(50), True), (D(70), False), (None, False)], None, D(60), 2, 1, 1, False),  # 2 of 3: enough
        ([(D(90), True), (None, True)], None, D(90), 1, 1, 1, False),  # half is not low; missing never verified
    ],
)
def test_a_rollup_is_the_capped_mean_of_existing_achievements_with_its_coverage(
    figures, cap, mean, counted, missing, verified, low
):
    result = rollup_figures(figures, cap=cap)
    assert (result.mean, result.counted, result.missing, result.verified, result.low_coverage) == (
        mean,
        counted,
        missing,
        verified,
        low,
    )
    assert result.total == counted + missing and result.cap == cap
