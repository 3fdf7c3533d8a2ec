"""The SAKIP evaluation in a real Chromium: the inspector answers the last criteria of the seed agency and
finalises; the agency's SAKIP indicator then shows the score as its 2022 actual, the evaluation linked."""

import os

import pytest
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, Evaluation, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.organisation.models import Agency
from kinerja.performance.models import Actual

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"
LAST = ("D.c.4", "D.c.5")


@pytest.fixture
def nearly_answered(people):
    """The 2022 evaluation, sent by the planner, every criterion answered BB by the inspector but the last two
    (a transactional test empties the tables the migration filled: the worksheet is loaded again)."""
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    agency = Agency.objects.get(code=SEED)
    planner, inspector = User.objects.get(username="perencana"), User.objects.get(username="inspektur")
    evaluation = services.start_evaluation(actor=planner, agency=agency, year=2022)
    services.submit_self_assessment(actor=planner, evaluation=evaluation, send_incomplete=True)
    for answer in Answer.objects.filter(evaluation=evaluation).select_related("criterion", "evaluation"):
        if answer.criterion.code not in LAST:
            services.save_evaluator_answer(actor=inspector, answer=answer, value="BB")
    return evaluation


def answer(page, code: str, letter: str, recommendation: str = "") -> None:
    criterion = page.locator(f'[id="k-{code}"]')
    criterion.locator("select[name=answer]").select_option(letter)
    if recommendation:
        criterion.locator("textarea[name=recommendation]").fill(recommendation)
    criterion.locator("button", has_text="Simpan jawaban").click()
    expect(page.locator(f'[id="k-{code}"] select[name=answer]')).to_have_value(letter)


def test_the_inspector_finalises_and_the_score_becomes_the_sakip_actual(live_server, page, browser, nearly_answered):
    login(page, live_server, "inspektur")
    page.goto(f"{live_server.url}/instansi/{SEED}/evaluasi-sakip/2022/")
    expect(page.locator("#lke-unanswered")).to_have_text("2")
    answer(page, "D.c.4", "A")
    answer(page, "D.c.5", "AA", "Tingkatkan pemanfaatan hasil evaluasi internal")
    expect(page.locator("#lke-unanswered")).to_have_text("0")
    page.locator("#lke-finalise").click()
    # everything BB (80 %) but D.c: (3 × 80 + 90 + 100) / 5 × 12,5 / 100 = 10,75 → total 80,75, A
    expect(page.locator("#lke-total")).to_have_text("80,75")
    expect(page.locator("#lke-predicate")).to_have_text("A (Memuaskan)")
    evaluation = Evaluation.objects.get(pk=nearly_answered.pk)
    assert (evaluation.state, str(evaluation.total_score)) == ("final", "80.7500")

    agency = browser.new_page()
    login(agency, live_server, "kadis")
    agency.goto(f"{live_server.url}/instansi/{SEED}/indikator/IKU.1/")
    expect(agency.locator("body")).to_contain_text("80,75")
    link = agency.locator("a.evidence-link", has_text="Hasil evaluasi SAKIP 2022")
    expect(link).to_have_attribute("href", f"/instansi/{SEED}/evaluasi-sakip/2022/hasil/")
    link.click()
    expect(agency.locator("#lke-total")).to_have_text("80,75")
    expect(agency.locator("#lke-result")).to_contain_text("Tingkatkan pemanfaatan hasil evaluasi internal")
    assert Actual.objects.get(indicator__code="IKU.1", year=2022, quarter=4).value == evaluation.total_score
