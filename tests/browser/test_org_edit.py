"""A planner fixes a finding of the duties-and-functions check through the position's form: "Perbaiki" beside the
function printed twice opens the position's form, the second copy is deleted and saved, the page they come back to
no longer lists the finding. The organisation's forms pass axe and are no wider than a phone's screen."""

import os

import pytest
from playwright.sync_api import expect

from kinerja.organisation.models import Position

from .a11y import SCREENS, check, login, new_context

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
TWICE = "Pelaksanaan koordinasi dengan unit kerja"  # kasi-opini's functions 3 and 7 read the same


def test_a_planner_deletes_a_function_printed_twice_from_the_consistency_page(live_server, browser, people):
    context = new_context(browser, "phone")
    page = context.new_page()
    login(page, live_server.url, "perencana")
    page.goto(f"{live_server.url}/instansi/{SEED}/konsistensi/")
    finding = page.locator("li.finding[data-code='fungsi-ganda']", has_text="Seksi Pengelolaan Opini Aspirasi")
    expect(finding).to_have_count(1)
    with page.expect_navigation():
        finding.locator("a[data-fix]").first.click()
    expect(page.locator("h1")).to_have_text("Ubah jabatan")
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    lines = page.input_value("#id_functions").split("\n")
    twice = [number for number, line in enumerate(lines) if TWICE in line]
    assert len(twice) == 2
    del lines[twice[1]]
    page.fill("#id_functions", "\n".join(lines))
    with page.expect_navigation():
        page.click("#org-form-save")
    assert page.url.startswith(f"{live_server.url}/instansi/{SEED}/konsistensi/")
    expect(page.locator(".messages")).to_contain_text("Tersimpan. Pemeriksaan konsistensi kini melaporkan")
    expect(
        page.locator("li.finding[data-code='fungsi-ganda']", has_text="Seksi Pengelolaan Opini Aspirasi")
    ).to_have_count(0)
    position = Position.objects.get(agency__code=SEED, code="kasi-opini")
    assert sum(TWICE in function.text for function in position.functions.all()) == 1
    context.close()


def test_the_organisation_forms_pass_axe_and_fit_a_phone(live_server, browser, people):
    problems: list[str] = []
    forms = ("ubah/", "unit/seksi-opini/ubah/", "jabatan/kabid-opini/ubah/")
    for screen in SCREENS:
        context = new_context(browser, screen)
        page = context.new_page()
        login(page, live_server.url, "perencana")
        page.goto(f"{live_server.url}/instansi/{SEED}/organisasi/")
        check(page, f"organisation tree with its Ubah links ({screen})", problems)
        for path in forms:
            page.goto(f"{live_server.url}/instansi/{SEED}/organisasi/{path}")
            check(page, f"{path} ({screen})", problems)
        page.goto(f"{live_server.url}/instansi/{SEED}/organisasi/unit/seksi-opini/ubah/")
        page.fill("#id_name", "")
        with page.expect_navigation():
            page.click("#org-form-save")
        expect(page.locator(".field-name .field-error")).to_have_text(
            "Tulis nama unit kerja, misalnya “Bidang Persandian”."
        )
        check(page, f"refused unit ({screen})", problems)
        context.close()
    assert problems == []
