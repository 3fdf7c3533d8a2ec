"""The sheets of the figures: the targets and the actuals of the indicators, and the action plan (Rencana Aksi)."""

from .choices import PROGRESS_OUTCOMES, TARGET_KINDS
from .column import (
    CHOICE,
    CODE,
    INT,
    LONG,
    NOT_RATIO,
    NUMBER,
    OF_INDICATOR,
    RANGE,
    RATIO,
    TEXT,
    Sheet,
    _c,
)

FIGURE_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Target",
        "Target per indikator: kondisi awal, tahunan, triwulan dan akhir Renstra.",
        (
            OF_INDICATOR,
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
            OF_INDICATOR,
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
    Sheet(
        "Rencana Aksi",
        "Rencana aksi per indikator, tahun dan triwulan, dalam urutan pelaksanaannya (baris pertama suatu triwulan "
        "adalah aksi pertamanya). Aksi yang tersimpan tetapi tidak ada di lembar ini tidak dihapus (hapus di "
        "halaman Rencana Aksi); aksi contoh tidak diekspor.",
        (
            OF_INDICATOR,
            _c("Tahun", "year", INT, "Tahun dalam Renstra.", required=True),
            _c("Triwulan", "quarter", INT, "1–4.", required=True),
            _c("Aksi", "description", LONG, "Apa yang akan dilakukan.", required=True),
            _c("Jumlah Output", "output_quantity", NUMBER, "Angka keluaran yang diharapkan, mis. 4 atau 2,5."),
            _c("Satuan Output", "output_unit", TEXT, "Mis. dokumen, laporan, kegiatan."),
            _c(
                "Penanggung Jawab",
                "responsible_position",
                CODE,
                "Kode jabatan penanggung jawab (lembar Jabatan).",
                required=True,
            ),
            _c("Sub Kegiatan", "sub_activity", CODE, "Kode sub kegiatan anggaran (lembar Sub Kegiatan); boleh kosong."),
            _c(
                "Progres",
                "progress",
                CHOICE,
                "Terlaksana, Terlaksana sebagian atau Tidak terlaksana; kosong bila belum ada. Masuk sebagai draf, "
                "hanya oleh pejabat yang mengisi realisasi indikator ini, selama progresnya masih draf.",
                choices=PROGRESS_OUTCOMES,
                may_be_absent=True,
            ),
            _c("Catatan Progres", "progress_note", LONG, "Catatan progres; boleh kosong.", may_be_absent=True),
        ),
    ),
)
