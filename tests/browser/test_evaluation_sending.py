"""The SAKIP self-assessment in a real Chromium: the planner saves an answer without leaving the page (the
"Tersimpan" status and the counters change in place), then sends the worksheet: the confirmation step states how
many criteria are unanswered and what sending means, and refuses to send incomplete until the box is ticked."""

import os

import pytest
from playwright.sync_api import expect

from kinerja.evaluation import services
from kinerja.evaluation.models import Evaluation, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.organisation.models import Agency

from .test_entry import login

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = "halut-diskominfo"


@pytest.fixture
def started(people):
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    from kinerja.accounts.models import User

    planner = User.objects.get(username="perencana")
    return services.start_evaluation(actor=planner, agency=Agency.objects.get(code=SEED), year=2022)


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_the_planner_saves_in_place_and_confirms_before_sending_incomplete(live_server, page, started, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    refused = []  # anything the Content-Security-Policy blocked (an inline script or style would be)
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    login(page, live_server, "perencana")
    page.goto(f"{live_server.url}/instansi/{SEED}/evaluasi-sakip/2022/")
    expect(page.locator("#lke-self-count")).to_have_text("0 / 80")
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    criterion = page.locator('[id="k-A.a.1"]')
    criterion.locator("select[name=self_answer]").select_option("A")
    criterion.locator("button", has_text="Simpan").click()
    expect(criterion.locator(".lke-status")).to_contain_text("Tersimpan")
    expect(page.locator("#lke-self-count")).to_have_text("1 / 80")
    expect(page.locator("#lke-self-count-A")).to_have_text("1 / 25")
    expect(criterion.locator("select[name=self_answer]")).to_have_value("A")  # no reload: still in place

    page.locator("#lke-submit").click()  # the first click only asks
    expect(page.locator("#lke-incomplete")).to_contain_text("79 dari 80 kriteria penilaian mandiri belum dijawab")
    expect(page.locator("#lke-confirm-what")).to_be_visible()
    assert Evaluation.objects.get(pk=started.pk).state == Evaluation.State.SELF_ASSESSMENT
    page.locator("#lke-submit-confirm").click()  # without ticking "send anyway": refused, said why
    expect(page.locator("#lke-confirm-error")).to_contain_text("79 dari 80")
    assert Evaluation.objects.get(pk=started.pk).state == Evaluation.State.SELF_ASSESSMENT
    page.locator("#lke-send-incomplete").check()
    page.locator("#lke-submit-confirm").click()
    expect(page.locator(".msg-success")).to_contain_text("dikirim ke inspektorat")
    assert Evaluation.objects.get(pk=started.pk).state == Evaluation.State.UNDER_EVALUATION
    expect(page.locator("#lke-submit")).to_have_count(0)
    assert refused == []
