"""The consistency report of an agency's current plan."""

from django.urls import reverse
from django.utils.translation import gettext, pgettext

from kinerja.organisation.models import Agency
from kinerja.strategy.selectors import find_current_plan

from .context import load_plan_data
from .findings import ERROR, Finding, Place, Report
from .registry import run_checks


def check_agency(agency: Agency, *, year: int | None = None) -> Report:
    """The consistency report of the agency's current plan (15 queries with the SKP family's, whatever its size)."""
    plan = find_current_plan(agency)
    report = Report(agency, plan, year)
    if plan is None:
        report.findings.append(
            Finding(
                "renstra",
                "tanpa-renstra",
                ERROR,
                gettext("This agency has no Renstra yet: there is nothing to check."),
                [
                    Place(
                        pgettext("consistency place", "Agency"),
                        agency.name,
                        reverse("agency-overview", args=[agency.code]),
                    )
                ],
                gettext(
                    "Load or fill in the agency's Renstra (goals, strategic objectives, indicators), then the IKI page "
                    "of every position."
                ),
            )
        )
        return report
    report.findings = run_checks(load_plan_data(agency, plan, year))
    return report
