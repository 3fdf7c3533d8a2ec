"""The performance report (LKjIP): chapters kept per year, chapter III from the data, read on the Document."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from kinerja.core.numbers import MISSING, format_number, format_percent
from kinerja.performance import achievement
from kinerja.performance.models import Actual, Target
from kinerja.reports.document import Contents, Heading, Paragraph, Table
from kinerja.reports.lkjip import build_report
from kinerja.reports.models import ReportChapter
from kinerja.reports.services import start_report_chapters
from kinerja.strategy.models import Indicator, Objective

from .readback import pdf_text

YEAR = 2022


@pytest.fixture
def example(example_figures):
    return example_figures


def paragraphs(document) -> list[str]:
    return [block.plain for section in document.sections for block in section.blocks if isinstance(block, Paragraph)]


def section(document, name):
    return next(item for item in document.sections if item.name == name)


def test_chapter_three_has_a_paragraph_per_indicator_with_its_figures(example):
    document = build_report(example, YEAR)
    texts = paragraphs(document)
    for indicator in Indicator.objects.filter(plan__agency=example, objective__isnull=False):
        text = next(item for item in texts if f"Indikator “{indicator.name}”" in item)
        target = Target.objects.get(indicator=indicator, kind="year", year=YEAR).value
        end = Target.objects.get(indicator=indicator, kind="end").value
        actuals = list(Actual.objects.filter(indicator=indicator, year=YEAR).order_by("quarter"))
        last = actuals[-1]  # every strategic indicator of the seed takes its last quarter
        actual = (last.numerator * 100 / last.denominator) if indicator.formula == "ratio" else last.value
        value = achievement.achievement(target, actual, indicator.polarity)
        assert f"ditargetkan sebesar {format_number(target, indicator.decimals)}" in text
        assert f"terealisasi sebesar {format_number(actual, indicator.decimals)}" in text
        assert f"capaian kinerjanya {format_percent(value)} dengan kategori {achievement.category(value)}" in text
        assert f"target akhir Renstra tahun 2026 sebesar {format_number(end, indicator.decimals)}" in text
        assert f"tingkat kemajuan {format_percent(achievement.plan_progress(actual, end))}" in text
        assert f"Realisasi tahun {YEAR - 1}: {MISSING}" in text  # the example has no 2021 actuals
    assert "Faktor penghambat: Keterbatasan jaringan di wilayah kepulauan." in texts
    assert "Faktor pendukung: belum diisi" in texts  # the SAKIP score was entered without factors


def test_the_change_from_last_year_is_worded_from_both_years(example):
    indicator = Indicator.objects.get(plan__agency=example, code="IKU.1")
    Actual.objects.create(indicator=indicator, year=YEAR - 1, quarter=4, value=Decimal("50.25"))
    this_year = Actual.objects.get(indicator=indicator, year=YEAR, quarter=4).value
    text = next(item for item in paragraphs(build_report(example, YEAR)) if f"“{indicator.name}”" in item)
    assert (
        f"Dibandingkan realisasi tahun {YEAR - 1} sebesar 50,25 nilai, realisasi tahun ini naik sebesar "
        f"{format_number(this_year - Decimal('50.25'))} nilai."
    ) in text


def test_chapter_three_tables_per_objective(example):
    document = build_report(example, YEAR)
    tables = [block for block in section(document, "chapter_3").blocks if isinstance(block, Table)]
    objectives = Objective.objects.filter(plan__agency=example, level="strategic").count()
    assert len(tables) == 3 * objectives
    first = tables[0]
    assert [cell.plain for cell in first.header[0]] == [
        "No",
        "Indikator Kinerja",
        "Satuan",
        f"Target {YEAR}",
        f"Realisasi {YEAR}",
        "Capaian (%)",
        "Kategori",
    ]


def test_an_indicator_without_actual_reads_a_dash(example):
    Actual.objects.filter(indicator__code="IKU.5", indicator__plan__agency=example).delete()
    name = Indicator.objects.get(plan__agency=example, code="IKU.5").name
    document = build_report(example, YEAR)
    text = next(item for item in paragraphs(document) if f"“{name}”" in item)
    assert f"terealisasi sebesar {MISSING}" in text
    assert f"capaian kinerjanya {MISSING} dengan kategori {MISSING}" in text
    assert f"Realisasi {YEAR} indikator “{name}” belum diisi." in document.missing


def test_a_chapter_not_written_prints_the_default_and_is_listed_as_missing(example):
    document = build_report(example, YEAR)
    assert f"Bab I Pendahuluan tahun {YEAR} belum ditulis; dicetak teks bawaan." in document.missing
    assert document.is_draft
    assert "Latar Belakang" in " ".join(paragraphs(document))
    assert not ReportChapter.objects.exists()  # the builder never writes


def test_starting_the_chapters_copies_last_year_keeps_what_is_written(example):
    ReportChapter.objects.create(
        agency=example,
        year=YEAR - 1,
        kind="introduction",
        title="BAB I PENDAHULUAN",
        body="Teks tahun lalu.\n\nParagraf kedua.",
    )
    ReportChapter.objects.create(
        agency=example, year=YEAR, kind="closing", title="BAB IV PENUTUP", body="Penutup yang sudah ditulis."
    )
    chapters = {chapter.kind: chapter for chapter in start_report_chapters(actor=None, agency=example, year=YEAR)}
    assert chapters["introduction"].body == "Teks tahun lalu.\n\nParagraf kedua."
    assert chapters["closing"].body == "Penutup yang sudah ditulis."
    assert "Tahun 2022" in chapters["executive_summary"].body  # the default text
    assert ReportChapter.objects.filter(agency=example, year=YEAR).count() == 4
    document = build_report(example, YEAR)
    assert not any("belum ditulis" in line for line in document.missing)
    texts = paragraphs(document)
    assert "Teks tahun lalu." in texts and "Paragraf kedua." in texts and "Penutup yang sudah ditulis." in texts


def test_the_outline_of_the_report(example):
    document = build_report(example, YEAR)
    assert isinstance(section(document, "sampul").blocks[-1], Contents)
    assert [title for _, title in document.contents()] == [
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ]
    assert all(isinstance(entry, Heading) and entry.level == 1 for entry, _ in document.contents())


def test_chapter_two_prints_the_head_of_agency_agreement(example):
    document = build_report(example, YEAR)
    table = next(block for block in section(document, "planning").blocks if isinstance(block, Table))
    assert document.title.startswith("LKjIP")
    texts = [" | ".join(cell.plain for cell in row) for row in table.rows]
    target = Target.objects.get(indicator__plan__agency=example, indicator__code="IKU.2", kind="year", year=YEAR)
    assert any(
        "Persentase Desa yang terakses jaringan telekomunikasi seluler" in text and format_number(target.value) in text
        for text in texts
    )
    assert len(table.rows) == 5


def test_the_report_costs_a_fixed_number_of_queries(example, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        build_report(example, YEAR)
    objective = Objective.objects.get(plan__agency=example, code="S1")
    for number in range(30):
        Indicator.objects.create(
            plan=objective.plan,
            code=f"X{number}",
            name=f"Indikator tambahan {number}",
            objective=objective,
            formula="count",
            unit="Dokumen",
            quarter_rule="sum",
        )
    with django_assert_max_num_queries(12):
        document = build_report(example, YEAR)
    assert sum("Indikator tambahan" in text for text in paragraphs(document)) == 30


def test_the_commands_write_the_files(example, tmp_path):
    import docx
    import openpyxl

    out = io.StringIO()
    call_command(
        "print_report",
        example.code,
        "--year",
        "2022",
        "--start-chapters",
        "--output",
        str(tmp_path / "lkjip.docx"),
        stdout=out,
    )
    assert "ditulis ke" in out.getvalue()
    text = "\n".join(paragraph.text for paragraph in docx.Document(tmp_path / "lkjip.docx").paragraphs)
    assert "BAB III AKUNTABILITAS KINERJA" in text and "Persentase desa yang terakses" in text
    call_command(
        "print_evaluation",
        example.code,
        "--year",
        "2022",
        "--quarter",
        "2",
        "--output",
        str(tmp_path / "evaluasi.xlsx"),
        stdout=out,
    )
    book = openpyxl.load_workbook(tmp_path / "evaluasi.xlsx")
    assert book.sheetnames[:2] == ["Evaluasi Renja TW II 2022", "Ringkasan TW II 2022"]
    assert book["Evaluasi Renja TW II 2022"].freeze_panes == "F4"
    call_command(
        "print_evaluation",
        example.code,
        "--year",
        "2022",
        "--quarter",
        "2",
        "--output",
        str(tmp_path / "evaluasi.pdf"),
        stdout=out,
    )
    pdf = pdf_text((tmp_path / "evaluasi.pdf").read_bytes())
    assert "EVALUASI TERHADAP HASIL RENCANA KERJA" in pdf and "Dievaluasi oleh," in pdf
