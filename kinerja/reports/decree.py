"""The IKU/IKI decree (REGULATIONS §10) as a Document, built from the agency, the decree record and the IKI pages.

`build_decree(plan, year, book=False)` gathers everything in a fixed number of queries, whatever the number of
positions and indicators, and lays it out as the seed does: letterhead, title block, Menimbang, Mengingat,
MEMUTUSKAN, the dictums, the signature block; Lampiran I (INSTANSI / TUGAS / FUNGSI and the IKU table, the
goal's cell spanning its rows); Lampiran II (one landscape page per position). With `book` the whole book is
printed: cover, table of contents, foreword, executive summary, chapters I–III, then the decree.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch

from kinerja.core.numbers import MISSING, format_number
from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.organisation.selectors import in_force
from kinerja.strategy.models import (
    Decree,
    DecreeClause,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    StrategicPlan,
)

from .decree_book import book_sections, record_missing
from .document import (
    DOTS,
    Cell,
    Column,
    CornerNote,
    Document,
    Fraction,
    Heading,
    Letterhead,
    Paragraph,
    Section,
    SignatureBlock,
    Signatures,
    Table,
    Text,
)
from .emblem import emblem_of
from .wording import format_date_id, letter_label, printed_official_name, qualified_title, rank_and_grade


@dataclass
class _Context:
    """What every part of the decree shares, and the gaps found while building it."""

    decree: Decree
    agency: Agency
    holder: Official | None
    missing: list[str] = field(default_factory=list)
    clauses: list[DecreeClause] = field(default_factory=list)

    @property
    def signatory_title(self) -> str:
        """The signing position's title; dotted lines while the record names none."""
        return self.decree.signatory.title if self.decree.signatory_id else DOTS

    @property
    def number(self) -> str:
        return self.decree.number.strip() or DOTS


def holder_on(position: Position | None, day: datetime.date) -> Official | None:
    """The official who held `position` on `day` (1 query), by the one rule of organisation.selectors.in_force."""
    if position is None:
        return None
    assignment = in_force(Assignment.objects.filter(position=position).select_related("official"), day)
    return assignment.official if assignment else None


def signature_lines(
    holder: Official | None, position_line: str, missing: list[str], *, above: tuple[str, ...] = ()
) -> SignatureBlock:
    """A signature block for `holder` (dotted lines when nobody holds the position); gaps go to `missing`."""
    if holder is None:
        missing.append(f"Pejabat penanda tangan ({position_line.rstrip(',')}) belum dicatat.")
        return SignatureBlock([*above, position_line], DOTS, [DOTS, f"NIP {DOTS}"])
    if not holder.nip:
        missing.append(f"NIP {holder.name} belum dicatat.")
    if not holder.rank or not holder.grade:
        missing.append(f"Pangkat/golongan {holder.name} belum lengkap.")
    return SignatureBlock(
        [*above, position_line],
        printed_official_name(holder.name, settings.KINERJA_PRINT_SIGNATORY_TITLES),
        [rank_and_grade(holder.rank, holder.grade), f"NIP {holder.nip or DOTS}"],
    )


def formula_paragraphs(definition: str, indicator: Indicator) -> list[Paragraph]:
    """PENJELASAN/FORMULASI PENGHITUNGAN: the definition text, then a ratio as numerator over denominator
    followed by "X 100%" (the indicator's factor)."""
    paragraphs = [Paragraph.of(definition, space_after=False)] if definition else []
    if indicator.formula == Indicator.Formula.RATIO:
        paragraphs.append(
            Paragraph(
                [
                    Fraction(
                        indicator.numerator or MISSING,
                        indicator.denominator or MISSING,
                        f"X {format_number(indicator.effective_factor, 0)}%",
                    )
                ]
            )
        )
    return paragraphs or [Paragraph.of(MISSING)]


