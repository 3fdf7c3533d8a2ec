"""The editable chapters of the performance report (LKjIP): their order, titles and the short default text
printed (and started by services.start_report_chapters) when a planner has written nothing yet, and the one
parser of a chapter's text (`text_blocks`) that the LKjIP and the decree book print through.

The chapter text is plain text with a small markup, the same for every narrative chapter:

- blocks are separated by an empty line;
- a block whose every line starts with a number, a full stop and a space ("1. ", "2. ", …) is a numbered list:
  each line is one item, printed with its number as a hanging label;
- any other block is one paragraph, its lines printed as written (a lead-in line followed by "1. …" lines is
  such a paragraph: write the list as a block of its own to print it as a list);
- no HTML: the text is printed as it is written.
"""

import re
from dataclasses import dataclass

from .document import Paragraph
from .models import ReportChapter

LIST_ITEM = re.compile(r"(\d{1,3})\.\s+(\S.*)")
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Block:
    """One block of a chapter's text: a paragraph (`number` empty) or a numbered list item."""

    text: str
    number: str = ""


def blocks(body: str) -> list[Block]:
    """The blocks of a chapter's text, in order (see the markup above)."""
    result: list[Block] = []
    for part in BLOCK_BREAK.split(body.replace("\r\n", "\n")):
        part = part.strip()
        if not part:
            continue
        lines = [line.strip() for line in part.split("\n")]
        items = [LIST_ITEM.fullmatch(line) for line in lines]
        if all(items):
            result += [Block(item[2].strip(), f"{item[1]}.") for item in items if item]
        else:
            result.append(Block(part))
    return result


def text_blocks(body: str) -> list[Paragraph]:
    """A chapter's text as printed paragraphs: justified paragraphs and numbered items with a hanging label."""
    return [Paragraph.of(block.text, align="justify", label=block.number) for block in blocks(body)]


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
