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
PERSONS = ("official", "head", "planner", "inspectorate")


def test_the_vendored_axe_is_the_one_its_readme_names():
    assert axe_sha256() == written_sha256()


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
            url = live_server.url + path + (PERIOD if name in ("dashboard", "tree", "region") else "")
            response = page.goto(url)
            if response.status == 404:  # not this person's page (an entry page of another, the region)
                continue
            assert response.status == 200, (person, name, response.status)
            if name == "tree":
                expect(page.locator("#performance-tree")).to_have_attribute("data-ready", "1")
            check(page, f"{person} {name}", problems, f"{screen}/{person}-{name}.png")
            visited += 1
        if screen == "phone":  # the menu, unfolded, is checked too
            page.goto(live_server.url + pages(position)["overview"])
            page.locator(".menu-button").click()
            expect(page.locator(".mainnav a").first).to_be_visible()
            check(page, f"{person} menu", problems)
        context.close()
    assert visited >= 30
    assert problems == [], "\n".join(problems)
