"""The action plan is read in a fixed number of queries, with the targets as set beside the actions."""

from decimal import Decimal

from kinerja.actionplans import services
from kinerja.actionplans.selectors import get_action_plan, get_indicator_actions
from kinerja.organisation.models import Position
from kinerja.performance.models import Target
from kinerja.strategy.models import Indicator

from .helpers import YEAR, indicator_of, quarter_targets, sub_activity_of


def _add(world, indicator, position, quarter, description, sub=None):
    return services.add_action(
        actor=world.planner,
        indicator=indicator,
        year=YEAR,
        quarter=quarter,
        description=description,
        output_quantity=Decimal("1"),
        output_unit="dokumen",
        responsible_position=position,
        sub_activity=sub,
    )


def test_the_quarters_targets_sit_beside_the_actions_and_gaps_are_named(world, seed):
    indicator = indicator_of(seed)
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    quarter_targets(indicator, q2="1", q4="1")
    _add(world, indicator, kasi, 2, "Menyusun rancangan")
    plan = get_indicator_actions(indicator.plan, indicator.code, YEAR).plan
    assert [(q.quarter, q.target, len(q.actions), q.missing) for q in plan.quarters] == [
        (1, None, 0, False),
        (2, Decimal("1.0000"), 1, False),
        (3, None, 0, False),
        (4, Decimal("1.0000"), 0, True),
    ]
    assert plan.year_target == Decimal("2.0000")
    whole = get_action_plan(indicator.plan, YEAR)
    assert [(m.indicator.code, m.quarter) for m in whole.missing] == [(indicator.code, 4)]


def test_the_whole_plan_costs_four_queries_however_many_actions(world, seed, django_assert_num_queries):
    indicator = indicator_of(seed)
    plan = indicator.plan
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    with django_assert_num_queries(4):
        empty = get_action_plan(plan, YEAR)
    sub = sub_activity_of(plan)
    for item in Indicator.objects.filter(plan=plan)[:12]:
        Target.objects.create(indicator=item, kind="quarter", year=YEAR, quarter=1, value=Decimal(1))
        for quarter in (1, 2, 3):
            _add(world, item, kasi, quarter, f"Aksi {item.code} {quarter}", sub)
    with django_assert_num_queries(4):
        full = get_action_plan(plan, YEAR)
        # reading every cell the page and the document read costs nothing more
        seen = [
            (action.responsible_position.title, action.sub_activity.activity.programme.code, action.indicator.code)
            for item in full.indicators
            for quarter in item.quarters
            for action in quarter.actions
        ]
        missing = full.missing
    assert len(seen) == 36 and missing == []
    assert len(full.pages) == len(empty.pages) > 10


def test_one_positions_page_alone(world, seed):
    plan = indicator_of(seed).plan
    page = get_action_plan(plan, YEAR, Position.objects.get(agency=seed, code="kasi-tata-kelola"))
    assert [p.position.code for p in page.pages] == ["kasi-tata-kelola"]
    assert [i.indicator.code for i in page.indicators] == ["kasi-tata-kelola.O1.I1"]
