"""In Chromium, the planner uploads the agency workbook with one changed cell, sees the preview and imports it."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_uploads_a_workbook_sees_the_preview_and_confirms(live_server, page, people, tmp_path, settings):
    from kinerja.exchange.exporter import export_agency_data
    from kinerja.exchange.workbook.xlsx import write_workbook
    from kinerja.organisation.models import Agency

    settings.KINERJA_IMPORT_DIR = tmp_path / "imports"
    agency = Agency.objects.get(code="halut-diskominfo")
    data = export_agency_data(agency)
    data["agency"]["telephone"] = "(0924) 21999"
    workbook = tmp_path / "diskominfo.xlsx"
    workbook.write_bytes(write_workbook(data))

    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/")
    page.click("#link-exchange")
    expect(page.locator("#download-template")).to_be_visible()
    page.set_input_files("#berkas", str(workbook))
    with page.expect_navigation():
        page.click(".exchange-upload button[type=submit]")
    expect(page.locator("#changes")).to_contain_text("(0924) 21999")
    expect(page.locator("#changes")).to_contain_text("Instansi")
    expect(page.locator("#problems")).to_have_count(0)
    with page.expect_navigation():
        page.click("#confirm-import")
    expect(page.locator(".messages")).to_be_visible()
    assert page.url.rstrip("/").endswith("/instansi/halut-diskominfo")
    assert Agency.objects.get(code="halut-diskominfo").telephone == "(0924) 21999"
