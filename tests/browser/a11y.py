"""What the accessibility and journey tests ask of every page they visit: axe-core (vendored in vendor/, injected
with Playwright, nothing from a CDN) finds no serious or critical violation, and the page is no wider than the
screen (a wide table scrolls inside its own box). Screenshots go to var/screenshots/ when KINERJA_SCREENSHOTS is
set."""

import hashlib
import os
from pathlib import Path

from django.conf import settings

from conftest import PASSWORD

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE = VENDOR / "axe.min.js"
SCREENS = {"laptop": (1366, 768), "phone": (390, 844)}
SERIOUS = ("serious", "critical")
# Violations of these impacts, each with its rule, help and the first elements it names.
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.filter(v => ["serious", "critical"].includes(v.impact)).map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n")[1]),
  }));
}"""


def axe_sha256() -> str:
    return hashlib.sha256(AXE.read_bytes()).hexdigest()


def written_sha256() -> str:
    """The sha256 that vendor/README.md writes for axe.min.js."""
    line = next(line for line in (VENDOR / "README.md").read_text().splitlines() if line.startswith("sha256 "))
    return line.split()[1]


def new_context(browser, screen: str):
    """A context at one of SCREENS. It bypasses the Content-Security-Policy only so that axe can be injected as a
    script element (tests/browser/test_csp.py checks the policy itself)."""
    width, height = SCREENS[screen]
    return browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True, locale="id-ID")


def login(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def serious_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def overflow(page) -> int | None:
    """How much wider than the screen the page is, in px (None when it fits)."""
    sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return sizes[0] - sizes[1] if sizes[0] > sizes[1] else None


def check(page, label: str, problems: list[str], screenshot: str | None = None) -> None:
    """Axe and the width of the page as it is now; a finding appended to `problems`, named by `label`."""
    for violation in serious_violations(page):
        problems.append(
            f"{label}: {violation['impact']} {violation['rule']} ({violation['help']}) {violation['nodes']}"
        )
    wider = overflow(page)
    if wider:
        problems.append(f"{label}: {wider} px wider than the screen")
    if screenshot and os.environ.get("KINERJA_SCREENSHOTS"):
        path = Path(settings.VAR_DIR) / "screenshots" / screenshot
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
