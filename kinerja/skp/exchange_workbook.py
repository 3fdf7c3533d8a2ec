"""The SKP exchange as an Excel workbook: one sheet per table of the JSON document (`exchange.skp_document`) with
Indonesian headings, and a Petunjuk sheet; and the reading of its Penilaian sheet back (the ratings to import).

A workbook uploaded is bounded before it is opened (its size, its members, its unzipped size, no DTD), like the
agency workbook's (exchange.workbook.xlsx, which this layer may not import), and read up to MAX_ROWS rows.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .exchange import (
    ASPECT_LABELS,
    BEHAVIOUR_LABELS,
    KIND_LABELS,
    PREDICATE_LABELS,
    RATING_LABELS,
    STATUS_LABELS,
)

GUIDE = "Petunjuk"
SKP_SHEET, RESULT_SHEET, INDICATOR_SHEET, RATING_SHEET = "SKP", "RHK", "Indikator", "Penilaian"
MAX_ROWS = 5000  # SKP rows of the Penilaian sheet read (an agency has a few hundred civil servants)
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 500

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")

SKP_COLUMNS = (
    ("ID SKP", "id"),
    ("Tahun", "year"),
    ("Periode Awal", "period_start"),
    ("Periode Akhir", "period_end"),
    ("NIP", "official.nip"),
    ("Nama Pegawai", "official.name"),
    ("Pangkat", "official.rank"),
    ("Golongan", "official.grade"),
    ("Kode Jabatan", "position.code"),
    ("Jabatan", "position.title"),
    ("Jenis Jabatan", "position.kind"),
    ("Kode Unit Kerja", "unit.code"),
    ("Unit Kerja", "unit.name"),
    ("Instansi", "agency"),
    ("NIP Pejabat Penilai", "rater.nip"),
    ("Nama Pejabat Penilai", "rater.name"),
    ("Jabatan Pejabat Penilai", "rater.position"),
    ("Status", "status"),
)
RESULT_COLUMNS = (
    "ID SKP",
    "NIP",
    "ID RHK",
    "No",
    "Rencana Hasil Kerja",
    "Dasar",
    "ID RHK Atasan",
    "RHK Atasan yang Diintervensi",
    "Kode Indikator IKI",
    "Indikator IKI",
    "Sasaran Kinerja",
    "Sasaran Strategis",
)
INDICATOR_COLUMNS = (
    "ID SKP",
    "ID RHK",
    "ID Indikator",
    "No",
    "Aspek",
    "Indikator Kinerja Individu",
    "Target",
    "Satuan",
)
RATING_COLUMNS = (
    "ID SKP",
    "NIP",
    "Nama Pegawai",
    "Rating Hasil Kerja",
    *BEHAVIOUR_LABELS.values(),
    "Rating Perilaku Kerja",
    "Predikat Kinerja",
    "Catatan Penilaian",
    "NIP Penilai",
    "Nama Penilai",
)
# The columns the import reads (the rest of the Penilaian sheet is computed or informative).
IMPORTED = ("ID SKP", "NIP", "Rating Hasil Kerja", *BEHAVIOUR_LABELS.values(), "Catatan Penilaian")

GUIDE_TEXT = (
    "SKP yang dipertukarkan: setiap SKP instansi pada satu tahun yang boleh dibaca pengunduh.",
    "Lembar SKP: satu baris per SKP (pegawai, jabatan, unit kerja, pejabat penilai).",
    "Lembar RHK: satu baris per Rencana Hasil Kerja; Dasar = IKI (dari halaman IKI jabatan struktural) atau "
    "Intervensi (dari RHK atasan); rantai ke atas sampai Sasaran Strategis.",
    "Lembar Indikator: satu baris per indikator RHK dengan aspek (Kuantitas / Kualitas / Waktu / Biaya), target "
    "dan satuan.",
    "Lembar Penilaian: satu baris per SKP. Untuk mengimpor penilaian kembali, isi Rating Hasil Kerja dan ketujuh "
    "nilai BerAKHLAK dengan: Di atas ekspektasi / Sesuai ekspektasi / Di bawah ekspektasi; Catatan Penilaian boleh "
    "diisi. Rating Perilaku Kerja dan Predikat Kinerja dihitung Kinerja (matriks PermenPANRB 6/2022), tidak dibaca.",
    "Baris Penilaian yang rating-nya kosong semua dilewati. ID SKP dan NIP jangan diubah: keduanya mengenali SKP.",
    "Setiap baris dinilai oleh pengimpor melalui aturan yang sama dengan halaman SKP (hanya atasan langsung yang "
    "menilai). Bila satu baris ditolak, tidak ada yang disimpan.",
    "Keterangan kolom lengkap: docs/skp-exchange.md.",
)


def _value(record: dict, path: str) -> object:
    value: object = record
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _cell(value: object) -> object:
    return Decimal(value) if isinstance(value, str) and value and _is_number(value) else value


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def _sheet(book: Workbook, title: str, headers: tuple[str, ...], rows: list[list[object]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(10, min(48, len(header) + 4))
    sheet.freeze_panes = "A2"


def _rating(code: str | None) -> str:
    return RATING_LABELS.get(code or "", "")


def write_skp_workbook(document: dict) -> bytes:
    """The workbook of a JSON document (`exchange.skp_document`)."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    guide.append([f"SKP {document['agency']['name']} tahun {document['year']}"])
    guide["A1"].font = Font(bold=True, size=13)
    for line in GUIDE_TEXT:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    skps, results, indicators, ratings = [], [], [], []
    for record in document["skp"]:
        row = [_value(record, path) for _header, path in SKP_COLUMNS]
        row[[path for _h, path in SKP_COLUMNS].index("position.kind")] = KIND_LABELS.get(record["position"]["kind"])
        row[-1] = STATUS_LABELS.get(record["status"], record["status"])
        skps.append(row)
        nip = record["official"]["nip"]
        for number, result in enumerate(record["results"], start=1):
            results.append(
                [
                    record["id"],
                    nip,
                    result["id"],
                    number,
                    result["text"],
                    "Intervensi" if result["basis"] == "intervensi" else "IKI",
                    result["superior_result_id"],
                    result["superior_result"],
                    result["iki_indicator_code"],
                    result["iki_indicator"],
                    result["performance_objective"],
                    result["strategic_objective"],
                ]
            )
            for order, indicator in enumerate(result["indicators"], start=1):
                indicators.append(
                    [
                        record["id"],
                        result["id"],
                        indicator["id"],
                        order,
                        ASPECT_LABELS.get(indicator["aspect"], indicator["aspect"]),
                        indicator["name"],
                        _cell(indicator["target"]),
                        indicator["unit"],
                    ]
                )
        rating = record["rating"]
        rated_by = rating["rated_by"] or {}
        ratings.append(
            [
                record["id"],
                nip,
                record["official"]["name"],
                _rating(rating["work"]),
                *(_rating(rating["behaviours"].get(key)) for key in BEHAVIOUR_LABELS),
                _rating(rating["behaviour"]),
                PREDICATE_LABELS.get(rating["predicate"] or "", ""),
                rating["note"],
                rated_by.get("nip"),
                rated_by.get("name"),
            ]
        )
    _sheet(book, SKP_SHEET, tuple(header for header, _path in SKP_COLUMNS), skps)
    _sheet(book, RESULT_SHEET, RESULT_COLUMNS, results)
    _sheet(book, INDICATOR_SHEET, INDICATOR_COLUMNS, indicators)
    _sheet(book, RATING_SHEET, RATING_COLUMNS, ratings)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_bytes(document: dict, file_format: str) -> bytes:
    """The document as a JSON file ("json") or a workbook (anything else)."""
    if file_format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2).encode()
    return write_skp_workbook(document)


