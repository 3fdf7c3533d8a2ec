"""The sheets of the organisation: the region, the agency and its functions, the units, the positions and their
functions, the officials and who holds which position."""

from .choices import ACTING_KINDS, POSITION_KINDS, REGION_KINDS, UNIT_KINDS
from .column import (
    BOOL,
    CHOICE,
    CODE,
    DATE,
    LONG,
    NIP,
    TEXT,
    YES_NO,
    Sheet,
    _c,
)

# Columns that stand in several sheets, alike.
FUNCTIONS = (
    _c("Nomor Tercetak", "number", TEXT, "Kosongkan bila nomornya 1, 2, 3 … sesuai urutan."),
    _c("Fungsi", "text", LONG, "Uraian fungsi.", required=True),
)
OF_POSITION = _c("Kode Jabatan", "position", CODE, "Kode jabatan dari lembar Jabatan.", required=True)

ORGANISATION_SHEETS: tuple[Sheet, ...] = (
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
        (*FUNCTIONS,),
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
        "Jabatan struktural dan staf: atasan ditulis sebelum bawahannya.",
        (
            _c("Kode Jabatan", "code", CODE, "Kode jabatan, huruf kecil tanpa spasi, mis. kabid-ikp.", required=True),
            _c("Unit Kerja", "unit", CODE, "Kode unit dari lembar Unit Kerja.", required=True),
            _c("Nama Jabatan", "title", TEXT, "Mis. Kepala Bidang Informasi dan Komunikasi Publik.", required=True),
            _c("Judul Tercetak", "printed_title", TEXT, "Hanya bila judul halaman IKI berbeda dari nama jabatan."),
            _c("Atasan", "superior", CODE, "Kode jabatan atasan (kosong untuk kepala instansi)."),
            _c("Tugas", "duty", LONG, "TUGAS sebagaimana tercetak pada halaman IKI."),
            _c(
                "Jenis Jabatan",
                "kind",
                CHOICE,
                "Kosong atau Struktural: jabatan dengan halaman IKI. Pelaksana / fungsional: jabatan staf di bawah "
                "kepala seksi, tanpa halaman IKI, tidak dicetak dalam keputusan (hanya SKP).",
                choices=POSITION_KINDS,
            ),
        ),
    ),
    Sheet(
        "Fungsi Jabatan",
        "FUNGSI tiap jabatan, berurutan.",
        (
            OF_POSITION,
            *FUNCTIONS,
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
            OF_POSITION,
            _c("Mulai", "start", DATE, "Tanggal mulai (TTTT-BB-HH).", required=True),
            _c("Selesai", "end", DATE, "Tanggal selesai; kosong bila masih menjabat."),
            _c("Plt.", "acting", BOOL, "Ya bila pelaksana (Plt. atau Plh.).", choices=YES_NO),
            _c(
                "Jenis Pelaksana",
                "acting_kind",
                CHOICE,
                "Plt. atau Plh.; kosong pada pejabat definitif (pelaksana tanpa jenis dibaca Plt.).",
                choices=ACTING_KINDS,
                may_be_absent=True,
            ),
            _c(
                "Nomor Surat Perintah",
                "decree_number",
                TEXT,
                "Nomor surat perintah yang menunjuk Plt./Plh.",
                may_be_absent=True,
                when="wajib bila Plt. = Ya",
            ),
        ),
    ),
)
