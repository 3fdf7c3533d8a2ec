"""The SKP printed (PermenPANRB 6/2022, REGULATIONS.md §8): one official's SKP of a year and the year's assessment,
in the layout agencies use, through the documents' renderers (kinerja.reports: PDF and Word).

- the heading (SASARAN KINERJA PEGAWAI, the approach, the agency, the assessment period);
- the identity of the official (PEGAWAI YANG DINILAI) and of the rater (PEJABAT PENILAI KINERJA): name, NIP,
  rank/grade, position, unit. The rater is who rated the SKP, else whoever holds the position above at the end of
  the year (today for a year not over);
- HASIL KERJA: each RHK with the superior's work result it supports (RHK PIMPINAN YANG DIINTERVENSI: the
  superior's RHK for a staff member, the objective above the IKI page for a structural position), and its
  indicators and targets per aspect;
- the state of the ratings: STATUS PENILAIAN: FINAL once final, "DINILAI, BELUM FINAL" while they may change;
- PENILAIAN KINERJA: the work rating, the seven BerAKHLAK ratings, the behaviour rating and the predicate, then
  the rater's note, the last group kept together with the signatures below (never alone on a page);
- both signatures: the official (Pegawai yang Dinilai) and the rater (Pejabat Penilai Kinerja).

Read by `selectors.get_skp` and the rater (11 queries at most). What is missing (no work result, a work result
without indicator or target, a rating not given, no rater) makes it a KONSEP listing each gap.
"""

from django.conf import settings
from django.utils import translation

from kinerja.core.numbers import MISSING
from kinerja.organisation.models import Agency, Official, Position
from kinerja.skp.models import Skp
from kinerja.skp.print_data import intervened, missing, rater_of
from kinerja.skp.selectors import ResultView, SkpView, get_skp
from kinerja.skp.services import is_final

from .achievement_tables import head, text_cell
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
)

IDENTITY_ROWS = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")
RESULT_COLUMNS = [5, 26, 26, 10, 23, 12]


def _identity(official: Official | None, position: Position | None) -> list[str | None]:
    return [
        official.name if official else None,
        official.nip if official else None,
        official.rank_and_grade if official else None,
        position.title if position else None,
        position.unit.name if position else None,
    ]


def _identity_table(skp: Skp, rater: tuple[Position | None, Official | None]) -> Table:
    own = _identity(skp.official, skp.position)
    other = _identity(rater[1], rater[0])
    rows = [
        [
            Cell.of(f"{number}", align="center"),
            Cell.of(label),
            text_cell(own[index]),
            Cell.of(f"{number}", align="center"),
            Cell.of(label),
            text_cell(other[index]),
        ]
        for index, (number, label) in enumerate(enumerate(IDENTITY_ROWS, start=1))
    ]
    return Table(
        columns=[Column(5, 5), Column(16, 20), Column(29, 40), Column(5, 5), Column(16, 20), Column(29, 40)],
        header=[
            [
                head("NO"),
                head("PEGAWAI YANG DINILAI", colspan=2),
                head("NO"),
                head("PEJABAT PENILAI KINERJA", colspan=2),
            ]
        ],
        groups=[[row] for row in rows],
        title="Identitas",
    )


def _result_rows(number: int, view: ResultView, position: Position) -> list[list[Cell]]:
    above = intervened(view, position)
    indicators = view.indicators or [None]
    span = len(indicators)
    rows: list[list[Cell]] = []
    for indicator in indicators:
        row: list[Cell] = []
        if not rows:
            row += [
                Cell.of(f"{number}.", align="center", rowspan=span),
                text_cell(f"{above.text} ({above.owner})" if above and above.owner else above and above.text),
                Cell.of(view.result.text),
            ]
            row[1].rowspan = span
            row[2].rowspan = span
        if indicator is None:
            row += [Cell.of(MISSING, align="center") for _ in range(3)]
        else:
            row += [
                Cell.of(str(indicator.get_aspect_display())),
                Cell.of(indicator.name),
                Cell.of(indicator.target_text, align="center"),
            ]
        rows.append(row)
    return rows


def _results_table(view: SkpView) -> Table:
    groups = [[[Cell.of("A. UTAMA", bold=True, colspan=6)]]]
    groups += [_result_rows(number, item, view.skp.position) for number, item in enumerate(view.results, start=1)]
    if not view.results:
        groups.append([[Cell.of(MISSING, align="center") for _ in range(6)]])
    return Table(
        columns=[Column(width, width * 1.4) for width in RESULT_COLUMNS],
        header=[
            [
                head("NO"),
                head("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"),
                head("RENCANA HASIL KERJA"),
                head("ASPEK"),
                head("INDIKATOR KINERJA INDIVIDU"),
                head("TARGET"),
            ]
        ],
        groups=groups,
        title="Hasil Kerja",
    )


