from django.core.management.base import BaseCommand, CommandParser

from kinerja.performance.rollups.worker import BATCH, BATCH_ALL, mark_everything, work


class Command(BaseCommand):
    help = (
        "Menghitung ulang roll-up capaian yang ditandai berubah (outbox), beserta induknya (jabatan, unit, "
        "instansi, wilayah). --all: tandai semua indikator-tahun lebih dulu (pengisian pertama / perbaikan)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", dest="everything", help="Tandai semua lalu hitung ulang.")
        parser.add_argument(
            "--batch", type=int, default=None, help=f"Kunci per transaksi (bawaan {BATCH}; dengan --all {BATCH_ALL})."
        )

    def handle(self, *args: object, everything: bool, batch: int | None, **options: object) -> None:
        if everything:
            self.stdout.write(f"{mark_everything()} indikator-tahun ditandai.")
        done = work(batch or (BATCH_ALL if everything else BATCH))
        self.stdout.write(self.style.SUCCESS(f"{done} indikator-tahun dihitung ulang."))
