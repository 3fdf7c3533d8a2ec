"""The performance agreement (Perjanjian Kinerja, PK) of a position for a year (REGULATIONS.md §4).

`build_agreement(position, year)` and `build_agreements(agency, year)` gather the statement with both
parties, the appendix (the position's objectives, indicators and that year's targets; the programmes,
activities or sub-activities with their budget) and both signature blocks into a `Document`, in a fixed
number of queries however many positions there are. Every gap prints as "—" or a dotted line and is listed
in `Document.missing`.

Who signs, and when: the agreement is signed on 2 January of the year, or — when the holder of the position
or of the superior position took office later that year — on the first day both hold their posts. The holder
of the head of agency's superior post is the head of the region (`Region.head`: the regent, the governor, the
mayor, or the minister or head of a central-government body; named by `Region.wording`).
"""

import datetime
from decimal import Decimal

from django.conf import settings

from kinerja.core.numbers import MISSING, format_number
from kinerja.organisation.models import Agency, Position
from kinerja.performance.models import Target
from kinerja.strategy.models import Activity, Indicator, Programme, SubActivity

from .agreement_context import Party, _Context, _context, _parties, budget_level
from .document import (
    DOTS,
    Cell,
    Column,
    Document,
    Heading,
    Paragraph,
    Section,
    SignatureBlock,
    Signatures,
    Table,
    Text,
)
from .wording import format_date_id, printed_official_name, rank_and_grade

OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
    "pada hasil, kami yang bertanda tangan di bawah ini:"
)
FIRST_PARTY = "selanjutnya disebut pihak pertama."
SECOND_PARTY = "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."
PROMISE = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
SUPERVISION = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi."
)
LEVEL_NAMES = {"programme": "Program", "activity": "Kegiatan", "sub_activity": "Sub Kegiatan"}

BudgetItem = Programme | Activity | SubActivity


def _cell(text: str, align: str = "left", **options) -> Cell:
    """A cell whose paragraph carries the alignment too (the renderers align the paragraph)."""
    return Cell([Paragraph.of(text, align=align, space_after=False)], align=align, **options)


# -- wording --------------------------------------------------------------------------------------------


def format_target(indicator: Indicator, target: Target | None) -> str:
    """ "85,00 Persen", "4 Dokumen", a range as "2,00 – 3,00 Nilai"; "—" when there is no target."""
    if target is None or target.value is None:
        return MISSING
    number = format_number(target.value, indicator.decimals)
    if target.value_upper is not None:
        number = f"{number} – {format_number(target.value_upper, indicator.decimals)}"
    return f"{number} {indicator.unit}".strip()


def format_rupiah(amount: Decimal | None) -> str:
    """ "Rp 1.234.567"; "—" when there is no budget."""
    return MISSING if amount is None else f"Rp {format_number(amount, 0)}"


# -- blocks -----------------------------------------------------------------------------------------------


def _party_table(party: Party) -> Table:
    name = party.official.name if party.official else DOTS
    rows = [
        [Cell.of("Nama"), Cell.of(":"), Cell.of(name, bold=True)],
        [Cell.of("Jabatan"), Cell.of(":"), Cell.of(party.post)],
    ]
    return Table(columns=[Column(2.2), Column(0.4), Column(12)], header=[], groups=[rows], style="plain", size="normal")


def _signature(label: str, party: Party, above_first: str, ctx: _Context) -> SignatureBlock:
    title = f"{party.acting} {party.title.upper()},".strip()
    if party.official is None:
        return SignatureBlock([above_first, label, title], DOTS, [f"NIP {DOTS}"] if party.with_nip else [])
    official = party.official
    below = []
    if party.with_nip:
        if official.rank or official.grade:
            below.append(rank_and_grade(official.rank, official.grade))
        below.append(f"NIP {official.nip or DOTS}")
        if not official.nip:
            ctx.missing.append(f"NIP {official.name} belum dicatat.")
    name = printed_official_name(official.name, settings.KINERJA_PRINT_SIGNATORY_TITLES)
    return SignatureBlock([above_first, label, title], name, below)


def _signatures(ctx: _Context, first: Party, second: Party, day: datetime.date) -> Signatures:
    place = ctx.agency.city or ctx.agency.region.seat
    if not place:
        ctx.missing.append(f"Tempat penandatanganan (kota {ctx.agency.name}) belum diisi.")
    dated = f"{place or DOTS}, {format_date_id(day)}"
    return Signatures(
        [
            _signature("PIHAK KEDUA,", second, "\u00a0", ctx),
            _signature("PIHAK PERTAMA,", first, dated, ctx),
        ]
    )


def _header_cells(*names: str) -> list[Cell]:
    return [_cell(name, "center", bold=True) for name in names]


