"""Closing a quarter is a decision (issue 17, item 4): the Periode page counts, per quarter, the indicators still
empty, not sent, returned, waiting and verified (one selector, a fixed number of queries), each count a link to
its rows; closing asks to confirm those counts, and a confirmation of counts that moved since closes nothing;
deadlines are written and shown dd/mm/yyyy."""

import datetime
import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.organisation.models import Position
from kinerja.performance import period_status, workflow
from kinerja.performance.models import Actual, PeriodLock
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.selectors import get_current_plan
from kinerja.strategy.tests.factories import PageIndicatorFactory

YEAR = 2022


def enter(actor, indicator: Indicator, quarter: int = 2) -> Actual:
    ratio = indicator.formula == "ratio"
    return record_actual(
        actor=actor,
        indicator=indicator,
        year=YEAR,
        quarter=quarter,
        value=None if ratio else Decimal(3),
        numerator=Decimal(3) if ratio else None,
        denominator=Decimal(10) if ratio else None,
    )


@pytest.fixture
def quarter_two(world, seed) -> dict[str, Indicator]:
    """Quarter II of 2022: one indicator waiting (the section head's), one returned (IKU.5, the division head's),
    one verified and one draft (two more on the section head's page); every other one empty."""
    position = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    objective = PageIndicator.objects.get(position=position).objective
    extra = [
        PageIndicatorFactory(objective=objective, position=position, order=order, indicator__count=True).indicator
        for order in (101, 102)
    ]
    waiting = Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")
    workflow.submit_actual(actor=world.section_head, actual=enter(world.section_head, waiting))
    returned = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    actual = workflow.submit_actual(actor=world.division_head, actual=enter(world.division_head, returned))
    workflow.return_actual(actor=world.head_of_agency, actual=actual, reason="Lampirkan bukti")
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world.section_head, extra[0]))
    workflow.verify_actual(actor=world.division_head, actual=actual)
    enter(world.section_head, extra[1])
    return {"waiting": waiting, "returned": returned, "verified": extra[0], "draft": extra[1]}


def typed_indicators(seed) -> int:
    """The indicators counted, asked independently: on a page of the plan, not fed by the evaluation."""
    return Indicator.objects.filter(plan__agency=seed, page_rows__isnull=False, fed_by="").distinct().count()


def test_the_counts_of_each_quarter_in_three_queries(world, seed, quarter_two, django_assert_num_queries):
    workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=3)
    plan = get_current_plan(seed)
    with django_assert_num_queries(3):
        rows = period_status.get_period_status(seed, plan, YEAR)
    total = typed_indicators(seed)
    assert [row.quarter for row in rows] == [1, 2, 3, 4]
    assert rows[0].counts == {"kosong": total, "draf": 0, "dikembalikan": 0, "menunggu": 0, "terverifikasi": 0}
    assert rows[1].counts == {"kosong": total - 4, "draf": 1, "dikembalikan": 1, "menunggu": 1, "terverifikasi": 1}
    assert (rows[1].total, rows[1].unverified) == (total, total - 1)
    assert [row.closed for row in rows] == [False, False, True, False]
    assert rows[1].token == f"{total - 4}.1.1.1.1"


def test_an_indicator_fed_by_the_evaluation_is_not_counted(world, seed):
    fed = Indicator.objects.filter(plan__agency=seed, page_rows__isnull=False).exclude(fed_by="")
    assert fed.exists()  # IKU.1, the SAKIP score
    status = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 1)
    assert status.total == typed_indicators(seed)
    rows = period_status.list_period_rows(get_current_plan(seed), YEAR, 1, "kosong")
    assert not {row.indicator.pk for row in rows} & set(fed.values_list("pk", flat=True))


def test_the_rows_behind_each_count(world, seed, quarter_two, django_assert_max_num_queries):
    plan = get_current_plan(seed)
    for state, key in (("menunggu", "waiting"), ("dikembalikan", "returned"), ("terverifikasi", "verified")):
        with django_assert_max_num_queries(2):
            rows = period_status.list_period_rows(plan, YEAR, 2, state)
        assert [row.indicator for row in rows] == [quarter_two[key]], state
    unverified = period_status.list_period_rows(plan, YEAR, 2, "belum-terverifikasi")
    assert len(unverified) == typed_indicators(seed) - 1
    assert quarter_two["verified"] not in {row.indicator for row in unverified}


# -- the service ---------------------------------------------------------------------------------------------


def test_closing_with_the_counts_confirmed_closes(world, seed, quarter_two):
    token = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 2).token
    workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=2, confirmed=token)
    assert PeriodLock.objects.get(agency=seed, year=YEAR, quarter=2).closed


def test_closing_with_counts_that_moved_since_closes_nothing(world, seed, quarter_two):
    token = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 2).token
    actual = Actual.objects.get(indicator=quarter_two["draft"], year=YEAR, quarter=2)
    workflow.submit_actual(actor=world.section_head, actual=actual)  # sent while the planner read the question
    with pytest.raises(workflow.StaleCounts, match="berubah sejak Anda melihatnya"):
        workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=2, confirmed=token)
    assert not PeriodLock.objects.filter(agency=seed, year=YEAR, quarter=2).exists()


@pytest.mark.parametrize("who", ["head_of_agency", "division_head", "inspector", "outsider"])
def test_only_the_planner_closes(world, seed, who):
    with pytest.raises(PermissionDenied):
        workflow.close_period(actor=getattr(world, who), agency=seed, year=YEAR, quarter=2, confirmed="0.0.0.0.0")
    assert not PeriodLock.objects.exists()


