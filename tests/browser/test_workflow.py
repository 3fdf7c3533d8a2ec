"""The verification workflow in a real Chromium: submit, return with a reason, correct, submit, verify."""

import os

import pytest

from kinerja.performance.models import Actual

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ENTRY = "/instansi/halut-diskominfo/realisasi/kasi-tata-kelola/?tahun=2022&triwulan=2"


def first_row(page):
    return page.locator("section.entry-row").first


def fill_and_save(page, live_server, figure: str) -> None:
    page.goto(live_server.url + ENTRY)
    row = first_row(page)
    row.locator("input[type=text]").first.fill(figure)
    if row.locator("input[type=text]").count() > 1:
        row.locator("input[type=text]").nth(1).fill("10")
    row.locator("button", has_text="Simpan").click()
    page.wait_for_selector("section.entry-row .saved-flag", timeout=5000)


def test_submit_return_correct_submit_verify(live_server, page, people, browser):
    login(page, live_server, "kasi")
    fill_and_save(page, live_server, "3")
    page.goto(live_server.url + ENTRY)
    first_row(page).locator("button", has_text="Kirim untuk diverifikasi").click()
    assert "dikirim untuk diverifikasi" in page.inner_text(".messages")

    boss = browser.new_page()
    login(boss, live_server, "kabid")
    boss.goto(live_server.url + "/instansi/halut-diskominfo/")
    assert boss.locator("#nav-verification .count").inner_text() == "1"
    boss.goto(live_server.url + "/instansi/halut-diskominfo/verifikasi/")
    decision = boss.locator("#waiting .decision").first
    decision.locator("input[name=reason]").fill("Bukti kegiatan belum dilampirkan")
    decision.locator("button", has_text="Kembalikan").click()
    assert "dikembalikan" in boss.inner_text(".messages")

    page.goto(live_server.url + ENTRY)
    assert "Bukti kegiatan belum dilampirkan" in first_row(page).inner_text()
    fill_and_save(page, live_server, "4")
    page.goto(live_server.url + ENTRY)
    first_row(page).locator("button", has_text="Kirim untuk diverifikasi").click()

    boss.goto(live_server.url + "/instansi/halut-diskominfo/verifikasi/")
    decision = boss.locator("#waiting .decision").first
    decision.locator("input[name=confirm]").check()  # "I have checked the target, the achievement and the evidence"
    decision.locator("button", has_text="Verifikasi").click()
    assert "diverifikasi" in boss.inner_text(".messages")
    actual = Actual.objects.get(entered_by__username="kasi", year=2022, quarter=2)
    assert (actual.status, actual.verified_by.username) == (Actual.Status.VERIFIED, "kabid")
    page.goto(live_server.url + ENTRY)
    assert "Terverifikasi" in first_row(page).inner_text() or "Diverifikasi" in first_row(page).inner_text()
    assert first_row(page).locator("button", has_text="Simpan").count() == 0

    # the history page of the indicator shows the four steps, who took them, and the values
    boss.goto(f"{live_server.url}/instansi/halut-diskominfo/indikator/{actual.indicator.code}/riwayat/")
    history = boss.inner_text("main")
    for step in ("diajukan", "dikembalikan", "diverifikasi"):
        assert step in history, step
    assert history.count("diajukan") >= 2 and "Bukti kegiatan belum dilampirkan" in history
