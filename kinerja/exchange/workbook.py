"""The agency workbook (.xlsx): the dataset of data/SCHEMA.md as sheets a planner fills in Excel.

ONE column table (`SHEETS`: sheet → columns with their Indonesian header, dataset key, type, closed choices
and help text) drives the writing (headers, drop-down lists, the "Petunjuk" sheet) and the reading (which
column is which, how a cell becomes a dataset value, which cell is wrong). A read workbook becomes the
dataset dict and goes through the same schema and loader as a YAML or JSON file (one schema, three views).

Every cell's problem is kept with its sheet, row and column; `origins` remembers which sheet row each
record of the dataset came from, so the schema's and the loader's problems are put back on their cells.
"""

import datetime
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.core.cells import set_text
from kinerja.organisation.nip import nip_problem

from . import xlsx_guard
from .dataset_io import FORMAT
from .problems import CellProblem

TEXT, LONG, CODE, CODES, INT, NUMBER, BOOL, DATE, CHOICE, NIP = (
    "teks", "teks panjang", "kode", "daftar kode", "bilangan bulat", "angka", "ya/tidak", "tanggal", "pilihan", "NIP",
)
YES_NO = (("true", "Ya"), ("false", "Tidak"))
GUIDE = "Petunjuk"
MAX_ROWS = 20_000  # data rows a sheet may have: bounds the time of a preview (an agency has a few thousand)
MAX_COLUMNS = 100  # columns read of a sheet (the widest has 16): a cell far right does not widen every row
TEMPLATE_ROWS = 200  # rows of a blank sheet prepared as text (a NIP or a code keeps its leading zeros and dots)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str
    help: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    width: int = 18

    def choice_labels(self) -> list[str]:
        return [label for _, label in self.choices]


@dataclass(frozen=True)
class Sheet:
    name: str
    help: str
    columns: tuple[Column, ...]
    single: bool = False  # one record at most (the agency, the plan …)

    def column(self, key: str) -> Column | None:
        return next((column for column in self.columns if column.key == key), None)


def _c(header: str, key: str, kind: str, help_text: str, *, required: bool = False,
       choices: Iterable[tuple[str, str]] = (), width: int | None = None) -> Column:
    widths = {LONG: 60, TEXT: 32, CODE: 18, CODES: 24, NIP: 22}
    return Column(header, key, kind, help_text, required, tuple(choices), width or widths.get(kind, 14))


UNIT_KINDS = (("dinas", "Dinas"), ("sekretariat", "Sekretariat"), ("sub_bagian", "Sub Bagian"),
              ("bidang", "Bidang"), ("seksi", "Seksi"))
FORMULAS = (("ratio", "Rasio"), ("count", "Jumlah"), ("value", "Nilai"))
POLARITIES = (("higher", "Makin tinggi makin baik"), ("lower", "Makin rendah makin baik"),
              ("range", "Rentang"))
QUARTER_RULES = (("sum", "Dijumlahkan"), ("last", "Triwulan terakhir"), ("average", "Dirata-rata"))
TARGET_KINDS = (("baseline", "Kondisi awal"), ("year", "Tahunan"), ("quarter", "Triwulan"),
                ("end", "Akhir Renstra"))
FED_BY = (("evaluasi-sakip", "Evaluasi SAKIP"),)
CLAUSE_PARTS = (("consideration", "Menimbang"), ("legal_basis", "Mengingat"), ("dictum", "Memutuskan"))
CHAPTER_KINDS = (("foreword", "Kata Pengantar"), ("executive_summary", "Ikhtisar Eksekutif"),
                 ("chapter_1", "Bab I"), ("chapter_2", "Bab II"), ("chapter_3", "Bab III"))

