import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.synthetic.region import RegionExists, generate_region
from kinerja.synthetic.vocabulary import DEFAULT_PASSWORD


class Command(BaseCommand):
    help = (
        "Membuat wilayah sintetis (kabupaten) untuk uji skala: perangkat daerah, jabatan, pejabat dan pengguna, "
        "Renstra, indikator, target, realisasi, bukti dan riwayat. Hasilnya sama untuk seed yang sama."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="kode wilayah baru, mis. sim1")
        parser.add_argument("--agencies", type=int, default=40, help="jumlah perangkat daerah (bawaan 40)")
        parser.add_argument("--seed", type=int, default=1, help="seed pembangkit acak (bawaan 1)")
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="kata sandi semua pengguna sintetis")
        parser.add_argument(
            "--evidence-every", type=int, default=20, help="satu berkas bukti tiap N realisasi (0: tanpa bukti)"
        )

    def handle(
        self, *args: object, code: str, agencies: int, seed: int, password: str, evidence_every: int, **options: object
    ) -> None:
        if agencies < 1:
            raise CommandError("--agencies paling sedikit 1.")
        started = time.monotonic()
        try:
            counts = generate_region(
                code,
                agencies=agencies,
                seed=seed,
                password=password,
                evidence_every=evidence_every,
                progress=self.stdout.write,
            )
        except RegionExists as error:
            raise CommandError(str(error)) from error
        for label, rows in counts.rows.items():
            self.stdout.write(f"{label:40} {rows:>9}  {counts.seconds[label]:7.2f} s")
        self.stdout.write(
            self.style.SUCCESS(f"Wilayah {code}: {counts.total} baris dalam {time.monotonic() - started:.1f} s.")
        )
