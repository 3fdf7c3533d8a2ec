"""The agency's target grid names each indicator's code and position and filters by position and unit; every
page opens on a year of the plan that has figures."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.organisation.models import Position, Unit
from kinerja.performance import services
from kinerja.performance.models import Target
from kinerja.performance.selectors import get_opening_year
from kinerja.performance.target_grid import get_target_grid
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.selectors import get_current_plan


@pytest.fixture
def planner(client, world):
    client.force_login(world.planner)
    return client


def grid_rows(html: str) -> dict[str, str]:
    """Each row of the grid by the code in its first cell: the row's text without tags."""
    body = html.split('id="target-grid"', 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in body.split("<tr>")[1:]:
        code = re.search(r'<td class="code">([^<]*)</td>', row)
        if code:
            rows[code.group(1)] = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    return rows


def page_codes(**filters) -> set[str]:
    return set(PageIndicator.objects.filter(**filters).values_list("indicator__code", flat=True))


def test_every_row_shows_the_indicators_code_and_the_positions_that_carry_it(planner, seed):
    rows = grid_rows(planner.get(reverse("agency-targets", args=[seed.code])).content.decode())
    assert set(rows) == set(Indicator.objects.filter(plan__agency=seed).values_list("code", flat=True))
    for item in PageIndicator.objects.filter(position__agency=seed).select_related("position", "indicator"):
        assert item.position.title in rows[item.indicator.code], item.indicator.code


def test_the_grid_filters_by_position(planner, seed):
    url = reverse("agency-targets", args=[seed.code])
    rows = grid_rows(planner.get(url, {"jabatan": "kasi-tata-kelola"}).content.decode())
    expected = page_codes(position__agency=seed, position__code="kasi-tata-kelola")
    assert expected and set(rows) == expected


def test_the_grid_filters_by_unit_and_the_units_below_it(planner, seed):
    url = reverse("agency-targets", args=[seed.code])
    rows = grid_rows(planner.get(url, {"unit": "bidang-persandian"}).content.decode())
    units = {"bidang-persandian", *Unit.objects.filter(parent__code="bidang-persandian").values_list("code", flat=True)}
    expected = page_codes(position__agency=seed, position__unit__code__in=units)
    assert len(units) > 1 and expected and set(rows) == expected
    assert page_codes(position__agency=seed, position__code="kasubag-keuangan") - expected  # others are left out


def test_saving_a_filtered_grid_leaves_the_other_indicators_targets_alone(planner, seed, world):
    outside = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    services.set_target(actor=None, indicator=outside, kind=Target.Kind.YEAR, year=2023, value=Decimal(70))
    shown = Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola").exclude(pk=outside.pk).first()
    url = reverse("agency-targets", args=[seed.code]) + "?jabatan=kasi-tata-kelola"
    assert outside.code not in page_codes(position__code="kasi-tata-kelola")
    response = planner.post(url, {f"t-{shown.pk}-2023": "4"})
    assert response.status_code == 302 and response["Location"] == url
    assert Target.objects.get(indicator=outside, kind="year", year=2023).value == Decimal(70)
    assert Target.objects.get(indicator=shown, kind="year", year=2023).value == Decimal(4)


def test_an_unknown_filter_shows_every_indicator(planner, seed):
    rows = grid_rows(
        planner.get(reverse("agency-targets", args=[seed.code]), {"jabatan": "tidak-ada"}).content.decode()
    )
    assert len(rows) == Indicator.objects.filter(plan__agency=seed).count()


def test_the_grid_reads_in_four_queries_however_filtered(seed, django_assert_num_queries):
    plan = get_current_plan(seed)
    for filters in ({}, {"position_code": "kadis"}, {"unit_code": "bidang-infra"}):
        with django_assert_num_queries(4):
            grid = get_target_grid(plan, **filters)
            names = [p.title for item in grid.indicators for p in item.positions]  # nothing read lazily
        assert names


def test_a_plan_with_targets_only_in_an_earlier_year_opens_on_that_year(planner, seed):
    """The plan runs 2021–2026; with targets for 2023 only, the pages open on 2023, not on this year."""
    plan = get_current_plan(seed)
    indicator = PageIndicator.objects.filter(position__code="kasi-tata-kelola").first().indicator
    services.set_target(actor=None, indicator=indicator, kind=Target.Kind.YEAR, year=2023, value=Decimal(3))
    assert get_opening_year(plan) == 2023
    page = planner.get(reverse("position-targets", args=[seed.code, "kasi-tata-kelola"])).content.decode()
    assert '<option value="2023" selected>' in page
    periods = planner.get(reverse("periods", args=[seed.code])).content.decode()
    assert '<option value="2023" selected>' in periods


def test_the_opening_year_is_read_in_one_query(seed, django_assert_num_queries):
    plan = get_current_plan(seed)
    with django_assert_num_queries(1):
        year = get_opening_year(plan)
    assert plan.first_year <= year <= plan.last_year


def test_the_positions_filter_lists_every_position(planner, seed):
    page = planner.get(reverse("agency-targets", args=[seed.code])).content.decode()
    options = re.findall(r'<option value="([^"]+)"', page.split('id="jabatan"', 1)[1].split("</select>", 1)[0])
    assert options == list(Position.objects.filter(agency=seed).order_by("order").values_list("code", flat=True))
