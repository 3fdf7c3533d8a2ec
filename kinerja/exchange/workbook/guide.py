"""The Petunjuk sheet: how to fill the workbook, written from the column table so that it cannot drift from it.

It says, per sheet, what one row is; per column, whether it is required, always or only for some rows (a ratio's
factor: "wajib bila Formula = Rasio"); which columns each formula kind needs; how codes are formed; and in which
sheets one IKU appears."""

from openpyxl import Workbook
from openpyxl.styles import Font

from .columns import SHEETS
from .shape import GUIDE, GUIDE_NOTES, HEADER_FILL, HEADER_FONT, WRAP

# What one row of each sheet is (every sheet of the column table has its sentence: a test holds them together).
ROW_IS = {
    "Wilayah": "pemerintahan tempat instansi berada (hanya satu baris)",
    "Instansi": "instansi itu sendiri (hanya satu baris)",
    "Fungsi Instansi": "satu FUNGSI instansi, sesuai urutan cetak",
    "Unit Kerja": "satu unit organisasi (dinas/badan/inspektorat, sekretariat, bidang, seksi …); induk lebih dulu",
    "Jabatan": "satu jabatan struktural dengan unit dan atasannya; atasan lebih dulu",
    "Fungsi Jabatan": "satu FUNGSI dari satu jabatan, sesuai urutan cetak",
    "Pejabat": "satu pegawai (dikenali dari NIP-nya)",
    "Penugasan": "satu masa jabatan: pejabat mana menduduki jabatan mana, sejak kapan",
    "Renstra": "Rencana Strategis itu sendiri (hanya satu baris)",
    "Tujuan": "satu tujuan Renstra",
    "Sasaran Strategis": "satu sasaran strategis Renstra",
    "Indikator": "satu indikator, sekali saja walaupun dipakai di banyak halaman (IKU maupun indikator IKI)",
    "IKU": "satu baris tabel Lampiran I (satu IKU), sesuai urutan cetak",
    "Program": "satu program",
    "Kegiatan": "satu kegiatan dari satu program",
    "Sub Kegiatan": "satu sub kegiatan dari satu kegiatan",
    "Sasaran Kinerja": "satu sasaran kinerja pada halaman IKI satu jabatan",
    "Indikator IKI": "satu baris indikator di bawah satu sasaran kinerja (halaman IKI satu jabatan)",
    "Keputusan": "keputusan penetapan IKU/IKI (paling banyak satu baris; boleh kosong)",
    "Isi Keputusan": "satu butir Menimbang, Mengingat atau diktum, sesuai urutan",
    "Bab Keputusan": "satu bab naskah keputusan",
    "Target": "satu target: satu indikator, satu jenis target, satu tahun (dan triwulan)",
    "Realisasi": "realisasi satu indikator pada satu triwulan satu tahun",
    "Rencana Aksi": "satu aksi rencana aksi: satu indikator, satu tahun, satu triwulan, dalam urutannya",
}

CODES = (
    "Cara membentuk kode",
    [
        "Kode ditulis huruf kecil, angka, titik atau tanda hubung, tanpa spasi, dan tidak berubah setelah dipakai: "
        "rujukan antarlembar memakai kode, bukan nama.",
        "Unit kerja dan jabatan: singkatan yang mudah dibaca, mis. unit bidang-persandian, seksi-tata-kelola; "
        "jabatan kadis, sekretaris, kabid-persandian, kasi-tata-kelola.",
        "Tujuan T1, T2 …; sasaran strategis S1, S2 …; IKU IKU.1, IKU.2 … (nomor urut Renstra).",
        "Sasaran kinerja di halaman IKI: kode jabatan + .O + nomor urut, mis. kadis.O1, kasi-tata-kelola.O1.",
        "Indikator yang hanya ada di satu halaman IKI: kode sasaran kinerjanya + .I + nomor urut, mis. "
        "kasubag-perencanaan.O1.I1, kasi-tata-kelola.O1.I1. Indikator yang sudah ada (mis. sebuah IKU) tidak "
        "diberi kode baru: tulis kodenya yang lama.",
        "Program, kegiatan, sub kegiatan: kode nomenklatur anggaran, ditulis sebagai teks, mis. 2.16.02, "
        "2.16.02.2.01, 2.16.02.2.01.01.",
    ],
)