SHEETS: tuple[Sheet, ...] = (
    Sheet("Wilayah", "Kabupaten/kota tempat instansi berada (satu baris).", (
        _c("Kode Wilayah", "code", CODE, "Kode singkat wilayah, huruf kecil, mis. halut.", required=True),
        _c("Nama Wilayah", "name", TEXT, "Mis. Kabupaten Halmahera Utara.", required=True),
        _c("Provinsi", "province", TEXT, "Nama provinsi."),
        _c("Ibu Kota", "seat", TEXT, "Kota tempat keputusan ditetapkan (Ditetapkan di …)."),
        _c("Sebutan Kepala Daerah", "head_title", TEXT, "Bupati atau Wali Kota.", required=True),
        _c("Nama Kepala Daerah", "head.name", TEXT, "Kepala daerah yang menjabat, dengan gelar (boleh kosong)."),
        _c("NIP Kepala Daerah", "head.nip", NIP, "Kosongkan untuk kepala daerah tanpa NIP."),
        _c("Pangkat Kepala Daerah", "head.rank", TEXT, "Boleh kosong."),
        _c("Golongan Kepala Daerah", "head.grade", TEXT, "Boleh kosong."),
    ), single=True),
    Sheet("Instansi", "Perangkat daerah (satu baris); kop surat dan Lampiran I.", (
        _c("Kode Instansi", "code", CODE, "Kode singkat instansi, huruf kecil, mis. halut-diskominfo.",
           required=True),
        _c("Nama Instansi", "name", TEXT, "Nama lengkap perangkat daerah.", required=True),
        _c("Nama Singkat", "short_name", TEXT, "Mis. Diskominfo."),
        _c("Nama Tercetak", "printed_name", TEXT, "INSTANSI sebagaimana tercetak di Lampiran I (bila berbeda)."),
        _c("Alamat", "address", TEXT, "Alamat kop surat."),
        _c("Kota", "city", TEXT, "Kota kop surat."),
        _c("Telepon", "telephone", TEXT, "Nomor telepon kantor."),
        _c("Situs Web", "website", TEXT, "Alamat situs web."),
        _c("Surel", "email", TEXT, "Alamat surel kantor."),
        _c("Kode Pos", "postcode", TEXT, "Lima angka, ditulis sebagai teks."),
        _c("Tugas", "duty", LONG, "TUGAS instansi sebagaimana Lampiran I."),
    ), single=True),
    Sheet("Fungsi Instansi", "FUNGSI instansi, berurutan (satu baris satu fungsi).", (
        _c("Nomor Tercetak", "number", TEXT, "Kosongkan bila nomornya 1, 2, 3 … sesuai urutan."),
        _c("Fungsi", "text", LONG, "Uraian fungsi.", required=True),
    )),
    Sheet("Unit Kerja", "Struktur organisasi: induk ditulis sebelum bawahannya.", (
        _c("Kode Unit", "code", CODE, "Kode unit, huruf kecil tanpa spasi, mis. bidang-ikp.", required=True),
        _c("Jenis Unit", "kind", CHOICE, "Pilih dari daftar.", required=True, choices=UNIT_KINDS),
        _c("Nama Unit", "name", TEXT, "Nama unit kerja.", required=True),
        _c("Unit Induk", "parent", CODE, "Kode unit induk (kosong untuk unit teratas)."),
    )),
    Sheet("Jabatan", "Jabatan struktural: atasan ditulis sebelum bawahannya.", (
        _c("Kode Jabatan", "code", CODE, "Kode jabatan, huruf kecil tanpa spasi, mis. kabid-ikp.", required=True),
        _c("Unit Kerja", "unit", CODE, "Kode unit dari lembar Unit Kerja.", required=True),
        _c("Nama Jabatan", "title", TEXT, "Mis. Kepala Bidang Informasi dan Komunikasi Publik.", required=True),
        _c("Judul Tercetak", "printed_title", TEXT, "Hanya bila judul halaman IKI berbeda dari nama jabatan."),
        _c("Atasan", "superior", CODE, "Kode jabatan atasan (kosong untuk kepala instansi)."),
        _c("Tugas", "duty", LONG, "TUGAS sebagaimana tercetak pada halaman IKI."),
    )),
    Sheet("Fungsi Jabatan", "FUNGSI tiap jabatan, berurutan.", (
        _c("Kode Jabatan", "position", CODE, "Kode jabatan dari lembar Jabatan.", required=True),
        _c("Nomor Tercetak", "number", TEXT, "Kosongkan bila nomornya 1, 2, 3 … sesuai urutan."),
        _c("Fungsi", "text", LONG, "Uraian fungsi.", required=True),
    )),
    Sheet("Pejabat", "Pegawai yang menduduki jabatan.", (
        _c("NIP", "nip", NIP, "18 angka, ditulis sebagai teks; kosong bila tidak ber-NIP."),
        _c("Nama", "name", TEXT, "Nama lengkap dengan gelar.", required=True),
        _c("Pangkat", "rank", TEXT, "Mis. Pembina."),
        _c("Golongan", "grade", TEXT, "Mis. IV/a."),
    )),
    Sheet("Penugasan", "Siapa menduduki jabatan apa, sejak kapan.", (
        _c("Pejabat", "official", TEXT, "NIP pejabat (atau namanya bila tidak ber-NIP).", required=True),
        _c("Kode Jabatan", "position", CODE, "Kode jabatan dari lembar Jabatan.", required=True),
        _c("Mulai", "start", DATE, "Tanggal mulai (TTTT-BB-HH).", required=True),
        _c("Selesai", "end", DATE, "Tanggal selesai; kosong bila masih menjabat."),
        _c("Plt.", "acting", BOOL, "Ya bila pelaksana tugas.", choices=YES_NO),
    )),
    Sheet("Renstra", "Rencana Strategis (satu baris).", (
        _c("Nama Renstra", "name", TEXT, "Mis. Renstra 2021–2026.", required=True),
        _c("Tahun Awal", "first_year", INT, "Tahun pertama Renstra.", required=True),
        _c("Tahun Akhir", "last_year", INT, "Tahun terakhir Renstra.", required=True),
    ), single=True),
    Sheet("Tujuan", "Tujuan Renstra.", (
        _c("Kode Tujuan", "code", CODE, "Mis. T1.", required=True),
        _c("Uraian Tujuan", "text", LONG, "Uraian tujuan.", required=True),
    )),
    Sheet("Sasaran Strategis", "Sasaran strategis Renstra.", (
        _c("Kode Sasaran", "code", CODE, "Mis. S1.", required=True),
        _c("Tujuan", "goal", CODE, "Kode tujuan dari lembar Tujuan."),
        _c("Uraian Sasaran", "text", LONG, "Uraian sasaran strategis.", required=True),
    )),
    Sheet("Indikator", "Setiap indikator instansi, sekali saja (IKU dan indikator IKI).", (
        _c("Kode Indikator", "code", CODE, "Mis. IKU.1 atau kadis.O1.I1.", required=True),
        _c("Nama Indikator", "name", LONG, "Nama baku indikator.", required=True),
        _c("Sasaran Strategis", "objective", CODE, "Kode sasaran strategis (indikator strategis saja)."),
        _c("IKU", "is_key", BOOL, "Ya bila indikator kinerja utama (masuk Lampiran I).", choices=YES_NO),
        _c("Formula", "formula", CHOICE, "Rasio (pembilang/penyebut), Jumlah, atau Nilai.", required=True,
           choices=FORMULAS),
        _c("Pembilang", "numerator", TEXT, "Rasio saja: uraian pembilang."),
        _c("Penyebut", "denominator", TEXT, "Rasio saja: uraian penyebut."),
        _c("Faktor", "factor", NUMBER, "Rasio saja: pengali, mis. 100 untuk persen."),
        _c("Penjelasan/Formulasi", "definition", LONG, "PENJELASAN/FORMULASI sebagaimana tercetak."),
        _c("Satuan", "unit", TEXT, "Mis. Persen, Dokumen, Laporan.", required=True),
        _c("Sumber Data", "data_source", TEXT, "SUMBER DATA sebagaimana tercetak."),
        _c("Penanggung Jawab", "responsible", CODE, "Kode jabatan penanggung jawab."),
        _c("Polaritas", "polarity", CHOICE, "Arah capaian yang baik.", choices=POLARITIES),
        _c("Aturan Triwulan", "quarter_rule", CHOICE, "Cara menggabungkan triwulan menjadi setahun.",
           required=True, choices=QUARTER_RULES),
        _c("Desimal", "decimals", INT, "Banyaknya angka di belakang koma (0–4; kosong berarti 2)."),
        _c("Diisi Oleh", "fed_by", CHOICE, "Kosong: realisasi diisi pejabat. Evaluasi SAKIP: realisasi triwulan IV "
           "ditulis oleh evaluasi akhir SAKIP.", choices=FED_BY),
    )),
    Sheet("IKU", "Baris Lampiran I (IKU), berurutan; tulis ulang hanya yang tercetak berbeda.", (
        _c("Kode Indikator", "indicator", CODE, "Kode indikator IKU dari lembar Indikator.", required=True),
        _c("Sasaran Tercetak", "printed_objective", LONG, "Hanya bila Lampiran I menulis sasaran berbeda."),
        _c("Nama Tercetak", "printed_name", LONG, "Hanya bila Lampiran I menulis indikator berbeda."),
        _c("Penjelasan Tercetak", "printed_definition", LONG, "Hanya bila berbeda."),
        _c("Sumber Data Tercetak", "printed_data_source", TEXT, "Hanya bila berbeda."),
        _c("Penanggung Jawab Tercetak", "printed_responsible", TEXT, "Mis. Kabid Persandian."),
    )),
    Sheet("Program", "Program Renstra.", (
        _c("Kode Program", "code", CODE, "Mis. 2.16.02 (ditulis sebagai teks).", required=True),
        _c("Nama Program", "name", TEXT, "Nama program.", required=True),
        _c("Sasaran", "objectives", CODES, "Kode sasaran strategis yang didukung, dipisah koma."),
        _c("Indikator", "indicators", CODES, "Kode indikator yang didukung, dipisah koma."),
    )),
    Sheet("Kegiatan", "Kegiatan tiap program.", (
        _c("Kode Program", "programme", CODE, "Kode program dari lembar Program.", required=True),
        _c("Kode Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.", required=True),
        _c("Nama Kegiatan", "name", TEXT, "Nama kegiatan.", required=True),
        _c("Indikator", "indicators", CODES, "Kode indikator, dipisah koma."),
    )),
    Sheet("Sub Kegiatan", "Sub kegiatan tiap kegiatan.", (
        _c("Kode Program", "programme", CODE, "Kode program dari lembar Program.", required=True),
        _c("Kode Kegiatan", "activity", CODE, "Kode kegiatan dari lembar Kegiatan.", required=True),
        _c("Kode Sub Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.01.", required=True),
        _c("Nama Sub Kegiatan", "name", TEXT, "Nama sub kegiatan.", required=True),
        _c("Indikator", "indicators", CODES, "Kode indikator, dipisah koma."),
    )),
    Sheet("Sasaran Kinerja", "Halaman IKI (Lampiran II): sasaran kinerja tiap jabatan, berurutan.", (
        _c("Kode Jabatan", "position", CODE, "Kode jabatan pemilik halaman IKI.", required=True),
        _c("Kode Sasaran Kinerja", "code", CODE, "Mis. kadis.O1.", required=True),
        _c("Uraian Sasaran Kinerja", "text", LONG, "Sebagaimana tercetak pada halaman ini.", required=True),
        _c("Mendukung Sasaran", "contributes_to", CODE, "Kode sasaran di atasnya (strategis atau jabatan atasan)."),
    )),
    Sheet("Indikator IKI", "Indikator pada baris tiap sasaran kinerja, berurutan.", (
        _c("Kode Sasaran Kinerja", "objective", CODE, "Kode dari lembar Sasaran Kinerja.", required=True),
        _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
        _c("Nama Tercetak", "printed_name", LONG, "Hanya bila halaman ini menulis nama berbeda."),
        _c("Penjelasan Tercetak", "printed_definition", LONG, "Hanya bila berbeda."),
        _c("Sumber Data Tercetak", "printed_data_source", TEXT, "Hanya bila berbeda."),
    )),
    Sheet("Keputusan", "Keputusan penetapan IKU/IKI (satu baris, boleh kosong).", (
        _c("Nomor", "number", TEXT, "Nomor keputusan.", required=True),
        _c("Tanggal", "date", DATE, "Tanggal penetapan (TTTT-BB-HH).", required=True),
        _c("Tempat", "place", TEXT, "Ditetapkan di …", required=True),
        _c("Tahun", "year", INT, "Tahun berlaku.", required=True),
        _c("Judul", "title", LONG, "KEPUTUSAN KEPALA …", required=True),
        _c("Tentang", "subject", LONG, "Perihal keputusan.", required=True),
        _c("Penanda Tangan", "signatory", CODE, "Kode jabatan penanda tangan.", required=True),
    ), single=True),
    Sheet("Isi Keputusan", "Menimbang, Mengingat dan diktum, berurutan.", (
        _c("Bagian", "part", CHOICE, "Menimbang, Mengingat atau Memutuskan.", required=True, choices=CLAUSE_PARTS),
        _c("Label", "label", TEXT, "Diktum saja: KESATU, KEDUA …"),
        _c("Teks", "text", LONG, "Isi butir.", required=True),
    )),
    Sheet("Bab Keputusan", "Naskah bab dokumen (kata pengantar, ikhtisar, bab I–III).", (
        _c("Jenis", "kind", CHOICE, "Bagian dokumen.", required=True, choices=CHAPTER_KINDS),
        _c("Judul", "title", TEXT, "Judul bab.", required=True),
        _c("Isi", "body", LONG, "Naskah; paragraf dipisah baris kosong."),
    )),
    Sheet("Target", "Target per indikator: kondisi awal, tahunan, triwulan dan akhir Renstra.", (
        _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
        _c("Jenis Target", "kind", CHOICE, "Kondisi awal, Tahunan, Triwulan atau Akhir Renstra.", required=True,
           choices=TARGET_KINDS),
        _c("Tahun", "year", INT, "Tahun dalam Renstra (kondisi awal: paling lambat tahun pertama).",
           required=True),
        _c("Triwulan", "quarter", INT, "1–4, untuk target triwulan saja."),
        _c("Target", "value", NUMBER, "Angka; untuk rentang: batas bawah.", required=True),
        _c("Batas Atas", "value_upper", NUMBER, "Indikator rentang saja."),
    )),
    Sheet("Realisasi", "Realisasi per indikator, tahun dan triwulan (masuk sebagai draf).", (
        _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
        _c("Tahun", "year", INT, "Tahun dalam Renstra.", required=True),
        _c("Triwulan", "quarter", INT, "1–4.", required=True),
        _c("Realisasi", "value", NUMBER, "Indikator jumlah/nilai; kosongkan untuk rasio."),
        _c("Pembilang", "numerator", NUMBER, "Indikator rasio: pembilang (nilainya dihitung)."),
        _c("Penyebut", "denominator", NUMBER, "Indikator rasio: penyebut, lebih dari 0."),
        _c("Faktor Pendukung", "supporting_factors", LONG, "Boleh kosong."),
        _c("Faktor Penghambat", "hindering_factors", LONG, "Boleh kosong."),
        _c("Tindak Lanjut", "follow_up", LONG, "Boleh kosong."),
        _c("Catatan", "note", LONG, "Boleh kosong."),
    )),
)
SHEET = {sheet.name: sheet for sheet in SHEETS}

