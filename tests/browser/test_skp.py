"""The SKP chain in a browser, with JavaScript switched off: the section head prepares their SKP and a staff
member's, gives the staff member a work result from their own (intervensi); the staff member adds an indicator;
the section head rates. Every SKP page passes axe and is no wider than a phone's screen."""

import os

import pytest
from playwright.sync_api import expect

from kinerja.organisation.models import Position
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.organisation.tests.factories import AssignmentFactory
from kinerja.skp.models import Skp

from .a11y import check, login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
VALUES = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


def test_a_staff_member_gets_work_results_from_the_section_head_and_is_rated(live_server, browser, people):
    staff = add_staff_position(
        actor=None,
        superior=Position.objects.get(agency__code=SEED, code="kasi-tata-kelola"),
        code="pranata-komputer",
        title="Pranata Komputer Ahli Pertama",
    )
    AssignmentFactory(position=staff, official__name="Staf Uji, A.Md", official__user__username="staf")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, bypass_csp=True, locale="id-ID"
    )
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.goto(f"{live_server.url}/instansi/{SEED}/skp/?tahun=2022")
    for code in ("kasi-tata-kelola", "pranata-komputer"):
        with page.expect_navigation():
            page.click(f"tr[data-position='{code}'] button:has-text('Siapkan SKP')")
        expect(page.locator("main")).to_contain_text("SKP sudah disiapkan.")
        page.goto(f"{live_server.url}/instansi/{SEED}/skp/?tahun=2022")
    with page.expect_navigation():
        page.click("tr[data-position='pranata-komputer'] a")
    expect(page.locator("#no-results")).to_be_visible()
    page.select_option("#id_parent", index=1)
    page.fill("#id_text", "Menyusun konsep SOP keamanan informasi")
    with page.expect_navigation():
        page.click("button:has-text('Tambahkan rencana hasil kerja')")
    expect(page.locator("main")).to_contain_text("Rencana hasil kerja ditambahkan.")
    expect(page.locator(".rhk .chain")).to_contain_text("Sasaran Strategis")
    skp = Skp.objects.get(position=staff)
    context.close()

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, bypass_csp=True, locale="id-ID"
    )
    page = context.new_page()
    login(page, live_server.url, "staf")
    page.goto(f"{live_server.url}/instansi/{SEED}/skp/{skp.pk}/")
    page.click(".rhk summary")
    page.select_option(".rhk #id_aspect", "waktu")
    page.fill(".rhk #id_name", "Konsep selesai")
    page.fill(".rhk #id_target", "2,5")
    page.fill(".rhk #id_unit", "bulan")
    with page.expect_navigation():
        page.click("button:has-text('Tambahkan indikator')")
    expect(page.locator(".rhk table")).to_contain_text("2,5 bulan")
    context.close()

    problems: list[str] = []
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True, locale="id-ID")
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.goto(f"{live_server.url}/instansi/{SEED}/skp/{skp.pk}/")
    page.select_option("#id_work_rating", "di_atas")
    for value in VALUES:
        page.select_option(f"#id_behaviour_{value}", "di_atas")
    with page.expect_navigation():
        page.click("button:has-text('Simpan penilaian')")
    expect(page.locator("#skp-predicate")).to_have_text("Sangat Baik")
    check(page, "skp", problems, screenshot="skp-rated.png")
    for label, url in (("skp list", f"/instansi/{SEED}/skp/?tahun=2022"),):
        page.goto(live_server.url + url)
        check(page, label, problems, screenshot="skp-list.png")
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True, locale="id-ID")
    page = context.new_page()
    login(page, live_server.url, "perencana")
    for label, url in (
        ("distribution", f"/instansi/{SEED}/skp/distribusi/?tahun=2022"),
        ("staff position", f"/instansi/{SEED}/skp/jabatan-pelaksana/"),
    ):
        page.goto(live_server.url + url)
        check(page, label, problems, screenshot=f"skp-{label.replace(' ', '-')}.png")
    context.close()
    assert problems == []
