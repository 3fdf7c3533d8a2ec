"""The SKP printed, page by page: the signatures never stand alone on the last page (they keep with the last rows
of the assessment), in the PDF and in Word, and the state of the ratings is printed as it is (FINAL once final)."""

import io

import pytest
from docx import Document as open_docx

from kinerja.reports import output
from kinerja.reports.skp_form import build_skp_document
from kinerja.reports.tests.readback import normalise, pdf_pages, pdf_text
from kinerja.skp import finalisation
from kinerja.skp.models import Skp

YEAR = 2022
# example SKP of staff and heads (`example_figures`) whose assessment fills the first page to its end
PRINTED = ("pranata-komputer-aplikasi", "operator-layanan-daring", "kabid-infra", "kasubag-umum")


@pytest.mark.parametrize("code", PRINTED)
def test_the_signatures_stand_with_the_last_rows_of_the_assessment(example_figures, code):
    skp = Skp.objects.get(position__agency=example_figures, position__code=code, year=YEAR)
    pages = [normalise(page) for page in pdf_pages(output.render(build_skp_document(example_figures, skp.pk), "pdf"))]
    pages = [page for page in pages if page]
    signing = [page for page in pages if "Pegawai yang Dinilai" in page]
    assert len(signing) == 1 and signing[0] is pages[-1]
    assert "PREDIKAT KINERJA PEGAWAI" in signing[0] and "Catatan pejabat penilai" in signing[0]


def test_in_word_the_last_row_of_the_assessment_keeps_with_the_signatures(example_figures):
    skp = Skp.objects.get(position__code="pranata-komputer-aplikasi", year=YEAR)
    document = open_docx(io.BytesIO(output.render(build_skp_document(example_figures, skp.pk), "docx")))
    assessment = next(table for table in document.tables if "PREDIKAT KINERJA PEGAWAI" in table.rows[-2].cells[0].text)
    assert "Catatan pejabat penilai" in assessment.rows[-1].cells[0].text
    for cell in assessment.rows[-1].cells:
        assert all(paragraph.paragraph_format.keep_with_next for paragraph in cell.paragraphs)
    assert "Pegawai yang Dinilai" in document.tables[-1].rows[0].cells[0].text  # the signatures come next


def test_the_state_of_the_ratings_is_printed_as_it_is(world, example_figures):
    skp = Skp.objects.get(position__code="pranata-komputer-aplikasi", year=YEAR)
    text = normalise(pdf_text(output.render(build_skp_document(example_figures, skp.pk), "pdf")))
    assert "STATUS PENILAIAN: DINILAI, BELUM FINAL" in text and "KONSEP" not in text
    finalisation.finalise_ratings(
        actor=world.planner, agency=example_figures, year=YEAR, unit=skp.position.unit, acknowledge_breaks=True
    )
    text = normalise(pdf_text(output.render(build_skp_document(example_figures, skp.pk), "pdf")))
    assert "STATUS PENILAIAN: FINAL" in text and "BELUM FINAL" not in text and "KONSEP" not in text
    unrated = Skp.objects.get(position__code="pengelola-barang-milik-daerah", year=YEAR)
    text = normalise(pdf_text(output.render(build_skp_document(example_figures, unrated.pk), "pdf")))
    assert "KONSEP" in text and "STATUS PENILAIAN" not in text
