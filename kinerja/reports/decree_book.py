"""The parts of the IKU/IKI decree around the decree itself: the book's cover, contents and narrative chapters,
and what a plan without a decree record is missing (its KONSEP prints with this list)."""

from kinerja.organisation.models import Agency
from kinerja.strategy.models import Decree, DecreeChapter

from .chapters import text_blocks
from .document import DOTS, Contents, Heading, Paragraph, Section


def record_missing(year: int) -> list[str]:
    """What the KONSEP of a plan without a decree record for `year` lists first: the record itself."""
    return [
        f"Catatan keputusan tahun {year} belum ditulis (halaman Catatan keputusan di Dokumen): nomor, tanggal, "
        "tempat, penanda tangan, Menimbang, Mengingat, dan Diktum."
    ]


def book_sections(agency: Agency, decree: Decree, missing: list[str]) -> list[Section]:
    """Cover, table of contents and the narrative chapters, in the order of DecreeChapter.Kind; gaps go to
    `missing` (a decree not yet recorded has no chapters)."""
    cover = Section(
        [
            Paragraph.of("DOKUMEN", size="large", align="center"),
            Paragraph.of(
                "INDIKATOR KINERJA UTAMA (IKU) DAN INDIKATOR KINERJA INDIVIDU (IKI)", size="title", align="center"
            ),
            Paragraph.of(f"TAHUN {decree.year}", size="large", align="center"),
            Paragraph.of(agency.name.upper(), size="large", align="center"),
            Paragraph.of(agency.region.name.upper(), size="large", align="center"),
        ],
        page_numbers=False,
        name="Sampul",
    )
    chapters = {chapter.kind: chapter for chapter in decree.chapters.all()} if decree.pk else {}
    sections = [cover, Section([Contents()], name="Daftar isi")]
    for kind, label in DecreeChapter.Kind.choices:
        chapter = chapters.get(kind)
        if chapter is None or not chapter.body.strip():
            missing.append(f"Bab “{label}” belum diisi.")
        title = chapter.title if chapter else str(label)
        body = chapter.body if chapter else ""
        paragraphs = text_blocks(body)
        sections.append(
            Section([Heading(title.upper(), in_contents=True), *(paragraphs or [Paragraph.of(DOTS)])], name=title)
        )
    return sections
