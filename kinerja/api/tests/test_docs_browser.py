"""The API documentation page runs Swagger UI from our own static files under the site's strict
Content-Security-Policy: it draws every operation, and the browser reports no violation."""

import os

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_draws_the_schema_with_no_csp_violation(live_server, page, people):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));"
    )
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "kasi")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Kinerja API", timeout=10000)
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert page.locator(".opblock").count() >= 30
    # "Try it out" with the session: the init script sends Django's CSRF token with a write
    token = page.locator("#operations-token-token_create")
    token.locator(".opblock-summary").click()
    token.locator("button.try-out__btn").click()
    token.locator("button.execute").click()
    status = token.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_contain_text("201", timeout=10000)
    assert violations == []
