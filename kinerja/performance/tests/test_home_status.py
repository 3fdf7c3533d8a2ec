"""The home page of a head of agency and of a planner: the agency's status in the quarter of today — how many
indicators are empty, draft, returned, waiting and verified — counted by the Periode page's selector
(`period_status.get_quarter_status`), each count a link where that person may read its rows."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.organisation.models import Assignment
from kinerja.organisation.tests.factories import AssignmentFactory
from kinerja.performance import period_status, workflow
from kinerja.performance.services import record_actual
from kinerja.performance.worklist import get_agency_quarters, get_position_quarters
from kinerja.strategy.models import Indicator, PageIndicator

KASI = "kasi-tata-kelola"
# The section head also acts (Plt.) in the division's two other sections: their pages give the four indicators.
SECTIONS = (KASI, "kasi-operasional", "kasi-pengawasan")


def text(response) -> str:
    return html.unescape(response.content.decode())


def block_of(page: str) -> str:
    start = page.index('id="agency-status"')
    return page[start : page.index("</section>", start)]


def count_in(block: str, state: str) -> str:
    """The number shown for `state` ("3", "1.234"): the text of its link."""
    start = block.index(f'class="count-{state}">') + len(f'class="count-{state}">')
    return block[start : block.index("<", start)]


def href_of(block: str, state: str) -> str:
    item = block[block.index(f'data-state="{state}"') :]
    start = item.index('href="') + len('href="')
    return item[start : item.index('"', start)]


@pytest.fixture
def quarter_of_today(world, seed):
    """The year and quarter the home page reads today (those of the section head's page: the same plan)."""
    state = get_position_quarters([seed.positions.get(code=KASI).pk])[0]
    return state.year, state.quarter


def enter(world, indicator, year, quarter):
    ratio = indicator.formula == "ratio"
    return record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=None if ratio else Decimal(2),
        numerator=Decimal(2) if ratio else None,
        denominator=Decimal(10) if ratio else None,
    )


def sections_indicators(world, seed) -> list[Indicator]:
    """The indicators typed by hand on the division's three section pages, the section head acting in all."""
    official = Assignment.objects.get(official__user=world.section_head).official
    for code in SECTIONS[1:]:
        AssignmentFactory(position=seed.positions.get(code=code), official=official, acting=True)
    rows = Indicator.objects.filter(page_rows__position__code__in=SECTIONS, plan__agency=seed, fed_by="")
    return list(rows.distinct().order_by("code"))


@pytest.fixture
def four_states(world, seed, quarter_of_today):
    """Four indicators of the section head's pages: one draft, one returned, one waiting, one verified."""
    year, quarter = quarter_of_today
    indicators = sections_indicators(world, seed)[:4]
    assert len(indicators) == 4
    enter(world, indicators[0], year, quarter)
    returned = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicators[1], year, quarter))
    workflow.return_actual(actor=world.division_head, actual=returned, reason="Lampirkan SK")
    workflow.submit_actual(actor=world.section_head, actual=enter(world, indicators[2], year, quarter))
    verified = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicators[3], year, quarter))
    workflow.verify_actual(actor=world.division_head, actual=verified)
    # the indicators typed by hand on the plan's IKI pages, each once (as the Periode page counts them)
    hand = PageIndicator.objects.filter(objective__plan__agency=seed, indicator__fed_by="")
    return len(set(hand.values_list("indicator_id", flat=True)))


def test_the_planner_sees_the_agencys_counts_each_a_link_to_the_periode_list(
    client, world, seed, quarter_of_today, four_states
):
    year, quarter = quarter_of_today
    client.force_login(world.planner)
    block = block_of(text(client.get(reverse("home"))))
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[quarter]
    assert f"Triwulan {roman} {year}" in block
    expected = {"kosong": four_states - 4, "draf": 1, "dikembalikan": 1, "menunggu": 1, "terverifikasi": 1}
    assert {state: count_in(block, state) for state in expected} == {
        state: f"{count:,}".replace(",", ".") for state, count in expected.items()
    }
    for state in expected:
        assert href_of(block, state) == reverse("period-rows", args=[seed.code, year, quarter, state])
    assert client.get(href_of(block, "dikembalikan")).status_code == 200  # the planner may open the list


def test_the_head_sees_the_same_counts_with_links_the_head_may_open(client, world, seed, quarter_of_today, four_states):
    year, quarter = quarter_of_today
    client.force_login(world.head_of_agency)
    block = block_of(text(client.get(reverse("home"))))
    assert count_in(block, "menunggu") == "1" and count_in(block, "terverifikasi") == "1"
    assert count_in(block, "draf") == "1" and count_in(block, "dikembalikan") == "1"
    assert count_in(block, "kosong") == f"{four_states - 4:,}".replace(",", ".")
    assert href_of(block, "menunggu") == reverse("verification", args=[seed.code]) + "#waiting"
    figures = reverse("agency-overview", args=[seed.code]) + f"?tahun={year}&triwulan={quarter}"
    assert href_of(block, "kosong") == figures  # the agency's figures of that quarter
    assert "period-rows" not in block and "/periode/" not in block  # the Periode lists are the planner's
    for state in ("kosong", "draf", "dikembalikan", "menunggu", "terverifikasi"):
        assert client.get(href_of(block, state)).status_code == 200, state


def test_an_official_without_these_roles_does_not_see_the_agencys_status(client, world, four_states):
    for user in (world.section_head, world.division_head, world.inspector, world.outsider):
        client.force_login(user)
        page = text(client.get(reverse("home")))
        assert 'id="agency-status"' not in page, user.username


def test_the_status_costs_four_queries_however_many_actuals(
    client, world, seed, quarter_of_today, django_assert_num_queries
):
    with django_assert_num_queries(4):  # the plan; the status's indicators, actuals, period locks
        before = get_agency_quarters([seed])
    assert [item.status.counts[period_status.DRAFT] for item in before] == [0]
    client.force_login(world.planner)
    with django_assert_num_queries(PER_REQUEST_QUERIES + 1 + 4) as first:  # + readable agencies + the status
        client.get(reverse("home"))
    year, quarter = quarter_of_today
    indicators = sections_indicators(world, seed)[:3]
    assert len(indicators) == 3
    for indicator in indicators:
        enter(world, indicator, year, quarter)
    with django_assert_num_queries(len(first)):
        page = text(client.get(reverse("home")))
    assert count_in(block_of(page), "draf") == "3"
