from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def consistency_counts(agency: object) -> tuple[int, int]:
    """The errors and warnings of the agency's consistency check, for the plan's pages (strategy.editing)."""
    from .consistency import check_agency  # the check imports the models: after the apps are ready

    report = check_agency(agency)  # type: ignore[arg-type]
    return len(report.errors), len(report.warnings)


class PerformanceConfig(AppConfig):
    name = "kinerja.performance"
    verbose_name = _("Performance")

    def ready(self) -> None:
        from kinerja.strategy.editing import register_consistency_counter

        register_consistency_counter(consistency_counts)