ONE_IKU = (
    "Satu IKU ditulis di beberapa lembar",
    [
        "1. Indikator: sekali saja, dengan IKU = Ya, sasaran strategisnya, formula, satuan dan penanggung jawab.",
        "2. IKU: satu baris di tabel Lampiran I (kolom tercetak hanya bila Lampiran I menulisnya berbeda).",
        "3. Indikator IKI: satu baris untuk setiap halaman IKI yang memuatnya (mis. halaman kepala instansi), "
        "dengan kode indikator yang sama — jangan membuat indikator baru untuk halaman kedua: realisasinya diisi "
        "sekali dan tampil di semua halaman.",
        "4. Target (dan Realisasi): baris per tahun/triwulan dengan kode indikator yang sama; Program, Kegiatan "
        "dan Sub Kegiatan merujuknya di kolom Indikator.",
        "Indikator IKI biasa cukup di lembar Indikator, Indikator IKI, dan Target/Realisasi.",
    ],
)


def conditional_lines() -> list[str]:
    """Which columns each formula kind (and each other condition) makes required, from the column table: "Formula
    = Rasio: lembar Indikator — Pembilang, Penyebut, Faktor; lembar Realisasi — Pembilang, Penyebut."."""
    needed: dict[str, dict[str, list[str]]] = {}
    for spec in SHEETS:
        for column in spec.columns:
            if column.required_when:
                needed.setdefault(column.required_when, {}).setdefault(spec.name, []).append(column.header)
    return [
        f"{condition}: "
        + "; ".join(f"lembar {sheet} — {', '.join(headers)}" for sheet, headers in sheets.items())
        + "."
        for condition, sheets in needed.items()
    ]


def _section(sheet, title: str, lines: list[str]) -> None:
    sheet.append([title])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    for line in lines:
        sheet.append([line])


def add_guide(book: Workbook) -> None:
    sheet = book.create_sheet(GUIDE, 0)
    sheet.append(["Buku kerja data instansi Kinerja (format kinerja-agency/1)"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            "Isi setiap lembar mulai baris 2; baris 1 adalah judul kolom dan tidak boleh diubah. Kolom "
            "berjudul merah wajib diisi; kolom berjudul jingga wajib pada baris tertentu (lihat kolom «Wajib» "
            "di bawah, mis. «wajib bila Formula = Rasio»). Rujukan antarlembar memakai kode. Kolom pilihan memakai "
            "daftar turun. Unggah kembali buku kerja ini di halaman Impor / Ekspor: pratinjau menunjukkan apa yang "
            "akan dibuat dan diubah; bila ada kesalahan, tidak ada yang disimpan."
        ]
    )
    for line in GUIDE_NOTES:
        sheet.append([line])
    sheet.append([])
    _section(sheet, "Kolom yang wajib menurut formula indikator (dan keadaan lain)", conditional_lines())
    sheet.append([])
    _section(sheet, *ONE_IKU)
    sheet.append([])
    _section(sheet, *CODES)
    sheet.append([])
    headers = ["Lembar", "Kolom", "Wajib", "Jenis isi", "Pilihan", "Keterangan", "Kunci data"]
    sheet.append(headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for spec in SHEETS:
        sheet.append([spec.name, "", "", "", "", f"Satu baris = {ROW_IS[spec.name]}. {spec.help}", ""])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for column in spec.columns:
            choices = ", ".join(column.choice_labels())
            sheet.append(["", column.header, column.requirement, column.kind, choices, column.help, column.key])
    for letter, width in zip("ABCDEFG", (20, 26, 22, 14, 40, 70, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        row[5].alignment = WRAP
    sheet.freeze_panes = f"A{header_row + 1}"
