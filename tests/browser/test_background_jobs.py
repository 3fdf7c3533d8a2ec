"""In Chromium, the head of agency asks for the decree book in the background: the page says it waits, follows it
by itself (htmx polling) while a worker prints it, and offers the file when it is ready."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.jobs.tests.test_jobs import DATABASE, run_queued_tasks
from kinerja.reports.tests.readback import docx_text

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_page_follows_a_queued_print_and_offers_the_file(live_server, page, people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = DATABASE  # queued until a worker takes it
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "kadis")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/dokumen/?tahun=2022")
    book = page.locator("#tugas-buku-iku-iki")
    with page.expect_navigation():
        book.get_by_role("button", name="Siapkan DOCX di latar belakang").click()
    job = book.locator("[data-job]")
    expect(job).to_contain_text("menunggu giliran")

    run_queued_tasks()  # the worker, in this process: the page is not reloaded

    expect(job).to_contain_text("siap", timeout=15_000)
    with page.expect_download() as download:
        job.get_by_role("link", name="Unduh DOCX").click()
    assert download.value.suggested_filename == "keputusan-iku-iki-halut-diskominfo-2022-buku.docx"
    with open(download.value.path(), "rb") as file:
        assert "INDIKATOR KINERJA" in docx_text(file.read()).upper()
