"""The consistency report of an agency's current plan."""

from django.urls import reverse

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
                "Instansi ini belum mempunyai Renstra: tidak ada yang dapat diperiksa.",
                [Place("Instansi", agency.name, reverse("agency-overview", args=[agency.code]))],
                "Muat atau isi Renstra instansi (tujuan, sasaran strategis, indikator) "
                "lalu halaman IKI setiap jabatan.",
            )
        )
        return report
    report.findings = run_checks(load_plan_data(agency, plan, year))
    return report
