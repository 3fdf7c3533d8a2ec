import re

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.core.audit_partitions import is_partitioned, make_partitions


def _years(text: str) -> range:
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text.strip())
    if not match:
        raise CommandError(f"--years {text!r}: tulis satu tahun (2027) atau rentang (2020-2030).")
    first, last = int(match[1]), int(match[2] or match[1])
    if last < first or last - first > 100:
        raise CommandError(f"--years {text!r}: rentang tahun tidak masuk akal.")
    return range(first, last + 1)


class Command(BaseCommand):
    help = (
        "Membuat partisi tahunan tabel riwayat (core_auditrecord) di PostgreSQL untuk tahun-tahun yang belum "
        "punya partisi; yang sudah ada dibiarkan (aman dijalankan berulang). Catatan yang menunggu di partisi "
        "default dipindahkan ke partisi tahunnya. Di SQLite tidak ada yang dibuat."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--years", required=True, help="Tahun atau rentang tahun, mis. 2020-2030.")

    def handle(self, *args: object, years: str, **options: object) -> None:
        wanted = _years(years)
        if not is_partitioned():
            self.stdout.write("Tabel riwayat tidak dipartisi (bukan PostgreSQL): tidak ada yang dibuat.")
            return
        made = make_partitions(wanted)
        for year, count in made.moved.items():
            self.stdout.write(f"{year}: {count} catatan dipindahkan dari partisi default.")
        created = ", ".join(map(str, made.created)) or "tidak ada"
        self.stdout.write(self.style.SUCCESS(f"Partisi dibuat: {created}; sudah ada: {len(made.existing)} tahun."))
