from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinerja.exchange.importer import ImportResult, import_file, preview
from kinerja.exchange.loading.unit_of_work import OPERATOR


class Command(BaseCommand):
    help = (
        "Mengimpor data satu instansi dari buku kerja (.xlsx) atau berkas data (.json/.yaml): pratinjau, lalu "
        "impor dalam satu transaksi. Dengan kesalahan apa pun tidak ada yang disimpan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="berkas .xlsx, .json, .yaml atau .yml")
        parser.add_argument("--dry-run", action="store_true", help="hanya pratinjau; tidak menyimpan apa pun")

    def show(self, result: ImportResult) -> None:
        title = result.agency_name or result.agency_code or result.source
        self.stdout.write(f"Pratinjau {result.source} — {title}{' (instansi baru)' if result.new_agency else ''}:")
        for line in result.lines():
            self.stdout.write(f"  {line}")
        for change in result.changes:
            where = ", ".join(
                part
                for part in (
                    change.sheet,
                    f"baris {change.row}" if change.row else "",
                    change.record if not change.sheet else "",
                    change.column,
                )
                if part
            )
            self.stdout.write(f"  ~ {where}: {change.text}")

    def refuse(self, result: ImportResult) -> None:
        for problem in result.problems:
            self.stderr.write(str(problem))
        raise CommandError(
            f"Berkas {result.source} ditolak: {len(result.problems)} masalah; tidak ada data yang disimpan."
        )

    def handle(self, *args: object, path: Path, dry_run: bool, **options: object) -> None:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Berkas {path} tidak dapat dibaca: {error.strerror}.") from error
        result = preview(actor=OPERATOR, name=path.name, content=content)
        self.show(result)
        if not result.ok:
            self.refuse(result)
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Pratinjau saja (--dry-run): tidak ada yang disimpan."))
            return
        result = import_file(actor=OPERATOR, name=path.name, content=content)
        if not result.ok:
            self.refuse(result)
        verdict = "data diimpor" if result.changed else "tidak ada perubahan"
        self.stdout.write(self.style.SUCCESS(f"{result.agency_name}: {verdict}."))
