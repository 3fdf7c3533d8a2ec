"""The pages: who sees what, the forms' answers, and a fixed number of queries however many agencies/criteria."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, Evaluation
from kinerja.organisation.models import Agency

from .conftest import answer_all

SEED = "halut-diskominfo"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _page(year=2022):
    return reverse("evaluation-page", args=[SEED, year])


def test_an_agency_user_answering_as_evaluator_gets_404_and_nothing_changes(client, world, under_evaluation):
    for user in (world.planner, world.head_of_agency, world.bappeda):
        client.force_login(user)
        response = client.post(reverse("evaluation-answer", args=[SEED, 2022, "A.a.1"]), {"answer": "AA"})
        assert response.status_code == 404
        assert client.post(reverse("evaluation-finalise", args=[SEED, 2022])).status_code == 404
    assert Answer.objects.get(evaluation=under_evaluation, criterion__code="A.a.1").answer == ""


def test_the_inspector_answers_through_the_page_and_a_wrong_answer_is_explained(client, world, under_evaluation):
    client.force_login(world.inspector)
    url = reverse("evaluation-answer", args=[SEED, 2022, "A.a.1"])
    response = client.post(url, {"answer": "Z", "note": "x"}, follow=True)
    assert "Jawaban “Z” tidak dikenal; pilih salah satu dari AA, A, BB, B, CC, C, D, E." in response.content.decode()
    client.post(url, {"answer": "BB", "note": "Pedoman ada", "recommendation": "Mutakhirkan pedoman"})
    answer = Answer.objects.get(evaluation=under_evaluation, criterion__code="A.a.1")
    assert (answer.answer, answer.note, answer.recommendation) == ("BB", "Pedoman ada", "Mutakhirkan pedoman")
    response = client.post(reverse("evaluation-finalise", args=[SEED, 2022]), follow=True)
    assert "79 kriteria yang belum dijawab evaluator: A.a.2, A.a.3" in response.content.decode()


def test_the_agency_sees_the_verdict_only_once_final(client, world, under_evaluation):
    answer_all(under_evaluation, world.inspector, "A", recommendation_for={"C.a.2"})
    Answer.objects.filter(evaluation=under_evaluation, criterion__code="C.a.2").update(note="Catatan rahasia")
    client.force_login(world.planner)
    for name in ("evaluation-page", "evaluation-result"):
        content = client.get(reverse(name, args=[SEED, 2022])).content.decode()
        assert "Catatan rahasia" not in content and "Perbaiki C.a.2" not in content
    client.force_login(world.inspector)
    assert "Perbaiki C.a.2" in client.get(_page()).content.decode()
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    client.force_login(world.planner)
    content = client.get(reverse("evaluation-result", args=[SEED, 2022])).content.decode()
    assert "Catatan rahasia" in content and "Perbaiki C.a.2" in content
    assert '<strong id="lke-total">90,00</strong>' in content
    assert "A (Memuaskan)" in content


def test_the_planner_fills_the_self_assessment_and_adds_evidence_through_the_page(
    client, world, lke, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.planner)
    client.post(reverse("evaluation-start", args=[SEED]), {"year": "2022"})
    evaluation = Evaluation.objects.get(agency=world.agency, year=2022)
    client.post(reverse("evaluation-self", args=[SEED, 2022, "B.a.2"]), {"self_answer": "A", "self_note": "DO"})
    client.post(
        reverse("evaluation-evidence-add", args=[SEED, 2022, "B.a.2"]), {"link": "keputusan", "file": [_upload()]}
    )
    answer = Answer.objects.get(evaluation=evaluation, criterion__code="B.a.2")
    assert answer.self_answer == "A"
    file_evidence = answer.evidence.get(link="")
    content = client.get(_page()).content.decode()
    assert "bukti.pdf" in content and "/dokumen/keputusan-iku-iki.pdf?tahun=2022" in content
    assert client.get(reverse("evaluation-evidence", args=[SEED, 2022, file_evidence.pk])).status_code == 200
    client.force_login(world.outsider)
    assert client.get(reverse("evaluation-evidence", args=[SEED, 2022, file_evidence.pk])).status_code == 404


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf")


def _more_agencies(world, count):
    start = Agency.objects.count()
    for number in range(start, start + count):
        agency = Agency.objects.create(region=world.agency.region, code=f"dinas-{number}", name=f"Dinas {number}")
        for year, score in ((2021, Decimal("60")), (2022, Decimal("71.5"))):
            Evaluation.objects.create(
                agency=agency, year=year, version_id=world_lke(), state="final", total_score=score, predicate="B"
            )


def world_lke():
    from kinerja.evaluation.models import WorksheetVersion

    return WorksheetVersion.objects.get(code="2021").pk


def test_the_region_summary_lists_every_agency_with_its_change_in_fixed_queries(
    client, world, lke, django_assert_max_num_queries
):
    client.force_login(world.inspector)
    _more_agencies(world, 2)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 4):
        small = client.get(reverse("evaluation-region", args=["halut", 2022]))
    _more_agencies(world, 3)
    Agency.objects.create(region=world.agency.region, code="dinas-x", name="Dinas X")
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 4):
        large = client.get(reverse("evaluation-region", args=["halut", 2022]))
    assert small.status_code == large.status_code == 200
    content = large.content.decode()
    assert content.count("+11,50") == 5 and "Dinas X" in content


@pytest.mark.parametrize("name", ["evaluation-page", "evaluation-result"])
def test_the_evaluation_pages_cost_a_fixed_number_of_queries(
    client, world, under_evaluation, name, django_assert_max_num_queries, settings, tmp_path
):
    answer_all(under_evaluation, world.inspector, "BB", recommendation_for={"A.a.1"})
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    client.force_login(world.inspector)
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 8):
        assert client.get(reverse(name, args=[SEED, 2022])).status_code == 200
    # many more evidence items and follow-ups cost no more
    for answer in Answer.objects.filter(evaluation=under_evaluation)[:20]:
        answer.evidence.create(link="renstra")
    evaluation_2023 = services.start_evaluation(actor=world.planner, agency=world.agency, year=2023)
    assert evaluation_2023
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 8):
        assert client.get(reverse(name, args=[SEED, 2022])).status_code == 200
    with django_assert_max_num_queries(PER_REQUEST_QUERIES + 8):
        assert client.get(reverse(name, args=[SEED, 2023])).status_code == 200


def test_the_fed_indicator_is_read_only_on_the_entry_page_and_linked_on_its_indicator_page(
    logged_in, world, under_evaluation
):
    answer_all(under_evaluation, world.inspector, "B")
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    entry = reverse("entry-page", args=[SEED, "kadis"]) + "?tahun=2022&triwulan=4"
    content = logged_in.get(entry).content.decode()
    assert 'id="fed-iku1"' in content and "<strong>70,00</strong>" in content
    assert reverse("evaluation-result", args=[SEED, 2022]) in content
    assert 'name="IKU_1-value"' not in content and 'name="IKU_2-numerator"' in content
    save = reverse("entry-save", args=[SEED, "kadis", "IKU.1"]) + "?tahun=2022&triwulan=3"
    assert logged_in.post(save, {"IKU_1-value": "12"}).status_code == 404
    page = logged_in.get(reverse("indicator-detail", args=[SEED, "IKU.1"])).content.decode()
    assert '<a href="/instansi/halut-diskominfo/evaluasi-sakip/2022/hasil/" class="evidence-link">' in page
    from kinerja.performance.models import Evidence

    link = Evidence.objects.get(actual__indicator__code="IKU.1", actual__year=2022)
    response = logged_in.get(reverse("evidence-download", args=[SEED, link.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("evaluation-result", args=[SEED, 2022])
    Evidence.objects.filter(pk=link.pk).update(link="https://elsewhere.example/")  # never to another host
    assert logged_in.get(reverse("evidence-download", args=[SEED, link.pk])).status_code == 404


def test_next_years_page_shows_last_years_recommendations_and_their_state(client, world, under_evaluation):
    answer_all(under_evaluation, world.inspector, "B", recommendation_for={"A.b.5", "C.c.1"})
    services.finalise(actor=world.inspector, evaluation=under_evaluation)
    client.force_login(world.planner)
    follow_up = under_evaluation.answers.get(criterion__code="A.b.5").follow_up
    client.post(reverse("evaluation-follow-up", args=[SEED, 2022, follow_up.pk]), {"action": "IKU diperbaiki"})
    client.force_login(world.inspector)
    client.post(reverse("evaluation-follow-up", args=[SEED, 2022, follow_up.pk]), {"decision": "done"})
    client.force_login(world.planner)
    assert 'id="lke-start"' in client.get(_page(2023)).content.decode()  # not started: the page offers to start
    client.post(reverse("evaluation-start", args=[SEED]), {"year": "2023"})
    section = client.get(_page(2023)).content.decode().split('id="lke-previous"')[1].split("</section>")[0]
    assert "Perbaiki A.b.5" in section and "IKU diperbaiki" in section and "Perbaiki C.c.1" in section
    assert 'class="lke-fu-done"' in section and 'class="lke-fu-open"' in section
