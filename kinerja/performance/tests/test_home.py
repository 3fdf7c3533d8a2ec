"""The home page after login: an official's own positions of the quarter with their counts and a direct way
in, what came back (each a link to its row), what waits for a superior, and the planner's and inspectorate's
shortcuts."""

import datetime
import html
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PASSWORD, PER_REQUEST_QUERIES
from kinerja.organisation.models import Assignment, Official
from kinerja.performance import workflow
from kinerja.performance.services import record_actual
from kinerja.performance.worklist import get_position_quarters
from kinerja.strategy.models import Indicator

KASI = "kasi-tata-kelola"


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def period(seed):
    """The year and quarter the home page shows today for the section head's page."""
    kasi = seed.positions.get(code=KASI)
    state = get_position_quarters([kasi.pk])[0]
    return state.year, state.quarter


def enter(world, indicator, year, quarter, value="2"):
    return record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=Decimal(value) if indicator.formula != "ratio" else None,
        numerator=Decimal(value) if indicator.formula == "ratio" else None,
        denominator=Decimal(10) if indicator.formula == "ratio" else None,
    )


def test_an_official_reaches_their_entry_page_in_one_click_from_login(client, world, seed, period):
    year, quarter = period
    response = client.post(reverse("login"), {"username": "kasi", "password": PASSWORD}, follow=True)
    page = text(response)
    assert 'id="my-actuals"' in page
    entry = reverse("entry-page", args=[seed.code, KASI]) + f"?tahun={year}&triwulan={quarter}"
    assert f'href="{entry}"' in page
    assert client.get(entry).status_code == 200


def test_the_counts_of_the_quarter_and_a_returned_item_as_a_link_to_its_row(client, world, seed, period):
    year, quarter = period
    indicators = list(Indicator.objects.filter(page_rows__position__code=KASI, plan__agency=seed))
    total = len(indicators)
    draft = enter(world, indicators[0], year, quarter)
    client.force_login(world.section_head)
    page = text(client.get(reverse("home")))
    block = page[page.index('id="my-actuals"') :]
    assert f"<strong>1</strong> dari {total}" in block
    assert f'class="count-empty">{total - 1}<' in block and 'class="count-draft">1<' in block
    submitted = workflow.submit_actual(actor=world.section_head, actual=draft)
    workflow.return_actual(actor=world.division_head, actual=submitted, reason="Lampirkan SK")
    page = text(client.get(reverse("home")))
    block = page[page.index('id="my-actuals"') :]
    assert 'class="count-returned">1<' in block and 'class="count-draft">0<' in block
    anchor = indicators[0].code.replace(".", "_")
    link = reverse("entry-page", args=[seed.code, KASI]) + f"?tahun={year}&triwulan={quarter}#row-{anchor}"
    assert f'href="{link}"' in block
    assert "Lampirkan SK" in block


def test_a_superior_sees_what_waits_for_their_verification(client, world, seed, period):
    year, quarter = period
    indicator = Indicator.objects.filter(page_rows__position__code=KASI, plan__agency=seed).first()
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator, year, quarter))
    client.force_login(world.division_head)
    page = text(client.get(reverse("home")))
    block = page[page.index('id="my-verification"') :]
    assert f'href="{reverse("verification", args=[seed.code])}#actual-{actual.pk}"' in block
    client.force_login(world.section_head)  # no one below: no verification block
    assert 'id="my-verification"' not in text(client.get(reverse("home")))


def test_the_planner_and_the_inspectorate_see_their_shortcuts(client, world, seed):
    client.force_login(world.planner)
    page = text(client.get(reverse("home")))
    assert f'href="{reverse("periods", args=[seed.code])}"' in page
    assert f'href="{reverse("agency-targets", args=[seed.code])}"' in page and 'id="my-actuals"' not in page
    client.force_login(world.inspector)
    page = text(client.get(reverse("home")))
    assert f'href="{reverse("evaluation-index", args=[seed.code])}"' in page
    assert f'href="{reverse("periods", args=[seed.code])}"' not in page
    client.force_login(world.outsider)  # another agency: nothing of this one
    assert seed.code not in text(client.get(reverse("home")))


