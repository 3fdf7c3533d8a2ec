from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.exchange.dataset_io import write_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.organisation.models import Agency


class Command(BaseCommand):
    help = "Menulis data satu instansi ke berkas YAML/JSON (format kinerja-agency/1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="kode instansi, mis. halut-diskominfo")
        parser.add_argument("path", type=Path, help="berkas tujuan (.yaml, .yml atau .json)")

    def handle(self, *args: object, code: str, path: Path, **options: object) -> None:
        agency = Agency.objects.select_related("region").filter(code=code).first()
        if agency is None:
            raise CommandError(f"Instansi dengan kode '{code}' tidak ditemukan.")
        write_dataset(export_agency_data(agency), path)
        self.stdout.write(self.style.SUCCESS(f"{agency.name} ditulis ke {path}."))