def _letterhead(agency: Agency) -> Letterhead:
    address = ", ".join(part for part in (agency.address, agency.city) if part)
    if agency.postcode:
        address = f"{address} {agency.postcode}".strip() if address else f"Kode Pos {agency.postcode}"
    contact = [
        f"Telepon {agency.telephone}" if agency.telephone else "",
        f"Laman {agency.website}" if agency.website else "",
        f"Surel {agency.email}" if agency.email else "",
    ]
    lines = [line for line in (address, " · ".join(part for part in contact if part)) if line]
    letterhead = Letterhead(agency.region.wording.letterhead, agency.name.upper(), lines or [MISSING])
    letterhead.emblem, letterhead.emblem_kind = emblem_of(agency.region)
    return letterhead


def _clause_table(rows: list[tuple[str, str, str]]) -> Table:
    """Menimbang / Mengingat / the dictums: head, colon, label, text — a layout table without borders.
    A row without label (a dictum) gives its text the label's column too."""
    groups = []
    for head, label, text in rows:
        lead = [Cell.of(head), Cell.of(":" if head else "")]
        body = Paragraph.of(text, align="justify")
        tail = [Cell.of(label), Cell([body])] if label else [Cell([body], colspan=2)]
        groups.append([[*lead, *tail]])
    return Table([Column(24), Column(4), Column(9), Column(123)], [], groups, style="plain", size="normal")


def _decree_section(context: _Context) -> Section:
    decree, agency = context.decree, context.agency
    clauses: dict[str, list[DecreeClause]] = {kind: [] for kind in DecreeClause.Kind.values}
    for clause in context.clauses:
        clauses[clause.kind].append(clause)
    for kind, label in (
        (DecreeClause.Kind.CONSIDERATION, "Menimbang"),
        (DecreeClause.Kind.LEGAL_BASIS, "Mengingat"),
        (DecreeClause.Kind.DICTUM, "Diktum"),
    ):
        if not clauses[kind]:
            context.missing.append(f"{label} belum diisi.")
    considerations = [
        ("Menimbang" if index == 0 else "", f"{letter_label(index)}.", clause.text)
        for index, clause in enumerate(clauses[DecreeClause.Kind.CONSIDERATION])
    ] or [("Menimbang", "", MISSING)]
    bases = [
        ("Mengingat" if index == 0 else "", f"{index + 1}.", clause.text)
        for index, clause in enumerate(clauses[DecreeClause.Kind.LEGAL_BASIS])
    ] or [("Mengingat", "", MISSING)]
    dictums = [(clause.label, "", clause.text) for clause in clauses[DecreeClause.Kind.DICTUM]]
    enacting = qualified_title(context.signatory_title, agency.name) + f" {agency.region.name.upper()},"
    signature = signature_lines(
        context.holder,
        f"{context.signatory_title.upper()},",
        context.missing if decree.signatory_id else [],
        above=(f"Ditetapkan di {decree.place or DOTS}", f"Pada tanggal : {format_date_id(decree.date)}"),
    )
    return Section(
        [
            _letterhead(agency),
            Paragraph.of(decree.title or MISSING, bold=True, align="center"),
            Paragraph.of(f"NOMOR: {context.number}", bold=True, align="center"),
            Paragraph.of("TENTANG", bold=True, align="center"),
            Paragraph.of(decree.subject or MISSING, bold=True, align="center"),
            Paragraph.of(enacting, bold=True, align="center"),
            _clause_table(considerations),
            _clause_table(bases),
            Paragraph.of("MEMUTUSKAN:", bold=True, align="center"),
            _clause_table([("Menetapkan", "", ""), *dictums]),
            Signatures([signature]),
        ],
        name="Keputusan",
    )


def _corner(context: _Context, label: str) -> CornerNote:
    return CornerNote(
        [
            (label, context.decree.title or MISSING),
            ("NOMOR", context.number),
            ("TANGGAL", format_date_id(context.decree.date)),
        ]
    )


def _fields(rows: list[tuple[str, list[Paragraph]]]) -> Table:
    """INSTANSI / JABATAN, TUGAS, FUNGSI: label, colon, text."""
    groups = [[[Cell.of(label, bold=True), Cell.of(":"), Cell(paragraphs)]] for label, paragraphs in rows]
    return Table([Column(22), Column(4), Column(250)], [], groups, style="plain", size="normal")


