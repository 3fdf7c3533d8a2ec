"""The head of agency prints the decree from the documents page in a real Chromium, and the PDF reads back."""

import os

import pytest

from kinerja.reports.tests.readback import normalise, pdf_text

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_head_of_agency_downloads_the_decree_as_pdf(live_server, page, people, tmp_path):
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/renstra/?tahun=2022")
    page.click("text=Cetak Keputusan IKU/IKI (PDF, Word)")
    card = page.locator("#dokumen-keputusan-iku-iki")
    assert "Pemeriksaan konsistensi" in card.inner_text()  # "Lengkap" only without errors of the check (issue 16)
    with page.expect_download() as download_info:
        card.locator("a", has_text="PDF").click()
    download = download_info.value
    assert download.suggested_filename == "keputusan-iku-iki-halut-diskominfo-2022.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = normalise(pdf_text(path.read_bytes()))
    assert normalise("NOMOR: 800/ 7.a /2022") in text and "KEPALA SEKSI TATA KELOLA PERSANDIAN" in text
