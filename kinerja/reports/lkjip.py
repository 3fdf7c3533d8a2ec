"""The performance report (LKjIP) of a year in the outline of REGULATIONS.md §5.

Ikhtisar Eksekutif, Bab I, the narrative of Bab II and Bab IV are the planners' text (ReportChapter), printed
with a default text — and listed in `Document.missing` — while a year's chapter is not written yet (the
builder never writes; services.start_report_chapters starts them). Bab II's agreement table (the head of
agency's objectives, indicators and targets of the year) and all of Bab III are printed from the data: per
strategic objective the tables §5 A (1)–(3) and a paragraph per indicator assembled from its figures.
"""

import datetime
from decimal import Decimal

from kinerja.core.numbers import MISSING, format_number, format_percent
from kinerja.core.periods import QUARTERS
from kinerja.organisation.models import Agency
from kinerja.performance import achievement
from kinerja.strategy.models import Indicator

from .achievement_tables import achievement_tables, head, list_missing_figures, number_cell, text_cell
from .chapters import DEFAULTS, text_blocks
from .document import (
    DOTS,
    Cell,
    Column,
    Contents,
    Document,
    Emblem,
    Heading,
    Paragraph,
    Section,
    Signatures,
    Table,
)
from .emblem import emblem_of
from .evaluation import signature
from .models import ReportChapter
from .selectors import AccountabilityData, ObjectiveRows, get_accountability_data

BELUM_DIISI = "belum diisi"
TABLE_NAMES = (
    "Target dan realisasi kinerja tahun {year}",
    "Realisasi kinerja tahun {year} dibandingkan tahun-tahun sebelumnya",
    "Realisasi kinerja s.d. tahun {year} dibandingkan target akhir Renstra",
)


def _chapter(
    kind: str, chapters: dict[str, ReportChapter], data: AccountabilityData, missing: list[str]
) -> tuple[Heading, list[Paragraph]]:
    """A planner's chapter, or its default text (listed as missing) when the year has none written."""
    default = DEFAULTS[kind]
    chapter = chapters.get(kind)
    if chapter is not None and chapter.body.strip():
        return Heading(chapter.title, in_contents=True), text_blocks(chapter.body)
    missing.append(f"{default.label} tahun {data.year} belum ditulis; dicetak teks bawaan.")
    plan = data.plan
    plan_name = f"Rencana Strategis {plan.first_year}–{plan.last_year}" if plan else "Rencana Strategis"
    text = default.text(agency=data.agency.name, year=data.year, plan=plan_name)
    return Heading(chapter.title if chapter else default.title, in_contents=True), text_blocks(text)


def _agreement_table(data: AccountabilityData, missing: list[str]) -> Table | Paragraph:
    """Bab II: the head of agency's agreement — objective, indicator, unit, target of the year."""
    rows = [(row.objective, row.name, row.indicator) for row in data.head_rows]
    if not rows:
        rows = [(group.objective, item.name, item) for group in data.objectives for item in group.indicators]
    if not rows:
        missing.append("Perjanjian kinerja Kepala Dinas belum mempunyai sasaran dan indikator.")
        return Paragraph.of(MISSING)
    by_objective: dict[int, list[tuple]] = {}
    for objective, name, indicator in rows:
        by_objective.setdefault(objective.pk, []).append((objective, name, indicator))
    groups = []
    for number, items in enumerate(by_objective.values(), start=1):
        group = []
        for index, (objective, name, indicator) in enumerate(items):
            target = data.measurement(indicator).year(data.year).target
            if target is None:
                missing.append(f"Target {data.year} indikator “{name}” belum diisi.")
            cells = (
                [Cell.of(str(number), align="center", rowspan=len(items)), Cell.of(objective.text, rowspan=len(items))]
                if index == 0
                else []
            )
            group.append(
                [
                    *cells,
                    Cell.of(name),
                    text_cell(indicator.unit, align="center"),
                    number_cell(target.value if target else None, indicator.decimals),
                ]
            )
        groups.append(group)
    return Table(
        columns=[Column(5, 5), Column(35, 40), Column(40, 50), Column(10, 12), Column(10, 14)],
        header=[[head("No"), head("Sasaran"), head("Indikator Kinerja"), head("Satuan"), head(f"Target {data.year}")]],
        groups=groups,
        title=f"Perjanjian Kinerja {data.year}",
    )


