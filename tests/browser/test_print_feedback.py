"""A long print gives feedback: while the PDF is produced the documents page says "Sedang menyiapkan dokumen…",
then the file arrives under its own name and the message goes; the second download is served from storage."""

import os

import pytest
from django.conf import settings
from playwright.sync_api import expect

from kinerja.reports.tests.readback import normalise, pdf_text

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_documents_page_shows_the_print_being_prepared(live_server, page, people, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # nothing printed yet: the first print takes seconds
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}/instansi/halut-diskominfo/dokumen/?tahun=2022")
    status = page.locator("#print-status")
    expect(status).to_be_hidden()
    card = page.locator("#dokumen-keputusan-iku-iki .downloads")
    with page.expect_download(timeout=60_000) as download_info:
        card.locator("a", has_text="PDF").click()
        expect(status).to_be_visible()
        expect(status).to_contain_text("Sedang menyiapkan dokumen…")
        expect(status).to_have_attribute("role", "status")
    download = download_info.value
    assert download.suggested_filename == "keputusan-iku-iki-halut-diskominfo-2022.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert normalise("NOMOR: 800/ 7.a /2022") in normalise(pdf_text(path.read_bytes()))
    expect(status).to_be_hidden()
    printed = list((tmp_path / "media" / "printed" / "halut-diskominfo" / "keputusan-iku-iki").glob("*.pdf"))
    assert len(printed) == 1  # kept for the next download
