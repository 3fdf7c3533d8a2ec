"""A planner fixes a finding of the consistency check through its form: "Perbaiki" beside the indicator opens the
indicator's form, the unit is corrected and saved, the message says what the check now reports, and the page they
come back to no longer lists the finding. Keyboard-usable and no wider than a phone's screen."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.strategy.models import Indicator

from .a11y import SCREENS, check, login, new_context

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
INDICATOR = "kasubag-umum.O1.I2"  # “Jumlah Paket Peralatan dan Perlengkapan Kantor …” counted in Dokumen


def test_a_planner_fixes_a_finding_from_the_consistency_page(live_server, page, people):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/instansi/{SEED}/konsistensi/")
    finding = page.locator("li.finding[data-code='satuan-tidak-sesuai-nama']", has_text=INDICATOR)
    expect(finding).to_have_count(1)
    with page.expect_navigation():
        finding.locator("a[data-fix]").click()
    expect(page.locator("h1")).to_contain_text(f"Indikator {INDICATOR}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.fill("#id_unit", "")
    page.focus("#id_unit")
    page.keyboard.type("Paket")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(f"{live_server.url}/instansi/{SEED}/konsistensi/")
    expect(page.locator(".messages")).to_contain_text("Indikator disimpan. Pemeriksaan konsistensi kini melaporkan")
    expect(page.locator("li.finding[data-code='satuan-tidak-sesuai-nama']", has_text=INDICATOR)).to_have_count(0)
    assert Indicator.objects.get(plan__agency__code=SEED, code=INDICATOR).unit == "Paket"


def test_the_plans_forms_pass_axe_and_fit_a_phone(live_server, browser, people):
    problems: list[str] = []
    forms = ("ubah/", "tujuan/T1/ubah/", "sasaran/S1/ubah/", "indikator/IKU.5/ubah/", "indikator/baru/", "iku/baru/")
    for screen in SCREENS:
        context = new_context(browser, screen)
        page = context.new_page()
        login(page, live_server.url, "perencana")
        for path in forms:
            page.goto(f"{live_server.url}/instansi/{SEED}/renstra/{path}")
            check(page, f"{path} ({screen})", problems)
        page.goto(f"{live_server.url}/instansi/{SEED}/renstra/indikator/IKU.5/ubah/")
        page.fill("#id_numerator", "")
        with page.expect_navigation():
            page.click("#plan-form-save")
        expect(page.locator(".field-numerator .field-error")).to_have_text("Rasio harus memiliki pembilang.")
        check(page, f"refused indicator ({screen})", problems)
        page.goto(f"{live_server.url}/instansi/{SEED}/renstra/")
        check(page, f"plan with its links ({screen})", problems)
        page.goto(f"{live_server.url}/instansi/{SEED}/konsistensi/")
        check(page, f"consistency with its fix links ({screen})", problems)
        context.close()
    assert problems == []
