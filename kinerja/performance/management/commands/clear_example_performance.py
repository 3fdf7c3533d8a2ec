from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisation.models import Agency
from kinerja.performance.example_data import clear_example_performance


class Command(BaseCommand):
    help = "Menghapus semua target, realisasi dan bukti contoh satu instansi (hanya yang ditandai data contoh)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="kode instansi, mis. halut-diskominfo")

    def handle(self, *args: object, code: str, **options: object) -> None:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(f"Instansi dengan kode '{code}' tidak ditemukan.")
        removed = clear_example_performance(actor=None, agency=agency)
        self.stdout.write(self.style.SUCCESS(f"{removed} catatan data contoh dihapus dari {agency.name}."))
