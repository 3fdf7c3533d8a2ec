"""The printed action plan (Rencana Aksi): one more document of the catalogue, read back from the PDF, the Word file
and the workbook as a person would read them, with its "what is missing" on the documents page."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.actionplans import services
from kinerja.actionplans.tests.helpers import INDICATOR, YEAR, indicator_of, quarter_targets, sub_activity_of
from kinerja.organisation.models import Position
from kinerja.reports import output
from kinerja.reports.catalogue import KINDS, Request, build_document
from kinerja.reports.tests.readback import docx_text, find_in_order, normalise, pdf_pages, pdf_text


@pytest.fixture
def planned(world, seed):
    """The section head's indicator with targets in quarters 1 and 3 and two actions in quarter 1 only."""
    indicator = indicator_of(seed)
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    quarter_targets(indicator, q1="1", q3="2")
    sub = sub_activity_of(indicator.plan)
    for description, quantity in (("Menyusun rancangan peraturan bupati", "1"), ("Rapat pembahasan", "2,5")):
        services.add_action(
            actor=world.section_head,
            indicator=indicator,
            year=YEAR,
            quarter=1,
            description=description,
            output_quantity=Decimal(quantity.replace(",", ".")),
            output_unit="dokumen",
            responsible_position=kasi,
            sub_activity=sub,
        )
    return seed


def document(seed, plan=None):
    plan = plan or indicator_of(seed).plan
    return build_document(KINDS["rencana-aksi"], Request(seed, plan, YEAR))


def test_the_pdf_reads_back_with_the_actions_their_output_budget_and_person_in_charge(planned):
    pdf = output.render(document(planned), "pdf")
    text = normalise(pdf_text(pdf))
    missing, _ = find_in_order(
        text,
        [
            "RENCANA AKSI",
            "TAHUN 2022",
            "KEPALA SEKSI TATA KELOLA PERSANDIAN",
            "Sasaran: Ditetapkannya Kebijakan Tata Kelola Keamanan Informasi",
            "Jumlah Kebijakan Tata Kelola Keamanan Informasi",
            "Menyusun rancangan peraturan bupati",
            "1 dokumen",
            "2.21.02.1.01.01 Penetapan kebijakan tata kelola keamanan informasi",
            "Kepala Seksi Tata Kelola Persandian",
            "Rapat pembahasan",
            "2,5 dokumen",
        ],
    )
    assert missing == []
    assert "KONSEP" in pdf_pages(pdf)[0]  # quarter III has a target and no action


def test_the_word_file_and_the_workbook_carry_the_same_rows(planned):
    built = document(planned)
    words = normalise(docx_text(output.render(built, "docx")))
    assert find_in_order(words, ["RENCANA AKSI", "Menyusun rancangan peraturan bupati", "Rapat pembahasan"])[0] == []
    workbook = load_workbook(io.BytesIO(output.render(built, "xlsx")))
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value}
    assert {"Menyusun rancangan peraturan bupati", "2,5 dokumen", "Kepala Seksi Tata Kelola Persandian"} <= cells


def test_what_is_missing_names_each_quarter_with_a_target_and_no_action(planned):
    missing = document(planned).missing
    gaps = [sentence for sentence in missing if sentence.startswith(INDICATOR)]
    assert gaps == [
        f"{INDICATOR} Jumlah Kebijakan Tata Kelola Keamanan Informasi dan Jaring Komunikasi Sandi Pemerintah Daerah "
        "Kabupaten/Kota yang Ditetapkan: Triwulan III mempunyai target tetapi belum ada rencana aksi."
    ]


def test_the_documents_page_lists_the_action_plan_with_what_it_lacks(client, world, planned):
    client.force_login(world.planner)
    page = client.get(reverse("documents", args=[planned.code]) + f"?tahun={YEAR}").content.decode()
    offer = page.split('id="dokumen-rencana-aksi"')[1].split("</li>")[0]
    assert "Rencana Aksi 2022" in offer
    assert "Triwulan III mempunyai target tetapi belum ada rencana aksi." in offer
    assert reverse("document-download", args=[planned.code, "rencana-aksi", "pdf"]) in offer


def test_the_document_costs_a_fixed_number_of_queries(planned, django_assert_max_num_queries):
    plan = indicator_of(planned).plan
    # the selector's 4 (page rows, targets, actuals, actions), the head of agency's post and its holder
    with django_assert_max_num_queries(6):
        document(planned, plan)


def test_one_positions_action_plan_is_its_page_alone_signed_by_its_holder(planned):
    kasi = Position.objects.get(agency=planned, code="kasi-tata-kelola")
    built = build_document(KINDS["rencana-aksi"], Request(planned, indicator_of(planned).plan, YEAR, position=kasi))
    assert built.filename_stem == f"rencana-aksi-{planned.code}-{YEAR}-kasi-tata-kelola"
    text = normalise(pdf_text(output.render(built, "pdf")))
    missing, _ = find_in_order(
        text,
        ["KEPALA SEKSI TATA KELOLA PERSANDIAN", "Rapat pembahasan", "Kepala Seksi Uji, S.Kom", "198502022010012002"],
    )
    assert missing == []
    assert "KEPALA BIDANG PERSANDIAN" not in text and "Drs. Deky Tawaris" not in text


def test_the_progress_column_appears_once_an_action_has_progress_and_reads_back(world, planned):
    from kinerja.actionplans import progress
    from kinerja.actionplans.models import ActionItem

    before = normalise(pdf_text(output.render(document(planned), "pdf")))
    assert "Progres" not in before
    first, second = ActionItem.objects.filter(indicator__code=INDICATOR).order_by("order")
    done = progress.record_progress(actor=world.section_head, action=first, outcome="done")
    progress.submit_progress(actor=world.section_head, progress=done)
    progress.verify_progress(actor=world.division_head, progress=done)
    progress.record_progress(actor=world.section_head, action=second, outcome="partly")
    built = document(planned)
    text = normalise(pdf_text(output.render(built, "pdf")))
    missing, _ = find_in_order(
        text,
        [
            "Penanggung Jawab",
            "Progres",
            "Menyusun rancangan peraturan bupati",
            "Terlaksana",
            "Rapat pembahasan",
            "Terlaksana sebagian (belum diverifikasi)",
        ],
    )
    assert missing == []
    workbook = load_workbook(io.BytesIO(output.render(built, "xlsx")))
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value}
    assert {"Progres", "Terlaksana", "Terlaksana sebagian (belum diverifikasi)"} <= cells
