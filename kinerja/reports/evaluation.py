"""The quarterly evaluation of the work plan (Evaluasi terhadap Hasil Renja, REGULATIONS.md §6), landscape. Per
strategic objective → its indicators, then the programmes that serve it with their indicators: the Renstra end
target, the plan's realisation up to last year, this year's target, the quarters I–IV (only up to the chosen
quarter; later ones blank), this year's realisation, the plan's realisation to date and its tingkat capaian, the
responsible unit. K is the performance figure; Rp (budget) prints "—" until budgets exist. Every achievement and
roll-up is read from kinerja.performance.figures (AccountabilityData.figures), as the pages and the API read it:
the cap setting, 4 decimals (docs/measurement.md). The footer: the average achievement of the table's indicators
(rollup_of) and its predicate, each strategic objective's and the agency's figure, the factors and follow-up
entered with the quarter's actuals, signed "Dievaluasi" by the head of agency and "Disusun" by the secretary (who
coordinates the agency's evaluation and reporting). The workbook also carries the LKjIP tables §5 A (1)–(3), one
sheet each.
"""

import datetime
from decimal import Decimal

from kinerja.core.numbers import MISSING
from kinerja.core.periods import QUARTERS, quarter_end, roman
from kinerja.organisation.models import Agency
from kinerja.performance import achievement
from kinerja.performance.models import Actual
from kinerja.performance.selectors import Measurement, PlanMeasurement, rollup_of
from kinerja.strategy.models import Indicator

from .achievement_tables import (
    achievement_tables,
    blank_cell,
    column_letter,
    head,
    list_missing_figures,
    number_cell,
    percent_cell,
    text_cell,
)
from .document import DOTS, Cell, Column, Document, Heading, Paragraph, Section, SignatureBlock, Signatures, Table
from .selectors import AccountabilityData, Signer, get_accountability_data

BELUM_DIISI = "belum diisi"
# Logical columns of the table (the renderer places cells after rowspans, as HTML does).
TARGET_END, TO_DATE = 5, 22


def signing_date(year: int, quarter: int) -> datetime.date:
    """Who signs: whoever holds the post at the end of the period (today, for a period not over yet)."""
    return min(quarter_end(year, quarter), datetime.date.today())


def quarter_value(indicator: Indicator, actual: Actual | None) -> Decimal | None:
    """One quarter's realised figure: a ratio from its own numerator and denominator."""
    if actual is None:
        return None
    if indicator.formula == Indicator.Formula.RATIO:
        return achievement.ratio_value(actual.numerator, actual.denominator, indicator.effective_factor)
    return actual.value


def _header(year: int, quarter: int, last_year: int) -> list[list[Cell]]:
    upto = f"s.d. TW {roman(quarter)} " if quarter < 4 else ""
    pair = {"colspan": 2, "rowspan": 2}
    return [
        [
            head("No", rowspan=3),
            head("Sasaran", rowspan=3),
            head("Program/Kegiatan", rowspan=3),
            head("Indikator Kinerja", rowspan=3),
            head("Satuan", rowspan=3),
            head(f"Target Renstra pada Akhir Periode ({last_year})", **pair),
            head(f"Realisasi Renstra s.d. Tahun Lalu ({year - 1})", **pair),
            head(f"Target Renja Tahun {year}", **pair),
            head(f"Realisasi Kinerja pada Triwulan Tahun {year}", colspan=8),
            head(f"Realisasi Renja Tahun {year} {upto}".strip(), **pair),
            head(f"Capaian Renja {upto}(%)", rowspan=3),
            head(f"Realisasi Renstra s.d. {f'TW {roman(quarter)} ' if quarter < 4 else ''}{year}", **pair),
            head("Capaian Renstra (%)", rowspan=3),
            head("Unit Penanggung Jawab", rowspan=3),
        ],
        [head(roman(q), colspan=2) for q in QUARTERS],
        [head(text) for _ in range(9) for text in ("K", "Rp")],
    ]


def _columns() -> list[Column]:
    widths = [(4, 5), (12, 30), (11, 26), (15, 40), (8, 10)]
    widths += [(7, 11), (5, 6)] * 9
    widths.insert(21, (8, 12))  # tingkat capaian Renja
    widths.insert(24, (8, 12))  # tingkat capaian Renstra
    widths.append((11, 24))
    return [Column(width, excel) for width, excel in widths]


