from django.core.management.base import BaseCommand, CommandParser

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.performance.example_data import clear_example_performance


class Command(BaseCommand):
    help = "Menghapus semua target, realisasi dan bukti contoh satu instansi (hanya yang ditandai data contoh)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)

    def handle(self, *args: object, code: str, **options: object) -> None:
        agency = agency_or_error(code)
        removed = clear_example_performance(actor=None, agency=agency)
        self.stdout.write(self.style.SUCCESS(f"{removed} catatan data contoh dihapus dari {agency.name}."))
