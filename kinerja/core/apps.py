from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kinerja.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.translation import gettext

        from kinerja.core import numbers

        numbers.use_translation(gettext)  # the pure reader's refusals, in the reader's language
