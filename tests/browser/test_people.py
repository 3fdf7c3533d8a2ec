"""A planner makes an official real through Kinerja's own pages, never /admin/: adds them, gives a login, assigns a
position (a Plt. with its decree), grants a role; the official then logs in with the password shown once and sees
their entry page. On a laptop (1366 × 768) and a phone (390 × 844), no page is wider than the screen."""

import datetime
import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.accounts.models import RoleGrant
from kinerja.organisation.models import Assignment
from kinerja.organisation.tests.factories import nip_for

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
SCREENS = {"phone": (390, 844), "laptop": (1366, 768)}


def login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def fits(page, width: int, too_wide: dict) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width + 1:
        too_wide[page.url] = scroll


@pytest.mark.parametrize("screen", SCREENS)
def test_a_planner_makes_an_official_who_then_enters_their_actuals(live_server, page, people, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    too_wide: dict = {}
    login(page, live_server, "perencana", PASSWORD)
    page.goto(f"{live_server.url}/instansi/{SEED}/")
    if screen == "phone":
        page.click(".menu-button")
    with page.expect_navigation():
        page.click("#nav-people")
    expect(page.locator("h1")).to_have_text("Pegawai & akun")
    fits(page, width, too_wide)

    # a wrong NIP first: the sentence next to the field, in Indonesian
    page.fill("#id_nip", "12345")
    page.fill("#id_name", "Rina Kartika")
    with page.expect_navigation():
        page.click("#add-official button[type=submit]")
    expect(page.locator(".field-nip .field-error")).to_contain_text("NIP harus terdiri atas tepat 18 digit")
    page.fill("#id_nip", nip_for(4321))
    page.fill("#id_front_title", "Dr.")
    page.fill("#id_back_title", "S.Kom., M.T.")
    page.select_option("#id_grade", "III/b")
    with page.expect_navigation():
        page.click("#add-official button[type=submit]")
    expect(page.locator("h1")).to_have_text("Dr. Rina Kartika, S.Kom., M.T.")
    fits(page, width, too_wide)

    # the login: the initial password, shown this once
    page.fill("#id_username", "rina")
    with page.expect_navigation():
        page.click("#give-password")
    password = page.locator("#initial-password").inner_text()
    assert len(password) == 19
    fits(page, width, too_wide)
    with page.expect_navigation():
        page.click("#secret a.btn")
    expect(page.locator("#login-name")).to_have_text("rina")
    assert password not in page.content()
    # a reset link to copy fits the screen too
    with page.expect_navigation():
        page.click("#give-link")
    assert "/sandi/" in page.locator("#reset-link").input_value()
    fits(page, width, too_wide)
    page.go_back()

    # a Plt. of the section's position, from today, with its decree
    page.select_option("#id_position", label="Kepala Seksi Tata Kelola Persandian")
    page.fill("#id_start", datetime.date.today().isoformat())
    page.select_option("#id_acting_kind", "plt")
    page.fill("#id_decree_number", "800.1.3/45/2026")
    with page.expect_navigation():
        page.click("#assign")
    expect(page.locator("#person-history")).to_contain_text("Plt.")
    expect(page.locator("#person-history")).to_contain_text("800.1.3/45/2026")
    # and the planner role of the agency
    page.select_option("#id_role", "planner")
    with page.expect_navigation():
        page.click("#grant")
    expect(page.locator("#roles")).to_contain_text("Admin perencanaan")
    fits(page, width, too_wide)
    assert Assignment.objects.get(official__user__username="rina").acting_kind == "plt"
    assert RoleGrant.objects.filter(user__username="rina", role="planner").exists()

    # the official logs in with it and reaches their entry page
    page.context.clear_cookies()
    login(page, live_server, "rina", password)
    # the planner has seen that password: the official chooses their own before any other page
    assert "/sandi/ubah/" in page.url
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "Rina-Sendiri-2026!")
    page.fill("#id_new_password2", "Rina-Sendiri-2026!")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/")
    entry = page.locator("#my-actuals a.btn").first
    expect(entry).to_be_visible()
    with page.expect_navigation():
        entry.click()
    assert "/realisasi/kasi-tata-kelola/" in page.url
    expect(page.locator("h1")).to_contain_text("Kepala Seksi Tata Kelola Persandian")
    fits(page, width, too_wide)
    assert too_wide == {}, f"wider than the {width} px screen: {too_wide}"
