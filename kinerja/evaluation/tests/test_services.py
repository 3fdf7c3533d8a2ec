"""The evaluation's life: self-assessment → under evaluation → final, who may do what, and what final writes."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.core.models import AuditRecord
from kinerja.evaluation import selectors, services
from kinerja.evaluation.models import Answer, Evaluation, EvaluationEvidence, FollowUp
from kinerja.performance.models import Actual
from kinerja.performance.selectors import get_measurements
from kinerja.strategy.models import Indicator

from .conftest import answer_all

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _answer(evaluation, code):
    return Answer.objects.select_related("criterion", "evaluation").get(evaluation=evaluation, criterion__code=code)


def test_the_planner_prepares_the_self_assessment_with_files_and_links(world, lke, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=2022)
    assert evaluation.version == lke and evaluation.answers.count() == 80
    answer = _answer(evaluation, "A.a.3")
    services.save_self_assessment(actor=world.head_of_agency, answer=answer, self_answer="a", self_note="Ada Renstra")
    services.add_evidence_file(actor=world.planner, answer=answer, name="renstra.pdf", content=PDF)
    services.add_evidence_link(actor=world.planner, answer=answer, key="renstra")
    answer.refresh_from_db()
    assert (answer.self_answer, answer.self_note) == ("A", "Ada Renstra")
    assert sorted(EvaluationEvidence.objects.filter(answer=answer).values_list("kind", "link")) == [
        ("", "renstra"),
        ("pdf", ""),
    ]
    with pytest.raises(ValidationError, match="bukan jenis yang diizinkan"):
        services.add_evidence_file(actor=world.planner, answer=answer, name="x.pdf", content=b"MZ not a pdf")
    with pytest.raises(ValidationError, match="Pilih halaman Kinerja"):
        services.add_evidence_link(actor=world.planner, answer=answer, key="tidak-ada")
    with pytest.raises(PermissionDenied):  # an official of the agency who is neither planner nor head
        services.save_self_assessment(actor=world.section_head, answer=answer, self_answer="B")
    with pytest.raises(PermissionDenied):  # the inspectorate does not fill in the agency's self-assessment
        services.save_self_assessment(actor=world.inspector, answer=answer, self_answer="B")
    assert AuditRecord.objects.filter(object_label="evaluation.answer", agency=world.agency).exists()
    services.submit_self_assessment(actor=world.planner, evaluation=evaluation, send_incomplete=True)
    with pytest.raises(ValidationError, match="sudah dikirim"):
        services.save_self_assessment(actor=world.planner, answer=_answer(evaluation, "A.a.3"), self_answer="B")


@pytest.mark.parametrize("wrong", ["F", "100", "", "A+", "AAA"])
def test_an_answer_not_allowed_is_refused_with_an_indonesian_message(world, under_evaluation, wrong):
    answer = _answer(under_evaluation, "B.a.1")
    with pytest.raises(ValidationError) as error:
        services.save_evaluator_answer(actor=world.inspector, answer=answer, value=wrong)
    assert "AA, A, BB, B, CC, C, D, E" in " ".join(error.value.messages)
    answer.refresh_from_db()
    assert answer.answer == ""


@pytest.mark.parametrize("role", ["planner", "head_of_agency", "section_head", "bappeda", "outsider"])
def test_only_the_inspectorate_answers_as_evaluator(world, under_evaluation, role):
    with pytest.raises(PermissionDenied):
        services.save_evaluator_answer(
            actor=getattr(world, role), answer=_answer(under_evaluation, "A.a.1"), value="AA"
        )


def test_finalising_with_unanswered_criteria_is_refused_listing_them(world, under_evaluation):
    answer_all(under_evaluation, world.inspector, skip={"C.b.4", "D.c.5"})
    with pytest.raises(ValidationError, match=r"2 kriteria yang belum dijawab evaluator: C\.b\.4, D\.c\.5\."):
        services.finalise(actor=world.inspector, evaluation=under_evaluation)
    under_evaluation.refresh_from_db()
    assert under_evaluation.state == Evaluation.State.UNDER_EVALUATION and under_evaluation.total_score is None
    assert not Actual.objects.filter(indicator__code="IKU.1", year=2022).exists()


def test_a_final_evaluation_writes_the_sakip_indicator_actual_with_the_evaluation_as_evidence(
    world, under_evaluation, django_assert_num_queries
):
    # A.a (7 criteria, weight 6): two AA and five A → 5.5714; everything else BB → 80 % of its weight
    def letter(code):
        if code.startswith("A.a."):
            return "AA" if code in ("A.a.1", "A.a.2") else "A"
        return "BB"

    answer_all(under_evaluation, world.inspector, letter, recommendation_for={"B.c.1", "D.c.1"})
    with pytest.raises(PermissionDenied):
        services.finalise(actor=world.planner, evaluation=under_evaluation)
    evaluation = services.finalise(actor=world.inspector, evaluation=under_evaluation)
    # 5.5714 + 7.2 + 12 + 24 + 12 + 20 = 80.7714 → A (Memuaskan)
    assert (evaluation.state, evaluation.total_score, evaluation.predicate) == ("final", Decimal("80.7714"), "A")
    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.1")
    actual = Actual.objects.get(indicator=indicator, year=2022)
    assert (actual.quarter, actual.value, actual.entered_by) == (4, Decimal("80.7714"), world.inspector)
    assert get_measurements([indicator], 2022)[indicator.pk].year_actual == Decimal("80.7714")
    evidence = actual.evidence.get()
    assert evidence.link == "/instansi/halut-diskominfo/evaluasi-sakip/2022/hasil/"
    assert AuditRecord.objects.filter(object_label="performance.actual", object_pk=str(actual.pk)).exists()
    assert [
        f.answer.criterion.code
        for f in FollowUp.objects.filter(answer__evaluation=evaluation)
        .select_related("answer__criterion")
        .order_by("answer__criterion__code")
    ] == ["B.c.1", "D.c.1"]
    with django_assert_num_queries(1):
        scores = selectors.final_scores(agency_ids=[world.agency.pk, 999], year=2022)
    assert scores == {world.agency.pk: (Decimal("80.7714"), "A")}
    assert selectors.final_scores(agency_ids=[world.agency.pk], year=2021) == {}
    with pytest.raises(ValidationError):
        services.save_evaluator_answer(actor=world.inspector, answer=_answer(evaluation, "A.a.1"), value="E")


def test_an_example_actual_gives_way_and_a_verified_one_refuses_the_finalisation(world, under_evaluation):
    from kinerja.performance.services import record_actual

    indicator = Indicator.objects.get(plan__agency=world.agency, code="IKU.1")
    record_actual(actor=None, indicator=indicator, year=2022, quarter=4, value=Decimal(55), is_example=True)
    answer_all(under_evaluation, world.inspector, "AA")
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    actual = Actual.objects.get(indicator=indicator, year=2022, quarter=4)
    assert (actual.value, actual.is_example) == (Decimal(100), False)


def test_follow_ups_are_answered_by_the_agency_and_closed_by_the_inspectorate(world, under_evaluation):
    answer_all(under_evaluation, world.inspector, "B", recommendation_for={"A.b.5"})
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    follow_up = FollowUp.objects.get(answer__evaluation=under_evaluation)
    with pytest.raises(PermissionDenied):
        services.mark_follow_up(actor=world.planner, follow_up=follow_up, done=True)
    with pytest.raises(ValidationError, match="Tuliskan"):
        services.answer_follow_up(actor=world.planner, follow_up=follow_up, action="  ")
    services.answer_follow_up(actor=world.head_of_agency, follow_up=follow_up, action="IKU direviu ulang")
    services.add_evidence_file(actor=world.planner, follow_up=follow_up, name="reviu.pdf", content=PDF)
    services.mark_follow_up(actor=world.inspector, follow_up=follow_up, done=True, note="Cukup")
    follow_up.refresh_from_db()
    assert (follow_up.state, follow_up.action, follow_up.evidence.count()) == ("done", "IKU direviu ulang", 1)
    # next year's evaluation shows last year's recommendations and their state
    services.start_evaluation(actor=world.planner, agency=world.agency, year=2023)
    previous = selectors.previous_follow_ups(world.agency, 2023)
    assert [(item.answer.criterion.code, item.state) for item in previous] == [("A.b.5", "done")]


def test_an_evaluation_keeps_its_worksheet_version(world, lke, tmp_path):
    import copy

    import yaml

    from kinerja.evaluation.worksheet import WorksheetError, builtin_worksheet_path, load_worksheet, parse_worksheet

    evaluation = services.start_evaluation(actor=world.inspector, agency=world.agency, year=2022)
    data = copy.deepcopy(yaml.safe_load(builtin_worksheet_path().read_text(encoding="utf-8")))
    data["code"] = "2030"
    del data["components"][0]["sub_components"][0]["criteria"][6]
    newer = load_worksheet(actor=None, worksheet=parse_worksheet(data))
    assert services.start_evaluation(actor=world.inspector, agency=world.agency, year=2023).version == newer
    evaluation.refresh_from_db()
    assert evaluation.version == lke and evaluation.answers.count() == 80
    with pytest.raises(WorksheetError, match="sudah dipakai evaluasi"):
        load_worksheet(
            actor=None, worksheet=parse_worksheet(yaml.safe_load(builtin_worksheet_path().read_text(encoding="utf-8")))
        )
