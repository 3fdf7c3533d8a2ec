"""An indicator's figure for a year up to a quarter: which target it is compared with (docs/measurement.md)."""

from decimal import Decimal as D

import pytest

from kinerja.performance.selectors import ActualFigures, Measurement, TargetFigures
from kinerja.strategy.models import Indicator


def measurement(
    rule: str,
    year_target: str | None,
    quarter_targets: dict[int, str],
    actuals: dict[int, str],
    verified: tuple[int, ...] = (),
) -> Measurement:
    indicator = Indicator(code="X", formula="count", polarity="higher", quarter_rule=rule)
    return Measurement(
        indicator,
        2023,
        TargetFigures(D(year_target), None, False) if year_target else None,
        {q: TargetFigures(D(v), None, False) for q, v in quarter_targets.items()},
        {
            q: ActualFigures(D(v), None, None, "verified" if q in verified else "draft", False)
            for q, v in actuals.items()
        },
    )


@pytest.mark.parametrize(
    ("rule", "year_target", "quarter_targets", "actuals", "quarter", "target", "uses_year", "achievement"),
    [
        ("sum", "8", {1: "2", 2: "2", 3: "2", 4: "2"}, {1: "1"}, 1, D(2), False, D(50)),  # quarterly target
        ("sum", "8", {1: "2", 2: "2", 3: "2", 4: "2"}, {1: "1", 2: "3"}, 2, D(4), False, D(100)),  # summed 1..N
        ("sum", "8", {}, {1: "2"}, 1, D(8), True, D(25)),  # no quarterly target: the year's
        ("last", "70", {}, {1: "56"}, 1, D(70), True, D(80)),  # a level compared with the year's level
        ("sum", "8", {1: "2", 2: "2", 3: "2", 4: "2"}, {1: "2", 2: "2", 3: "2", 4: "2"}, 4, D(8), True, D(100)),
        ("sum", None, {1: "2", 2: "2"}, {1: "2"}, 4, D(4), False, D(50)),  # no year target: the quarters'
        ("sum", None, {}, {1: "2"}, 1, None, False, None),  # no target at all: "—"
        ("sum", "8", {}, {}, 2, D(8), True, None),  # no actual: "—", never 0
    ],
)
def test_a_period_is_compared_with_its_quarterly_targets_or_else_the_year_target(
    rule, year_target, quarter_targets, actuals, quarter, target, uses_year, achievement
):
    m = measurement(rule, year_target, quarter_targets, actuals).at(quarter)
    assert m.period_target == target
    assert m.uses_year_target(quarter) == uses_year
    assert m.period_uses_year_target == (uses_year and quarter < 4)
    assert m.period_achievement == achievement


@pytest.mark.parametrize(
    ("actuals", "verified", "quarter", "expected"),
    [
        ({1: "1", 2: "1"}, (1, 2), 2, True),
        ({1: "1", 2: "1"}, (1,), 2, False),
        ({1: "1", 2: "1"}, (1,), 1, True),
        ({}, (), 4, False),
    ],
)
def test_a_figure_is_verified_when_every_actual_up_to_the_quarter_is(actuals, verified, quarter, expected):
    assert measurement("sum", "8", {}, actuals, verified).verified_up_to(quarter) is expected


def test_an_achievement_is_kept_to_four_places_half_up_so_the_api_and_the_page_round_alike():
    m = measurement("sum", "3", {}, {4: "2"})  # 2 / 3 × 100 = 66.6666…
    assert m.year_achievement == D("66.6667")
    assert measurement("sum", "8", {}, {4: "1"}).year_achievement == D("12.5000")
