from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.dashboard import selectors
from kinerja.performance import achievement
from kinerja.performance.selectors import get_measurements, kept
from kinerja.strategy.selectors import find_current_plan

from .factory import make_agency

SEED = "halut-diskominfo"


@pytest.fixture
def example(example_figures):
    return example_figures


def test_the_dashboard_shows_every_iku_with_its_figures_and_links(client, world, example):
    client.force_login(world.head_of_agency)
    response = client.get(reverse("dashboard", args=[SEED]) + "?tahun=2022&triwulan=4")
    assert response.status_code == 200
    html = response.content.decode()
    plan = find_current_plan(example)
    iku = list(plan.indicators.filter(is_key=True))
    assert len(iku) >= 3
    measurements = get_measurements(iku, 2022)
    for indicator in iku:
        assert reverse("indicator-detail", args=[SEED, indicator.code]) in html
        value = measurements[indicator.pk].year_achievement
        if value is not None:  # the same achievement and category as the indicator page computes
            assert achievement.category(value) in html
    for position in example.positions.all():
        if position.page_rows.exists():
            assert reverse("position-page", args=[SEED, position.code]) in html
    assert 'data-bars="units-chart"' in html and 'id="units-chart"' in html
    assert reverse("verification", args=[SEED]) in html
    assert "<script>" not in html.replace("<script id=", "")


def test_rollups_agree_with_the_performance_rules(example):
    plan = find_current_plan(example)
    board = selectors.get_dashboard(plan, 2022, 4)
    rows = list(plan.indicators.filter(page_rows__isnull=False))
    measurements = get_measurements(plan.indicators.all(), 2022)
    for group in board.positions:
        expected = achievement.rollup(
            measurements[row.indicator_id].year_achievement for row in group.obj.page_rows.all()
        )
        assert (group.rollup.mean, group.rollup.counted, group.rollup.missing) == (
            kept(expected.mean),
            expected.counted,
            expected.missing,
        )
    assert board.agency.counted + board.agency.missing == sum(g.rollup.counted + g.rollup.missing for g in board.units)
    assert rows  # the seed prints indicators on pages
    total = board.totals
    assert sum(total.values()) > 0 and total["empty"] + total["draft"] + total["submitted"] + total["verified"] == sum(
        unit.total for unit in board.completeness
    )


def test_at_risk_lists_low_and_missing_iku(example):
    plan = find_current_plan(example)
    board = selectors.get_dashboard(plan, 2022, 1)
    for row in board.iku:
        low = row.category in (achievement.RENDAH, achievement.SANGAT_RENDAH) or row.actual is None
        assert (row in board.at_risk) == low
    empty = selectors.get_dashboard(plan, 2026, 4)  # nothing entered for the last plan year
    assert len(empty.at_risk) == len(empty.iku) and all(row.achievement is None for row in empty.iku)


def test_a_missing_value_prints_a_dash_not_zero(client, world):
    client.force_login(world.head_of_agency)  # no example data: nothing entered at all
    html = client.get(reverse("dashboard", args=[SEED]) + "?tahun=2024&triwulan=2").content.decode()
    assert "—" in html


def test_the_dashboard_costs_a_fixed_number_of_queries(client, world, example, django_assert_max_num_queries):
    client.force_login(world.head_of_agency)
    # session and user (2), agency, plan, latest year, indicators, page rows, targets, actuals, publication (8)
    fixed = PER_REQUEST_QUERIES + 10
    with django_assert_max_num_queries(fixed):
        assert client.get(reverse("dashboard", args=[SEED]) + "?tahun=2022&triwulan=1").status_code == 200
    big = make_agency("dinas-besar", region=world.agency.region, divisions=5, sections=6, indicators=6)
    client.force_login(world.bappeda)  # reads every agency of the region
    with django_assert_max_num_queries(fixed):
        response = client.get(reverse("dashboard", args=[big.code]) + "?tahun=2022&triwulan=1")
    assert response.status_code == 200
    assert response.content.decode().count('href="/instansi/dinas-besar/iki/') >= 30


def test_completeness_counts_each_state(world):
    big = make_agency("dinas-hitung", region=world.agency.region, divisions=1, sections=2, indicators=3)
    board = selectors.get_dashboard(find_current_plan(big), 2022, 1)
    positions = {item.obj.code: item.counts for unit in board.completeness for item in unit.positions}
    # indicators 0..6 in creation order: IKU.0, I0.0.0..2, I0.1.0..2; even ones have an actual, n % 3 == 0 verified
    assert positions["kabid0"] == {"empty": 0, "draft": 0, "submitted": 0, "verified": 1}
    assert positions["kasi0-0"] == {"empty": 2, "draft": 0, "submitted": 1, "verified": 0}
    assert positions["kasi0-1"] == {"empty": 1, "draft": 0, "submitted": 1, "verified": 1}
    assert board.totals["verified"] == 2
    assert board.completeness[-1].verified_share is not None or board.completeness[-1].total == 0
    assert Decimal(board.totals["verified"]) * 100 / sum(board.totals.values()) > 0


def test_iki_at_risk_are_listed_once_each(world):
    big = make_agency("dinas-risiko", region=world.agency.region, divisions=1, sections=2, indicators=3)
    board = selectors.get_dashboard(find_current_plan(big), 2022, 4)
    # quarter 4 of a yearly target of 10: actuals 3..11 in quarter 1 only (sum rule); odd ones have none
    codes = [item.row.indicator.code for item in board.risky_iki]
    assert len(codes) == len(set(codes))
    for item in board.risky_iki:
        assert not item.row.indicator.is_key
        assert item.achievement is None or achievement.category(item.achievement) in (
            achievement.RENDAH,
            achievement.SANGAT_RENDAH,
        )
    assert any(item.achievement is None for item in board.risky_iki)
    assert any(item.achievement is not None for item in board.risky_iki)


def test_the_agency_menu_links_the_dashboard_the_tree_and_for_region_readers_the_region(client, world):
    region = reverse("region-view", args=[world.agency.region.code])
    for user, sees_region in ((world.head_of_agency, False), (world.bappeda, True), (world.inspector, True)):
        client.force_login(user)
        html = client.get(reverse("agency-overview", args=[SEED])).content.decode()
        assert reverse("dashboard", args=[SEED]) in html and reverse("performance-tree", args=[SEED]) in html
        assert (region in html) is sees_region