def _figure(value: Decimal | None, indicator: Indicator) -> str:
    if value is None:
        return MISSING
    unit = indicator.unit.strip()
    if indicator.is_percentage:
        return f"{format_number(value, indicator.decimals)} %"
    return f"{format_number(value, indicator.decimals)} {unit.lower()}".strip()


def _entered(data: AccountabilityData, indicator: Indicator, field: str) -> str:
    """The texts entered with the year's actuals (every quarter, each text once)."""
    actuals = data.measurement(indicator).year(data.year).actuals
    texts: list[str] = []
    for quarter in QUARTERS:
        text = getattr(actuals[quarter], field).strip() if quarter in actuals else ""
        if text and text not in texts:
            texts.append(text)
    return " ".join(texts) if texts else BELUM_DIISI


def indicator_paragraphs(data: AccountabilityData, indicator: Indicator) -> list[Paragraph]:
    """What a planner would write about an indicator, assembled from its figures; a gap reads "—"."""
    year, plan = data.year, data.plan
    measurement = data.measurement(indicator)
    m = data.figures(4).indicator(indicator.pk)  # the year's figure, by the one definition (performance.figures)
    value = m.period_achievement
    category = achievement.category(value) or MISSING
    previous = measurement.year(year - 1).year_actual
    change = measurement.change_from_last_year(year)
    if change is None:
        compared = (
            f"Realisasi tahun {year - 1}: {_figure(previous, indicator)}, sehingga perubahan dari tahun "
            f"lalu belum dapat dihitung ({MISSING})."
        )
    else:
        direction = "naik" if change > 0 else "turun" if change < 0 else "tetap"
        amount = "" if change == 0 else f" sebesar {_figure(abs(change), indicator)}"
        compared = (
            f"Dibandingkan realisasi tahun {year - 1} sebesar {_figure(previous, indicator)}, realisasi "
            f"tahun ini {direction}{amount}."
        )
    last = plan.last_year if plan else year
    text = (
        f"Indikator “{indicator.name}” pada tahun {year} ditargetkan sebesar "
        f"{_figure(m.target.value if m.target else None, indicator)} dan terealisasi sebesar "
        f"{_figure(m.period_actual, indicator)}, sehingga capaian kinerjanya {format_percent(value)} dengan kategori "
        f"{category}. {compared} Realisasi s.d. tahun {year} sebesar {_figure(measurement.to_date(year), indicator)} "
        f"terhadap target akhir Renstra tahun {last} sebesar {_figure(measurement.end_value, indicator)}, "
        f"atau tingkat kemajuan {format_percent(measurement.progress(year))}."
    )
    return [
        Paragraph.of(text, align="justify"),
        Paragraph.of(f"Faktor pendukung: {_entered(data, indicator, 'supporting_factors')}", align="justify"),
        Paragraph.of(f"Faktor penghambat: {_entered(data, indicator, 'hindering_factors')}", align="justify"),
        Paragraph.of(f"Tindak lanjut: {_entered(data, indicator, 'follow_up')}", align="justify"),
    ]


def _rollup_text(label: str, year: int, rollup: achievement.Rollup) -> str:
    """A roll-up as every page and the API give it (kinerja.performance.figures; the cap setting in force)."""
    cap = (
        f"; capaian di atas {format_number(rollup.cap, 0)} % dihitung {format_number(rollup.cap, 0)} %"
        if rollup.cap is not None
        else ""
    )
    return (
        f"{label} tahun {year}: {format_percent(rollup.mean)} (rata-rata capaian {rollup.counted} dari "
        f"{rollup.total} indikator, {rollup.verified} diverifikasi{cap})."
    )


