from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "kinerja.evaluation"
    verbose_name = _("SAKIP evaluation")

    def ready(self) -> None:
        from kinerja.core import audit

        from .selectors import sealed_audit_records

        # the inspectorate's answers stay out of the agency's log until final (core.audit.unsealed)
        audit.seal(sealed_audit_records)
