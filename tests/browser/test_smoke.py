"""A person logs in, finds the agency and opens an IKI page, in a real Chromium."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from conftest import PASSWORD

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_official_logs_in_and_reads_an_iki_page(live_server, page, people):
    page.goto(f"{live_server.url}/")
    page.fill("#id_username", "kadis")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.click("text=Dinas Komunikasi, Informatika dan Persandian")
    assert page.locator("h1").first.inner_text().startswith("DINAS KOMUNIKASI")
    page.click("#positions >> text=Kepala Bidang Persandian")
    assert page.locator("#position-title").inner_text() == "KEPALA BIDANG PERSANDIAN"
    assert page.locator("#iki-table tr.iki-row").count() == 1
    assert "X 100%" in page.locator("#iki-table").inner_text()
    out = Path(settings.VAR_DIR) / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / "iki-kabid-persandian.png"), full_page=True)
    page.click("text=Renstra & IKU")
    assert page.locator("#iku-table tr.iku-row").count() == 3
