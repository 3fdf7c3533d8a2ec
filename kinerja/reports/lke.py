"""The SAKIP evaluation worksheet (LKE) of a final evaluation, printable (PDF) and as a workbook (Excel).

Laid out as the worksheet: per component (weight, score), its sub-components (weight, score) and their criteria
with the evaluator's answer, its value, note and recommendation; the total and the predicate; then the
recommendations as a list. Only a FINAL evaluation prints (the downloads are open to everyone who reads the
agency, and the agency sees the evaluator's verdict only once final): otherwise `LookupError` with the reason,
which the catalogue turns into "cannot be printed". Costs a fixed number of queries (evaluation, answers).
"""

from decimal import Decimal

from kinerja.core import people
from kinerja.core.numbers import format_number
from kinerja.evaluation import scoring
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.selectors import worksheet_of
from kinerja.organisation.models import Agency

from .achievement_tables import head, number_cell, text_cell
from .document import Cell, Column, Document, Heading, Paragraph, Section, Table
from .wording import format_date_id


def _columns() -> list[Column]:
    return [Column(5, 9), Column(42, 70), Column(6, 9), Column(6, 9), Column(7, 10), Column(17, 35), Column(17, 35)]


def _header() -> list[list[Cell]]:
    return [
        [
            head("No."),
            head("Komponen / Subkomponen / Kriteria"),
            head("Bobot"),
            head("Jawaban"),
            head("Nilai"),
            head("Catatan"),
            head("Rekomendasi"),
        ]
    ]


def _score_row(code: str, name: str, weight: Decimal, score: Decimal | None) -> list[Cell]:
    return [
        Cell.of(code, bold=True),
        Cell.of(name, bold=True),
        number_cell(weight),
        Cell.of(""),
        number_cell(score, 2),
        Cell.of(""),
        Cell.of(""),
    ]


def build_lke(agency: Agency, year: int) -> Document:
    evaluation = (
        Evaluation.objects.select_related("version", "finalised_by__official").filter(agency=agency, year=year).first()
    )
    if evaluation is None:
        raise LookupError(f"Belum ada evaluasi SAKIP tahun {year}.")
    if not evaluation.is_final:
        raise LookupError(f"Evaluasi SAKIP tahun {year} belum final.")
    worksheet = worksheet_of(evaluation)
    result = worksheet.result
    groups: list[list[list[Cell]]] = []
    for view in worksheet.components:
        groups.append([_score_row(view.component.code, view.component.name, view.component.weight, view.score)])
        for sub in view.subs:
            rows = [_score_row(sub.sub.code, sub.sub.name, sub.sub.weight, sub.score)]
            for answer in sub.answers:
                value = scoring.ANSWER_VALUES.get(answer.answer)
                rows.append(
                    [
                        Cell.of(answer.criterion.code),
                        Cell.of(answer.criterion.text),
                        Cell.of(""),
                        Cell.of(answer.answer or "—", align="center"),
                        number_cell(value, 0),
                        text_cell(answer.note or " "),
                        text_cell(answer.recommendation or " "),
                    ]
                )
            groups.append(rows)
    letter, name = result.predicate or ("", "")
    groups.append(
        [
            [
                Cell.of("NILAI AKHIR", bold=True, colspan=4),
                number_cell(result.total, 2),
                Cell.of(f"Predikat {letter} ({name})", bold=True, colspan=2),
            ]
        ]
    )
    table = Table(columns=_columns(), header=_header(), groups=groups, title=f"LKE {year}", freeze_columns=2)
    agency_name = agency.heading_name
    recommendations = [
        Paragraph.of(f"{answer.criterion.code}: {answer.recommendation}", label=f"{number}.")
        for number, answer in enumerate(worksheet.recommendations, start=1)
    ]
    signed = people.display_name(evaluation.finalised_by) if evaluation.finalised_by else "Inspektorat"
    blocks = [
        Heading("LEMBAR KERJA EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"),
        Heading(f"{agency_name} {agency.region.name.upper()}", level=2),
        Heading(f"TAHUN {year}", level=2),
        Paragraph.of(
            f"{evaluation.version.name} ({evaluation.version.code}) — {evaluation.version.regulation}",
            align="center",
            size="small",
        ),
        table,
        Paragraph.of(f"Nilai akhir {format_number(result.total, 2)}, predikat {letter} ({name}).", bold=True),
        Heading("REKOMENDASI", level=2, align="left"),
        *(recommendations or [Paragraph.of("Tidak ada rekomendasi.")]),
        Paragraph.of(
            f"Ditetapkan final pada {format_date_id(evaluation.finalised_at.date())} oleh {signed}."
            if evaluation.finalised_at
            else "Ditetapkan final."
        ),
    ]
    return Document(
        title=f"LKE SAKIP {agency.name} {year}",
        filename_stem=f"lke-sakip-{agency.code}-{year}",
        sections=[Section(blocks, landscape=True, name="lke")],
        paper="F4",
    )
