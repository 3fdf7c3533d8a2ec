from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.loading.unit_of_work import OPERATOR


class Command(BaseCommand):
    help = "Memuat data satu instansi dari berkas YAML/JSON (format kinerja-agency/1). Aman diulang."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="berkas data instansi (.yaml, .yml atau .json)")

    def handle(self, *args: object, path: Path, **options: object) -> None:
        try:
            data = read_dataset(path)
            report = load_agency_data(actor=OPERATOR, data=data, source=path.name)  # run on the server: trusted
        except DatasetError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                gettext("File %(file)s refused: %(count)s problems; no data was saved.")
                % {"file": path.name, "count": len(error.problems)}
            ) from error
        for line in report.lines():
            self.stdout.write(line)
        verdict = gettext("data loaded") if report.changed else gettext("no change")
        self.stdout.write(self.style.SUCCESS(f"{report.agency.name}: {verdict}."))