def test_the_home_page_costs_the_same_queries_for_one_position_or_three(
    client, seed, django_user_model, django_assert_max_num_queries
):
    user = django_user_model.objects.create_user("rangkap", password="x-Rangkap-123")
    official = Official.objects.create(region=seed.region, name="Pejabat Rangkap", user=user, nip="199001012015011001")
    client.force_login(user)
    positions = []
    counts = []
    # none the top position: a head also reads the agency's status (test_home_status.py counts that)
    for code in ("kabid-opini", "kasubag-umum", "kabid-infra"):
        position = seed.positions.get(code=code)
        positions.append(position.pk)
        Assignment.objects.create(official=official, position=position, start=datetime.date(2022, 1, 1), acting=True)
        with django_assert_max_num_queries(5):
            states = get_position_quarters(positions)
        assert len(states) == len(positions) and all(state.total > 0 for state in states)
        user = django_user_model.objects.get(pk=user.pk)  # a fresh reach for the page
        client.force_login(user)
        # positions' state 5, reach 2, open deadlines 1, the menu's two counters of "Verifikasi" 2
        with django_assert_max_num_queries(5 + 2 + 1 + 2 + PER_REQUEST_QUERIES) as captured:
            assert client.get(reverse("home")).status_code == 200
        counts.append(len(captured))
    assert len(set(counts)) == 1, counts


def test_the_deadlines_of_open_quarters_read_day_month_year(client, world, seed, django_assert_num_queries):
    from kinerja.performance.models import PeriodLock
    from kinerja.performance.worklist import get_open_deadlines

    today = datetime.date.today()
    PeriodLock.objects.create(agency=seed, year=today.year, quarter=1, deadline=today + datetime.timedelta(days=9))
    PeriodLock.objects.create(agency=seed, year=today.year, quarter=2, closed=True, deadline=today)
    PeriodLock.objects.create(agency=seed, year=today.year - 1, quarter=4, deadline=today - datetime.timedelta(days=1))
    with pytest.raises(AssertionError):  # not the outsider's agency
        client.force_login(world.outsider)
        assert 'id="deadlines"' in text(client.get(reverse("home")))
    client.force_login(world.section_head)
    page = text(client.get(reverse("home")))
    block = page[page.index('id="deadlines"') : page.index("</section>", page.index('id="deadlines"'))]
    day = today + datetime.timedelta(days=9)
    assert f"Triwulan I {today.year}" in block and day.strftime("%d/%m/%Y") in block
    # a closed quarter and one past its deadline are not open: not listed
    assert f"Triwulan II {today.year}" not in block and f"Triwulan IV {today.year - 1}" not in block
    with django_assert_num_queries(1):
        assert [(d.year, d.quarter, d.agency.code) for d in get_open_deadlines([seed.pk])] == [
            (today.year, 1, seed.code)
        ]


def test_the_menu_leads_an_official_to_their_entry_page_in_one_click(client, world, seed, period):
    year, quarter = period
    client.force_login(world.section_head)
    page = text(client.get(reverse("home")))
    assert f'href="{reverse("my-entry")}"' in page  # "Realisasi" in the menu
    response = client.get(reverse("my-entry"))
    assert response.status_code == 302
    assert response.url == reverse("entry-page", args=[seed.code, KASI]) + f"?tahun={year}&triwulan={quarter}"
    # no position held (the planner): no "Realisasi" in the menu, and its address leads home
    client.force_login(world.planner)
    assert f'href="{reverse("my-entry")}"' not in text(client.get(reverse("home")))
    assert client.get(reverse("my-entry")).url == reverse("home")


def test_one_who_holds_several_positions_gets_the_list_of_them(client, seed, django_user_model):
    user = django_user_model.objects.create_user("rangkap2", password="x-Rangkap-123")
    official = Official.objects.create(region=seed.region, name="Pejabat Dua", user=user, nip="199001012015011002")
    for code in ("kabid-opini", "kasubag-umum"):
        position = seed.positions.get(code=code)
        Assignment.objects.create(official=official, position=position, start=datetime.date(2022, 1, 1), acting=True)
    client.force_login(user)
    assert client.get(reverse("my-entry")).url == reverse("home") + "#my-actuals"
    page = text(client.get(reverse("home")))
    for code in ("kabid-opini", "kasubag-umum"):
        assert f'href="{reverse("entry-page", args=[seed.code, code])}' in page


def test_verification_is_in_the_menu_of_those_who_verify_enter_or_plan(client, world, seed):
    verification = f'href="{reverse("verification", args=[seed.code])}" id="nav-verification"'
    overview = reverse("agency-overview", args=[seed.code])
    for user, sees in (
        (world.division_head, True),
        (world.section_head, True),  # what was returned to them is listed there
        (world.planner, True),
        (world.inspector, False),
        (world.bappeda, False),
    ):
        client.force_login(user)
        assert (verification in text(client.get(overview))) is sees, user
    client.force_login(world.division_head)  # on the home page (no agency), to what waits for them
    assert f'href="{reverse("home")}#my-verification" id="nav-verification"' in text(client.get(reverse("home")))