# -- reading the ratings back ----------------------------------------------------------------------------------


class FileRefused(ValueError):
    """The file cannot be read at all (not a workbook, too big, no Penilaian sheet …): its sentence is shown."""


@dataclass(frozen=True)
class RatingRow:
    """One row of ratings to import: where it is in the file, which SKP it names, and the ratings as written."""

    where: str  # "Penilaian baris 3" or "skp[2]"
    skp_id: object
    nip: str
    work: str
    behaviours: dict[str, str]
    note: str

    @property
    def empty(self) -> bool:
        return not self.work and not any(self.behaviours.values())


def _declares_a_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(64 * 1024):
            window = (tail + chunk).lower()
            if b"<!doctype" in window or b"<!entity" in window:
                return True
            tail = window[-16:]
    return False


def _check_archive(content: bytes) -> None:
    """Refuse a file that is not a workbook, too big once unzipped, or declaring a DTD, before openpyxl opens it
    (which parses through defusedxml besides)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise FileRefused(gettext("The workbook is too large."))
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares_a_dtd(archive, member):
                    raise FileRefused(gettext("The workbook declares a DTD: it is not read."))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        if isinstance(error, FileRefused):
            raise
        raise FileRefused(gettext("The file is not an Excel workbook (.xlsx).")) from error


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rating_rows(content: bytes) -> list[RatingRow]:
    """The rows of the Penilaian sheet (FileRefused when the file is not such a workbook)."""
    _check_archive(content)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileRefused(gettext("The workbook cannot be read.")) from error
    if RATING_SHEET not in book.sheetnames:
        raise FileRefused(gettext("The workbook has no sheet %(sheet)s.") % {"sheet": RATING_SHEET})
    lines = book[RATING_SHEET].iter_rows(values_only=True, max_row=MAX_ROWS + 1, max_col=len(RATING_COLUMNS) + 5)
    headers = [_text(value) for value in next(lines, ())]
    missing = [name for name in IMPORTED if name not in headers]
    if missing:
        raise FileRefused(
            gettext("The sheet %(sheet)s lacks the columns: %(columns)s.")
            % {"sheet": RATING_SHEET, "columns": ", ".join(missing)}
        )
    column = {name: headers.index(name) for name in IMPORTED}
    rows = []
    for number, values in enumerate(lines, start=2):
        cells = [_text(value) for value in values]
        cells += [""] * (len(headers) - len(cells))
        if not any(cells):
            continue
        rows.append(
            RatingRow(
                where=gettext("%(sheet)s row %(row)s") % {"sheet": RATING_SHEET, "row": number},
                skp_id=cells[column["ID SKP"]],
                nip=cells[column["NIP"]],
                work=cells[column["Rating Hasil Kerja"]],
                behaviours={key: cells[column[label]] for key, label in BEHAVIOUR_LABELS.items()},
                note=cells[column["Catatan Penilaian"]],
            )
        )
    book.close()
    return rows
