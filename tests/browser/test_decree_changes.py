"""A planner enacts the decree, the plan changes after it, and the documents page says what changed: in a real
Chromium, both prints it links to are downloaded and read back — the enacted version as enacted, the draft as KONSEP."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.reports.tests.readback import normalise, pdf_text
from kinerja.strategy.models import PageIndicator

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
RENAMED = "Jumlah naskah kebijakan persandian yang ditetapkan"


def download_text(page, link, folder) -> str:
    with page.expect_download() as info:
        link.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return normalise(pdf_text(path.read_bytes()))


def test_a_planner_sees_what_changed_since_enacting_and_prints_both_versions(
    live_server, page, people, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/instansi/{SEED}/dokumen/?tahun=2022")
    card = page.locator("#dokumen-keputusan-iku-iki")
    with page.expect_navigation():
        card.locator("button:has-text('Tetapkan keputusan')").click()
    expect(page.locator("main")).to_contain_text("ditetapkan sebagai versi 1")
    expect(card.locator(".decree-changes")).to_contain_text("Tidak ada perubahan sejak ditetapkan.")

    row = PageIndicator.objects.get(
        position__agency__code=SEED, position__code="kasi-tata-kelola", indicator__code="kasi-tata-kelola.O1.I1"
    )
    before, row.printed_name = row.name, RENAMED
    row.save()
    page.reload()
    changes = card.locator(".decree-changes")
    expect(changes.locator("h3")).to_contain_text("Perubahan sejak ditetapkan (versi 1, tanggal")
    expect(changes.locator("li")).to_have_text(
        "Indikator kasi-tata-kelola.O1.I1 di halaman KEPALA SEKSI TATA KELOLA PERSANDIAN: "
        f"nama '{before}' → '{RENAMED}'"
    )
    enacted = download_text(page, changes.locator("a[data-enacted-print]"), tmp_path)
    draft = download_text(page, changes.locator("a[data-draft-print]"), tmp_path)
    assert normalise(RENAMED) not in enacted and "KONSEP" not in enacted
    assert normalise(RENAMED) in draft and "KONSEP" in draft
