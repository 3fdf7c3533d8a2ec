from django.core.management.base import BaseCommand, CommandParser

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.performance.example_data import load_example_performance


class Command(BaseCommand):
    help = "Mengisi target dan realisasi contoh (ditandai 'Data contoh') untuk semua indikator satu instansi."

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)

    def handle(self, *args: object, code: str, **options: object) -> None:
        agency = agency_or_error(code)
        count = load_example_performance(actor=None, agency=agency)
        self.stdout.write(self.style.SUCCESS(f"Data contoh diisi untuk {count} indikator {agency.name}."))
