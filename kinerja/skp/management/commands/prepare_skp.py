from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.skp.services import prepare_year


class Command(BaseCommand):
    help = (
        "Menyiapkan SKP satu tahun untuk setiap pemegang jabatan instansi yang belum mempunyainya "
        "(RHK jabatan struktural dari halaman IKI-nya)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun SKP, mis. 2022")

    def handle(self, *args: object, code: str, year: int, **options: object) -> None:
        agency = agency_or_error(code)
        try:
            prepared = prepare_year(actor=None, agency=agency, year=year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                gettext("SKP %(year)s prepared for %(count)s officials of %(agency)s.")
                % {"year": year, "count": len(prepared), "agency": agency.name}
            )
        )
