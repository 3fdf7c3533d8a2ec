"""The quarter as the official and the superior live it, in a real Chromium: from login to the entry page in one
click, the entry page's state while typing and after a save, and verifying only after confirming."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.performance import workflow
from kinerja.performance.evidence import add_evidence
from kinerja.performance.models import Actual
from kinerja.performance.services import record_actual, set_target
from kinerja.strategy.models import Indicator

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


def shot(page, name: str) -> None:
    out = Path(settings.VAR_DIR) / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=str(out / f"{name}-{size}.png"), full_page=True)
    page.set_viewport_size(SIZES["laptop"])


def test_official_goes_from_login_to_the_entry_page_and_sees_its_state(live_server, page, people):
    login(page, live_server, "kasi")
    expect(page.locator("#my-actuals")).to_be_visible()
    shot(page, "home-kasi")
    page.locator("#my-actuals .my-position a.btn").first.click()  # one click from the home page
    expect(page.locator("h1")).to_contain_text("Realisasi")
    summary = page.locator("#entry-summary").inner_text()
    row = page.locator("section.entry-row").first
    row.locator("input.num-input").first.fill("3")
    row.locator("button", has_text="Simpan").click()
    expect(page.locator("section.entry-row").first.locator(".saved-flag")).to_be_visible(timeout=5000)
    expect(page.locator("#entry-summary")).not_to_have_text(summary)  # the counter came with the save
    expect(page.locator("section.entry-row").first).to_be_focused()  # the focus is back on the saved row
    row = page.locator("section.entry-row").first
    send = row.locator(".submit-form button")
    expect(send).to_be_enabled()
    row.locator("input.num-input").first.fill("4")  # typed, not saved: nothing to send yet
    expect(send).to_be_disabled()
    expect(row.locator(".unsaved-hint")).to_be_visible()
    shot(page, "entry-kasi")


def test_the_superior_verifies_only_after_confirming_having_checked(live_server, page, people, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kasi = User.objects.get(username="kasi")
    indicator = Indicator.objects.filter(
        page_rows__position__code="kasi-tata-kelola", plan__agency__code="halut-diskominfo"
    ).first()
    actual = record_actual(
        actor=kasi,
        indicator=indicator,
        year=2022,
        quarter=2,
        value=Decimal(3),
        numerator=None,
        denominator=None,
        supporting_factors="Dukungan pimpinan",
        note="Dua SK terbit",
    )
    set_target(
        actor=User.objects.get(username="perencana"), indicator=indicator, kind="year", year=2022, value=Decimal(4)
    )
    add_evidence(actor=kasi, actual=actual, name="sk-kebijakan.pdf", content=b"%PDF-1.4\n%%EOF\n")
    actual = workflow.submit_actual(actor=kasi, actual=Actual.objects.get(pk=actual.pk))
    login(page, live_server, "kabid")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/verifikasi/")
    decision = page.locator(f"#actual-{actual.pk}")
    expect(decision).to_contain_text("Dukungan pimpinan")
    expect(decision).to_contain_text("Dua SK terbit")
    expect(decision.locator("a.evidence-link")).to_have_text("sk-kebijakan.pdf")
    shot(page, "verification-kabid")
    decision.locator("button", has_text="Verifikasi").click()
    expect(decision.locator(".confirm-needed")).to_be_visible()  # asked, not sent
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.SUBMITTED
    decision.locator("input[name=confirm]").check()
    decision.locator("button", has_text="Verifikasi").click()
    expect(page.locator(".messages")).to_contain_text("diverifikasi")
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.VERIFIED
