"""One journey per person through the quarter, on a laptop (1366 × 768) and a phone (390 × 844). On every page
visited, axe-core finds no serious or critical violation and the page is no wider than the screen (a11y.check);
with KINERJA_SCREENSHOTS set, each page is saved under var/screenshots/journeys/<screen>/.

- the official reaches their entry page from the menu, enters an actual with evidence and sends it;
- the superior opens what waits for them, sees the target, the achievement, the factors and the evidence, returns
  it with a reason, and verifies it once it is sent again;
- the inspectorate answers the last criteria of the SAKIP worksheet and finalises the evaluation;
- the head of agency reads the dashboard and the performance tree.
(The planner closing a quarter is tests/browser/test_quarter_pages.py's.)"""

import os
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.evaluation import services as evaluation_services
from kinerja.evaluation.models import Answer, Evaluation, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.organisation.models import Agency
from kinerja.performance import workflow
from kinerja.performance.models import Actual, Target
from kinerja.performance.services import record_actual, set_target
from kinerja.strategy.models import Indicator

from .a11y import SCREENS, check, new_context

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
AT = f"/instansi/{SEED}"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Journey:
    """A person's page in one browser context, and what was found on every page they saw."""

    def __init__(self, browser, live_server, screen: str, person: str):
        self.context = new_context(browser, screen)
        self.page = self.context.new_page()
        self.base = live_server.url
        self.screen, self.person, self.step, self.problems = screen, person, 0, []

    def look(self, name: str) -> None:
        self.step += 1
        label = f"{self.person} {self.step} {name}"
        check(self.page, label, self.problems, f"journeys/{self.screen}/{self.person}-{self.step:02d}-{name}.png")

    def log_in(self, username: str) -> None:
        self.page.goto(f"{self.base}/masuk/")
        self.look("login")
        from conftest import PASSWORD

        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        with self.page.expect_navigation():
            self.page.click("button[type=submit]")
        self.look("home")

    def menu(self, name: str) -> None:
        """Follows a menu item as a person would: on a phone, the "Menu" button first."""
        button = self.page.locator(".menu-button")
        if button.is_visible():
            button.click()
            expect(button).to_have_attribute("aria-expanded", "true")
        with self.page.expect_navigation():
            self.page.locator(".mainnav a", has_text=name).first.click()

    def end(self) -> None:
        self.context.close()
        assert self.problems == [], "\n".join(self.problems)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("screen", SCREENS)
def test_the_official_enters_an_actual_with_evidence_and_sends_it(live_server, browser, people, media, screen):
    journey = Journey(browser, live_server, screen, "official")
    page = journey.page
    journey.log_in("kasi")
    journey.menu("Realisasi")  # one click from the home page to the entry page of the quarter
    assert f"{AT}/realisasi/kasi-tata-kelola/" in page.url
    journey.look("entry")
    row = page.locator("section.entry-row:not(.is-locked)").filter(has=page.locator("form[data-entry-form]")).first
    fields = row.locator(".entry-grid input[type=text]")
    fields.first.fill("3")
    if fields.count() > 1:  # a ratio: its denominator
        fields.nth(1).fill("10")
    row.locator("summary").click()
    row.locator("textarea").first.fill("Dukungan anggaran tepat waktu")
    evidence = media / "bukti-kegiatan.pdf"
    evidence.write_bytes(PDF)
    row.locator("input[type=file]").set_input_files(str(evidence))
    row.locator("button", has_text="Simpan baris ini").click()
    saved = page.locator("section.entry-row .saved-flag")
    expect(saved).to_be_visible()
    row = page.locator("section.entry-row", has=page.locator(".saved-flag"))
    expect(row.locator("a", has_text="bukti-kegiatan.pdf")).to_have_count(1)  # in the saved row, no reload
    expect(row).to_be_focused()  # the focus back on the row saved
    journey.look("saved")
    with page.expect_navigation():
        row.locator("button", has_text="Kirim untuk diverifikasi").click()
    expect(page.locator(".messages")).to_contain_text("dikirim untuk diverifikasi")
    journey.look("sent")
    actual = Actual.objects.get(entered_by__username="kasi")
    assert actual.status == Actual.Status.SUBMITTED
    assert actual.supporting_factors == "Dukungan anggaran tepat waktu"
    assert [file.original_name for file in actual.evidence.all()] == ["bukti-kegiatan.pdf"]
    journey.end()


