"""The section head writes the action plan of their indicator with JavaScript switched off: from their IKI page to
the action plan, to the indicator's actions, the form, and back to the table with the action beside the quarter's
target. Both pages pass axe and are no wider than a phone's screen."""

import os

import pytest
from playwright.sync_api import expect

from kinerja.actionplans.models import ActionItem

from .a11y import check, login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"


def test_the_section_head_adds_an_action_without_javascript(live_server, browser, people):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, bypass_csp=True, locale="id-ID"
    )
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.goto(f"{live_server.url}/instansi/{SEED}/iki/kasi-tata-kelola/?tahun=2022")
    with page.expect_navigation():
        page.click("#action-plan-link")
    expect(page.locator("h1")).to_contain_text("Rencana aksi 2022 — Kepala Seksi Tata Kelola Persandian")
    with page.expect_navigation():
        page.click(".action-table td.indicator a")
    page.select_option("#id_quarter", "2")
    page.fill("#id_description", "Menyusun rancangan peraturan bupati tentang persandian")
    page.fill("#id_output_quantity", "1,5")
    page.fill("#id_output_unit", "dokumen")
    page.select_option("#id_responsible_position", label="Kepala Seksi Tata Kelola Persandian")
    with page.expect_navigation():
        page.click("button:has-text('Tambahkan aksi')")
    expect(page.locator("main")).to_contain_text("Aksi ditambahkan.")
    row = page.locator("tr[data-quarter='2']")
    expect(row).to_contain_text("Menyusun rancangan peraturan bupati tentang persandian")
    expect(row).to_contain_text("1,5 dokumen")
    item = ActionItem.objects.get()
    assert (item.quarter, str(item.output_quantity)) == (2, "1.5000")
    context.close()

    problems: list[str] = []
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True, locale="id-ID")
    page = context.new_page()
    login(page, live_server.url, "kasi")
    for label, url in (
        ("action plan", f"/instansi/{SEED}/rencana-aksi/?tahun=2022&jabatan=kasi-tata-kelola"),
        ("indicator", f"/instansi/{SEED}/rencana-aksi/indikator/kasi-tata-kelola.O1.I1/?tahun=2022"),
        ("edit", f"/instansi/{SEED}/rencana-aksi/aksi/{item.pk}/"),
    ):
        page.goto(live_server.url + url)
        check(page, label, problems, screenshot=f"action-plan-{label.replace(' ', '-')}.png")
    context.close()
    assert problems == []
