"""On a phone (390 × 844) and a laptop (1366 × 768) no main page is wider than the screen, every menu link can be
reached (behind the "Menu" button on the phone), and the performance tree opens fitted to its box."""

import os
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import PASSWORD
from kinerja.accounts.models import User
from kinerja.evaluation import services
from kinerja.evaluation.models import WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.organisation.models import Agency

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
AT = f"/instansi/{SEED}"
PERIOD = "?tahun=2022&triwulan=4"
SCREENS = {"phone": (390, 844), "laptop": (1366, 768)}
# the main pages, as the head of agency opens them
PAGES = [
    "/",
    f"{AT}/",
    f"{AT}/renstra/",
    f"{AT}/iki/kadis/",
    f"{AT}/realisasi/kadis/",
    f"{AT}/verifikasi/",
    f"{AT}/dasbor/{PERIOD}",
    f"{AT}/pohon-kinerja/{PERIOD}",
    f"{AT}/dokumen/",
    f"{AT}/organisasi/",
    f"{AT}/evaluasi-sakip/",
    f"{AT}/evaluasi-sakip/2022/",
    f"{AT}/indikator/IKU.2/",
]


@pytest.fixture
def example(people):
    """The seed with its example figures and a 2022 SAKIP evaluation (a transactional test empties the tables the
    migration filled: the worksheet is loaded again)."""
    call_command("load_example_performance", SEED)
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    services.start_evaluation(
        actor=User.objects.get(username="perencana"), agency=Agency.objects.get(code=SEED), year=2022
    )


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def document_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def inside_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"] + 1


@pytest.mark.parametrize("screen", SCREENS)
def test_no_main_page_is_wider_than_the_screen(live_server, page, example, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    login(page, live_server, "kadis")
    too_wide = {}
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        if "pohon-kinerja" in path:
            expect(page.locator("#performance-tree")).to_have_attribute("data-ready", "1")
        if document_width(page) > width + 1:
            too_wide[path] = document_width(page)
    # the regency view, as the inspectorate reads it
    page.context.clear_cookies()
    login(page, live_server, "inspektur")
    page.goto(f"{live_server.url}/wilayah/halut/{PERIOD}")
    expect(page.locator("#region-table")).to_be_visible()
    if document_width(page) > width + 1:
        too_wide["/wilayah/halut/"] = document_width(page)
    assert too_wide == {}, f"wider than the {width} px screen: {too_wide}"


@pytest.mark.parametrize("screen", SCREENS)
def test_every_menu_link_can_be_reached(live_server, page, people, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}{AT}/")
    links = page.locator(".mainnav a")
    assert links.count() >= 8
    button = page.locator(".menu-button")
    if screen == "phone":  # folded behind its button, which opens it
        expect(button).to_be_visible()
        expect(links.first).to_be_hidden()
        button.click()
    else:  # open, no button
        expect(button).to_be_hidden()
    controls = [
        *links.all(),
        page.locator(".userbox select[name=language]"),
        page.locator(".userbox button", has_text="Keluar"),
    ]
    for control in controls:
        expect(control).to_be_visible()
        assert inside_screen(page, control), (control, control.bounding_box())
    # each link is a real way in: the last one (Verifikasi) leads to its page
    with page.expect_navigation():
        links.last.click()
    assert page.url.endswith(f"{AT}/verifikasi/")


@pytest.mark.parametrize("screen", SCREENS)
def test_the_performance_tree_opens_fitted_to_its_box(live_server, page, example, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}{AT}/pohon-kinerja/{PERIOD}")
    holder = page.locator("#performance-tree")
    expect(holder).to_have_attribute("data-ready", "1")
    chart, box = holder.bounding_box(), page.locator(".tree-scroll").bounding_box()
    assert chart["width"] <= box["width"], (chart, box)
    assert chart["height"] <= 2 * height, chart  # opened folded, not on a canvas of every leaf
    # the list under the chart reads its percentages the Indonesian way
    listing = page.locator("#tree-list")
    expect(listing).to_contain_text("124,90 %")
    expect(listing).not_to_contain_text(re.compile(r"\d\.\d\d ?%"))
