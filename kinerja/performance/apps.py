from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    name = "kinerja.performance"
    verbose_name = _("Performance")

    def ready(self) -> None:
        from kinerja.core.finding_counts import register_finding_counter

        register_finding_counter(count_consistency_findings)


def count_consistency_findings(agency: object) -> tuple[int, int]:
    """The errors and warnings of the agency's consistency check (the plan edit pages report them after a save)."""
    from .consistency import check_agency

    report = check_agency(agency)
    return len(report.errors), len(report.warnings)
