from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.performance import region_keys
from kinerja.performance.rollups.verify import verify


class Command(BaseCommand):
    help = (
        "Menghitung ulang roll-up capaian dan membandingkannya dengan yang tersimpan; keluar dengan kode ≠ 0 bila "
        "ada selisih. Bawaan --all; --sample N: N rencana-tahun acak. Memeriksa juga kunci wilayah target, "
        "realisasi dan bukti terhadap indikator → renstra → perangkat daerah → wilayah."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", dest="everything", help="Semua (bawaan).")
        group.add_argument("--sample", type=int, default=None, help="N rencana-tahun acak.")
        parser.add_argument("--seed", type=int, default=None, help="Benih acak untuk --sample.")

    def handle(self, *args: object, everything: bool, sample: int | None, seed: int | None, **options: object) -> None:
        report = verify(sample=None if everything else sample, seed=seed)
        for difference in report.differences:
            self.stderr.write(str(difference))
        keys = region_keys.disagreeing()  # the region key against the parent chain (docs/scale.md §1)
        for table, count in keys.items():
            if count:
                self.stderr.write(f"kunci wilayah: {count} baris {table} tidak sesuai rantai induknya")
        summary = (
            f"{report.checked} rencana-tahun diperiksa, {report.pending} masih menunggu pekerja, "
            f"{len(report.differences)} selisih, {sum(keys.values())} kunci wilayah tidak sesuai."
        )
        if report.differences or any(keys.values()):
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