def _figures(
    indicator: Indicator, measurement: PlanMeasurement, figure: Measurement, year: int, quarter: int, row: int
) -> list[Cell]:
    """`figure`: the indicator's figure for the period from kinerja.performance.figures (the one definition)."""
    m = measurement.year(year)
    decimals = indicator.decimals

    def k_rp(value: Decimal | None, formula: str = "") -> list[Cell]:
        return [number_cell(value, decimals, formula=formula), Cell.of(MISSING, align="center")]

    cells = k_rp(measurement.end_value) + k_rp(measurement.before(year)) + k_rp(m.target.value if m.target else None)
    for q in QUARTERS:
        cells += k_rp(quarter_value(indicator, m.actuals.get(q))) if q <= quarter else [blank_cell(), blank_cell()]
    cells += k_rp(figure.period_actual)
    cells.append(percent_cell(figure.period_achievement))
    cells += k_rp(measurement.to_date(year, quarter))
    formula = f"={column_letter(TO_DATE)}{row}/{column_letter(TARGET_END)}{row}*100"
    cells.append(percent_cell(measurement.progress(year, quarter), formula=formula))
    position = indicator.responsible_position
    cells.append(text_cell(position.unit.name if position else None))
    return cells


def _empty_figures() -> list[Cell]:
    return [blank_cell() for _ in range(21)]


def _rows(data: AccountabilityData, quarter: int) -> list[list[list[Cell]]]:
    """One row group per objective: its indicators, then each programme with its indicators (or one row
    naming the programme when it has no indicator yet)."""
    groups, excel_row = [], 4
    figures = data.figures(quarter)
    for number, rows in enumerate(data.objectives, start=1):
        lines: list[tuple[Cell | None, Indicator | None]] = [(Cell.of(""), item) for item in rows.indicators]
        for programme in rows.programmes:
            label = f"{programme.programme.code} {programme.programme.name}"
            span = max(1, len(programme.indicators))
            first = Cell.of(label, rowspan=span)
            items = programme.indicators or [None]
            lines += [(first if index == 0 else None, item) for index, item in enumerate(items)]
        if not lines:
            lines = [(Cell.of(""), None)]
        group = []
        for index, (programme_cell, indicator) in enumerate(lines):
            row = []
            if index == 0:
                row += [
                    Cell.of(str(number), align="center", rowspan=len(lines)),
                    Cell.of(rows.objective.text, rowspan=len(lines)),
                ]
            if programme_cell is not None:
                row.append(programme_cell)
            if indicator is None:
                row += [Cell.of("(indikator program belum diisi)"), blank_cell(), *_empty_figures()]
            else:
                row += [Cell.of(indicator.name), text_cell(indicator.unit, align="center")]
                row += _figures(
                    indicator,
                    data.measurement(indicator),
                    figures.indicator(indicator.pk),
                    data.year,
                    quarter,
                    excel_row,
                )
            group.append(row)
            excel_row += 1
        groups.append(group)
    return groups


def _unique_indicators(data: AccountabilityData) -> list[Indicator]:
    return list({item.pk: item for rows in data.objectives for item in rows.all_indicators}.values())


def entered_notes(data: AccountabilityData, indicators: list[Indicator], quarter: int, field: str) -> list[str]:
    """The texts entered in `field` of the quarter's actuals, each once, with the indicators that gave it
    ("semua indikator …" when every indicator with an actual that quarter gave the same text)."""
    by_text: dict[str, list[str]] = {}
    entered = 0
    for indicator in indicators:
        actual = data.measurement(indicator).year(data.year).actuals.get(quarter)
        entered += actual is not None
        text = getattr(actual, field, "").strip() if actual else ""
        if text:
            by_text.setdefault(text, []).append(indicator.name)
    every = "semua indikator yang realisasinya diisi"
    return [
        f"{text} ({every if len(names) == entered else 'Indikator: ' + '; '.join(names)})"
        for text, names in by_text.items()
    ]


def _note_cell(lines: list[str]) -> Cell:
    if not lines:
        return Cell.of(BELUM_DIISI)
    return Cell([Paragraph.of(line, label=f"{number}.", space_after=False) for number, line in enumerate(lines, 1)])


def _footer(data: AccountabilityData, quarter: int) -> Table:
    indicators = _unique_indicators(data)
    figures = data.figures(quarter)
    # every roll-up is performance.selectors.rollup_of (the cap setting, 4 decimals): the one definition
    rollup = rollup_of(figures.indicator(item.pk) for item in indicators)
    progress = achievement.rollup(data.measurement(item).progress(data.year, quarter) for item in indicators)
    follow_up = _note_cell(entered_notes(data, indicators, quarter, "follow_up"))
    rows = [
        ("Rata-rata capaian kinerja Renja", percent_cell(rollup.mean)),
        ("Predikat kinerja", text_cell(rollup.category)),
        ("Rata-rata tingkat capaian Renstra", percent_cell(progress.mean)),
        (
            "Faktor pendorong keberhasilan pencapaian",
            _note_cell(entered_notes(data, indicators, quarter, "supporting_factors")),
        ),
        (
            "Faktor penghambat pencapaian kinerja",
            _note_cell(entered_notes(data, indicators, quarter, "hindering_factors")),
        ),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya", follow_up if quarter < 4 else Cell.of(MISSING)),
        ("Tindak lanjut yang diperlukan dalam Renja tahun berikutnya", follow_up if quarter == 4 else Cell.of(DOTS)),
    ]
    for _, cell in rows[:3]:
        cell.align = "left"
    note = f"{rollup.counted} indikator dihitung; {rollup.missing} indikator tanpa realisasi tidak dihitung."
    rows.insert(1, ("Jumlah indikator yang dihitung", Cell.of(note)))
    # the objectives' and the agency's figures as every page and the API show them (docs/measurement.md)
    shown = [
        (f"Capaian sasaran strategis {group.objective.code}", figures.objective(group.objective.pk))
        for group in data.objectives
    ]
    shown.append(("Capaian kinerja instansi (indikator halaman IKI)", figures.agency))
    rows[4:4] = [
        (f"{label} ({figure.counted} dari {figure.total} indikator)", percent_cell(figure.mean, align="left"))
        for label, figure in shown
    ]
    return Table(
        columns=[Column(30, 50), Column(70, 110)],
        header=[],
        groups=[[[Cell.of(label, bold=True), cell]] for label, cell in rows],
        style="plain",
        size="normal",
        title=f"Ringkasan TW {roman(quarter)} {data.year}",
    )


