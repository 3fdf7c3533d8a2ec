from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.organisation.models import Agency
from kinerja.performance.example_data import load_example_performance


class Command(BaseCommand):
    help = "Mengisi target dan realisasi contoh (ditandai 'Data contoh') untuk semua indikator satu instansi."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="kode instansi, mis. halut-diskominfo")

    def handle(self, *args: object, code: str, **options: object) -> None:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(f"Instansi dengan kode '{code}' tidak ditemukan.")
        count = load_example_performance(actor=None, agency=agency)
        self.stdout.write(self.style.SUCCESS(f"Data contoh diisi untuk {count} indikator {agency.name}."))