# -- the page ------------------------------------------------------------------------------------------------


def text_of(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def planner(client, world):
    client.force_login(world.planner)
    return client


def periods_url(seed) -> str:
    return reverse("periods", args=[seed.code]) + f"?tahun={YEAR}"


def test_the_periods_page_shows_the_counts_each_a_link(planner, seed, quarter_two, django_assert_max_num_queries):
    # +1 the year the page opens on, +1 the planner's menu (issue 18)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 7):
        page = text_of(planner.get(periods_url(seed)))
    row = page[page.index('id="period-2"') :]
    row = row[: row.index("</section>")]
    total = typed_indicators(seed)
    for state, count in (("kosong", total - 4), ("menunggu", 1), ("dikembalikan", 1), ("terverifikasi", 1)):
        link = reverse("period-rows", args=[seed.code, YEAR, 2, state])
        assert f'href="{link}">{count}</a>' in row, state
    assert "belum diverifikasi: <a" in row and f">{total - 1}</a> dari {total}" in row
    assert "Tutup sekarang" in row


def test_a_count_opens_the_list_of_its_rows(planner, seed, quarter_two):
    page = text_of(planner.get(reverse("period-rows", args=[seed.code, YEAR, 2, "dikembalikan"])))
    assert quarter_two["returned"].name in page and "Lampirkan bukti" in page
    assert quarter_two["waiting"].name not in page
    assert "Triwulan II 2022: dikembalikan (1)" in page
    assert planner.get(reverse("period-rows", args=[seed.code, YEAR, 2, "apa-saja"])).status_code == 404
    assert planner.get(reverse("period-rows", args=[seed.code, YEAR, 5, "kosong"])).status_code == 404
    assert planner.get(reverse("period-rows", args=[seed.code, 1999, 2, "kosong"])).status_code == 404


def test_closing_asks_first_stating_the_counts_and_closes_only_once_confirmed(planner, seed, quarter_two):
    response = planner.post(periods_url(seed), {"quarter": "2", "action": "close"})
    page = text_of(response)
    assert response.status_code == 200 and not PeriodLock.objects.exists()
    total = typed_indicators(seed)
    assert "Tutup Triwulan II 2022?" in page
    assert f"{total - 1} dari {total} indikator triwulan ini belum diverifikasi" in page
    assert "Ya, tutup Triwulan II 2022" in page
    token = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 2).token
    assert f'name="confirmed" value="{token}"' in page
    response = planner.post(periods_url(seed), {"quarter": "2", "action": "close", "confirmed": token}, follow=True)
    assert "Triwulan II 2022 ditutup." in text_of(response)
    assert PeriodLock.objects.get(year=YEAR, quarter=2).closed


def test_a_confirmation_of_counts_that_moved_asks_again(planner, world, seed, quarter_two):
    token = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 2).token
    workflow.submit_actual(
        actor=world.section_head, actual=Actual.objects.get(indicator=quarter_two["draft"], year=YEAR, quarter=2)
    )
    page = text_of(planner.post(periods_url(seed), {"quarter": "2", "action": "close", "confirmed": token}))
    assert "berubah sejak Anda melihatnya" in page and "Ya, tutup Triwulan II 2022" in page
    assert not PeriodLock.objects.exists()


def test_a_deadline_is_written_and_shown_day_month_year(planner, seed):
    response = planner.post(periods_url(seed), {"quarter": "3", "action": "deadline", "deadline": "15/10/2099"})
    assert response.status_code == 302
    assert PeriodLock.objects.get(year=YEAR, quarter=3).deadline == datetime.date(2099, 10, 15)
    page = text_of(planner.get(periods_url(seed)))
    assert "tertutup sesudah 15/10/2099" in page and 'value="15/10/2099"' in page
    assert "ditutup otomatis sesudah 15/10/2099" in page


@pytest.mark.parametrize("typed", ["31/02/2099", "2099/10/15", "besok", "10/15/2099", ""])
def test_a_bad_deadline_is_an_indonesian_message_and_changes_nothing(planner, seed, typed):
    response = planner.post(periods_url(seed), {"quarter": "3", "action": "deadline", "deadline": typed}, follow=True)
    assert "hh/bb/tttt" in text_of(response)
    assert not PeriodLock.objects.exists()


def test_a_deadline_already_past_is_a_closing_and_asks_first(planner, seed):
    page = text_of(planner.post(periods_url(seed), {"quarter": "3", "action": "deadline", "deadline": "01/01/2023"}))
    assert "sudah lewat" in page and not PeriodLock.objects.exists()
    token = period_status.get_quarter_status(seed, get_current_plan(seed), YEAR, 3).token
    data = {"quarter": "3", "action": "deadline", "deadline": "01/01/2023", "confirmed": token}
    planner.post(periods_url(seed), data)
    assert PeriodLock.objects.get(year=YEAR, quarter=3).is_closed_on(datetime.date.today())


def test_reopening_without_a_reason_is_an_indonesian_message_not_the_browsers(planner, world, seed):
    workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=1)
    page = text_of(planner.get(periods_url(seed)))
    form = page[page.index('id="period-1"') :]
    assert "ditutup" in form[: form.index("</h2>")]
    form = form[form.index("<form") : form.index("</form>")]
    assert "novalidate" in form and "required" not in form
    response = planner.post(periods_url(seed), {"quarter": "1", "action": "reopen", "reason": " "}, follow=True)
    assert "Tuliskan alasannya" in text_of(response)
    assert PeriodLock.objects.get(year=YEAR, quarter=1).closed
