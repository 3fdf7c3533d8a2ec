"""Secrets of the inspectorate stay secret until final (issue 15, item 6): the evaluator's answers, notes and
recommendations are not in the agency's change log (nor found by its search, nor in an indicator's history)
for the agency's planner and head before the evaluation is final; the inspectorate and the administrator read
them always, everyone who reads the agency once final. The agency's own self-assessment stays in its log."""

import pytest
from django.urls import reverse

from kinerja.accounts.access import may_read_evaluation_secrets
from kinerja.accounts.models import User
from kinerja.core import audit
from kinerja.core.models import AuditRecord
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer

SEED = "halut-diskominfo"
YEAR = 2022
SELF_NOTE = "Catatan mandiri perangkat daerah"
NOTE = "Catatan rahasia inspektorat"
RECOMMENDATION = "Rekomendasi rahasia inspektorat"
SECRETS = (NOTE, RECOMMENDATION)


@pytest.fixture
def evaluated(world, lke, settings, tmp_path):
    """The 2022 evaluation: the planner's self-assessment of A.a.1 (with a note), sent; the inspectorate's
    answers to every criterion, with a note and a recommendation on A.a.1; not final."""
    settings.MEDIA_ROOT = tmp_path
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=YEAR)
    first = Answer.objects.select_related("evaluation", "criterion").get(evaluation=evaluation, criterion__code="A.a.1")
    services.save_self_assessment(actor=world.planner, answer=first, self_answer="B", self_note=SELF_NOTE)
    evaluation = services.submit_self_assessment(actor=world.planner, evaluation=evaluation, send_incomplete=True)
    for answer in Answer.objects.filter(evaluation=evaluation).select_related("evaluation", "criterion"):
        secret = answer.criterion.code == "A.a.1"
        services.save_evaluator_answer(
            actor=world.inspector,
            answer=answer,
            value="BB" if secret else "B",
            note=NOTE if secret else "",
            recommendation=RECOMMENDATION if secret else "",
        )
    return evaluation


@pytest.fixture
def admin(db):
    return User.objects.create_superuser("admin-rahasia", password="kata-sandi-uji-123")


def _log(client, user, query: str = "") -> str:
    client.force_login(user)
    response = client.get(reverse("agency-history", args=[SEED]) + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("who", "before_final", "once_final"),
    [
        ("planner", False, True),
        ("head_of_agency", False, True),
        ("secretary", False, True),
        ("bappeda", False, True),
        ("outsider", False, False),
        ("inspector", True, True),
        ("admin", True, True),
    ],
)
def test_who_reads_the_inspectorates_secrets_before_and_after_final(world, admin, who, before_final, once_final):
    user = admin if who == "admin" else getattr(world, who)
    assert may_read_evaluation_secrets(user, world.agency) is before_final
    assert may_read_evaluation_secrets(user, world.agency, final=True) is once_final


@pytest.mark.parametrize("reader", ["planner", "head_of_agency"])
def test_the_agency_log_hides_the_evaluators_answers_until_final(client, world, evaluated, reader):
    user = getattr(world, reader)
    page = _log(client, user)
    assert not [secret for secret in SECRETS if secret in page]
    assert "jawaban evaluator" not in page and "Inspektur Uji" not in page  # not even that it was answered
    assert SELF_NOTE in page and "penilaian mandiri dikirim" in page  # the agency's own work stays
    assert 'id="history-sealed"' in page
    for text in ("rahasia", "Inspektur"):  # the search finds nothing either (no oracle)
        assert '<tr class="action-' not in _log(client, user, f"?cari={text}")
    services.finalise(actor=world.inspector, evaluation=evaluated)
    page = _log(client, user, "?cari=rahasia")
    assert all(secret in page for secret in SECRETS) and "jawaban evaluator kriteria A.a.1" in page


@pytest.mark.parametrize("reader", ["inspector", "admin"])
def test_the_inspectorate_and_the_administrator_read_the_answers_before_final(client, world, admin, evaluated, reader):
    page = _log(client, admin if reader == "admin" else getattr(world, reader), "?cari=rahasia")
    assert all(secret in page for secret in SECRETS) and 'id="history-sealed"' not in page


def test_unsealed_leaves_out_exactly_the_evaluators_records_of_an_evaluation_not_final(world, evaluated):
    records = AuditRecord.objects.filter(agency=world.agency, object_label="evaluation.answer")
    answered = Answer.objects.filter(evaluation=evaluated).count()
    assert records.count() == answered + 1  # every evaluator's answer and the one self-assessment
    kept = list(audit.unsealed(records, world.agency))
    assert [entry.description for entry in kept] == ["Evaluasi SAKIP 2022: penilaian mandiri kriteria A.a.1"]
    services.finalise(actor=world.inspector, evaluation=evaluated)
    assert audit.unsealed(records, world.agency).count() == answered + 1


def test_an_indicator_history_shows_no_sealed_record(client, world, evaluated):
    """A record of an answer attached to an indicator's history (as a later feature might) stays sealed too."""
    indicator = world.agency.plans.first().indicators.order_by("order").first()
    secret = Answer.objects.get(evaluation=evaluated, criterion__code="A.a.1")
    AuditRecord.objects.filter(object_label="evaluation.answer", object_pk=str(secret.pk)).update(
        about_label="strategy.indicator", about_pk=str(indicator.pk)
    )
    url = reverse("indicator-history", args=[SEED, indicator.code])
    client.force_login(world.head_of_agency)
    assert NOTE not in client.get(url).content.decode()
    client.force_login(world.inspector)
    assert NOTE in client.get(url).content.decode()
