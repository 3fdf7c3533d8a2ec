"""First start: load the built-in dataset into an empty database and make sure an administrator exists."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from kinerja.organisation.models import Agency

PASSWORD_FILE = "initial-admin-password.txt"  # noqa: S105 (a file name, not a password)


class Command(BaseCommand):
    help = "Memuat data bawaan bila basis data kosong dan membuat akun administrator bila belum ada."

    def handle(self, *args: object, **options: object) -> None:
        if not Agency.objects.exists():
            self.stdout.write(gettext("The database is empty: loading the built-in data …"))
            call_command("load_agency", str(settings.KINERJA_BUILTIN_DATASET), stdout=self.stdout)
            self.stdout.write(gettext("Filling in the example targets and actuals (marked 'Example data') …"))
            for agency in Agency.objects.all():
                call_command("load_example_performance", agency.code, stdout=self.stdout)
        else:
            self.stdout.write(gettext("Agency data exists already; the built-in data is not loaded again."))
        if settings.KINERJA_ROLLUPS_EAGER:  # a database from before the roll-ups: its figures wait to be computed
            call_command("rollups_work", stdout=self.stdout)
        User = get_user_model()
        password_file = Path(settings.VAR_DIR) / PASSWORD_FILE
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", email="", password=password)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(gettext("Kinerja is ready at http://127.0.0.1:8000")))
        if password_file.exists():
            password = password_file.read_text(encoding="utf-8").strip()
            self.stdout.write(
                gettext("Log in as: admin / %(password)s   (kept in %(file)s)")
                % {"password": password, "file": password_file}
            )
        else:
            self.stdout.write(gettext("Log in with the existing administrator account."))
