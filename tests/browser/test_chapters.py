"""A planner writes an LKjIP chapter in place: from the documents page's list of what is missing to the chapter's
form, a preview of the numbered list, a save; the list of chapters then says it is written. On a phone the page
is no wider than the screen."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.reports.models import ReportChapter

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"


def test_a_planner_writes_a_chapter_from_what_is_missing(live_server, page, people):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/instansi/{SEED}/dokumen/?tahun=2022")
    folded = page.locator("#dokumen-lkjip details.missing-list summary")
    if folded.count():  # a long list of what is missing is folded behind its count
        folded.click()
    with page.expect_navigation():
        page.click("#dokumen-lkjip a[data-chapter-link]:has-text('Bab IV Penutup')")
    expect(page.locator("h1")).to_contain_text("Bab IV Penutup")
    page.fill("#id_body", "Simpulan umum capaian.\n\n1. Langkah pertama\n2. Langkah kedua")
    with page.expect_navigation():
        page.click("button[name=preview]")
    expect(page.locator(".chapter-preview [data-item='2.']")).to_contain_text("Langkah kedua")
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    assert not ReportChapter.objects.filter(agency__code=SEED).exists()
    with page.expect_navigation():
        page.click("button.btn:has-text('Simpan bab')")
    expect(page.locator("main")).to_contain_text("tersimpan")
    chapter = ReportChapter.objects.get(agency__code=SEED, year=2022, kind="closing")
    assert chapter.body.endswith("2. Langkah kedua")
    page.goto(f"{live_server.url}/instansi/{SEED}/dokumen/bab/?tahun=2022")
    expect(page.locator("[data-chapter='lkjip-closing']")).to_contain_text("sudah ditulis")
