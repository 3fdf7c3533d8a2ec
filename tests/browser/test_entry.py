"""An official enters a quarter's ratio actual with evidence in a real Chromium, and sees bad input refused."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_official_enters_a_ratio_actual_with_evidence_and_it_is_kept(live_server, page, people, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/realisasi/kadis/?tahun=2022&triwulan=2")
    row = page.locator("#row-IKU_2")
    row.locator("input[name='IKU_2-numerator']").fill("150")
    row.locator("input[name='IKU_2-denominator']").fill("196")
    # a locator, not wait_for_function: the Content-Security-Policy forbids evaluating strings in the page
    expect(page.locator("#preview-IKU_2 .preview-value")).to_contain_text("76,53", timeout=5000)
    evidence = tmp_path / "bukti-desa.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    row.locator("summary").click()
    row.locator("input[type=file]").set_input_files(str(evidence))
    row.locator("button[type=submit]").click()
    page.wait_for_selector("#row-IKU_2 .saved-flag", timeout=5000)
    page.reload()
    row = page.locator("#row-IKU_2")
    assert row.locator("input[name='IKU_2-numerator']").input_value() == "150"
    assert "76,53" in row.locator(".preview-value").inner_text()
    assert row.locator("a", has_text="bukti-desa.pdf").count() == 1  # inside the folded details
    out = Path(settings.VAR_DIR) / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / "entry-kadis.png"), full_page=True)


@pytest.mark.parametrize(("typed", "message"), [("-3", "negatif"), ("abc", "bukan angka")])
def test_bad_input_shows_a_message_next_to_the_field(live_server, page, people, typed, message):
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/realisasi/kadis/?tahun=2022&triwulan=3")
    row = page.locator("#row-IKU_2")
    row.locator("input[name='IKU_2-numerator']").fill(typed)
    row.locator("input[name='IKU_2-denominator']").fill("196")
    row.locator("button[type=submit]").click()
    page.wait_for_selector("#row-IKU_2 .field-error", timeout=5000)
    assert message in page.locator("#row-IKU_2").inner_text()
