"""What the consistency check reports: findings, each with a level, a code, a message in Bahasa Indonesia, the
places involved and a suggested fix, gathered into a report grouped by family of checks.

`error`: the decree would be wrong or an indicator could not be measured; `warning`: wording that differs or looks
mistyped.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from kinerja.organisation.models import Agency
from kinerja.strategy.models import Indicator, StrategicPlan

ERROR = "error"
WARNING = "warning"
LEVEL_NAMES = {ERROR: "Kesalahan", WARNING: "Peringatan"}

# The families of checks, in the order they run and the report prints them: key → title.
FAMILIES = {
    "renstra": "Renstra",
    "keterkaitan": "Keterkaitan sasaran (cascading)",
    "iku": "Sasaran strategis, IKU dan penanggung jawab",
    "lampiran-i": "BAB II dan Lampiran I",
    "tulisan-indikator": "Satu indikator, tulisan berbeda di halaman berbeda",
    "nama-indikator": "Indikator berbeda dengan nama sama atau mirip",
    "satuan-rumus": "Rumus dan satuan",
    "sumber-data": "Sumber data",
    "halaman": "Halaman IKI dan sasaran kinerja",
    "target-triwulan": "Target triwulan",
    "sitasi": "Peraturan yang disebut (Menimbang, Mengingat, bab-bab)",
    "struktur-keputusan": "Diktum, periode dan judul keputusan",
    "nama-unit": "Nama instansi, daerah, unit dan jabatan di setiap bab dan lampiran",
    "tugas-fungsi": "Tugas dan fungsi",
    "ejaan": "Ejaan",
    "skp": "SKP: rencana hasil kerja dan sasaran strategis",
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