def _functions(functions) -> list[Paragraph]:
    return [Paragraph.of(item.text, label=f"{item.label})", space_after=False) for item in functions] or [
        Paragraph.of(MISSING)
    ]


def _appendix_signature(context: _Context) -> Signatures:
    position = qualified_title(context.signatory_title, context.agency.name)
    return Signatures([signature_lines(context.holder, position, [])])


def _key_table(plan: StrategicPlan) -> Table:
    rows = (
        KeyIndicatorRow.objects.filter(plan=plan)
        .select_related("indicator__objective__goal", "indicator__responsible_position")
        .order_by("order")
    )
    groups: list[list[list[Cell]]] = []
    goal_cell: Cell | None = None
    goal_text = None
    for row in rows:
        objective = row.indicator.objective
        text = objective.goal.text if objective and objective.goal else ""
        cells = [
            Cell.of(row.objective_text or MISSING, key=objective.code if objective else ""),
            Cell.of(row.name, key=row.indicator.code),
            Cell(formula_paragraphs(row.definition, row.indicator)),
            Cell.of(row.data_source or MISSING),
            Cell.of(row.responsible or MISSING),
        ]
        if goal_cell is not None and text == goal_text:
            goal_cell.rowspan += 1
            groups[-1].append(cells)
            continue
        goal_cell, goal_text = Cell.of(text or MISSING, key=objective.goal.code if text else ""), text
        groups.append([[goal_cell, *cells]])
    header = [
        [
            Cell.of(title)
            for title in (
                "TUJUAN STRATEGIS",
                "SASARAN STRATEGIS",
                "INDIKATOR KINERJA UTAMA",
                "PENJELASAN/FORMULASI PENGHITUNGAN",
                "SUMBER DATA",
                "PENANGGUNG JAWAB",
            )
        ]
    ]
    columns = [Column(14), Column(15), Column(16), Column(27), Column(13), Column(15)]
    return Table(columns, header, groups or [[[Cell.of(MISSING, colspan=6)]]], title="IKU")


def _appendix_one(context: _Context, plan: StrategicPlan) -> Section:
    agency = context.agency
    if not agency.duty:
        context.missing.append("Tugas instansi belum diisi.")
    table = _key_table(plan)
    if not table.rows or table.rows[0][0].colspan == 6:
        context.missing.append("Tabel IKU (Lampiran I) belum berisi baris.")
    return Section(
        [
            _corner(context, "LAMPIRAN I"),
            Heading("INDIKATOR KINERJA UTAMA (IKU)", in_contents=False),
            _fields(
                [
                    ("INSTANSI", [Paragraph.of(agency.printed_name or agency.name.upper(), space_after=False)]),
                    ("TUGAS", [Paragraph.of(agency.duty or MISSING, space_after=False)]),
                    ("FUNGSI", _functions(agency.functions.all())),
                ]
            ),
            table,
            _appendix_signature(context),
        ],
        landscape=True,
        name="Lampiran I",
    )


