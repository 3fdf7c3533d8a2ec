"""What the consistency check reports: findings, each with a level, a code, a message in the reader's language, the
places involved and a suggested fix, gathered into a report grouped by family of checks.

`error`: the decree would be wrong or an indicator could not be measured; `warning`: wording that differs or looks
mistyped.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator, StrategicPlan

ERROR = "error"
WARNING = "warning"
LEVEL_NAMES = {ERROR: pgettext_lazy("finding", "Error"), WARNING: pgettext_lazy("finding", "Warning")}

# The families of checks, in the order they run and the report prints them: key (a stable code) → title.
FAMILIES = {
    "renstra": pgettext_lazy("consistency family", "Renstra"),
    "keterkaitan": pgettext_lazy("consistency family", "Links between objectives (cascading)"),
    "iku": pgettext_lazy("consistency family", "Strategic objectives, IKU and who is responsible"),
    "lampiran-i": pgettext_lazy("consistency family", "Chapter II and Appendix I"),
    "tulisan-indikator": pgettext_lazy("consistency family", "One indicator, written differently on different pages"),
    "nama-indikator": pgettext_lazy("consistency family", "Different indicators with the same or a similar name"),
    "satuan-rumus": pgettext_lazy("consistency family", "Formula and unit"),
    "sumber-data": pgettext_lazy("consistency family", "Data source"),
    "halaman": pgettext_lazy("consistency family", "IKI pages and performance objectives"),
    "target-triwulan": pgettext_lazy("consistency family", "Quarterly targets"),
    "sitasi": pgettext_lazy("consistency family", "Regulations cited (Menimbang, Mengingat, chapters)"),
    "struktur-keputusan": pgettext_lazy("consistency family", "Dictums, period and title of the decree"),
    "nama-unit": pgettext_lazy(
        "consistency family", "Names of the agency, region, units and positions in every chapter and appendix"
    ),
    "tugas-fungsi": pgettext_lazy("consistency family", "Duties and functions"),
    "ejaan": pgettext_lazy("consistency family", "Spelling"),
    "skp": pgettext_lazy("consistency family", "SKP: planned work results and strategic objectives"),
}
CHECKS = FAMILIES  # its name before the checks were a package


def iku_label(indicator: Indicator) -> str:
    """ "IKU X" — or just the code when it already says IKU ("IKU.3", not "IKU IKU.3")."""
    return indicator.code if indicator.code.upper().startswith("IKU") else f"IKU {indicator.code}"


def quoted(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


@dataclass(frozen=True)
class Place:
    """Where a finding is: a kind ("Halaman IKI", "Lampiran I", "Indikator" …), its text, and its page's URL
    (`for_planner`: a page only the agency's planner opens); `fix_url`, where one exists, is the form that fixes
    it (the planner's: the consistency page shows "Perbaiki" to those who may plan)."""

    label: str
    text: str
    url: str = ""
    for_planner: bool = False
    fix_url: str = ""


@dataclass
class Finding:
    check: str
    code: str
    level: str
    message: str
    places: list[Place]
    fix: str

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass
class FindingGroup:
    key: str
    title: str
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


@dataclass
class Report:
    agency: Agency
    plan: StrategicPlan | None
    year: int | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.level == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(finding.level == ERROR for finding in self.findings)

    @property
    def groups(self) -> list[FindingGroup]:
        """The findings by check, in the order of FAMILIES, errors first inside each; checks with none left out."""
        by_check: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            by_check[finding.check].append(finding)
        return [
            FindingGroup(key, title, sorted(by_check[key], key=lambda f: f.level != ERROR))
            for key, title in FAMILIES.items()
            if by_check.get(key)
        ]

    def codes(self) -> list[str]:
        return [finding.code for finding in self.findings]
