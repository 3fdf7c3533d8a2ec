"""Every main page, as each person opens it, on a laptop (1366 × 768) and a phone (390 × 844): axe-core finds no
serious or critical violation of WCAG 2.1 A/AA and best practice, and no page is wider than the screen. The pages
and people are those of `make screenshots` (tools/screenshots.py)."""

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.evaluation import services
from kinerja.evaluation.models import WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.organisation.models import Agency
from tools.screenshots import AGENCY, PEOPLE, pages

from .a11y import SCREENS, axe_sha256, check, login, new_context, written_sha256

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
PERIOD = "?tahun=2022&triwulan=4"
PERSONS = ("head", "official", "planner", "inspectorate")
# the pages that differ from one person to another; the head of agency opens every page
OWN_PAGES = {"home", "overview", "iki", "entry", "verification", "evaluation", "worksheet", "region"}
OWN_PAGES |= {"periods", "targets", "consistency", "history", "exchange"}  # the planner's


def test_the_vendored_axe_is_the_one_its_readme_names():
    assert axe_sha256() == written_sha256()


# Each drawing of `selector` with the box it sits in: wider than the box, or (the tree) taller than two screens.
FITTED = """selector => [...document.querySelectorAll(selector)].map(el => {
  const canvas = el.querySelector("canvas"), box = el.parentElement.getBoundingClientRect();
  const drawn = (canvas || el).getBoundingClientRect();
  return {width: Math.round(drawn.width), box: Math.round(box.width), height: Math.round(drawn.height),
          screen: window.innerHeight};
})"""


def unfitted(page, selector: str, label: str) -> list[str]:
    found = page.evaluate(FITTED, selector)
    assert found, f"{label}: no {selector}"
    return [
        f"{label}: {selector} drawn {size} does not fit its box"
        for size in found
        if size["width"] > size["box"] + 1 or size["width"] == 0 or size["height"] > 2 * size["screen"]
    ]


@pytest.fixture
def example(people):
    """The seed with its example figures and a 2022 SAKIP evaluation."""
    call_command("load_example_performance", AGENCY)
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    services.start_evaluation(
        actor=User.objects.get(username="perencana"), agency=Agency.objects.get(code=AGENCY), year=2022
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("screen", SCREENS)
def test_no_serious_accessibility_violation_and_no_overflow_on_any_main_page(live_server, browser, example, screen):
    problems: list[str] = []
    visited = 0
    for person in PERSONS:
        username, position = PEOPLE[person]
        context = new_context(browser, screen)
        page = context.new_page()
        login(page, live_server.url, username)
        for name, path in pages(position).items():
            if person != "head" and name not in OWN_PAGES:
                continue
            url = live_server.url + path + (PERIOD if name in ("dashboard", "tree", "region") else "")
            response = page.goto(url)
            if response.status == 404:  # not this person's page (an entry page of another, the planner's)
                continue
            assert response.status == 200, (person, name, response.status)
            if name == "tree":
                expect(page.locator("#performance-tree")).to_have_attribute("data-ready", "1")
                problems += unfitted(page, "#performance-tree", f"{person} tree")
            if name in ("dashboard", "indicator"):
                problems += unfitted(page, ".chart", f"{person} {name}")
            check(page, f"{person} {name}", problems, f"{screen}/{person}-{name}.png")
            visited += 1
        if screen == "phone":  # the menu, unfolded, is checked too
            page.goto(live_server.url + pages(position)["overview"])
            page.locator(".menu-button").click()
            expect(page.locator(".mainnav a").first).to_be_visible()
            check(page, f"{person} menu", problems)
        context.close()
    assert visited >= 25
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_keyboard_skips_the_menu_and_folds_it_on_a_phone(live_server, browser, people):
    context = new_context(browser, "phone")
    page = context.new_page()
    login(page, live_server.url, "kasi")
    page.keyboard.press("Tab")  # the first stop: "Langsung ke isi"
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Langsung ke isi")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()
    button = page.locator(".menu-button")  # a real button, folded on a phone, opened by the keyboard
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_accessible_name("Menu")  # the drawn ☰ is not read out
    expect(page.locator(".mainnav a", has_text="Realisasi")).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    entry = page.locator(".mainnav a", has_text="Realisasi")
    expect(entry).to_be_visible()
    page.keyboard.press("Escape")  # folds it again, the focus back on its button
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    page.keyboard.press("Space")
    with page.expect_navigation():
        entry.click()
    assert "/realisasi/kasi-tata-kelola/" in page.url  # two clicks from login: "Menu", "Realisasi"
    context.close()
