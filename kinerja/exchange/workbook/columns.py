"""The column table: every sheet of the workbook, its columns with their Indonesian header, dataset key, type,
closed choices and help text — the one description the writing, the reading and the Petunjuk sheet share."""

from collections.abc import Iterable
from dataclasses import dataclass

from .choices import (  # noqa: F401 (the closed lists are read from here too)
    CHAPTER_KINDS,
    CLAUSE_PARTS,
    FED_BY,
    FORMULAS,
    POLARITIES,
    QUARTER_RULES,
    REGION_KINDS,
    TARGET_KINDS,
    UNIT_KINDS,
    _worded,
)

TEXT, LONG, CODE, CODES, INT, NUMBER, BOOL, DATE, CHOICE, NIP = (
    "teks",
    "teks panjang",
    "kode",
    "daftar kode",
    "bilangan bulat",
    "angka",
    "ya/tidak",
    "tanggal",
    "pilihan",
    "NIP",
)
YES_NO = (("true", "Ya"), ("false", "Tidak"))
# The conditions under which a column is required (the Petunjuk sheet's "Wajib" column).
RATIO, NOT_RATIO = "Formula = Rasio", "Formula = Jumlah atau Nilai"
RANGE = "Polaritas indikator = Rentang (kecuali kondisi awal)"


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str
    help: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    width: int = 18
    may_be_absent: bool = False  # added later: a workbook written before it has no such column, and is still read
    required_when: str = ""  # required only then (e.g. "Formula = Rasio"): marked, and checked by the loader
    aliases: tuple[str, ...] = ()  # former headers, still read (a workbook written before a column was renamed)

    @property
    def requirement(self) -> str:
        """What the Petunjuk sheet says in its "Wajib" column."""
        return "wajib" if self.required else (f"wajib bila {self.required_when}" if self.required_when else "")

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