# Which sheet counts the rows of which model (for the preview, by the models' plural labels).
MODEL_SHEETS = {
    "organisation.Region": "Wilayah", "organisation.Agency": "Instansi",
    "organisation.AgencyFunction": "Fungsi Instansi",
    "organisation.Unit": "Unit Kerja", "organisation.Position": "Jabatan",
    "organisation.PositionFunction": "Fungsi Jabatan", "organisation.Official": "Pejabat",
    "organisation.Assignment": "Penugasan", "strategy.StrategicPlan": "Renstra", "strategy.Goal": "Tujuan",
    "strategy.Objective": "Sasaran Strategis / Sasaran Kinerja", "strategy.Indicator": "Indikator",
    "strategy.KeyIndicatorRow": "IKU", "strategy.Programme": "Program", "strategy.Activity": "Kegiatan",
    "strategy.SubActivity": "Sub Kegiatan", "strategy.PageIndicator": "Indikator IKI",
    "strategy.Decree": "Keputusan", "strategy.DecreeClause": "Isi Keputusan", "strategy.DecreeChapter": "Bab Keputusan",
    "performance.Target": "Target", "performance.Actual": "Realisasi",
}


# -- the dataset as rows, and rows as the dataset ---------------------------------------------------------

def _functions_rows(items: list[Any], **parent: str) -> list[dict]:
    rows = []
    for item in items:
        number, text = ("", item) if isinstance(item, str) else (item.get("number", ""), item["text"])
        rows.append({**parent, "number": number, "text": text})
    return rows


