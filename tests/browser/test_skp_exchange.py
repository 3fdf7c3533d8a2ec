"""The SKP exchanged in a browser: the section head downloads the SKP workbook from the SKP list, fills in their
staff member's ratings in the Penilaian sheet, checks the file (nothing saved), imports it and sees the report;
the import page passes axe and is no wider than a phone's screen."""

import io
import os

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from kinerja.organisation.models import Position
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.organisation.tests.factories import AssignmentFactory
from kinerja.skp import services
from kinerja.skp.models import Skp

from .a11y import check, login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
ABOVE = "Di atas ekspektasi"


def test_the_section_head_downloads_fills_in_and_imports_ratings(live_server, browser, people, tmp_path):
    section = Position.objects.select_related("agency").get(agency__code=SEED, code="kasi-tata-kelola")
    staff = add_staff_position(actor=None, superior=section, code="pranata-komputer", title="Pranata Komputer")
    AssignmentFactory(position=staff, official__name="Staf Uji, A.Md", official__user__username="staf")
    services.prepare_year(actor=None, agency=section.agency, year=2022)
    skp = Skp.objects.get(position=staff)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, bypass_csp=True, locale="id-ID", accept_downloads=True
    )
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.goto(f"{live_server.url}/instansi/{SEED}/skp/?tahun=2022")
    with page.expect_download() as download:
        page.click("#skp-export-xlsx")
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    sheet = book["Penilaian"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headers.index("ID SKP")].value == skp.pk:
            for name in ("Rating Hasil Kerja", "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis"):
                row[headers.index(name)].value = ABOVE
            for name in ("Loyal", "Adaptif", "Kolaboratif"):
                row[headers.index(name)].value = "Sesuai ekspektasi"
    filled = tmp_path / "skp-isi.xlsx"
    book.save(filled)

    with page.expect_navigation():
        page.click("#skp-ratings-import-link")
    page.set_input_files("#berkas", str(filled))
    with page.expect_navigation():
        page.click("button:has-text('Periksa saja')")
    expect(page.locator("#import-report")).to_contain_text("belum ada yang disimpan")
    assert Skp.objects.get(pk=skp.pk).status == "draft"
    page.set_input_files("#berkas", str(filled))
    with page.expect_navigation():
        page.click("button:has-text('Impor penilaian')")
    expect(page.locator("#import-report")).to_contain_text("Berkas sudah diimpor")
    expect(page.locator("#import-rows tr[data-outcome='rated']")).to_contain_text("Staf Uji, A.Md")
    problems: list[str] = []
    check(page, "skp ratings import", problems, screenshot="skp-ratings-import.png")
    context.close()
    assert problems == []
    rated = Skp.objects.get(pk=skp.pk)
    assert (rated.work_rating, rated.behaviour_rating, rated.predicate) == ("di_atas", "di_atas", "sangat_baik")