@pytest.fixture
def submitted(people, media):
    """An actual of the section head, with factors and an evidence file, sent for verification."""
    kasi = User.objects.get(username="kasi")
    indicator = Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola", plan__agency__code=SEED).first()
    ratio = indicator.formula == "ratio"
    planner = User.objects.get(username="perencana")
    set_target(actor=planner, indicator=indicator, kind=Target.Kind.YEAR, year=2022, value=Decimal(6))
    set_target(actor=planner, indicator=indicator, kind=Target.Kind.QUARTER, year=2022, quarter=2, value=Decimal(3))
    actual = record_actual(
        actor=kasi,
        indicator=indicator,
        year=2022,
        quarter=2,
        value=None if ratio else Decimal(3),
        numerator=Decimal(3) if ratio else None,
        denominator=Decimal(4) if ratio else None,
        supporting_factors="Dukungan anggaran tepat waktu",
        hindering_factors="Jaringan di desa terpencil",
        evidence=[("bukti-kegiatan.pdf", PDF)],
    )
    return workflow.submit_actual(actor=kasi, actual=actual)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_superior_returns_then_verifies_after_seeing_the_evidence(live_server, browser, submitted, screen):
    journey = Journey(browser, live_server, screen, "superior")
    page = journey.page
    journey.log_in("kabid")
    with page.expect_navigation():  # the home page lists what waits, each a link to it
        page.locator("#my-verification a", has_text=submitted.indicator.name).click()
    assert f"{AT}/verifikasi/" in page.url
    journey.look("verification")
    decision = page.locator(f"#actual-{submitted.pk}")
    facts = decision.locator(".verify-facts")
    for seen in ("Target 2022", "Faktor pendukung", "Dukungan anggaran tepat waktu", "Jaringan di desa terpencil"):
        expect(facts).to_contain_text(seen)
    expect(facts.locator("dt", has_text="Target 2022").locator("xpath=following-sibling::dd[1]")).to_contain_text("6")
    expect(facts.locator(".verify-achievement")).to_contain_text("%")  # the achievement, with its category
    link = facts.locator("a.evidence-link", has_text="bukti-kegiatan.pdf")
    file = page.request.get(live_server.url + link.get_attribute("href"))
    assert file.status == 200 and file.body() == PDF  # the evidence link works
    decision.locator("input[name=reason]").fill("Bukti kegiatan belum ditandatangani")
    with page.expect_navigation():
        decision.locator("button", has_text="Kembalikan").click()
    expect(page.locator(".messages")).to_contain_text("dikembalikan")
    journey.look("returned")
    actual = Actual.objects.get(pk=submitted.pk)
    assert (actual.status, actual.status_reason) == (Actual.Status.DRAFT, "Bukti kegiatan belum ditandatangani")

    workflow.submit_actual(actor=User.objects.get(username="kasi"), actual=actual)  # fixed and sent again
    page.reload()
    decision = page.locator(f"#actual-{submitted.pk}")
    decision.locator("input[name=confirm]").check()  # "I have checked the target, the achievement and the evidence"
    with page.expect_navigation():
        decision.locator("button", has_text="Verifikasi").click()
    expect(page.locator(".messages")).to_contain_text("diverifikasi")
    journey.look("verified")
    actual = Actual.objects.get(pk=submitted.pk)
    assert (actual.status, actual.verified_by.username) == (Actual.Status.VERIFIED, "kabid")
    journey.end()


LAST = ("D.c.4", "D.c.5")


@pytest.fixture
def nearly_answered(people):
    """The 2022 evaluation, sent by the planner, every criterion answered by the inspector but the last two."""
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    planner, inspector = User.objects.get(username="perencana"), User.objects.get(username="inspektur")
    evaluation = evaluation_services.start_evaluation(actor=planner, agency=Agency.objects.get(code=SEED), year=2022)
    evaluation_services.submit_self_assessment(actor=planner, evaluation=evaluation, send_incomplete=True)
    for answer in Answer.objects.filter(evaluation=evaluation).select_related("criterion", "evaluation"):
        if answer.criterion.code not in LAST:
            evaluation_services.save_evaluator_answer(actor=inspector, answer=answer, value="BB")
    return evaluation


@pytest.mark.parametrize("screen", SCREENS)
def test_the_inspectorate_finalises_an_evaluation(live_server, browser, nearly_answered, screen):
    journey = Journey(browser, live_server, screen, "inspectorate")
    page = journey.page
    journey.log_in("inspektur")
    with page.expect_navigation():
        page.locator("#inspectorate-shortcuts a").first.click()
    journey.look("evaluations")
    with page.expect_navigation():
        page.locator(f'a[href="{AT}/evaluasi-sakip/2022/"]').first.click()
    expect(page.locator("#lke-unanswered")).to_have_text("2")
    journey.look("worksheet")
    for code, letter in zip(LAST, ("A", "AA"), strict=True):
        criterion = page.locator(f'[id="k-{code}"]')
        criterion.locator("select[name=answer]").select_option(letter)
        criterion.locator("button", has_text="Simpan jawaban").click()
        expect(page.locator(f'[id="k-{code}"] select[name=answer]')).to_have_value(letter)
    expect(page.locator("#lke-unanswered")).to_have_text("0")
    journey.look("answered")
    page.locator("#lke-finalise").click()
    expect(page.locator("#lke-total")).to_have_text("80,75")
    expect(page.locator("#lke-predicate")).to_have_text("A (Memuaskan)")
    journey.look("final")
    assert Evaluation.objects.get(pk=nearly_answered.pk).state == "final"
    journey.end()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_head_reads_the_dashboard_and_the_tree(live_server, browser, people, screen):
    call_command("load_example_performance", SEED)
    journey = Journey(browser, live_server, screen, "head")
    page = journey.page
    journey.log_in("kadis")
    with page.expect_navigation():
        page.locator(f'main a[href="{AT}/"]').first.click()
    journey.look("overview")
    journey.menu("Dasbor")
    assert f"{AT}/dasbor/" in page.url
    page.goto(f"{live_server.url}{AT}/dasbor/?tahun=2022&triwulan=4")  # the year of the example figures
    expect(page.locator(".stat-headline")).to_contain_text("%")
    expect(page.locator("[data-bars] canvas").first).to_be_visible()
    journey.look("dashboard")
    journey.menu("Pohon kinerja")
    expect(page.locator("#performance-tree")).to_have_attribute("data-ready", "1")
    expect(page.locator("#tree-list")).to_contain_text("124,90 %")
    journey.look("tree")
    journey.end()