def signature(signer: Signer, fallback_title: str, missing: list[str], above: list[str]) -> SignatureBlock:
    """A signature of the head of agency or the secretary; a post or holder not recorded prints dots."""
    position, official = signer.position, signer.official
    title = position.title if position else fallback_title
    if position is None:
        missing.append(f"Jabatan {fallback_title} tidak ditemukan dalam struktur organisasi.")
    elif official is None:
        missing.append(f"Pejabat {title} pada tanggal penandatanganan belum dicatat.")
    below = [official.rank_and_grade or DOTS, f"NIP {official.nip or DOTS}"] if official else [DOTS, f"NIP {DOTS}"]
    return SignatureBlock(above=[*above, title], name=official.name if official else DOTS, below=below)


def evaluation_signatures(data: AccountabilityData, missing: list[str]) -> Signatures:
    agency = data.agency
    place = f"{agency.city or DOTS}, {DOTS}"
    return Signatures(
        [
            signature(data.head, "Kepala Dinas", missing, ["", "Dievaluasi oleh,"]),
            signature(data.secretary, "Sekretaris", missing, [place, "Disusun oleh,"]),
        ]
    )


def build_evaluation(agency: Agency, year: int, quarter: int) -> Document:
    """The evaluation of the work plan for `year` up to `quarter` (1–4), and the LKjIP tables (1)–(3)."""
    if quarter not in QUARTERS:
        raise ValueError(f"Triwulan {quarter} di luar 1–4.")
    data = get_accountability_data(agency, year, signed_on=signing_date(year, quarter))
    missing: list[str] = []
    name = agency.heading_name
    region = agency.region.name.upper()
    stem = f"evaluasi-renja-{agency.code}-{year}-tw{quarter}"
    title = [
        Heading("EVALUASI TERHADAP HASIL RENCANA KERJA (RENJA) PERANGKAT DAERAH"),
        Heading(f"{name} {region}", level=2),
        Heading(f"TRIWULAN {roman(quarter)} TAHUN {year}", level=2),
    ]
    if data.plan is None:
        missing.append("Instansi ini belum mempunyai Renstra.")
        return Document(
            f"Evaluasi Renja TW {roman(quarter)} {year}",
            stem,
            [Section([*title, Paragraph.of("Renstra belum diisi.")], landscape=True)],
            missing=missing,
        )
    title.append(Paragraph.of(f"Rencana Strategis {data.plan.first_year}–{data.plan.last_year}", align="center"))
    table = Table(
        columns=_columns(),
        header=_header(year, quarter, data.plan.last_year),
        groups=_rows(data, quarter),
        title=f"Evaluasi Renja TW {roman(quarter)} {year}",
        freeze_columns=5,
    )
    list_missing_figures(data, _unique_indicators(data), quarter, missing)
    main = Section(
        [*title, table, _footer(data, quarter), evaluation_signatures(data, missing)], landscape=True, name="evaluasi"
    )
    upto = f" s.d. Triwulan {roman(quarter)}" if quarter < 4 else ""
    tables = Section(
        [
            Heading(f"CAPAIAN KINERJA TAHUN {year}{upto.upper()}"),
            Paragraph.of(
                "Tabel (1) target dan realisasi, (2) perbandingan antartahun, (3) capaian terhadap target "
                "akhir Renstra, per sasaran strategis.",
                align="center",
            ),
            *achievement_tables(data, data.objectives, quarter=quarter, with_objective=True),
        ],
        landscape=True,
        name="capaian",
    )
    return Document(
        title=f"Evaluasi Renja {agency.name} Triwulan {roman(quarter)} Tahun {year}",
        filename_stem=stem,
        sections=[main, tables],
        paper="F4",
        missing=missing,
    )
