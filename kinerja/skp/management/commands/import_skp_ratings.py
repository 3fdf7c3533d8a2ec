from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.skp.exchange_import import RATED, REFUSED, SKIPPED, UNKNOWN, import_ratings

from .export_skp import user_or_error


class Command(BaseCommand):
    help = (
        "Mengimpor penilaian SKP dari buku kerja (lembar Penilaian) atau JSON ekspor SKP: setiap baris dinilai "
        "melalui aturan penilaian SKP; bila satu baris ditolak, tidak ada yang disimpan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("file", help="berkas .xlsx atau .json")
        parser.add_argument("--user", help="menilai sebagai pengguna ini (tanpa: sistem, tanpa nama penilai)")
        parser.add_argument("--dry-run", action="store_true", help="periksa saja, tidak ada yang disimpan")

    def handle(self, *args: object, code: str, file: str, user: str | None, dry_run: bool, **options: object) -> None:
        agency = agency_or_error(code)
        path = Path(file)
        if not path.is_file():
            raise CommandError(gettext("There is no file %(path)s.") % {"path": path})
        report = import_ratings(
            actor=user_or_error(user), agency=agency, content=path.read_bytes(), name=path.name, dry_run=dry_run
        )
        if report.problem:
            raise CommandError(report.problem)
        words = {RATED: gettext("rated"), REFUSED: gettext("refused"), UNKNOWN: gettext("unknown SKP")}
        words[SKIPPED] = gettext("skipped")
        for row in report.rows:
            self.stdout.write(f"{row.where}\t{row.skp_id}\t{row.nip}\t{words[row.outcome]}\t{row.message}")
        if report.saved:
            self.stdout.write(self.style.SUCCESS(gettext("The ratings are imported.")))
        elif report.clean:
            self.stdout.write(gettext("Nothing is saved (a check only, or no rating in the file)."))
        else:
            raise CommandError(gettext("Some rows are refused or unknown: nothing is saved."))
