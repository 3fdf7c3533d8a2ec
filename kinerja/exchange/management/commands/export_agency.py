from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from kinerja.exchange.dataset_io import write_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.organisation.cli import add_agency_argument, agency_or_error


class Command(BaseCommand):
    help = "Menulis data satu instansi ke berkas YAML/JSON (format kinerja-agency/1)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("path", type=Path, help="berkas tujuan (.yaml, .yml atau .json)")

    def handle(self, *args: object, code: str, path: Path, **options: object) -> None:
        agency = agency_or_error(code)
        write_dataset(export_agency_data(agency), path)
        self.stdout.write(self.style.SUCCESS(f"{agency.name} ditulis ke {path}."))
