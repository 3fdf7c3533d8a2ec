"""The planner closes a quarter in a real Chromium, on a laptop and on a phone: the Periode page states what is
still empty, waiting and unverified; "Tutup sekarang" asks first, stating those counts; the quarter closes only
once confirmed, and no page is wider than the screen. The year picker changes the period only on an explicit
action, never on the first arrow key. The superior verifies a whole IKI page once they confirm how many rows."""

import os
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.organisation.models import Position
from kinerja.performance import workflow
from kinerja.performance.models import Actual, PeriodLock
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator, PageIndicator
from kinerja.strategy.tests.factories import PageIndicatorFactory

from .test_layout import document_width, login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = {"laptop": (1366, 768), "phone": (390, 844)}
PERIODS = "/instansi/halut-diskominfo/periode/?tahun=2022"


@pytest.fixture
def one_waiting(people):
    """The section head's indicator of 2022 quarter II, entered and sent: one indicator waits for verification."""
    kasi = User.objects.get(username="kasi")
    indicator = Indicator.objects.get(plan__agency__code="halut-diskominfo", code="kasi-tata-kelola.O1.I1")
    actual = record_actual(
        actor=kasi, indicator=indicator, year=2022, quarter=2, value=Decimal(2), numerator=None, denominator=None
    )
    workflow.submit_actual(actor=kasi, actual=actual)
    return indicator


def fits(page, width: int) -> None:
    assert document_width(page) <= width + 1, f"{page.url} is {document_width(page)} px wide on a {width} px screen"


@pytest.mark.parametrize("screen", SCREENS)
def test_the_planner_sees_the_counts_confirms_and_closes_the_quarter(live_server, page, one_waiting, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    login(page, live_server, "perencana")
    page.goto(live_server.url + PERIODS)
    row = page.locator("#period-2")
    expect(row.locator('[data-state="menunggu"] a')).to_have_text("1")
    expect(row.locator('[data-state="belum-terverifikasi"]')).to_contain_text("belum diverifikasi")
    fits(page, width)

    # a count is a link to its rows
    row.locator('[data-state="menunggu"] a').click()
    expect(page.locator("h1")).to_contain_text("Triwulan II 2022: menunggu verifikasi (1)")
    expect(page.locator("#period-rows")).to_contain_text(one_waiting.name)
    fits(page, width)

    page.goto(live_server.url + PERIODS)
    page.locator("#period-2").get_by_role("button", name="Tutup sekarang").click()
    expect(page.locator("h1")).to_have_text("Tutup Triwulan II 2022?")
    confirmation = page.locator("#close-confirmation")
    expect(confirmation).to_contain_text("belum diverifikasi")
    expect(confirmation.locator('[data-state="menunggu"]')).to_contain_text("menunggu verifikasi: 1")
    fits(page, width)
    assert not PeriodLock.objects.filter(year=2022, quarter=2).exists()  # asking closed nothing

    confirmation.get_by_role("button", name="Ya, tutup Triwulan II 2022").click()
    expect(page.locator(".messages")).to_contain_text("Triwulan II 2022 ditutup.")
    expect(page.locator("#period-2")).to_contain_text("ditutup")
    expect(page.locator("#period-2").get_by_role("button", name="Buka kembali")).to_be_visible()
    fits(page, width)
    assert PeriodLock.objects.get(year=2022, quarter=2).closed


def test_a_bad_deadline_is_told_in_indonesian(live_server, page, people):
    login(page, live_server, "perencana")
    page.goto(live_server.url + PERIODS)
    row = page.locator("#period-3")
    row.locator("input[name=deadline]").fill("31/02/2022")
    row.get_by_role("button", name="Tetapkan batas waktu").click()
    expect(page.locator(".messages")).to_contain_text("hh/bb/tttt")
    row = page.locator("#period-3")
    row.locator("input[name=deadline]").fill("15/10/2099")
    row.get_by_role("button", name="Tetapkan batas waktu").click()
    expect(page.locator("#period-3")).to_contain_text("15/10/2099")


def test_the_year_picker_waits_for_an_explicit_choice(live_server, page, people):
    login(page, live_server, "perencana")
    page.goto(live_server.url + PERIODS)
    picker = page.locator("select#tahun")
    picker.focus()
    page.keyboard.press("ArrowDown")  # the value changes: the page must not
    page.wait_for_timeout(500)
    assert page.url.endswith("tahun=2022")
    expect(page.locator("h1")).to_contain_text("2022")
    with page.expect_navigation():
        page.keyboard.press("Tab")  # leaving the control is the choice
    assert "tahun=2023" in page.url
    expect(page.locator("h1")).to_contain_text("2023")
    # the button shows the chosen year too
    page.locator("select#tahun").select_option("2024")  # a choice with the pointer is explicit
    page.wait_for_url("**tahun=2024**")
    expect(page.locator("h1")).to_contain_text("2024")


@pytest.fixture
def page_waiting(people):
    """Three actuals of the section head's IKI page (its indicator and two more), 2022 quarter II, sent."""
    kasi = User.objects.get(username="kasi")
    position = Position.objects.get(agency__code="halut-diskominfo", code="kasi-tata-kelola")
    objective = PageIndicator.objects.get(position=position).objective
    for order in (101, 102):
        PageIndicatorFactory(objective=objective, position=position, order=order, indicator__count=True)
    for indicator in Indicator.objects.filter(page_rows__position=position):
        actual = record_actual(
            actor=kasi, indicator=indicator, year=2022, quarter=2, value=Decimal(2), numerator=None, denominator=None
        )
        workflow.submit_actual(actor=kasi, actual=actual)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_superior_verifies_a_whole_page_after_confirming_how_many(live_server, page, page_waiting, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    login(page, live_server, "kabid")
    page.goto(live_server.url + "/instansi/halut-diskominfo/verifikasi/")
    group = page.locator("#page-kasi-tata-kelola-2022-2")
    fits(page, width)
    # returning without a reason: an Indonesian message from the server, not the browser's English bubble
    group.locator(".decision").first.get_by_role("button", name="Kembalikan").click()
    expect(page.locator(".messages")).to_contain_text("Tuliskan alasannya")
    group = page.locator("#page-kasi-tata-kelola-2022-2")
    send = group.get_by_role("button", name="Verifikasi semua di halaman ini (3)")
    send.click()  # not confirmed yet: the form says so and sends nothing
    expect(group.locator(".verify-page .confirm-needed")).to_be_visible()
    assert Actual.objects.filter(status=Actual.Status.VERIFIED).count() == 0
    group.get_by_label("Saya sudah melihat 3 realisasi").check()
    send.click()
    expect(page.locator(".messages")).to_contain_text("3 realisasi")
    assert Actual.objects.filter(status=Actual.Status.VERIFIED, year=2022, quarter=2).count() == 3
    fits(page, width)