def _position_sections(context: _Context, plan: StrategicPlan) -> list[Section]:
    """Lampiran II: every position that has rows on its IKI page, in position order (3 queries)."""
    rows = PageIndicator.objects.select_related("indicator").order_by("order")
    objectives = Objective.objects.filter(plan=plan).order_by("order").prefetch_related(Prefetch("page_rows", rows))
    positions = (
        context.agency.positions.structural()
        .order_by("order")
        .prefetch_related("functions", Prefetch("objectives", objectives, to_attr="plan_objectives"))
    )
    header = [
        [
            Cell.of(title)
            for title in (
                "NO",
                "SASARAN KINERJA",
                "INDIKATOR KINERJA INDIVIDU",
                "PENJELASAN/FORMULASI PENGHITUNGAN",
                "SUMBER DATA",
            )
        ]
    ]
    columns = [Column(5), Column(21), Column(22), Column(34), Column(18)]
    sections = []
    for position in positions:
        groups = []
        for objective in position.plan_objectives:
            page_rows = list(objective.page_rows.all())
            if not page_rows:
                continue
            several = len(page_rows) > 1
            group = []
            for index, row in enumerate(page_rows, 1):
                name = [Text(f"{index}. " if several else ""), Text(row.name)]
                cells = [
                    Cell([Paragraph(name, space_after=False)], key=row.indicator.code),
                    Cell(formula_paragraphs(row.definition, row.indicator)),
                    Cell.of(row.data_source or MISSING),
                ]
                if index == 1:
                    cells = [
                        Cell.of(f"{len(groups) + 1}.", rowspan=len(page_rows), align="center"),
                        Cell.of(objective.text, rowspan=len(page_rows), key=objective.code),
                        *cells,
                    ]
                group.append(cells)
            groups.append(group)
        if not groups:
            continue
        if not position.duty:
            context.missing.append(f"Tugas jabatan {position.title} belum diisi.")
        sections.append(
            Section(
                [
                    _corner(context, "LAMPIRAN II"),
                    Heading("INDIKATOR KINERJA INDIVIDU (IKI)", in_contents=False),
                    _fields(
                        [
                            ("JABATAN", [Paragraph.of(position.heading, space_after=False)]),
                            ("TUGAS", [Paragraph.of(position.duty or MISSING, space_after=False)]),
                            ("FUNGSI", _functions(position.functions.all())),
                        ]
                    ),
                    Table(columns, header, groups, title=f"IKI {position.code}"[:31]),
                ],
                landscape=True,
                name=f"Lampiran II — {position.heading}",
            )
        )
    if not sections:
        context.missing.append("Belum ada halaman IKI (Lampiran II).")
    else:
        sections[-1].blocks.append(_appendix_signature(context))
    return sections


def build_decree(plan: StrategicPlan, year: int, *, book: bool = False) -> Document:
    """The decree of `plan` for `year` (a fixed number of queries whatever the number of positions).

    A plan without a decree record for that year prints a KONSEP whose missing list says what to write;
    Decree.DoesNotExist for a year outside the plan.
    """
    decree = (
        plan.decrees.select_related("signatory")
        .prefetch_related(Prefetch("clauses", DecreeClause.objects.order_by("kind", "order")))
        .filter(year=year)
        .first()
    )
    agency = Agency.objects.select_related("region").prefetch_related("functions").get(pk=plan.agency_id)
    if decree is None and not plan.first_year <= year <= plan.last_year:
        raise Decree.DoesNotExist(f"{year} lies outside the plan {plan.first_year}–{plan.last_year}.")
    if decree is None:
        decree = Decree(plan=plan, year=year, number="", place="", title="", subject="")
        context = _Context(decree, agency, None, record_missing(year))
    else:
        context = _Context(decree, agency, holder_on(decree.signatory, decree.date), clauses=list(decree.clauses.all()))
    if not decree.number.strip():
        context.missing.append("Nomor keputusan belum diisi.")
    if decree.date is None or not decree.place.strip():
        context.missing.append("Tanggal dan tempat penetapan belum diisi.")
    if not decree.signatory_id:
        context.missing.append("Pejabat penanda tangan belum dipilih.")
    decree_section, appendix_one = _decree_section(context), _appendix_one(context, plan)
    positions = _position_sections(context, plan)
    sections = [decree_section, appendix_one, *positions]
    if book:
        decree_section.contents_title = f"Keputusan Nomor {context.number}"
        appendix_one.contents_title = "Lampiran I — Indikator Kinerja Utama (IKU)"
        if positions:
            positions[0].contents_title = "Lampiran II — Indikator Kinerja Individu (IKI)"
        sections = book_sections(context.agency, context.decree, context.missing) + sections
    stem = f"keputusan-iku-iki-{agency.code}-{decree.year}" + ("-buku" if book else "")
    return Document(
        title=f"{decree.title or f'Keputusan IKU/IKI {year}'} Nomor {context.number}",
        filename_stem=stem,
        sections=sections,
        paper=settings.KINERJA_PAPER,
        missing=list(dict.fromkeys(context.missing)),
    )
