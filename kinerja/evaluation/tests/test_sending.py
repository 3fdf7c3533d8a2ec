"""Sending the self-assessment to the inspectorate: the service refuses unanswered criteria unless the sender
confirms sending them incomplete, and the page asks for that confirmation (with the count) before it sends."""

import pytest
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, Evaluation

SEED = "halut-diskominfo"


@pytest.fixture
def started(world, lke):
    """The seed agency's 2022 self-assessment with one criterion of 80 answered."""
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=2022)
    answer = Answer.objects.select_related("evaluation").get(evaluation=evaluation, criterion__code="A.a.1")
    services.save_self_assessment(actor=world.planner, answer=answer, self_answer="A")
    return evaluation


def _state(evaluation):
    return Evaluation.objects.get(pk=evaluation.pk).state


def _answer_every_criterion(evaluation):
    Answer.objects.filter(evaluation=evaluation).update(self_answer="B")


def test_an_incomplete_self_assessment_is_refused_without_the_senders_confirmation(world, started):
    with pytest.raises(services.IncompleteSelfAssessment) as refused:
        services.submit_self_assessment(actor=world.planner, evaluation=started)
    assert (len(refused.value.unanswered), refused.value.total) == (79, 80)
    assert "A.a.1" not in refused.value.unanswered and "D.c.5" in refused.value.unanswered
    assert refused.value.messages[0].startswith("79 dari 80 kriteria penilaian mandiri belum dijawab.")
    assert _state(started) == Evaluation.State.SELF_ASSESSMENT


def test_an_incomplete_self_assessment_goes_when_the_sender_confirms_it_and_the_trail_says_so(world, started):
    services.submit_self_assessment(actor=world.planner, evaluation=started, send_incomplete=True)
    assert _state(started) == Evaluation.State.UNDER_EVALUATION
    record = AuditRecord.objects.filter(action=AuditRecord.Action.SUBMITTED, object_pk=str(started.pk)).get()
    assert "79 dari 80 kriteria belum dijawab" in record.description


def test_a_complete_self_assessment_goes_without_confirming_anything(world, started):
    _answer_every_criterion(started)
    services.submit_self_assessment(actor=world.head_of_agency, evaluation=started)
    assert _state(started) == Evaluation.State.UNDER_EVALUATION


def _submit(client, **data):
    return client.post(reverse("evaluation-submit", args=[SEED, 2022]), data)


def test_the_page_asks_before_sending_and_states_how_many_are_unanswered(client, world, started):
    client.force_login(world.planner)
    response = _submit(client)  # the worksheet's button: only the confirmation step
    content = response.content.decode()
    assert response.status_code == 200 and _state(started) == Evaluation.State.SELF_ASSESSMENT
    assert '<strong id="lke-confirm-count">1 / 80</strong>' in content
    assert "79 dari 80 kriteria penilaian mandiri belum dijawab" in content
    assert 'name="send_incomplete"' in content and 'name="confirmed" value="1"' in content
    assert 'id="lke-confirm-what"' in content  # what happens: the answers can no longer be changed

    response = _submit(client, confirmed="1")  # confirmed, but not that it goes incomplete: refused, said why
    assert response.status_code == 200 and _state(started) == Evaluation.State.SELF_ASSESSMENT
    assert 'id="lke-confirm-error"' in response.content.decode()

    response = _submit(client, confirmed="1", send_incomplete="1")
    assert response.status_code == 302 and _state(started) == Evaluation.State.UNDER_EVALUATION


def test_a_complete_self_assessment_is_sent_from_the_confirmation_without_the_incomplete_box(client, world, started):
    _answer_every_criterion(started)
    client.force_login(world.planner)
    content = _submit(client).content.decode()
    assert "80 / 80" in content and 'name="send_incomplete"' not in content
    assert _submit(client, confirmed="1").status_code == 302
    assert _state(started) == Evaluation.State.UNDER_EVALUATION


def test_someone_who_may_not_send_gets_404_and_nothing_is_sent(client, world, started):
    client.force_login(world.section_head)
    assert _submit(client, confirmed="1", send_incomplete="1").status_code == 404
    assert _state(started) == Evaluation.State.SELF_ASSESSMENT
