from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from kinerja.accounts.models import User
from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.skp.exchange import export_document
from kinerja.skp.exchange_workbook import export_bytes


def user_or_error(username: str | None) -> User | None:
    """The user a command acts as (None: the system itself)."""
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(gettext("There is no user '%(username)s'.") % {"username": username})
    return user


class Command(BaseCommand):
    help = (
        "Mengekspor setiap SKP instansi satu tahun (RHK, indikator, target, penilaian) sebagai buku kerja Excel "
        "atau JSON (docs/skp-exchange.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, required=True, help="tahun SKP, mis. 2022")
        parser.add_argument("--output", required=True, help="berkas tujuan: .xlsx atau .json")
        parser.add_argument("--user", help="ekspor sebagai pengguna ini (hanya SKP yang boleh dibacanya)")

    def handle(self, *args: object, code: str, year: int, output: str, user: str | None, **options: object) -> None:
        agency = agency_or_error(code)
        path = Path(output)
        file_format = "json" if path.suffix.lower() == ".json" else "xlsx"
        document = export_document(user_or_error(user), agency, year)
        path.write_bytes(export_bytes(document, file_format))
        self.stdout.write(
            self.style.SUCCESS(
                gettext("%(count)s SKP of %(year)s written to %(path)s.")
                % {"count": len(document["skp"]), "year": year, "path": path}
            )
        )
