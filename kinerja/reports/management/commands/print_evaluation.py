from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.core.periods import QUARTERS
from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.reports.cli import add_output_argument, print_document
from kinerja.reports.evaluation import build_evaluation

FORMATS = ("pdf", "xlsx")


class Command(BaseCommand):
    help = (
        "Mencetak evaluasi hasil Renja per triwulan (dan tabel capaian LKjIP Bab III) sebagai PDF atau "
        "Excel, mis. print_evaluation halut-diskominfo --year 2022 --quarter 2 --output evaluasi.xlsx"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun, mis. 2022")
        parser.add_argument("--quarter", type=int, required=True, choices=QUARTERS, help="triwulan 1–4")
        add_output_argument(parser, FORMATS)

    def handle(self, *args: object, code: str, year: int, quarter: int, output: Path, **options: object) -> None:
        agency = agency_or_error(code)
        if not 2000 <= year <= 2100:
            raise CommandError(f"Tahun {year} di luar 2000–2100.")
        print_document(self, build_evaluation(agency, year, quarter), output, FORMATS)