def _label(skp: Skp, field: str) -> str | None:
    value = getattr(skp, field)
    return str(getattr(skp, f"get_{field}_display")()) if value else None


def _assessment(skp: Skp) -> list:
    """The year's assessment: the work rating, the seven BerAKHLAK ratings, the behaviour rating, the predicate."""

    def summary(label: str, field: str) -> list[list[Cell]]:
        return [[Cell.of(label, bold=True, colspan=2), text_cell(_label(skp, field), align="center", bold=True)]]

    behaviours = [
        [
            Cell.of(f"{number}", align="center"),
            Cell.of(key.replace("_", " ").title()),
            text_cell(_label(skp, f"behaviour_{key}"), align="center"),
        ]
        for number, (key, _name, _rating) in enumerate(skp.behaviours, start=1)
    ]
    # the overall ratings and the rater's note are the table's last group, kept together, and the signatures below
    # keep with it (print.css: no break before table.signatures; the Word renderer keeps that row with the next)
    note = skp.rating_note.strip()
    closing = summary("RATING PERILAKU KERJA", "behaviour_rating") + summary("PREDIKAT KINERJA PEGAWAI", "predicate")
    if note:
        closing.append([Cell.of(f"Catatan pejabat penilai: {note}", colspan=3)])
    return [
        Heading("PENILAIAN KINERJA TAHUNAN", level=3, align="left"),
        Table(
            columns=[Column(5, 5), Column(55, 50), Column(40, 40)],
            header=[[head("NO"), head("UNSUR YANG DINILAI"), head("RATING / PREDIKAT")]],
            groups=[
                summary("RATING HASIL KERJA", "work_rating"),
                [[Cell.of("PERILAKU KERJA (BerAKHLAK)", bold=True, colspan=3)]],
                *[[row] for row in behaviours],
                closing,
            ],
            title="Penilaian",
        ),
    ]


def _state(skp: Skp) -> list[Paragraph]:
    """The state of the ratings, as it is: FINAL once made final (`skp.finalisation`), else rated and not final
    yet; nothing while unrated (what is missing prints KONSEP)."""
    if is_final(skp):
        return [Paragraph.of("STATUS PENILAIAN: FINAL", align="center", bold=True)]
    if skp.predicate:
        return [Paragraph.of("STATUS PENILAIAN: DINILAI, BELUM FINAL", align="center")]
    return []


def _signature(official: Official | None, role: str, title: str, above: list[str]) -> SignatureBlock:
    below = [official.rank_and_grade or DOTS, f"NIP {official.nip or DOTS}"] if official else [DOTS, f"NIP {DOTS}"]
    return SignatureBlock(above=[*above, role, title], name=official.name if official else DOTS, below=below)


def _build(agency: Agency, pk: int) -> Document:
    view = get_skp(agency, pk)
    skp = view.skp
    rater = rater_of(skp)
    gaps = missing(view, rater)
    top = skp.position.superior_id is None
    approach = (
        "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
        if top
        else "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
    )
    name = agency.heading_name
    rater_title = rater[0].title if rater[0] else f"Kepala Daerah {agency.region.name}"
    place = f"{agency.city or DOTS}, {DOTS}"
    blocks = [
        Heading("SASARAN KINERJA PEGAWAI"),
        Heading("PENDEKATAN HASIL KERJA KUANTITATIF", level=2),
        Heading(approach, level=2),
        Paragraph.of(f"{name} {agency.region.name.upper()}", align="center", bold=True, space_after=False),
        Paragraph.of(f"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN {skp.year}", align="center"),
        *_state(skp),
        _identity_table(skp, rater),
        Heading("HASIL KERJA", level=3, align="left"),
        _results_table(view),
        *_assessment(skp),
        Signatures(
            [
                _signature(skp.official, "Pegawai yang Dinilai,", skp.position.title, ["", ""]),
                _signature(rater[1], "Pejabat Penilai Kinerja,", rater_title, [place, ""]),
            ]
        ),
    ]
    stem = f"skp-{agency.code}-{skp.year}-{skp.official.nip or skp.pk}"
    return Document(
        title=f"SKP {skp.year} {skp.official.name}",
        filename_stem=stem,
        sections=[Section(blocks, name="skp")],
        paper="F4",
        missing=gaps,
    )


def build_skp_document(agency: Agency, pk: int) -> Document:
    """The SKP `pk` of the agency with its assessment, always in Bahasa Indonesia (the aspects, ratings and
    predicate read as the regulation names them, whatever the interface language of who prints it)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build(agency, pk)
