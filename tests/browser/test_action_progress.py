"""The progress of an action as its people do it in the browser, without JavaScript: the section head opens the
action from the action plan, enters "Terlaksana sebagian" with a note and an evidence file and sends it; the
division head finds it under "Menunggu verifikasi" on the action plan and verifies it. The progress page passes axe
and is no wider than a phone's screen for both."""

import os
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kinerja.actionplans.models import ActionItem, ActionProgress
from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator

from .a11y import check, login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_section_head_enters_progress_and_the_division_head_verifies_it(live_server, browser, people, tmp_path):
    action = ActionItem.objects.create(
        indicator=Indicator.objects.get(plan__agency__code=SEED, code="kasi-tata-kelola.O1.I1"),
        year=2022,
        quarter=2,
        description="Rapat pembahasan rancangan kebijakan persandian",
        output_quantity=Decimal(2),
        output_unit="kegiatan",
        responsible_position=Position.objects.get(agency__code=SEED, code="kasi-tata-kelola"),
    )
    evidence = tmp_path / "notulen.pdf"
    evidence.write_bytes(PDF)
    plan_url = f"{live_server.url}/instansi/{SEED}/rencana-aksi/?tahun=2022"
    problems: list[str] = []

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, bypass_csp=True, locale="id-ID"
    )
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.goto(plan_url + "&jabatan=kasi-tata-kelola")
    with page.expect_navigation():
        page.click(f"li[data-action='{action.pk}'] .action-progress a")
    expect(page.locator("#progress-outcome")).to_contain_text("Belum ada progres")
    page.check("input[name='outcome'][value='partly']")
    page.fill("#id_note", "Satu dari dua rapat terlaksana")
    page.set_input_files("#id_evidence", str(evidence))
    with page.expect_navigation():
        page.click("button[value='simpan']")
    expect(page.locator("main")).to_contain_text("Progres disimpan.")
    expect(page.locator("#progress-outcome")).to_have_text("Terlaksana sebagian")
    expect(page.locator("#progress-evidence")).to_contain_text("notulen.pdf")
    with page.expect_navigation():
        page.click("button[value='kirim']")
    expect(page.locator("#progress-status")).to_contain_text("Diajukan")
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True, locale="id-ID")
    page = context.new_page()
    login(page, live_server.url, "kabid")
    page.goto(plan_url)
    waiting = page.locator("#progress-waiting")
    expect(waiting).to_contain_text("Rapat pembahasan rancangan kebijakan persandian")
    with page.expect_navigation():
        waiting.locator("a").first.click()
    check(page, "progress (superior)", problems, screenshot="action-progress-superior.png")
    with page.expect_navigation():
        page.click("button[value='verifikasi']")
    expect(page.locator("#progress-status")).to_contain_text("Terverifikasi")
    context.close()

    stored = ActionProgress.objects.get(action=action)
    assert (stored.outcome, stored.status, stored.evidence.get().download_name) == ("partly", "verified", "notulen.pdf")
    assert problems == []