def _c(
    header: str,
    key: str,
    kind: str,
    help_text: str,
    *,
    required: bool = False,
    choices: Iterable[tuple[str, str]] = (),
    width: int | None = None,
    may_be_absent: bool = False,
    when: str = "",
    was: str = "",
) -> Column:
    widths = {LONG: 60, TEXT: 32, CODE: 18, CODES: 24, NIP: 22}
    width = width or widths.get(kind, 14)
    aliases = (was,) if was else ()
    return Column(header, key, kind, help_text, required, tuple(choices), width, may_be_absent, when, aliases)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Wilayah",
        "Pemerintahan tempat instansi berada (satu baris): provinsi, kabupaten, kota, atau kementerian/lembaga "
        "pemerintah pusat.",
        (
            _c(
                "Kode Wilayah",
                "code",
                CODE,
                "Kode singkat, huruf kecil, mis. halut atau mahkamah-agung.",
                required=True,
            ),
            _c(
                "Nama Wilayah",
                "name",
                TEXT,
                "Mis. Kabupaten Halmahera Utara, atau Mahkamah Agung Republik Indonesia.",
                required=True,
            ),
            _c("Provinsi", "province", TEXT, "Nama provinsi."),
            _c("Ibu Kota", "seat", TEXT, "Kota tempat keputusan ditetapkan (Ditetapkan di …)."),
            _c(
                "Sebutan Pimpinan",
                "head_title",
                TEXT,
                "Gubernur, Bupati atau Wali Kota; untuk pemerintah pusat Menteri, Kepala atau Ketua.",
                required=True,
                was="Sebutan Kepala Daerah",
            ),
            _c(
                "Jenis Pemerintahan",
                "kind",
                CHOICE,
                "Menentukan kop surat (PEMERINTAH KABUPATEN … atau nama kementerian/lembaga) dan sebutan pimpinan "
                "di perjanjian kinerja. Kosong: tetap seperti tercatat (wilayah baru: Kabupaten).",
                choices=REGION_KINDS,
                may_be_absent=True,
            ),
            _c(
                "Nama Pimpinan",
                "head.name",
                TEXT,
                "Kepala daerah, menteri, kepala atau ketua yang menjabat, dengan gelar (boleh kosong).",
                was="Nama Kepala Daerah",
            ),
            _c(
                "NIP Pimpinan",
                "head.nip",
                NIP,
                "Kosongkan bila tanpa NIP (pejabat yang dipilih).",
                was="NIP Kepala Daerah",
            ),
            _c("Pangkat Pimpinan", "head.rank", TEXT, "Boleh kosong.", was="Pangkat Kepala Daerah"),
            _c("Golongan Pimpinan", "head.grade", TEXT, "Boleh kosong.", was="Golongan Kepala Daerah"),
        ),
        single=True,
    ),
    Sheet(
        "Instansi",
        "Perangkat daerah (satu baris); kop surat dan Lampiran I.",
        (
            _c(
                "Kode Instansi",
                "code",
                CODE,
                "Kode singkat instansi, huruf kecil, mis. halut-diskominfo.",
                required=True,
            ),
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
        ),
        single=True,
    ),
    Sheet(
        "Fungsi Instansi",
        "FUNGSI instansi, berurutan (satu baris satu fungsi).",
        (
            _c("Nomor Tercetak", "number", TEXT, "Kosongkan bila nomornya 1, 2, 3 … sesuai urutan."),
            _c("Fungsi", "text", LONG, "Uraian fungsi.", required=True),
        ),
    ),
    Sheet(
        "Unit Kerja",
        "Struktur organisasi: induk ditulis sebelum bawahannya.",
        (
            _c("Kode Unit", "code", CODE, "Kode unit, huruf kecil tanpa spasi, mis. bidang-ikp.", required=True),
            _c("Jenis Unit", "kind", CHOICE, "Pilih dari daftar.", required=True, choices=UNIT_KINDS),
            _c("Nama Unit", "name", TEXT, "Nama unit kerja.", required=True),
            _c("Unit Induk", "parent", CODE, "Kode unit induk (kosong untuk unit teratas)."),
        ),
    ),
    Sheet(
        "Jabatan",
        "Jabatan struktural: atasan ditulis sebelum bawahannya.",
        (
            _c("Kode Jabatan", "code", CODE, "Kode jabatan, huruf kecil tanpa spasi, mis. kabid-ikp.", required=True),
            _c("Unit Kerja", "unit", CODE, "Kode unit dari lembar Unit Kerja.", required=True),
            _c("Nama Jabatan", "title", TEXT, "Mis. Kepala Bidang Informasi dan Komunikasi Publik.", required=True),
            _c("Judul Tercetak", "printed_title", TEXT, "Hanya bila judul halaman IKI berbeda dari nama jabatan."),
            _c("Atasan", "superior", CODE, "Kode jabatan atasan (kosong untuk kepala instansi)."),
            _c("Tugas", "duty", LONG, "TUGAS sebagaimana tercetak pada halaman IKI."),
        ),
    ),
    Sheet(
        "Fungsi Jabatan",
        "FUNGSI tiap jabatan, berurutan.",
        (
            _c("Kode Jabatan", "position", CODE, "Kode jabatan dari lembar Jabatan.", required=True),
            _c("Nomor Tercetak", "number", TEXT, "Kosongkan bila nomornya 1, 2, 3 … sesuai urutan."),
            _c("Fungsi", "text", LONG, "Uraian fungsi.", required=True),
        ),
    ),
    Sheet(
        "Pejabat",
        "Pegawai yang menduduki jabatan.",
        (
            _c("NIP", "nip", NIP, "18 angka, ditulis sebagai teks; kosong bila tidak ber-NIP."),
            _c("Nama", "name", TEXT, "Nama lengkap dengan gelar.", required=True),
            _c("Pangkat", "rank", TEXT, "Mis. Pembina."),
            _c("Golongan", "grade", TEXT, "Mis. IV/a."),
        ),
    ),
    Sheet(
        "Penugasan",
        "Siapa menduduki jabatan apa, sejak kapan.",
        (
            _c("Pejabat", "official", TEXT, "NIP pejabat (atau namanya bila tidak ber-NIP).", required=True),
            _c("Kode Jabatan", "position", CODE, "Kode jabatan dari lembar Jabatan.", required=True),
            _c("Mulai", "start", DATE, "Tanggal mulai (TTTT-BB-HH).", required=True),
            _c("Selesai", "end", DATE, "Tanggal selesai; kosong bila masih menjabat."),
            _c("Plt.", "acting", BOOL, "Ya bila pelaksana tugas.", choices=YES_NO),
        ),
    ),
    Sheet(
        "Renstra",
        "Rencana Strategis (satu baris).",
        (
            _c("Nama Renstra", "name", TEXT, "Mis. Renstra 2021–2026.", required=True),
            _c("Tahun Awal", "first_year", INT, "Tahun pertama Renstra.", required=True),
            _c("Tahun Akhir", "last_year", INT, "Tahun terakhir Renstra.", required=True),
        ),
        single=True,
    ),
    Sheet(
        "Tujuan",
        "Tujuan Renstra.",
        (
            _c("Kode Tujuan", "code", CODE, "Mis. T1.", required=True),
            _c("Uraian Tujuan", "text", LONG, "Uraian tujuan.", required=True),
        ),
    ),
    Sheet(
        "Sasaran Strategis",
        "Sasaran strategis Renstra.",
        (
            _c("Kode Sasaran", "code", CODE, "Mis. S1.", required=True),
            _c("Tujuan", "goal", CODE, "Kode tujuan dari lembar Tujuan."),
            _c("Uraian Sasaran", "text", LONG, "Uraian sasaran strategis.", required=True),
        ),
    ),
    Sheet(
        "Indikator",
        "Setiap indikator instansi, sekali saja (IKU dan indikator IKI).",
        (
            _c("Kode Indikator", "code", CODE, "Mis. IKU.1 atau kadis.O1.I1.", required=True),
            _c("Nama Indikator", "name", LONG, "Nama baku indikator.", required=True),
            _c("Sasaran Strategis", "objective", CODE, "Kode sasaran strategis (indikator strategis saja)."),
            _c("IKU", "is_key", BOOL, "Ya bila indikator kinerja utama (masuk Lampiran I).", choices=YES_NO),
            _c(
                "Formula",
                "formula",
                CHOICE,
                "Rasio (pembilang/penyebut), Jumlah, atau Nilai.",
                required=True,
                choices=FORMULAS,
            ),
            _c("Pembilang", "numerator", TEXT, "Rasio: uraian pembilang.", when=RATIO),
            _c("Penyebut", "denominator", TEXT, "Rasio: uraian penyebut.", when=RATIO),
            _c("Faktor", "factor", NUMBER, "Rasio: pengali, mis. 100 untuk persen; jangan dikosongkan.", when=RATIO),
            _c("Penjelasan/Formulasi", "definition", LONG, "PENJELASAN/FORMULASI sebagaimana tercetak."),
            _c("Satuan", "unit", TEXT, "Mis. Persen, Dokumen, Laporan.", required=True),
            _c("Sumber Data", "data_source", TEXT, "SUMBER DATA sebagaimana tercetak."),
            _c("Penanggung Jawab", "responsible", CODE, "Kode jabatan penanggung jawab."),
            _c("Polaritas", "polarity", CHOICE, "Arah capaian yang baik.", choices=POLARITIES),
            _c(
                "Aturan Triwulan",
                "quarter_rule",
                CHOICE,
                "Cara menggabungkan triwulan menjadi setahun.",
                required=True,
                choices=QUARTER_RULES,
            ),
            _c("Desimal", "decimals", INT, "Banyaknya angka di belakang koma (0–4; kosong berarti 2)."),
            _c(
                "Diisi Oleh",
                "fed_by",
                CHOICE,
                "Kosong: realisasi diisi pejabat. Evaluasi SAKIP: realisasi triwulan IV "
                "ditulis oleh evaluasi akhir SAKIP.",
                choices=FED_BY,
            ),
        ),
    ),
    Sheet(
        "IKU",
        "Baris Lampiran I (IKU), berurutan; tulis ulang hanya yang tercetak berbeda.",
        (
            _c("Kode Indikator", "indicator", CODE, "Kode indikator IKU dari lembar Indikator.", required=True),
            _c("Sasaran Tercetak", "printed_objective", LONG, "Hanya bila Lampiran I menulis sasaran berbeda."),
            _c("Nama Tercetak", "printed_name", LONG, "Hanya bila Lampiran I menulis indikator berbeda."),
            _c("Penjelasan Tercetak", "printed_definition", LONG, "Hanya bila berbeda."),
            _c("Sumber Data Tercetak", "printed_data_source", TEXT, "Hanya bila berbeda."),
            _c("Penanggung Jawab Tercetak", "printed_responsible", TEXT, "Mis. Kabid Persandian."),
        ),
    ),
    Sheet(
        "Program",
        "Program Renstra.",
        (
            _c("Kode Program", "code", CODE, "Mis. 2.16.02 (ditulis sebagai teks).", required=True),
            _c("Nama Program", "name", TEXT, "Nama program.", required=True),
            _c("Sasaran", "objectives", CODES, "Kode sasaran strategis yang didukung, dipisah koma."),
            _c("Indikator", "indicators", CODES, "Kode indikator yang didukung, dipisah koma."),
        ),
    ),
    Sheet(
        "Kegiatan",
        "Kegiatan tiap program.",
        (
            _c("Kode Program", "programme", CODE, "Kode program dari lembar Program.", required=True),
            _c("Kode Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.", required=True),
            _c("Nama Kegiatan", "name", TEXT, "Nama kegiatan.", required=True),
            _c("Indikator", "indicators", CODES, "Kode indikator, dipisah koma."),
        ),
    ),
    Sheet(
        "Sub Kegiatan",
        "Sub kegiatan tiap kegiatan.",
        (
            _c("Kode Program", "programme", CODE, "Kode program dari lembar Program.", required=True),
            _c("Kode Kegiatan", "activity", CODE, "Kode kegiatan dari lembar Kegiatan.", required=True),
            _c("Kode Sub Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.01.", required=True),
            _c("Nama Sub Kegiatan", "name", TEXT, "Nama sub kegiatan.", required=True),
            _c("Indikator", "indicators", CODES, "Kode indikator, dipisah koma."),
        ),
    ),
    Sheet(
        "Sasaran Kinerja",
        "Halaman IKI (Lampiran II): sasaran kinerja tiap jabatan, berurutan.",
        (
            _c("Kode Jabatan", "position", CODE, "Kode jabatan pemilik halaman IKI.", required=True),
            _c("Kode Sasaran Kinerja", "code", CODE, "Mis. kadis.O1.", required=True),
            _c("Uraian Sasaran Kinerja", "text", LONG, "Sebagaimana tercetak pada halaman ini.", required=True),
            _c("Mendukung Sasaran", "contributes_to", CODE, "Kode sasaran di atasnya (strategis atau jabatan atasan)."),
        ),
    ),
    Sheet(
        "Indikator IKI",
        "Indikator pada baris tiap sasaran kinerja, berurutan.",
        (
            _c("Kode Sasaran Kinerja", "objective", CODE, "Kode dari lembar Sasaran Kinerja.", required=True),
            _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
            _c("Nama Tercetak", "printed_name", LONG, "Hanya bila halaman ini menulis nama berbeda."),
            _c("Penjelasan Tercetak", "printed_definition", LONG, "Hanya bila berbeda."),
            _c("Sumber Data Tercetak", "printed_data_source", TEXT, "Hanya bila berbeda."),
        ),
    ),
    Sheet(
        "Keputusan",
        "Keputusan penetapan IKU/IKI (satu baris, boleh kosong).",
        (
            _c("Nomor", "number", TEXT, "Nomor keputusan.", required=True),
            _c("Tanggal", "date", DATE, "Tanggal penetapan (TTTT-BB-HH).", required=True),
            _c("Tempat", "place", TEXT, "Ditetapkan di …", required=True),
            _c("Tahun", "year", INT, "Tahun berlaku.", required=True),
            _c("Judul", "title", LONG, "KEPUTUSAN KEPALA …", required=True),
            _c("Tentang", "subject", LONG, "Perihal keputusan.", required=True),
            _c("Penanda Tangan", "signatory", CODE, "Kode jabatan penanda tangan.", required=True),
        ),
        single=True,
    ),
    Sheet(
        "Isi Keputusan",
        "Menimbang, Mengingat dan diktum, berurutan.",
        (
            _c("Bagian", "part", CHOICE, "Menimbang, Mengingat atau Memutuskan.", required=True, choices=CLAUSE_PARTS),
            _c("Label", "label", TEXT, "Diktum saja: KESATU, KEDUA …"),
            _c("Teks", "text", LONG, "Isi butir.", required=True),
        ),
    ),
    Sheet(
        "Bab Keputusan",
        "Naskah bab dokumen (kata pengantar, ikhtisar, bab I–III).",
        (
            _c("Jenis", "kind", CHOICE, "Bagian dokumen.", required=True, choices=CHAPTER_KINDS),
            _c("Judul", "title", TEXT, "Judul bab.", required=True),
            _c("Isi", "body", LONG, "Naskah; paragraf dipisah baris kosong."),
        ),
    ),
    Sheet(
        "Target",
        "Target per indikator: kondisi awal, tahunan, triwulan dan akhir Renstra.",
        (
            _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
            _c(
                "Jenis Target",
                "kind",
                CHOICE,
                "Kondisi awal, Tahunan, Triwulan atau Akhir Renstra.",
                required=True,
                choices=TARGET_KINDS,
            ),
            _c("Tahun", "year", INT, "Tahun dalam Renstra (kondisi awal: paling lambat tahun pertama).", required=True),
            _c("Triwulan", "quarter", INT, "1–4, untuk target triwulan saja.", when="Jenis Target = Triwulan"),
            _c("Target", "value", NUMBER, "Angka; untuk rentang: batas bawah.", required=True),
            _c("Batas Atas", "value_upper", NUMBER, "Indikator rentang: batas atas target.", when=RANGE),
        ),
    ),
    Sheet(
        "Realisasi",
        "Realisasi per indikator, tahun dan triwulan (masuk sebagai draf).",
        (
            _c("Kode Indikator", "indicator", CODE, "Kode dari lembar Indikator.", required=True),
            _c("Tahun", "year", INT, "Tahun dalam Renstra.", required=True),
            _c("Triwulan", "quarter", INT, "1–4.", required=True),
            _c("Realisasi", "value", NUMBER, "Indikator jumlah/nilai; kosongkan untuk rasio.", when=NOT_RATIO),
            _c("Pembilang", "numerator", NUMBER, "Indikator rasio: pembilang (nilainya dihitung).", when=RATIO),
            _c("Penyebut", "denominator", NUMBER, "Indikator rasio: penyebut, lebih dari 0.", when=RATIO),
            _c("Faktor Pendukung", "supporting_factors", LONG, "Boleh kosong."),
            _c("Faktor Penghambat", "hindering_factors", LONG, "Boleh kosong."),
            _c("Tindak Lanjut", "follow_up", LONG, "Boleh kosong."),
            _c("Catatan", "note", LONG, "Boleh kosong."),
        ),
    ),
)
SHEET = {sheet.name: sheet for sheet in SHEETS}

# Which sheet counts the rows of which model (for the preview, by the models' plural labels).
MODEL_SHEETS = {
    "organisation.Region": "Wilayah",
    "organisation.Agency": "Instansi",
    "organisation.AgencyFunction": "Fungsi Instansi",
    "organisation.Unit": "Unit Kerja",
    "organisation.Position": "Jabatan",
    "organisation.PositionFunction": "Fungsi Jabatan",
    "organisation.Official": "Pejabat",
    "organisation.Assignment": "Penugasan",
    "strategy.StrategicPlan": "Renstra",
    "strategy.Goal": "Tujuan",
    "strategy.Objective": "Sasaran Strategis / Sasaran Kinerja",
    "strategy.Indicator": "Indikator",
    "strategy.KeyIndicatorRow": "IKU",
    "strategy.Programme": "Program",
    "strategy.Activity": "Kegiatan",
    "strategy.SubActivity": "Sub Kegiatan",
    "strategy.PageIndicator": "Indikator IKI",
    "strategy.Decree": "Keputusan",
    "strategy.DecreeClause": "Isi Keputusan",
    "strategy.DecreeChapter": "Bab Keputusan",
    "performance.Target": "Target",
    "performance.Actual": "Realisasi",
}
