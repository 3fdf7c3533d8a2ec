"""The sheets of the strategic plan: the plan, its goals and objectives, the indicators, the IKU rows, the
programmes, activities and sub-activities, the IKI pages and the decree."""

from .choices import CHAPTER_KINDS, CLAUSE_PARTS, FED_BY, FORMULAS, POLARITIES, QUARTER_RULES
from .column import (
    BOOL,
    CHOICE,
    CODE,
    CODES,
    DATE,
    INT,
    LONG,
    NUMBER,
    OF_INDICATOR,
    RATIO,
    TEXT,
    YES_NO,
    Sheet,
    _c,
)

# Columns that stand in several sheets, alike.
PRINTED_ELSE = (
    _c("Penjelasan Tercetak", "printed_definition", LONG, "Hanya bila berbeda."),
    _c("Sumber Data Tercetak", "printed_data_source", TEXT, "Hanya bila berbeda."),
)
OF_PROGRAMME = _c("Kode Program", "programme", CODE, "Kode program dari lembar Program.", required=True)
INDICATORS = _c("Indikator", "indicators", CODES, "Kode indikator, dipisah koma.")

PLAN_SHEETS: tuple[Sheet, ...] = (
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
            *PRINTED_ELSE,
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
            OF_PROGRAMME,
            _c("Kode Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.", required=True),
            _c("Nama Kegiatan", "name", TEXT, "Nama kegiatan.", required=True),
            INDICATORS,
        ),
    ),
    Sheet(
        "Sub Kegiatan",
        "Sub kegiatan tiap kegiatan.",
        (
            OF_PROGRAMME,
            _c("Kode Kegiatan", "activity", CODE, "Kode kegiatan dari lembar Kegiatan.", required=True),
            _c("Kode Sub Kegiatan", "code", CODE, "Mis. 2.16.02.2.01.01.", required=True),
            _c("Nama Sub Kegiatan", "name", TEXT, "Nama sub kegiatan.", required=True),
            INDICATORS,
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
            OF_INDICATOR,
            _c("Nama Tercetak", "printed_name", LONG, "Hanya bila halaman ini menulis nama berbeda."),
            *PRINTED_ELSE,
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
)
