"""python manage.py load_worksheet data/lke-2021.yaml — load (or reload) a version of the SAKIP worksheet."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from kinerja.evaluation.worksheet import WorksheetError, load_worksheet, read_worksheet_file


class Command(BaseCommand):
    help = "Memuat lembar kerja evaluasi SAKIP (LKE) dari berkas YAML; berkas yang salah ditolak seluruhnya."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="berkas YAML lembar kerja, mis. data/lke-2021.yaml")

    def handle(self, *args: object, **options: object) -> None:
        try:
            worksheet = read_worksheet_file(str(options["path"]))
            version = load_worksheet(actor=None, worksheet=worksheet)
        except WorksheetError as error:
            text = gettext("Worksheet refused, nothing was saved:\n- %(problems)s")
            raise CommandError(text % {"problems": "\n- ".join(error.problems)}) from error
        criteria = sum(len(sub.criteria) for component in worksheet.components for sub in component.sub_components)
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Worksheet %(code)s loaded: %(components)s components, %(criteria)s criteria.")
                % {"code": version.code, "components": len(worksheet.components), "criteria": criteria}
            )
        )
