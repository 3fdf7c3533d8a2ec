"""A planner edits a position's IKI page in place, never opening /admin/: moves a row up and gives another row the
page's own printed wording; the consistency check's count comes back after each save, and the decree's Lampiran II
prints the page as edited (the PDF read back)."""

import os
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kinerja.reports.tests.readback import normalise, pdf_text
from kinerja.strategy.models import Budget, PageIndicator, Programme

from . import a11y
from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
POSITION = "kasubag-perencanaan"
NEW_NAME = "Jumlah Dokumen Perencanaan Uji Cetak Halaman"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Only so that axe can be injected (tests/browser/test_csp.py checks the policy itself)."""
    return {**browser_context_args, "bypass_csp": True, "locale": "id-ID"}


def lampiran_two(pdf: bytes) -> str:
    text = normalise(pdf_text(pdf))
    return text[text.index(normalise("LAMPIRAN II")) :]


def test_a_planner_reorders_a_row_and_rewords_one_and_the_decree_prints_it(live_server, page, people):
    rows = list(PageIndicator.objects.filter(position__code=POSITION).select_related("indicator").order_by("order"))
    first, second, third = rows[0], rows[1], rows[2]
    login(page, live_server, "perencana")
    page.goto(f"{live_server.url}/instansi/{SEED}/iki/{POSITION}/")
    with page.expect_navigation():
        page.click("#edit-page")
    expect(page.locator("h1")).to_contain_text("Ubah halaman IKI")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator(f"#row-{second.pk} summary").click()
    problems: list[str] = []
    a11y.check(page, "IKI edit page on a phone", problems)
    assert problems == []
    page.set_viewport_size({"width": 1366, "height": 768})
    with page.expect_navigation():
        page.locator(f"#row-{second.pk} [data-action='move-row-up']").click()
    expect(page.locator("[role=status]")).to_contain_text("Pemeriksaan konsistensi kini melaporkan")
    order = page.locator(".page-row").evaluate_all("rows => rows.map(row => row.dataset.indicator)")
    assert order[:3] == [second.indicator.code, first.indicator.code, third.indicator.code]

    row = page.locator(f"#row-{third.pk}")
    row.locator("summary").click()
    row.get_by_label("Indikator sebagaimana tercetak").fill(NEW_NAME)
    with page.expect_navigation():
        row.get_by_role("button", name="Simpan baris").click()
    expect(page.locator("[role=status]")).to_contain_text("Tersimpan.")
    expect(page.locator(f"#row-{third.pk} strong")).to_have_text(NEW_NAME)
    third.refresh_from_db()
    assert third.printed_name == NEW_NAME

    response = page.request.get(f"{live_server.url}/instansi/{SEED}/dokumen/keputusan-iku-iki.pdf?tahun=2022")
    assert response.status == 200
    text = lampiran_two(response.body())
    at = text.index(normalise(NEW_NAME))
    page_start = text.rindex(normalise(second.name)[:60], 0, at)
    assert normalise(first.name)[:60] in text[page_start:at], "the moved row prints before the row it passed"


def test_a_planner_gives_a_programme_its_budget_on_a_phone(live_server, page, people):
    programme = Programme.objects.filter(plan__agency__code=SEED).order_by("order").first()
    login(page, live_server, "perencana")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/instansi/{SEED}/renstra/?tahun=2022")
    with page.expect_navigation():
        page.click("#edit-programmes")
    card = page.locator(f"#programme-{programme.pk}")
    card.locator("summary", has_text="Ubah program").click()
    problems: list[str] = []
    a11y.check(page, "programme page on a phone", problems)
    assert problems == []
    page.fill(f"#id_programme-{programme.pk}-budget_2022", "2.500.000.000")
    with page.expect_navigation():
        card.get_by_role("button", name="Simpan program").click()
    expect(page.locator("[role=status]")).to_contain_text("Pemeriksaan konsistensi kini melaporkan")
    assert Budget.objects.get(programme=programme, year=2022).amount == Decimal("2500000000")