def dataset_rows(data: dict[str, Any]) -> dict[str, list[dict]]:
    """The dataset as the rows of each sheet (values in dataset form)."""
    region = dict(data["region"])
    head = region.pop("head", None) or {}
    region.update({f"head.{key}": value for key, value in head.items()})
    plan = data.get("plan") or {}
    rows: dict[str, list[dict]] = {
        "Wilayah": [region],
        "Instansi": [{key: value for key, value in data["agency"].items() if key != "functions"}],
        "Fungsi Instansi": _functions_rows(data["agency"].get("functions", [])),
        "Unit Kerja": list(data.get("units", [])),
        "Jabatan": [{k: v for k, v in item.items() if k != "functions"} for item in data.get("positions", [])],
        "Fungsi Jabatan": [row for item in data.get("positions", [])
                           for row in _functions_rows(item.get("functions", []), position=item["code"])],
        "Pejabat": list(data.get("officials", [])),
        "Penugasan": list(data.get("assignments", [])),
        "Renstra": [{key: plan[key] for key in ("name", "first_year", "last_year")}] if plan else [],
        "Tujuan": list(plan.get("goals", [])),
        "Sasaran Strategis": list(plan.get("objectives", [])),
        "Indikator": list(plan.get("indicators", [])),
        "IKU": list(plan.get("key_indicator_rows", [])),
        "Program": [{k: v for k, v in item.items() if k != "activities"} for item in plan.get("programmes", [])],
        "Kegiatan": [{"programme": p["code"], **{k: v for k, v in a.items() if k != "sub_activities"}}
                     for p in plan.get("programmes", []) for a in p.get("activities", [])],
        "Sub Kegiatan": [{"programme": p["code"], "activity": a["code"], **s}
                         for p in plan.get("programmes", []) for a in p.get("activities", [])
                         for s in a.get("sub_activities", [])],
        "Sasaran Kinerja": [{"position": page["position"], **{k: v for k, v in o.items() if k != "indicators"}}
                            for page in data.get("pages", []) for o in page["objectives"]],
        "Indikator IKI": [{"objective": o["code"], **row} for page in data.get("pages", [])
                          for o in page["objectives"] for row in o.get("indicators", [])],
        "Keputusan": [], "Isi Keputusan": [], "Bab Keputusan": [],
        "Target": list(data.get("targets", [])),
        "Realisasi": list(data.get("actuals", [])),
    }
    decree = data.get("decree")
    if decree:
        rows["Keputusan"] = [{key: decree[key] for key in
                              ("number", "date", "place", "year", "title", "subject", "signatory")}]
        rows["Isi Keputusan"] = [
            *({"part": "consideration", "text": text} for text in decree.get("considerations", [])),
            *({"part": "legal_basis", "text": text} for text in decree.get("legal_bases", [])),
            *({"part": "dictum", **dictum} for dictum in decree.get("dictums", [])),
        ]
        rows["Bab Keputusan"] = list(decree.get("chapters", []))
    return rows


