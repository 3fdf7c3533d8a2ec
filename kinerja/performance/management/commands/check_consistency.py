"""`python manage.py check_consistency CODE [--year YEAR]`: the consistency report of an agency's plan.

Exit status 0 when it finds nothing or only warnings, 1 when it finds an error, 2 for an unknown agency."""

import textwrap

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext, ngettext

from kinerja.organisation.cli import add_agency_argument, agency_or_error
from kinerja.performance.consistency import LEVEL_NAMES, Report, check_agency


def _wrap(text: str, width: int, first: str = "", rest: str = "    ") -> list[str]:
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )


def _counts(errors: int, warnings: int) -> str:
    """ "1 error, 2 warnings" ("1 kesalahan, 2 peringatan")."""
    return ", ".join(
        (
            ngettext("%(count)d error", "%(count)d errors", errors) % {"count": errors},
            ngettext("%(count)d warning", "%(count)d warnings", warnings) % {"count": warnings},
        )
    )


def render_report(report: Report, width: int = 100) -> str:
    """The report as plain text in the reader's language, grouped by check."""
    agency = report.agency
    lines = [gettext("Consistency check: %(name)s (%(code)s)") % {"name": agency.name, "code": agency.code}]
    if report.plan is not None:
        years = gettext("year %(year)s") % {"year": report.year} if report.year else gettext("every year")
        lines.append(
            gettext("Renstra: %(plan)s; quarterly targets: %(years)s") % {"plan": report.plan.name, "years": years}
        )
    lines.append(_counts(len(report.errors), len(report.warnings)))
    for group in report.groups:
        lines += ["", f"== {group.title} ({_counts(group.errors, group.warnings)})"]
        for finding in group.findings:
            lines.append("")
            lines += _wrap(f"[{LEVEL_NAMES[finding.level].upper()}] {finding.code}: {finding.message}", width)
            for place in finding.places:
                where = f"- {place.label}: {place.text}" + (f" <{place.url}>" if place.url else "")
                lines += _wrap(where, width, "    ", "      ")
            lines += _wrap(gettext("Fix: %(fix)s") % {"fix": finding.fix}, width, "    ", "      ")
    if not report.findings:
        lines += ["", gettext("Nothing needs fixing.")]
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Memeriksa konsistensi Renstra, Lampiran I dan halaman IKI satu instansi. Status keluar 1 bila ada "
        "kesalahan, 0 bila hanya peringatan atau tidak ada temuan, 2 bila instansi tidak ditemukan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_agency_argument(parser)
        parser.add_argument("--year", type=int, help="hanya target triwulan tahun ini (bawaan: semua tahun Renstra)")

    def handle(self, *args: object, code: str, year: int | None = None, **options: object) -> None:
        try:
            agency = agency_or_error(code)
        except CommandError as error:
            raise CommandError(str(error), returncode=2) from error
        report = check_agency(agency, year=year)
        self.stdout.write(render_report(report))
        if report.has_errors:
            raise SystemExit(1)
