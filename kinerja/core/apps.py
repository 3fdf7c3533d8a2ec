from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kinerja.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.translation import gettext

        from kinerja.core import reader_language

        reader_language.use_translation(gettext)  # the pure modules' messages, in the reader's language
