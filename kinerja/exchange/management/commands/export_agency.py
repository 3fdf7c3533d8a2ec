from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from kinerja.exchange.dataset_io import write_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.cli import add_agency_argument, agency_or_error


class Command(BaseCommand):
    help = "Menulis data satu instansi ke berkas YAML/JSON (format kinerja-agency/1) atau buku kerja Excel (.xlsx)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("path", type=Path, help="berkas tujuan (.yaml, .yml, .json atau .xlsx)")

    def handle(self, *args: object, code: str, path: Path, **options: object) -> None:
        agency = agency_or_error(code)
        data = export_agency_data(agency)
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(write_workbook(data))
        else:
            write_dataset(data, path)
        self.stdout.write(self.style.SUCCESS(f"{agency.name} ditulis ke {path}."))