def _objective_blocks(data: AccountabilityData, number: int, group: ObjectiveRows) -> list:
    blocks: list = [Heading(f"Sasaran Strategis {number}: {group.objective.text}", level=3, align="left")]
    if not group.indicators:
        return [*blocks, Paragraph.of(f"Indikator sasaran ini belum diisi ({MISSING}).")]
    blocks.append(
        Paragraph.of(
            _rollup_text(
                f"Capaian sasaran strategis {group.objective.code}",
                data.year,
                data.figures(4).objective(group.objective.pk),
            ),
            align="justify",
        )
    )
    tables = achievement_tables(data, [group], prefix=f"S{number} ")
    for index, (table, name) in enumerate(zip(tables, TABLE_NAMES, strict=True), start=1):
        blocks += [
            Paragraph.of(
                f"Tabel 3.{number}.{index} {name.format(year=data.year)}", bold=True, align="center", size="small"
            ),
            table,
        ]
    for indicator in group.indicators:
        blocks += indicator_paragraphs(data, indicator)
    return blocks


def build_report(agency: Agency, year: int) -> Document:
    """The LKjIP of `year`: a Word document a planner edits instead of writing one."""
    data = get_accountability_data(
        agency, year, signed_on=min(datetime.date(year, 12, 31), datetime.date.today()), head_page=True
    )
    chapters = {chapter.kind: chapter for chapter in ReportChapter.objects.filter(agency=agency, year=year)}
    missing: list[str] = []
    name = agency.heading_name
    emblem, emblem_kind = emblem_of(agency.region)
    cover = Section(
        [
            *([Emblem(emblem, emblem_kind)] if emblem else []),  # without an emblem the cover is as it was
            Heading(f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {year}"),
            Heading(f"{name} {agency.region.name.upper()}", level=2),
            Contents(),
        ],
        page_numbers=False,
        name="sampul",
    )
    sections = [cover]
    for kind in (ReportChapter.Kind.EXECUTIVE_SUMMARY, ReportChapter.Kind.INTRODUCTION):
        heading, paragraphs = _chapter(kind, chapters, data, missing)
        sections.append(Section([heading, *paragraphs], name=kind))
    heading, paragraphs = _chapter(ReportChapter.Kind.PLANNING, chapters, data, missing)
    sections.append(
        Section(
            [
                heading,
                *paragraphs,
                Paragraph.of(f"Perjanjian Kinerja Tahun {year}", bold=True, align="center"),
                _agreement_table(data, missing),
            ],
            name="planning",
        )
    )
    chapter_three: list = [
        Heading("BAB III AKUNTABILITAS KINERJA", in_contents=True),
        Heading("A. Capaian Kinerja Organisasi", level=2, align="left"),
    ]
    if data.plan is not None:
        chapter_three.append(
            Paragraph.of(
                _rollup_text("Capaian kinerja instansi (indikator halaman IKI)", year, data.figures(4).agency),
                align="justify",
            )
        )
    if data.plan is None:
        missing.append("Instansi ini belum mempunyai Renstra.")
        chapter_three.append(Paragraph.of(f"Renstra belum diisi ({MISSING})."))
    for number, group in enumerate(data.objectives, start=1):
        chapter_three += _objective_blocks(data, number, group)
    list_missing_figures(data, [item for group in data.objectives for item in group.indicators], 4, missing)
    chapter_three += [
        Heading("B. Realisasi Anggaran", level=2, align="left"),
        Paragraph.of(f"Data anggaran belum tersedia dalam sistem ({MISSING})."),
    ]
    sections.append(Section(chapter_three, name="chapter_3"))
    heading, paragraphs = _chapter(ReportChapter.Kind.CLOSING, chapters, data, missing)
    place = f"{agency.city or DOTS}, {DOTS}"
    closing = Signatures([signature(data.head, "Kepala Dinas", missing, [place])])
    sections.append(Section([heading, *paragraphs, closing], name="closing"))
    return Document(
        title=f"LKjIP {agency.name} Tahun {year}",
        filename_stem=f"lkjip-{agency.code}-{year}",
        sections=sections,
        paper="F4",
        missing=missing,
    )
