"""The worksheet page as a form people finish: counters per component and overall, a saved status after each
htmx save (counters swapped out of band), the answer scale next to each answer, the inspectorate's side sealed
from the agency until final, and a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer

from .conftest import answer_all

SEED = "halut-diskominfo"
PAGE = reverse("evaluation-page", args=[SEED, 2022])
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def started(world, lke):
    return services.start_evaluation(actor=world.planner, agency=world.agency, year=2022)


def _self(evaluation, world, *codes, letter="B"):
    for answer in Answer.objects.select_related("evaluation").filter(evaluation=evaluation, criterion__code__in=codes):
        services.save_self_assessment(actor=world.planner, answer=answer, self_answer=letter)


def _count(content, id_):
    found = re.search(rf'id="{re.escape(id_)}"[^>]*>([^<]*)<', content)
    return found and found.group(1)


def test_the_counters_show_answered_criteria_per_component_and_overall(client, world, started):
    _self(started, world, "A.a.1", "A.b.2", "B.a.1")
    client.force_login(world.planner)
    content = client.get(PAGE).content.decode()
    assert _count(content, "lke-self-count") == "3 / 80"
    assert [_count(content, f"lke-self-count-{code}") for code in "ABCD"] == ["2 / 25", "1 / 20", "0 / 22", "0 / 13"]
    assert 'id="lke-eval-count' not in content  # the inspectorate's progress is not the agency's to read
    assert content.count('<details class="lke-component"') == 4
    assert re.search(r'<details class="lke-component" id="komponen-A" open>', content)  # A still has work
    assert re.search(r'<details class="lke-sub" id="sub-A.a" open>', content)  # its first part with work left
    assert not re.search(r'id="komponen-B" open', content) and not re.search(r'id="sub-A.b" open', content)
    assert [_count(content, f"lke-self-count-A.{sub}") for sub in "abc"] == ["1 / 7", "1 / 10", "0 / 8"]
    assert 'value="AA"' in content and "AA (100) — Sangat memuaskan" in content
    assert "E (0) — Tidak ada / tidak terpenuhi" in content and 'id="lke-legend"' in content


def test_the_page_unfolds_the_component_asked_for_or_the_first_with_work_left(client, world, started):
    client.force_login(world.planner)
    assert re.search(r'id="komponen-C" open', client.get(PAGE + "?komponen=C").content.decode())
    Answer.objects.filter(evaluation=started, criterion__sub_component__component__code__in="AB").update(
        self_answer="B"
    )
    assert re.search(r'id="komponen-C" open', client.get(PAGE).content.decode())
    after_a_save = client.get(PAGE + "?kriteria=A.c.2").content.decode()
    assert re.search(r'id="komponen-A" open', after_a_save) and re.search(r'id="sub-A.c" open', after_a_save)
    assert not re.search(r'id="komponen-C" open', after_a_save)


def test_an_htmx_save_answers_with_the_saved_status_and_the_new_counters(client, world, started):
    client.force_login(world.planner)
    response = client.post(
        reverse("evaluation-self", args=[SEED, 2022, "B.a.2"]), {"self_answer": "A", "self_note": "DO"}, **HTMX
    )
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert 'class="saved-flag" role="status">✔ Tersimpan' in content
    assert re.search(r'<strong id="lke-self-count" hx-swap-oob="true">1 / 80</strong>', content)
    assert re.search(r'id="lke-self-count-B" hx-swap-oob="true">1 / 20<', content)
    assert re.search(r'id="lke-self-sum-B" hx-swap-oob="true">1 / 20<', content)  # the component's heading
    assert re.search(r'id="lke-self-count-B.a" hx-swap-oob="true">1 / 3<', content)  # and its sub-component
    assert re.search(r'id="lke-send-warning" hx-swap-oob="true">79\D', content)  # the send form's count too
    assert "lke-eval-count" not in content and "lke-unanswered" not in content
    assert Answer.objects.get(evaluation=started, criterion__code="B.a.2").self_answer == "A"

    wrong = client.post(reverse("evaluation-self", args=[SEED, 2022, "B.a.2"]), {"self_answer": "F"}, **HTMX)
    assert 'role="alert"' in wrong.content.decode() and "Tersimpan" not in wrong.content.decode()
    assert "tidak dikenal" in wrong.content.decode()
    assert Answer.objects.get(evaluation=started, criterion__code="B.a.2").self_answer == "A"

    plain = client.post(reverse("evaluation-self", args=[SEED, 2022, "C.a.1"]), {"self_answer": "B"})
    assert plain.status_code == 302 and plain.url.endswith("?kriteria=C.a.1#k-C.a.1")


def test_the_inspectors_save_updates_the_evaluators_counters(client, world, under_evaluation):
    answer_all(under_evaluation, world.inspector, skip={"D.c.4", "D.c.5"})
    client.force_login(world.inspector)
    page = client.get(PAGE).content.decode()
    assert _count(page, "lke-unanswered") == "2" and _count(page, "lke-eval-count") == "78 / 80"
    assert re.search(r'id="komponen-D" open', page) and re.search(r'id="sub-D.c" open', page)  # work left
    content = client.post(
        reverse("evaluation-answer", args=[SEED, 2022, "D.c.4"]), {"answer": "A"}, **HTMX
    ).content.decode()
    assert "Tersimpan" in content
    assert re.search(r'<strong id="lke-unanswered" hx-swap-oob="true">1</strong>', content)
    assert re.search(r'id="lke-eval-count-D" hx-swap-oob="true">12 / 13<', content)


def test_the_agency_reads_no_evaluator_counter_before_final(client, world, under_evaluation):
    answer_all(under_evaluation, world.inspector, skip={"D.c.5"})
    client.force_login(world.planner)
    content = client.get(PAGE).content.decode()
    assert "lke-eval-count" not in content and "79 / 80" not in content
    assert _count(content, "lke-self-count") == "0 / 80"


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(PAGE).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["planner", "inspector"])
def test_the_worksheet_page_costs_the_same_queries_however_much_is_answered(
    client, world, started, who, django_assert_max_num_queries
):
    client.force_login(getattr(world, who))
    # +1 for the planner's menu (Target and Periode once the agency has a plan)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 7):
        assert client.get(PAGE).status_code == 200
    empty = _queries(client)
    Answer.objects.filter(evaluation=started, criterion__code__startswith="A").update(self_answer="BB")
    for answer in Answer.objects.filter(evaluation=started)[:30]:
        answer.evidence.create(link="renstra")
    assert _queries(client) == empty


def test_the_saved_status_costs_a_fixed_number_of_queries(client, world, started, django_assert_max_num_queries):
    client.force_login(world.planner)
    # +1: the audit record names the person who saved (their official, `core.people.display_name`)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 9):
        client.post(reverse("evaluation-self", args=[SEED, 2022, "A.a.1"]), {"self_answer": "A"}, **HTMX)