Origins = dict[tuple, tuple[str, int]]  # a dataset record's path → (sheet, row)


@dataclass
class _Builder:
    rows: dict[str, list[dict]]  # each row with its "_row" (the sheet's row number)
    problems: list[CellProblem]
    source: str
    origins: Origins = field(default_factory=dict)

    def problem(self, sheet: str, row: dict | int | None, key: str, message: str) -> None:
        number = row.get("_row") if isinstance(row, dict) else row
        column = SHEET[sheet].column(key)
        self.problems.append(CellProblem(self.source, sheet, number, column.header if column else "", message))

    def at(self, path: tuple, sheet: str, row: dict) -> None:
        self.origins[path] = (sheet, row["_row"])

    @staticmethod
    def clean(row: dict, *drop: str) -> dict:
        return {key: value for key, value in row.items() if key != "_row" and key not in drop}

    def one(self, sheet: str, required: bool = True) -> dict | None:
        rows = self.rows[sheet]
        if not rows:
            if required:
                self.problems.append(CellProblem(self.source, sheet, None, "", "lembar ini harus berisi satu baris."))
            return None
        for extra in rows[1:]:
            self.problem(sheet, extra, "", "lembar ini hanya berisi satu baris; baris ini berlebih.")
        return rows[0]

    def build(self) -> dict[str, Any] | None:
        region_row = self.one("Wilayah")
        agency_row = self.one("Instansi")
        plan_row = self.one("Renstra")
        if region_row is None or agency_row is None:
            return None
        region = self.clean(region_row)
        head = {key.removeprefix("head."): region.pop(key) for key in list(region) if key.startswith("head.")}
        if head:
            if "name" in head:
                region["head"] = head
            else:
                self.problem("Wilayah", region_row, "head.name", "isi nama kepala daerah (atau kosongkan semuanya).")
        self.at(("region",), "Wilayah", region_row)
        self.at(("region", "head"), "Wilayah", region_row)
        agency = self.clean(agency_row)
        self.at(("agency",), "Instansi", agency_row)
        functions = self.functions("Fungsi Instansi", self.rows["Fungsi Instansi"], ("agency", "functions"))
        if functions:
            agency["functions"] = functions
        data: dict[str, Any] = {"format": FORMAT, "region": region, "agency": agency}
        data["units"] = self.listed("Unit Kerja", ("units",))
        positions = self.listed("Jabatan", ("positions",))
        codes = [item.get("code") for item in positions]
        by_position: dict[str, list[dict]] = {}
        for row in self.rows["Fungsi Jabatan"]:
            code = row.get("position")
            if code is not None and code not in codes:
                self.problem("Fungsi Jabatan", row, "position", f"jabatan '{code}' tidak ada di lembar Jabatan.")
                continue
            by_position.setdefault(code, []).append(row)
        for index, (position, code) in enumerate(zip(positions, codes, strict=True)):
            functions = self.functions("Fungsi Jabatan", by_position.get(code, []), ("positions", index, "functions"))
            if functions:
                position["functions"] = functions
        data["positions"] = positions
        data["officials"] = self.listed("Pejabat", ("officials",))
        for official in data["officials"]:
            official.setdefault("nip", None)
        data["assignments"] = self.listed("Penugasan", ("assignments",))
        if plan_row is not None:
            data["plan"] = self.plan(plan_row)
        data["pages"] = self.pages()
        decree_row = self.one("Keputusan", required=False)
        if decree_row is not None:
            data["decree"] = self.decree(decree_row)
        for sheet, key in (("Target", "targets"), ("Realisasi", "actuals")):
            items = self.listed(sheet, (key,))
            if items:
                data[key] = items
        return data

    def listed(self, sheet: str, path: tuple, rows: list[dict] | None = None, drop: tuple = ()) -> list[dict]:
        items = []
        for index, row in enumerate(self.rows[sheet] if rows is None else rows):
            self.at((*path, index), sheet, row)
            items.append(self.clean(row, *drop))
        return items

    def functions(self, sheet: str, rows: list[dict], path: tuple) -> list[Any]:
        items = []
        for index, row in enumerate(rows):
            self.at((*path, index), sheet, row)
            if "text" not in row:
                continue
            number = row.get("number", "")
            items.append({"number": number, "text": row["text"]} if number and number != str(index + 1)
                         else row["text"])
        return items

    def plan(self, plan_row: dict) -> dict[str, Any]:
        self.at(("plan",), "Renstra", plan_row)
        plan = self.clean(plan_row)
        plan["goals"] = self.listed("Tujuan", ("plan", "goals"))
        plan["objectives"] = self.listed("Sasaran Strategis", ("plan", "objectives"))
        plan["indicators"] = self.listed("Indikator", ("plan", "indicators"))
        plan["key_indicator_rows"] = self.listed("IKU", ("plan", "key_indicator_rows"))
        programmes = self.listed("Program", ("plan", "programmes"))
        by_code = {item.get("code"): item for item in programmes}
        activities: dict[tuple, dict] = {}
        for row in self.rows["Kegiatan"]:
            programme = by_code.get(row.get("programme"))
            if programme is None:
                if "programme" in row:
                    self.problem("Kegiatan", row, "programme", f"program '{row['programme']}' tidak ada di lembar "
                                                               "Program.")
                continue
            index = programmes.index(programme)
            items = programme.setdefault("activities", [])
            self.at(("plan", "programmes", index, "activities", len(items)), "Kegiatan", row)
            activity = self.clean(row, "programme")
            items.append(activity)
            activities[(row.get("programme"), row.get("code"))] = (index, len(items) - 1, activity)
        for row in self.rows["Sub Kegiatan"]:
            found = activities.get((row.get("programme"), row.get("activity")))
            if found is None:
                if "activity" in row:
                    self.problem("Sub Kegiatan", row, "activity",
                                 f"kegiatan '{row['activity']}' program '{row.get('programme', '')}' tidak ada di "
                                 "lembar Kegiatan.")
                continue
            p_index, a_index, activity = found
            items = activity.setdefault("sub_activities", [])
            self.at(("plan", "programmes", p_index, "activities", a_index, "sub_activities", len(items)),
                    "Sub Kegiatan", row)
            items.append(self.clean(row, "programme", "activity"))
        plan["programmes"] = programmes
        return plan

    def pages(self) -> list[dict]:
        pages: dict[str, dict] = {}
        objectives: dict[str, tuple[tuple, dict]] = {}
        for row in self.rows["Sasaran Kinerja"]:
            position = row.get("position")
            if position is None:
                continue
            if position not in pages:
                pages[position] = {"position": position, "objectives": []}
                self.at(("pages", len(pages) - 1), "Sasaran Kinerja", row)
            page_index = list(pages).index(position)
            items = pages[position]["objectives"]
            path = ("pages", page_index, "objectives", len(items))
            self.at(path, "Sasaran Kinerja", row)
            objective = self.clean(row, "position")
            items.append(objective)
            if "code" in row:
                objectives.setdefault(row["code"], (path, objective))
        page_rows: dict[int, int] = {}
        for row in self.rows["Indikator IKI"]:
            code = row.get("objective")
            if code not in objectives:
                if code is not None:
                    self.problem("Indikator IKI", row, "objective",
                                 f"sasaran kinerja '{code}' tidak ada di lembar Sasaran Kinerja.")
                continue
            path, objective = objectives[code]
            items = objective.setdefault("indicators", [])
            self.at((*path, "indicators", len(items)), "Indikator IKI", row)
            page_rows[path[1]] = page_rows.get(path[1], 0) + 1
            self.at(("pages", path[1], "indicators", page_rows[path[1]] - 1), "Indikator IKI", row)
            items.append(self.clean(row, "objective"))
        return list(pages.values())

    def decree(self, decree_row: dict) -> dict[str, Any]:
        self.at(("decree",), "Keputusan", decree_row)
        decree = self.clean(decree_row)
        parts: dict[str, list] = {"consideration": [], "legal_basis": [], "dictum": []}
        for row in self.rows["Isi Keputusan"]:
            if "part" not in row or "text" not in row:
                continue
            key = {"consideration": "considerations", "legal_basis": "legal_bases", "dictum": "dictums"}[row["part"]]
            self.at(("decree", key, len(parts[row["part"]])), "Isi Keputusan", row)
            parts[row["part"]].append({"label": row.get("label", ""), "text": row["text"]}
                                      if row["part"] == "dictum" else row["text"])
        decree["considerations"] = parts["consideration"]
        decree["legal_bases"] = parts["legal_basis"]
        decree["dictums"] = parts["dictum"]
        decree["chapters"] = self.listed("Bab Keputusan", ("decree", "chapters"))
        return decree


