"""The dashboard and the performance tree of the seed agency with example figures, in a real Chromium."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def shots() -> Path:
    out = Path(settings.VAR_DIR) / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


def watch(page) -> list[str]:
    """Script errors and failed responses of the page. Chromium asks for /favicon.ico on its own (a console
    error without a page response): failed loads are counted from the page's own responses instead."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"{error} {error.stack}"))
    page.on("response", lambda response: errors.append(response.url) if response.status >= 400 else None)
    return errors


@pytest.fixture
def example(people):
    call_command("load_example_performance", SEED)


def test_the_dashboard_draws_its_charts_and_sorts_its_tables(live_server, page, example):
    errors = watch(page)
    login(page, live_server, "kadis")
    page.goto(f"{live_server.url}/instansi/{SEED}/dasbor/?tahun=2022&triwulan=4")
    expect(page.locator("[data-bars='units-chart'] canvas")).to_have_count(1)
    expect(page.locator("[data-trend] canvas").first).to_be_visible()
    assert page.locator("#iku-table tbody tr").count() >= 3
    table = page.locator("#positions-table")
    table.locator("th button", has_text="Capaian").click()
    expect(table.locator("th").nth(2)).to_have_attribute("aria-sort", "ascending")
    values = [cell.get_attribute("data-value") for cell in table.locator("tbody tr td:nth-child(3)").all()]
    numbers = [Decimal(value) for value in values if value]
    assert len(numbers) > 5 and numbers == sorted(numbers), values
    # a position without achievement ("—", no data-value) sorts after every figure
    assert all(value == "" for value in values[len(numbers) :]), values
    page.screenshot(path=str(shots() / "dashboard.png"), full_page=True)
    assert errors == []


def test_clicking_a_tree_node_opens_its_indicator(live_server, page, example):
    errors = watch(page)
    login(page, live_server, "kadis")
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/instansi/{SEED}/pohon-kinerja/?tahun=2022&triwulan=4")
    holder = page.locator("#performance-tree")
    expect(holder).to_have_attribute("data-ready", "1")
    expect(holder.locator("canvas")).to_have_count(1)
    page.screenshot(path=str(shots() / "performance-tree.png"), full_page=True)
    # both exports are made in the page (canvas; an off-screen chart with the SVG renderer) under the CSP
    with page.expect_download() as png:
        page.click("[data-tree=png]")
    assert png.value.suggested_filename == "pohon-kinerja.png"
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")
    with page.expect_download() as svg:
        page.click("[data-tree=svg]")
    text = Path(svg.value.path()).read_text()
    # the tree as it is open: the agency and its goal (it opens folded on its first level)
    assert text.startswith("<svg") and "IKU" not in text[:10] and "Meningkatkan Pemerataan" in text
    # printed on A3 landscape (420 × 297 mm = 1191 × 842 pt), the tools left out
    page.emulate_media(media="print")
    expect(page.locator("#tree-tools")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]+)\]", pdf).group(1).split()]
    assert round(box[2]) == 1191 and round(box[3]) == 842, box
    page.emulate_media(media="screen")
    # search finds the node, unfolds its branch and writes where it is drawn; a real click there opens it
    page.fill("#tree-search", "IKU.5")
    page.press("#tree-search", "Enter")
    expect(holder).to_have_attribute("data-found-x", re.compile(r"\d+"))
    x, y = int(holder.get_attribute("data-found-x")), int(holder.get_attribute("data-found-y"))
    box = holder.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page).to_have_url(f"{live_server.url}/instansi/{SEED}/indikator/IKU.5/")
    assert errors == []


def test_the_regency_and_the_public_page(live_server, page, example):
    from kinerja.dashboard.services import set_published
    from kinerja.organisation.models import Agency

    errors = watch(page)
    login(page, live_server, "bappeda")
    page.goto(f"{live_server.url}/wilayah/halut/?tahun=2022&triwulan=4")
    expect(page.locator("#region-table tbody tr")).to_have_count(1)
    page.screenshot(path=str(shots() / "region.png"), full_page=True)
    page.click(f"#region-table a[href^='/instansi/{SEED}/dasbor/']")
    expect(page.locator("#iku-table")).to_be_visible()
    set_published(actor=None, agency=Agency.objects.get(code=SEED), published=True)
    page.context.clear_cookies()  # the public page is read without login
    page.goto(f"{live_server.url}/publik/{SEED}/")
    expect(page.locator("#public-iku tbody tr")).to_have_count(3)
    page.screenshot(path=str(shots() / "public.png"), full_page=True)
    assert errors == []


def test_a_tree_of_a_thousand_nodes_opens_folded_and_search_reaches_a_leaf(live_server, page, people):
    from kinerja.dashboard.tests.factory import make_agency
    from kinerja.organisation.models import Agency

    make_agency("dinas-seribu", region=Agency.objects.get(code=SEED).region, divisions=10, sections=9, indicators=10)
    errors = watch(page)
    login(page, live_server, "bappeda")
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/instansi/dinas-seribu/pohon-kinerja/?tahun=2022&triwulan=1")
    holder = page.locator("#performance-tree")
    expect(holder).to_have_attribute("data-ready", "1", timeout=10000)
    assert int(holder.get_attribute("data-nodes")) >= 1000
    assert holder.bounding_box()["height"] < 1500  # opened on its goals and strategic objectives
    page.screenshot(path=str(shots() / "performance-tree-1000.png"))
    page.fill("#tree-search", "I9.8.9")
    page.press("#tree-search", "Enter")
    expect(holder).to_have_attribute("data-found-x", re.compile(r"\d+"))
    x, y = int(holder.get_attribute("data-found-x")), int(holder.get_attribute("data-found-y"))
    box = holder.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page).to_have_url(f"{live_server.url}/instansi/dinas-seribu/indikator/I9.8.9/")
    assert errors == []
