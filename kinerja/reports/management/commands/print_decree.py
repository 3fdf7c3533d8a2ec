from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.reports.cli import add_output_argument, print_document
from kinerja.reports.decree import build_decree
from kinerja.strategy.models import Decree
from kinerja.strategy.selectors import find_current_plan

FORMATS = ("docx", "pdf")


class Command(BaseCommand):
    help = "Mencetak Keputusan IKU/IKI sebuah instansi ke Word (.docx) atau PDF; --book mencetak bukunya utuh."

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun keputusan, mis. 2022")
        add_output_argument(parser, FORMATS)
        parser.add_argument(
            "--book", action="store_true", help="seluruh buku: sampul, kata pengantar, bab I–III, keputusan, lampiran"
        )

    def handle(self, *args: object, code: str, year: int, output: Path, book: bool, **options: object) -> None:
        agency = agency_or_error(code)
        plan = find_current_plan(agency)
        if plan is None:
            raise CommandError(f"{agency.name} belum mempunyai Renstra.")
        try:
            document = build_decree(plan, year, book=book)
        except Decree.DoesNotExist as error:
            raise CommandError(f"{plan.name} tidak mempunyai keputusan IKU/IKI tahun {year}.") from error
        print_document(self, document, output, FORMATS)
