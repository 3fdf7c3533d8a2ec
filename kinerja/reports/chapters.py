"""The editable chapters of the performance report (LKjIP): their order, titles and the short default text
printed (and started by services.start_report_chapters) when a planner has written nothing yet."""

from dataclasses import dataclass

from .models import ReportChapter

Kind = ReportChapter.Kind


@dataclass(frozen=True)
class ChapterDefault:
    kind: str
    title: str
    label: str  # how the list of gaps names the chapter
    body: str

    def text(self, *, agency: str, year: int, plan: str) -> str:
        return self.body.format(agency=agency, year=year, plan=plan)


DEFAULTS = {
    Kind.EXECUTIVE_SUMMARY: ChapterDefault(
        Kind.EXECUTIVE_SUMMARY,
        "IKHTISAR EKSEKUTIF",
        "Ikhtisar Eksekutif",
        "Laporan Kinerja Instansi Pemerintah (LKjIP) {agency} Tahun {year} merupakan wujud pertanggungjawaban "
        "atas pelaksanaan tugas dan fungsi dalam mencapai sasaran strategis yang ditetapkan dalam {plan}.\n\n"
        "Capaian setiap indikator kinerja terhadap target tahun {year} dan terhadap target akhir Renstra "
        "disajikan pada Bab III. Uraikan di sini capaian utama, permasalahan yang dihadapi dan upaya perbaikan.",
    ),
    Kind.INTRODUCTION: ChapterDefault(
        Kind.INTRODUCTION,
        "BAB I PENDAHULUAN",
        "Bab I Pendahuluan",
        "A. Latar Belakang\n\nLaporan ini disusun untuk memenuhi kewajiban akuntabilitas kinerja instansi "
        "pemerintah sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014 dan Peraturan Presiden Nomor 29 Tahun "
        "2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.\n\n"
        "B. Tugas, Fungsi dan Struktur Organisasi\n\nUraikan tugas, fungsi dan struktur organisasi {agency}.\n\n"
        "C. Sistematika Penyajian\n\nBab I Pendahuluan; Bab II Perencanaan Kinerja; Bab III Akuntabilitas "
        "Kinerja; Bab IV Penutup.",
    ),
    Kind.PLANNING: ChapterDefault(
        Kind.PLANNING,
        "BAB II PERENCANAAN KINERJA",
        "Uraian Bab II Perencanaan Kinerja",
        "Perencanaan kinerja {agency} mengacu pada {plan}. Perjanjian Kinerja Tahun {year} yang ditandatangani "
        "Kepala Dinas memuat sasaran, indikator kinerja dan target tahun {year} sebagaimana tabel berikut.",
    ),
    Kind.CLOSING: ChapterDefault(
        Kind.CLOSING,
        "BAB IV PENUTUP",
        "Bab IV Penutup",
        "Laporan Kinerja {agency} Tahun {year} ini menyajikan capaian kinerja atas sasaran strategis yang telah "
        "ditetapkan. Uraikan di sini simpulan umum atas capaian kinerja serta langkah perbaikan yang akan "
        "dilakukan pada tahun berikutnya.",
    ),
}
