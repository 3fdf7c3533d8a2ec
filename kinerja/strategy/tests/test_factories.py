"""Every factory of the plan makes rows that pass full_clean, twice in a row, all of one agency's plan."""

import pytest

from kinerja.strategy.models import Indicator, Objective

from .factories import (
    GoalFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PageIndicatorFactory,
    StrategicPlanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "traits"),
    [
        (StrategicPlanFactory, {}),
        (GoalFactory, {}),
        (ObjectiveFactory, {}),
        (ObjectiveFactory, {"performance": True}),
        (IndicatorFactory, {}),
        (IndicatorFactory, {"ratio": True}),
        (IndicatorFactory, {"count": True}),
        (PageIndicatorFactory, {}),
    ],
    ids=["plan", "goal", "strategic-objective", "performance-objective", "value", "ratio", "count", "page-row"],
)
def test_the_factory_makes_rows_that_pass_full_clean(factory, traits):
    first, second = factory(**traits), factory(**traits)
    for row in (first, second):
        row.full_clean()
    assert first.pk != second.pk


@pytest.mark.parametrize(("traits", "formula"), [({}, "value"), ({"ratio": True}, "ratio"), ({"count": True}, "count")])
def test_an_indicator_has_the_formula_asked_for(traits, formula):
    assert IndicatorFactory(**traits).formula == formula


def test_a_page_row_is_of_one_agency_and_one_plan():
    row = PageIndicatorFactory()
    assert row.objective.level == Objective.Level.PERFORMANCE
    assert row.objective.position == row.position
    assert row.indicator.plan == row.objective.plan
    assert row.position.agency == row.objective.plan.agency
    assert Indicator.objects.filter(plan=row.objective.plan).count() == 1