# -- cells ------------------------------------------------------------------------------------------------

class _Bad(Exception):
    """A cell's problem while reading it."""


_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def _number_value(decimal: Decimal) -> int | str:
    return int(decimal) if decimal == decimal.to_integral_value() else f"{decimal.normalize():f}"


def _text_of(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def read_cell(column: Column, value: Any) -> Any:
    """The dataset value of one cell; _Bad with the Indonesian reason when it cannot be one."""
    kind = column.kind
    if kind in (TEXT, CODE):
        return " ".join(_text_of(value).split()) if kind == CODE else _text_of(value)
    if kind == LONG:
        return _text_of(value)
    if kind == CODES:
        return [part.strip() for part in re.split(r"[,;\n]", _text_of(value)) if part.strip()]
    if kind == NIP:
        if isinstance(value, float):
            raise _Bad("NIP harus ditulis sebagai teks (18 angka), bukan sebagai bilangan.")
        text = _text_of(value)
        problem = nip_problem(text)
        if problem:
            raise _Bad(problem)
        return text
    if kind == INT:
        if isinstance(value, bool):
            raise _Bad(f"'{value}' bukan bilangan bulat.")
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        text = _text_of(value)
        if text.lstrip("-").isdigit():
            return int(text)
        raise _Bad(f"'{text}' bukan bilangan bulat.")
    if kind == NUMBER:
        if isinstance(value, bool):
            raise _Bad(f"'{value}' bukan angka.")
        if isinstance(value, float) and not math.isfinite(value):
            raise _Bad("angka ini terlalu besar atau bukan angka.")
        if isinstance(value, int | float):
            return _number_value(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
        text = _text_of(value).replace(" ", "")
        if not _NUMBER.match(text):
            raise _Bad(f"'{text}' bukan angka (tulis mis. 12,5 atau 12.5).")
        try:
            return _number_value(Decimal(text.replace(",", ".")))
        except InvalidOperation as exc:
            raise _Bad(f"'{text}' bukan angka.") from exc
    if kind == BOOL:
        if isinstance(value, bool):
            return value
        text = _text_of(value).lower()
        if text in {"ya", "y", "true", "1", "benar"}:
            return True
        if text in {"tidak", "t", "false", "0", "bukan"}:
            return False
        raise _Bad(f"'{_text_of(value)}' bukan Ya atau Tidak.")
    if kind == DATE:
        if isinstance(value, datetime.datetime | datetime.date):
            return _text_of(value)
        text = _text_of(value)
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise _Bad(f"'{text}' bukan tanggal (tulis TTTT-BB-HH, mis. 2022-02-14).")
    if kind == CHOICE:
        text = _text_of(value)
        for key, label in column.choices:
            if text.lower() in (key.lower(), label.lower()):
                return key
        raise _Bad(f"'{text}' tidak ada dalam pilihan: {', '.join(column.choice_labels())}.")
    raise AssertionError(kind)


def write_cell(column: Column, value: Any) -> Any:
    """The cell of one dataset value (the reverse of read_cell)."""
    if value is None or value == "" or value == []:
        return None
    if column.kind == CHOICE:
        return dict(column.choices).get(value, value)
    if column.kind == BOOL:
        return "Ya" if value else "Tidak"
    if column.kind == CODES:
        return ", ".join(value)
    if column.kind == NUMBER:
        decimal = Decimal(str(value))
        return int(decimal) if decimal == decimal.to_integral_value() else decimal  # exact, never a float
    if column.kind == DATE:
        return datetime.date.fromisoformat(value)
    return value


# -- writing -----------------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="9C2A00")
WRAP = Alignment(wrap_text=True, vertical="top")


def _set(cell: Any, value: Any) -> None:
    set_text(cell, value)  # a text that starts with "=" stays text: the one rule of kinerja.core.cells


def _guide(book: Workbook) -> None:
    sheet = book.create_sheet(GUIDE, 0)
    sheet.append(["Buku kerja data instansi Kinerja (format kinerja-agency/1)"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["Isi setiap lembar mulai baris 2; baris 1 adalah judul kolom dan tidak boleh diubah. Kolom "
                  "berjudul merah wajib diisi. Rujukan antarlembar memakai kode. Kolom pilihan memakai daftar "
                  "turun. Unggah kembali buku kerja ini di halaman Impor / Ekspor: pratinjau menunjukkan apa yang "
                  "akan dibuat dan diubah; bila ada kesalahan, tidak ada yang disimpan."])
    sheet.append([])
    headers = ["Lembar", "Kolom", "Wajib", "Jenis isi", "Pilihan", "Keterangan", "Kunci data"]
    sheet.append(headers)
    for cell in sheet[4]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for spec in SHEETS:
        sheet.append([spec.name, "", "", "", "", spec.help, ""])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for column in spec.columns:
            sheet.append(["", column.header, "wajib" if column.required else "", column.kind,
                          ", ".join(column.choice_labels()), column.help, column.key])
    for letter, width in zip("ABCDEFG", (20, 26, 8, 14, 40, 70, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=5):
        row[5].alignment = WRAP
    sheet.freeze_panes = "A5"


def write_workbook(data: dict[str, Any] | None) -> bytes:
    """The workbook of a dataset; None gives the blank template (the same sheets, no rows)."""
    rows = dataset_rows(data) if data is not None else {spec.name: [] for spec in SHEETS}
    book = Workbook()
    book.remove(book.active)
    _guide(book)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.name)
        sheet.append([column.header for column in spec.columns])
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(1, index)
            cell.font, cell.fill = HEADER_FONT, REQUIRED_FILL if column.required else HEADER_FILL
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        for item in rows[spec.name]:
            sheet.append([None] * len(spec.columns))
            number = sheet.max_row
            for index, column in enumerate(spec.columns, start=1):
                _set(sheet.cell(number, index), write_cell(column, item.get(column.key)))
        last = max(sheet.max_row, 1) + (1 if spec.single else TEMPLATE_ROWS)
        for index, column in enumerate(spec.columns, start=1):
            letter = get_column_letter(index)
            if column.choices:
                validation = DataValidation(type="list", formula1='"' + ",".join(column.choice_labels()) + '"',
                                            allow_blank=not column.required, showErrorMessage=True,
                                            errorTitle="Pilihan tidak dikenal",
                                            error="Pilih salah satu nilai dari daftar.")
                validation.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(validation)
            if column.kind in (TEXT, CODE, CODES, NIP):
                for number in range(2, last + 1):
                    sheet.cell(number, index).number_format = "@"
            elif column.kind == DATE:
                for number in range(2, last + 1):
                    sheet.cell(number, index).number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


# -- reading -----------------------------------------------------------------------------------------------

@dataclass
class ReadWorkbook:
    data: dict[str, Any] | None
    problems: list[CellProblem]
    origins: Origins
    refused_keys: set[str] = field(default_factory=set)  # wrong codes and NIPs: a reference to one is no news


def read_workbook(content: bytes, *, source: str) -> ReadWorkbook:
    """The dataset of a workbook, with every cell's problem and where each record came from."""
    refused_whole = xlsx_guard.workbook_problem(content)
    if refused_whole is not None:
        return ReadWorkbook(None, [CellProblem(source, "", None, "", refused_whole)], {})
    problems: list[CellProblem] = []
    rows: dict[str, list[dict]] = {}
    refused: set[str] = set()
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # whatever the file is, it is not a workbook that can be read
        return ReadWorkbook(None, [CellProblem(source, "", None, "", xlsx_guard.UNREADABLE)], {})
    try:
        for spec in SHEETS:  # read_only: a sheet's XML is parsed here, row by row
            rows[spec.name] = _read_sheet(book, spec, source, problems, refused)
    except Exception:  # broken XML in a sheet, a forbidden entity (defusedxml), a broken zip member
        return ReadWorkbook(None, [CellProblem(source, "", None, "", xlsx_guard.UNREADABLE)], {})
    finally:
        book.close()
    builder = _Builder(rows, problems, source)
    structural = any(problem.row in (None, 1) for problem in problems)  # a sheet or a column is missing
    data = None if structural else builder.build()
    return ReadWorkbook(data, problems, builder.origins, refused)


def _read_sheet(book: Any, spec: Sheet, source: str, problems: list[CellProblem], refused: set[str]) -> list[dict]:
    if spec.name not in book.sheetnames:
        problems.append(CellProblem(source, spec.name, None, "", "lembar ini tidak ada di buku kerja."))
        return []
    lines = book[spec.name].iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header = next(lines, ())
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        if title is not None:
            positions.setdefault(" ".join(str(title).split()).lower(), index)
    columns: list[tuple[int, Column]] = []
    missing = False
    for column in spec.columns:
        index = positions.get(column.header.lower())
        if index is None:
            problems.append(CellProblem(source, spec.name, 1, column.header, "kolom ini tidak ada di baris judul."))
            missing = True
        else:
            columns.append((index, column))
    if missing:
        return []
    result = []
    for number, line in enumerate(lines, start=2):
        if number > MAX_ROWS + 1:
            problems.append(CellProblem(source, spec.name, None, "", f"lembar ini berisi lebih dari {MAX_ROWS} baris "
                                                                      "data; pecah berkasnya."))
            break
        cells = [(column, line[index] if index < len(line) else None) for index, column in columns]
        if all(value is None or (isinstance(value, str) and not value.strip()) for _, value in cells):
            continue
        row: dict[str, Any] = {"_row": number}
        for column, value in cells:
            if value is None or (isinstance(value, str) and not value.strip()):
                if column.required:
                    problems.append(CellProblem(source, spec.name, number, column.header, "wajib diisi."))
                continue
            try:
                row[column.key] = read_cell(column, value)
            except _Bad as bad:
                problems.append(CellProblem(source, spec.name, number, column.header, str(bad)))
                if column.key in ("code", "nip"):
                    refused.add(_text_of(value))
        result.append(row)
    return result


# -- putting the schema's and the loader's problems back on their cells -----------------------------------

_CODE_PART = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")
_PART = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")
FIELD_ALIASES = {"responsible_position": "responsible", "__all__": ""}


def record_path(record: str) -> tuple:
    """('positions', 2, 'functions', 0) from 'positions[3] (kadis).functions [1]'."""
    text = _CODE_PART.sub("", record).replace(" [", "[")
    return tuple(name if name else int(index) - 1 for name, index in _PART.findall(text))


def locate(origins: Origins, path: tuple, field_name: str) -> tuple[str, int | None, str]:
    """(sheet, row, column header) of a problem of the dataset record at `path`, field `field_name`."""
    field_name = FIELD_ALIASES.get(field_name, field_name)
    for end in range(len(path), 0, -1):
        found = origins.get(tuple(path[:end]))
        if found is None:
            continue
        sheet, row = found
        spec = SHEET[sheet]
        names = [field_name, *(f"{part}.{field_name}" for part in path[end - 1:end] if isinstance(part, str))]
        rest = [part for part in path[end:] if isinstance(part, str)]
        if rest:
            names.insert(0, f"{rest[-1]}.{field_name}")
        column = next((spec.column(name) for name in names if spec.column(name)), None)
        return sheet, row, column.header if column else ""
    top = {"region": "Wilayah", "agency": "Instansi", "plan": "Renstra", "decree": "Keputusan",
           "units": "Unit Kerja", "positions": "Jabatan", "officials": "Pejabat", "assignments": "Penugasan",
           "pages": "Sasaran Kinerja", "targets": "Target", "actuals": "Realisasi"}
    first = path[0] if path else field_name
    return top.get(first, top.get(field_name, "")), None, ""

