from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

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
        self.stdout.write(
            gettext("Preview %(file)s — %(title)s%(new)s:")
            % {"file": result.source, "title": title, "new": gettext(" (new agency)") if result.new_agency else ""}
        )
        for line in result.lines():
            self.stdout.write(f"  {line}")
        for change in result.changes:
            where = ", ".join(
                part
                for part in (
                    change.sheet,
                    gettext("row %(row)s") % {"row": change.row} if change.row else "",
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
            gettext("File %(file)s refused: %(count)s problems; no data was saved.")
            % {"file": result.source, "count": len(result.problems)}
        )

    def handle(self, *args: object, path: Path, dry_run: bool, **options: object) -> None:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(
                gettext("File %(path)s cannot be read: %(error)s.") % {"path": path, "error": error.strerror}
            ) from error
        result = preview(actor=OPERATOR, name=path.name, content=content)
        self.show(result)
        if not result.ok:
            self.refuse(result)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(gettext("Preview only (--dry-run): nothing was saved.")))
            return
        result = import_file(actor=OPERATOR, name=path.name, content=content)
        if not result.ok:
            self.refuse(result)
        verdict = gettext("data imported") if result.changed else gettext("no change")
        self.stdout.write(self.style.SUCCESS(f"{result.agency_name}: {verdict}."))
