from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.reports.agreement import build_agreement, build_agreements
from kinerja.reports.cli import add_output_argument, print_document
from kinerja.reports.output import format_of

FORMATS = ("docx", "pdf")


class Command(BaseCommand):
    help = (
        "Mencetak Perjanjian Kinerja (PK) satu jabatan, atau semua jabatan instansi dalam satu berkas, "
        "ke Word (.docx) atau PDF."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun perjanjian, mis. 2022")
        parser.add_argument("--position", help="kode jabatan, mis. kadis; tanpa ini semua jabatan instansi")
        add_output_argument(parser, FORMATS)

    def handle(
        self, *args: object, code: str, year: int, position: str | None, output: Path, **options: object
    ) -> None:
        agency = agency_or_error(code)
        try:
            format_of(output, FORMATS)  # refuse a wrong suffix before building anything
            if position:
                found = agency.positions.filter(code=position).first()
                if found is None:
                    raise CommandError(f"Jabatan dengan kode '{position}' tidak ada di {agency.name}.")
                document = build_agreement(found, year)
            else:
                document = build_agreements(agency, year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        print_document(self, document, Path(output), FORMATS)
