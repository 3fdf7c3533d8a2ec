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
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q

from kinerja.core.numbers import MISSING, format_number
from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.organisation.selectors import in_force
from kinerja.performance.models import Target
from kinerja.strategy.models import (
    Activity,
    Budget,
    Indicator,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)

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


@dataclass
class Party:
    """One side of the agreement: the post as printed and who holds it (None when nobody is recorded)."""

    title: str
    official: Official | None
    with_nip: bool = True


@dataclass
class _Context:
    agency: Agency
    plan: StrategicPlan
    year: int
    by_id: dict[int, Position]
    superior_of: dict[int, int | None]
    targets: dict[int, Target]
    programmes: list[Programme]
    missing: list[str] = field(default_factory=list)


# -- reading, a fixed number of queries ---------------------------------------------------------------


def _plan_for(agency: Agency, year: int) -> StrategicPlan:
    plan = agency.plans.filter(first_year__lte=year, last_year__gte=year).order_by("-first_year").first()
    if plan is None:
        raise ValidationError({"year": f"Tidak ada Renstra {agency.name} yang mencakup tahun {year}."})
    return plan


def _year_budgets(year: int) -> Prefetch:
    return Prefetch("budgets", Budget.objects.filter(year=year), to_attr="year_budgets")


def _context(agency_id: int, year: int, wanted: list[int] | None) -> _Context:
    """Everything the agreements of `wanted` positions (all when None) print (14 queries)."""
    agency = Agency.objects.select_related("region__head").get(pk=agency_id)
    plan = _plan_for(agency, year)
    superior_of = dict(agency.positions.values_list("pk", "superior_id"))
    first, last = datetime.date(year, 1, 2), datetime.date(year, 12, 31)
    assignments = (
        Assignment.objects.filter(start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .select_related("official")
        .order_by("start")
    )
    objectives = (
        Objective.objects.filter(plan=plan)
        .order_by("order")
        .prefetch_related(Prefetch("page_rows", PageIndicator.objects.select_related("indicator").order_by("order")))
    )
    activities = (
        Activity.objects.filter(programme__plan=plan)
        .select_related("programme")
        .order_by("programme__order", "order")
        .prefetch_related(_year_budgets(year))
    )
    sub_activities = (
        SubActivity.objects.filter(activity__programme__plan=plan)
        .select_related("activity__programme")
        .order_by("activity__programme__order", "activity__order", "order")
        .prefetch_related(_year_budgets(year))
    )
    positions = agency.positions.order_by("order").prefetch_related(
        Prefetch("assignments", assignments, to_attr="year_assignments"),
        Prefetch("objectives", objectives, to_attr="plan_objectives"),
        Prefetch("activities", activities, to_attr="plan_activities"),
        Prefetch("sub_activities", sub_activities, to_attr="plan_sub_activities"),
    )
    if wanted is not None:
        superiors = [superior_of.get(pk) for pk in wanted]
        positions = positions.filter(pk__in=[*wanted, *(pk for pk in superiors if pk)])
    by_id = {position.pk: position for position in positions}
    indicator_ids = {
        row.indicator_id
        for position in by_id.values()
        for objective in position.plan_objectives
        for row in objective.page_rows.all()
    }
    targets = {
        target.indicator_id: target
        for target in Target.objects.filter(indicator_id__in=indicator_ids, kind=Target.Kind.YEAR, year=year)
    }
    programmes = list(plan.programmes.order_by("order").prefetch_related(_year_budgets(year)))
    return _Context(agency, plan, year, by_id, superior_of, targets, programmes)


def _cell(text: str, align: str = "left", **options) -> Cell:
    """A cell whose paragraph carries the alignment too (the renderers align the paragraph)."""
    return Cell([Paragraph.of(text, align=align, space_after=False)], align=align, **options)


# -- wording --------------------------------------------------------------------------------------------


def full_title(position: Position, agency: Agency) -> str:
    """The post with its agency: "Kepala Dinas" → "Kepala Dinas Komunikasi, Informatika dan Persandian"."""
    title, name = position.title.strip(), agency.name.strip()
    words = title.split()
    first = name.split()[0] if name.split() else ""
    if words and first.lower() == words[-1].lower():
        return f"{title} {name[len(first) :].strip()}".strip()
    if name.lower() in title.lower():
        return title
    return f"{title} {name}".strip()


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


# -- the parties and the date ---------------------------------------------------------------------------


def _holder_from(assignments: list[Assignment], day: datetime.date) -> Assignment | None:
    """Who holds the post on `day`, else who takes it first later that year."""
    held = in_force(assignments, day)
    if held is not None:
        return held
    later = sorted((a for a in assignments if a.start > day), key=lambda a: (a.start, a.acting))
    return later[0] if later else None


def _depth(position_id: int, superior_of: dict[int, int | None]) -> int:
    depth, seen, current = 0, {position_id}, superior_of.get(position_id)
    while current is not None and current not in seen:
        seen.add(current)
        depth += 1
        current = superior_of.get(current)
    return depth


def _parties(ctx: _Context, position: Position) -> tuple[Party, Party, datetime.date]:
    day = datetime.date(ctx.year, 1, 2)
    holder = _holder_from(position.year_assignments, day)
    if holder is not None:
        day = max(day, holder.start)
    first = Party(full_title(position, ctx.agency), holder.official if holder else None)
    if holder is None:
        ctx.missing.append(f"{position.title}: pemegang jabatan pada tahun {ctx.year} belum dicatat.")
    superior = ctx.by_id.get(position.superior_id) if position.superior_id else None
    if superior is None:
        region = ctx.agency.region
        second = Party(region.wording.head, region.head, with_nip=False)
        if region.head is None:
            ctx.missing.append(
                f"{position.title}: {region.head_title} ({region.wording.head_role}) sebagai pihak kedua belum dicatat."
            )
        return first, second, day
    above = _holder_from(superior.year_assignments, day)
    if above is not None and above.start > day:
        day = above.start
    second = Party(full_title(superior, ctx.agency), above.official if above else None)
    if above is None:
        ctx.missing.append(
            f"{position.title}: pemegang jabatan atasan ({superior.title}) pada tahun {ctx.year} belum dicatat."
        )
    return first, second, day


# -- blocks -----------------------------------------------------------------------------------------------


def _party_table(party: Party) -> Table:
    name = party.official.name if party.official else DOTS
    rows = [
        [Cell.of("Nama"), Cell.of(":"), Cell.of(name, bold=True)],
        [Cell.of("Jabatan"), Cell.of(":"), Cell.of(party.title)],
    ]
    return Table(columns=[Column(2.2), Column(0.4), Column(12)], header=[], groups=[rows], style="plain", size="normal")


def _signature(label: str, party: Party, above_first: str, ctx: _Context) -> SignatureBlock:
    title = party.title.upper() + ","
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


def budget_level(position: Position, superior_of: dict[int, int | None]) -> str:
    """ "programme", "activity" or "sub_activity": what the position's agreement lists (a setting by depth)."""
    levels = settings.KINERJA_AGREEMENT_BUDGET_LEVELS
    return levels[min(_depth(position.pk, superior_of), len(levels) - 1)]


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
        Paragraph([Text("Jabatan: ", bold=True), Text(first.title)], align="left"),
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
