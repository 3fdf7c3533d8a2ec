"""Under the strict Content-Security-Policy the pages still work in Chromium, and it reports no violation."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def violations(page):
    """Every CSP violation the browser reports while the test runs."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


def test_pickers_htmx_and_chart_work_with_no_csp_violation(live_server, page, people, violations):
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "kadis")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    agency = f"{live_server.url}/instansi/halut-diskominfo"

    page.goto(f"{agency}/realisasi/kadis/?tahun=2022&triwulan=2")
    with page.expect_navigation():
        page.select_option("#triwulan", "3")  # data-autosubmit, wired by kinerja.js
    assert "triwulan=3" in page.url
    with page.expect_navigation():
        page.select_option("#tahun", "2023")
    assert "tahun=2023" in page.url and "triwulan=3" in page.url

    row = page.locator("#row-IKU_2")
    row.locator("input[name='IKU_2-numerator']").fill("150")
    row.locator("input[name='IKU_2-denominator']").fill("196")
    # a locator, not wait_for_function: the Content-Security-Policy forbids evaluating strings in the page
    expect(page.locator("#preview-IKU_2 .preview-value")).to_contain_text("76,53", timeout=5000)  # the htmx preview

    page.goto(f"{agency}/indikator/IKU.2/")
    page.wait_for_selector("#indicator-chart canvas", timeout=5000)  # ECharts drew the chart

    page.goto(f"{agency}/dokumen/?tahun=2022")
    with page.expect_navigation():
        page.select_option("#jabatan", "kadis")
    assert "jabatan=kadis" in page.url

    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert violations == []

    # The control: an inline style added to the page is blocked, and reported.
    page.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<p id=styled style=\\'color:red\\'>x</p>')")
    page.wait_for_timeout(300)
    assert violations and all("style" in text for text in violations), violations