def _target_table(ctx: _Context, position: Position, title: str) -> Table:
    groups: list[list[list[Cell]]] = []
    for objective in position.plan_objectives:
        rows = list(objective.page_rows.all())
        if not rows:
            continue
        group = []
        for index, row in enumerate(rows):
            target = ctx.targets.get(row.indicator_id)
            if target is None or target.value is None:
                ctx.missing.append(f"{title}: target {ctx.year} indikator “{row.name}” belum diisi.")
            cells = [
                Cell.of(row.name),
                _cell(format_target(row.indicator, target), "center", value=target.value if target else None),
            ]
            if index == 0:
                cells = [
                    _cell(f"{len(groups) + 1}.", "center", rowspan=len(rows)),
                    Cell.of(objective.text, rowspan=len(rows)),
                    *cells,
                ]
            group.append(cells)
        groups.append(group)
    if not groups:
        ctx.missing.append(f"{title}: belum ada sasaran dan indikator kinerja pada halaman IKI.")
        groups = [[[_cell(MISSING, "center"), _cell(MISSING), _cell(MISSING), _cell(MISSING, "center")]]]
    return Table(
        columns=[Column(0.7, 5), Column(5, 45), Column(6, 55), Column(2.3, 18)],
        header=[_header_cells("No", "Sasaran", "Indikator Kinerja", "Target")],
        groups=groups,
        title="Target",
    )


def _budget_items(ctx: _Context, position: Position, level: str) -> list[BudgetItem]:
    if level == "programme":
        return ctx.programmes
    if level == "activity":
        return position.plan_activities
    return position.plan_sub_activities


def _budget_table(ctx: _Context, position: Position, title: str) -> Table:
    level = budget_level(position, ctx.superior_of)
    label = LEVEL_NAMES[level]
    items = _budget_items(ctx, position, level)
    rows: list[list[list[Cell]]] = []
    total: Decimal | None = Decimal(0)
    for index, item in enumerate(items, 1):
        amount = item.year_budgets[0].amount if item.year_budgets else None
        if amount is None:
            ctx.missing.append(f"{title}: anggaran {ctx.year} {label.lower()} “{item.name}” belum diisi.")
            total = None
        elif total is not None:
            total += amount
        rows.append(
            [
                [
                    _cell(f"{index}.", "center"),
                    _cell(item.name),
                    _cell(format_rupiah(amount), "right", value=amount, number_format="#,##0"),
                ]
            ]
        )
    if not items:
        ctx.missing.append(f"{title}: belum ada {label.lower()} dengan penanggung jawab jabatan ini.")
        rows = [[[_cell(MISSING, "center"), _cell(MISSING), _cell(MISSING, "right")]]]
        total = None
    rows.append(
        [
            [
                _cell("Jumlah", "right", colspan=2, bold=True),
                _cell(format_rupiah(total), "right", bold=True, value=total, number_format="#,##0"),
            ]
        ]
    )
    return Table(
        columns=[Column(0.7, 5), Column(9.6, 70), Column(3.7, 22)],
        header=[_header_cells("No", label, "Anggaran (Rp)")],
        groups=rows,
        title="Anggaran",
    )


def _sections(ctx: _Context, position: Position) -> list[Section]:
    """The statement (one page) and the appendix (from a new page) of one position."""
    first, second, day = _parties(ctx, position)
    heading = f"PERJANJIAN KINERJA TAHUN {ctx.year}"
    agency_line = ctx.agency.name.upper()
    region_line = ctx.agency.region.name.upper()
    statement = [
        Heading(heading, level=1),
        Heading(agency_line, level=2),
        Heading(region_line, level=2),
        Paragraph.of(OPENING, align="justify"),
        _party_table(first),
        Paragraph.of(FIRST_PARTY, align="justify"),
        _party_table(second),
        Paragraph.of(SECOND_PARTY, align="justify"),
        Paragraph.of(PROMISE, align="justify"),
        Paragraph.of(SUPERVISION, align="justify"),
        _signatures(ctx, first, second, day),
    ]
    appendix = [
        Heading(heading, level=1),
        Heading(agency_line, level=2),
        Paragraph([Text("Jabatan: ", bold=True), Text(first.post)], align="left"),
        _target_table(ctx, position, position.title),
        _budget_table(ctx, position, position.title),
        _signatures(ctx, first, second, day),
    ]
    return [Section(statement, name=position.code), Section(appendix, name=f"{position.code}-lampiran")]


def _unique(sentences: list[str]) -> list[str]:
    return list(dict.fromkeys(sentences))


def build_agreement(position: Position, year: int) -> Document:
    """The agreement of one position for `year` (14 queries). Raises ValidationError when no plan covers the
    year."""
    ctx = _context(position.agency_id, year, [position.pk])
    position = ctx.by_id[position.pk]
    sections = _sections(ctx, position)
    return Document(
        title=f"Perjanjian Kinerja Tahun {year} — {position.title}",
        filename_stem=f"perjanjian-kinerja-{ctx.agency.code}-{year}-{position.code}",
        sections=sections,
        paper=settings.KINERJA_PAPER,
        missing=_unique(ctx.missing),
    )


def build_agreements(agency: Agency, year: int) -> Document:
    """The agreements of every position of the agency for `year`, in position order (14 queries, however many
    positions). Raises ValidationError when no plan covers the year."""
    ctx = _context(agency.pk, year, None)
    sections = [section for position in ctx.by_id.values() for section in _sections(ctx, position)]
    if not sections:
        ctx.missing.append(f"{ctx.agency.name} belum mempunyai jabatan.")
    return Document(
        title=f"Perjanjian Kinerja Tahun {year} — {ctx.agency.name}",
        filename_stem=f"perjanjian-kinerja-{ctx.agency.code}-{year}",
        sections=sections,
        paper=settings.KINERJA_PAPER,
        missing=_unique(ctx.missing),
    )
