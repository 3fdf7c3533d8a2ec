from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.reports.cli import add_output_argument, print_document
from kinerja.reports.lkjip import build_report
from kinerja.reports.services import start_report_chapters

FORMATS = ("docx", "pdf")


class Command(BaseCommand):
    help = (
        "Mencetak Laporan Kinerja (LKjIP) satu tahun sebagai Word atau PDF, mis. "
        "print_report halut-diskominfo --year 2022 --output lkjip.docx"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun, mis. 2022")
        add_output_argument(parser, FORMATS)
        parser.add_argument(
            "--start-chapters",
            action="store_true",
            help="mulai dulu bab yang ditulis perencana (Ikhtisar, Bab I, uraian Bab II, Bab IV) dari teks "
            "tahun lalu atau teks bawaan; bab yang sudah ditulis tidak diubah",
        )

    def handle(
        self, *args: object, code: str, year: int, output: Path, start_chapters: bool, **options: object
    ) -> None:
        agency = agency_or_error(code)
        if not 2000 <= year <= 2100:
            raise CommandError(f"Tahun {year} di luar 2000–2100.")
        if start_chapters:
            chapters = start_report_chapters(actor=None, agency=agency, year=year)
            self.stdout.write(f"{len(chapters)} bab tahun {year} siap disunting.")
        print_document(self, build_report(agency, year), output, FORMATS)
