from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkpConfig(AppConfig):
    name = "kinerja.skp"
    verbose_name = _("SKP (staff performance)")

    def ready(self) -> None:
        from kinerja.performance.example_data import register_examples

        from . import consistency  # noqa: F401  (registers the "skp" family of the consistency check)
        from .example_data import clear_example_skp, load_example_skp

        # the example SKP of 2022 come and go with the example figures (load/clear_example_performance)
        register_examples(load_example_skp, clear_example_skp)
