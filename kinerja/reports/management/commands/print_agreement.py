from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.core.numbers import format_number
from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.reports.agreement import build_agreement, build_agreements
from kinerja.reports.output import format_of, write

FORMATS = ("pdf", "docx")


class Command(BaseCommand):
    help = (
        "Mencetak Perjanjian Kinerja (PK) satu jabatan, atau semua jabatan instansi dalam satu berkas, "
        "sebagai .docx atau .pdf."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun perjanjian, mis. 2022")
        parser.add_argument("--position", help="kode jabatan; tanpa ini semua jabatan instansi")
        parser.add_argument("--output", required=True, help="berkas keluaran: FILE.docx atau FILE.pdf")

    def handle(self, *args: object, code: str, year: int, position: str | None, output: str,
               **options: object) -> None:
        agency = agency_or_error(code)
        try:
            format_of(output, FORMATS)
            if position:
                found = agency.positions.filter(code=position).first()
                if found is None:
                    raise CommandError(f"Jabatan dengan kode '{position}' tidak ada di {agency.name}.")
                document = build_agreement(found, year)
            else:
                document = build_agreements(agency, year)
            size = write(document, output, FORMATS)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except OSError as error:
            raise CommandError(f"Berkas {output} tidak dapat ditulis: {error.strerror or error}.") from error
        self.stdout.write(self.style.SUCCESS(f"{document.title}: {output} ({format_number(size, 0)} bita) ditulis."))
        if document.missing:
            self.stdout.write(self.style.WARNING(
                f"KONSEP — {len(document.missing)} data belum lengkap:"
            ))
            for sentence in document.missing:
                self.stdout.write(f"  - {sentence}")
