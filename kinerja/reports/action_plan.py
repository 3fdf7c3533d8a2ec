"""The printed action plan (Rencana Aksi) of a year, in the layout agencies use: landscape, one table per objective
of every IKI page — the indicator, its target for the year, each quarter with its own target, the actions of the
quarter with their output, the budget (the sub-activity's code and name) and the person in charge — signed by
the head of agency; for one position (`?jabatan=`, as the performance agreement) its page alone, signed by its
holder. Read by `actionplans.selectors.get_action_plan` (4 queries), the signer's post and holder (2 queries).

When any action of the printed plan has its progress entered, a last column "Progres" prints it for every action:
Terlaksana / Terlaksana sebagian / Tidak terlaksana, with "(belum diverifikasi)" until the superior verified it.

What is missing: every quarter with a target and no action, every action whose person in charge is gone.
"""

import datetime

from django.utils import translation

from kinerja.actionplans.models import ActionItem
from kinerja.actionplans.selectors import ActionPlan, IndicatorPlan, get_action_plan
from kinerja.core.numbers import MISSING
from kinerja.core.periods import roman
from kinerja.organisation.models import Agency, Position
from kinerja.organisation.selectors import current_assignments, in_force
from kinerja.performance.steps import Status
from kinerja.strategy.models import StrategicPlan

from .achievement_tables import head, number_cell, text_cell
from .document import DOTS, Cell, Column, Document, Heading, Section, Signatures, Table
from .evaluation import signature
from .selectors import Signer

COLUMNS = [(4, 5), (22, 40), (8, 12), (6, 8), (8, 12), (30, 50), (12, 18), (18, 36), (14, 28)]
PROGRESS_COLUMN = (12, 22)


def _has_progress(action_plan: ActionPlan) -> bool:
    return any(
        action.progress_or_none is not None
        for item in action_plan.indicators
        for quarter in item.quarters
        for action in quarter.actions
    )


def _progress_text(action: ActionItem) -> str | None:
    progress = action.progress_or_none
    if progress is None:
        return None
    with translation.override("id"):
        outcome = str(progress.get_outcome_display())
    return outcome if progress.status == Status.VERIFIED else f"{outcome} (belum diverifikasi)"


def _header(year: int, with_progress: bool) -> list[list[Cell]]:
    return [
        [
            head("No"),
            head("Indikator Kinerja"),
            head(f"Target {year}"),
            head("Triwulan"),
            head("Target Triwulan"),
            head("Rencana Aksi"),
            head("Output"),
            head("Anggaran (Sub Kegiatan)"),
            head("Penanggung Jawab"),
            *([head("Progres")] if with_progress else []),
        ]
    ]


def _group(number: int, item: IndicatorPlan, with_progress: bool) -> list[list[Cell]]:
    """The rows of one indicator: each quarter as many rows as it has actions (one when none)."""
    decimals = item.indicator.decimals
    spans = [max(1, len(quarter.actions)) for quarter in item.quarters]
    rows: list[list[Cell]] = []
    for quarter, span in zip(item.quarters, spans, strict=True):
        actions = quarter.actions or [None]
        for index, action in enumerate(actions):
            row: list[Cell] = []
            if not rows:
                total = sum(spans)
                row += [
                    Cell.of(f"{number}.", align="center", rowspan=total),
                    Cell.of(f"{item.name} ({item.indicator.unit})", rowspan=total),
                    number_cell(item.year_target, decimals, align="center"),
                ]
                row[-1].rowspan = total
            if index == 0:
                row += [
                    Cell.of(roman(quarter.quarter), align="center", rowspan=span),
                    number_cell(quarter.target, decimals, align="center"),
                ]
                row[-1].rowspan = span
            if action is None:
                row += [Cell.of(MISSING, align="center") for _ in range(5 if with_progress else 4)]
            else:
                budget = action.sub_activity
                row += [
                    Cell.of(action.description),
                    Cell.of(action.output_text, align="center"),
                    text_cell(f"{budget.code} {budget.name}" if budget else None),
                    text_cell(action.responsible_position.title if action.responsible_position else None),
                ]
                if with_progress:
                    row.append(text_cell(_progress_text(action)))
            rows.append(row)
    return rows


def _tables(action_plan: ActionPlan) -> list:
    blocks: list = []
    with_progress = _has_progress(action_plan)
    columns = COLUMNS + ([PROGRESS_COLUMN] if with_progress else [])
    for page in action_plan.pages:
        blocks.append(Heading(page.position.title.upper(), level=2, align="left"))
        for objective in page.objectives:
            blocks.append(Heading(f"Sasaran: {objective.objective.text}", level=3, align="left"))
            blocks.append(
                Table(
                    columns=[Column(width, excel) for width, excel in columns],
                    header=_header(action_plan.year, with_progress),
                    groups=[
                        _group(number, item, with_progress) for number, item in enumerate(objective.indicators, start=1)
                    ],
                    title=f"{page.position.code} {objective.objective.code}"[:31],
                )
            )
    return blocks


def _missing(action_plan: ActionPlan) -> list[str]:
    sentences = [
        f"{item.indicator.code} {item.indicator.name}: Triwulan {roman(item.quarter)} mempunyai target tetapi belum "
        "ada rencana aksi."
        for item in action_plan.missing
    ]
    sentences += [
        f"Aksi “{action.description[:80]}” ({action.indicator.code}, Triwulan {roman(action.quarter)}) belum "
        "mempunyai penanggung jawab."
        for action in action_plan.without_person
    ]
    if not action_plan.indicators:
        sentences.append("Belum ada indikator pada halaman IKI mana pun.")
    return sentences


def _signer(agency: Agency, position: Position | None, day: datetime.date) -> Signer:
    """Who signs: the holder of `position` on `day`, or the head of agency for the agency's whole plan."""
    if position is None:
        position = agency.positions.filter(superior__isnull=True).order_by("order").first()
    if position is None:
        return Signer(None, None)
    assignment = in_force(current_assignments(day).filter(position=position), day)
    return Signer(position, assignment.official if assignment else None)


def build_action_plan(agency: Agency, plan: StrategicPlan, year: int, position: Position | None = None) -> Document:
    """The action plan of `year` for every IKI page of the agency's plan, or for `position`'s page alone, signed by
    its holder (6 queries)."""
    action_plan = get_action_plan(plan, year, position)
    missing = _missing(action_plan)
    name = agency.heading_name
    day = min(datetime.date(year, 12, 31), datetime.date.today())
    signer = _signer(agency, position, day)
    block = signature(signer, "Kepala Dinas", missing, [f"{agency.city or DOTS}, {DOTS}"])
    blocks = [
        Heading("RENCANA AKSI"),
        Heading(f"{name} {agency.region.name.upper()}", level=2),
        Heading(f"TAHUN {year}", level=2),
        *_tables(action_plan),
        Signatures([block]),
    ]
    stem = f"rencana-aksi-{agency.code}-{year}" + (f"-{position.code}" if position is not None else "")
    return Document(
        title=f"Rencana Aksi {agency.name} Tahun {year}",
        filename_stem=stem,
        sections=[Section(blocks, landscape=True, name="rencana-aksi")],
        paper="F4",
        missing=missing,
    )
