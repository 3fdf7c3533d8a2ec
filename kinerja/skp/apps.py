from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkpConfig(AppConfig):
    name = "kinerja.skp"
    verbose_name = _("SKP (staff performance)")

    def ready(self) -> None:
        from . import consistency  # noqa: F401  (registers the "skp" family of the consistency check)
