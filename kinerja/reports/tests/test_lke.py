"""The printed LKE of a final SAKIP evaluation: read back from the PDF (pdftotext) and the workbook (openpyxl)."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.reports import output
from kinerja.reports.catalogue import KINDS, DocumentUnavailable, build_document
from kinerja.reports.lke import build_lke

from .readback import normalise, pdf_text

YEAR = 2022


@pytest.fixture
def final(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    if not WorksheetVersion.objects.filter(code="2021").exists():
        load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=YEAR)
    services.submit_self_assessment(actor=world.planner, evaluation=evaluation, send_incomplete=True)
    for answer in Answer.objects.filter(evaluation=evaluation).select_related("criterion", "evaluation"):
        code = answer.criterion.code
        letter = "AA" if code.startswith("A.") else "CC" if code.startswith("D.") else "BB"
        services.save_evaluator_answer(
            actor=world.inspector,
            answer=answer,
            value=letter,
            note="Dokumen lengkap" if code == "A.a.3" else "",
            recommendation="Lengkapi reviu LKjIP oleh APIP" if code == "C.a.4" else "",
        )
    return services.finalise(actor=world.inspector, evaluation=evaluation)


def test_the_lke_prints_the_worksheet_with_scores_total_predicate_and_recommendations(final):
    # A all AA = 30; B and C all BB = 24 + 12; D all CC = 15 → 81 → A (Memuaskan)
    assert final.total_score == Decimal(81)
    text = normalise(pdf_text(output.render(build_lke(final.agency, YEAR), "pdf")))
    for expected in (
        "LEMBAR KERJA EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH",
        "TAHUN 2022",
        "Perencanaan Kinerja",
        "Evaluasi Akuntabilitas Kinerja Internal",
        "Terdapat pedoman teknis perencanaan kinerja.",
        "Dokumen lengkap",
        "Lengkapi reviu LKjIP oleh APIP",
        "81,00",
        "Predikat A (Memuaskan)",
        "Peraturan Menteri PANRB Nomor 88 Tahun 2021",
    ):
        assert normalise(expected) in text, expected


def test_the_lke_workbook_keeps_numbers_as_numbers(final):
    book = openpyxl.load_workbook(io.BytesIO(output.render(build_lke(final.agency, YEAR), "xlsx")))
    sheet = book["LKE 2022"]
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    assert rows["A"][1].value == "Perencanaan Kinerja" and rows["A"][4].value == 30
    assert rows["D.c"][4].value == Decimal("7.5")
    assert rows["A.a.1"][3].value == "AA" and rows["A.a.1"][4].value == 100
    assert rows["C.a.4"][6].value == "Lengkapi reviu LKjIP oleh APIP"
    assert rows["NILAI AKHIR"][4].value == 81


def test_only_a_final_evaluation_prints(world, final):
    from kinerja.evaluation.models import Evaluation

    Evaluation.objects.filter(pk=final.pk).update(state="evaluating")
    with pytest.raises(LookupError, match="belum final"):
        build_lke(world.agency, YEAR)
    with pytest.raises(LookupError, match="Belum ada evaluasi SAKIP tahun 2023"):
        build_lke(world.agency, 2023)


def test_it_downloads_from_the_result_page_through_the_catalogue(client, world, final):
    client.force_login(world.head_of_agency)
    page = client.get(reverse("evaluation-result", args=[world.agency.code, YEAR])).content.decode()
    url = reverse("document-download", args=[world.agency.code, "lke-sakip", "xlsx"]) + "?tahun=2022"
    assert url in page.replace("&amp;", "&")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lke-sakip-halut-diskominfo-2022.xlsx"'
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


def test_the_catalogue_names_why_a_missing_evaluation_does_not_print(world, lke_request):
    with pytest.raises(DocumentUnavailable, match="Belum ada evaluasi SAKIP tahun 2022"):
        build_document(KINDS["lke-sakip"], lke_request)


@pytest.fixture
def lke_request(world):
    from kinerja.reports.catalogue import Request
    from kinerja.strategy.selectors import find_current_plan

    return Request(world.agency, find_current_plan(world.agency), YEAR)


def test_the_lke_costs_a_fixed_number_of_queries(final, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        build_lke(final.agency, YEAR)
