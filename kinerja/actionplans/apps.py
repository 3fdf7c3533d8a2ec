from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "kinerja.actionplans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        from kinerja.performance.example_data import register_examples
        from kinerja.performance.worklist import register_waiting

        from .example_data import clear_example_actions, load_example_actions
        from .progress_views import waiting_for_verification

        # the example action plans come and go with the example figures (load/clear_example_performance)
        register_examples(load_example_actions, clear_example_actions)
        # the progress of actions waits for the superior on the verification page too
        register_waiting(waiting_for_verification)
