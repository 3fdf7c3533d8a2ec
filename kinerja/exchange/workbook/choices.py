"""The workbook's closed lists: each model choice with the Indonesian word a planner picks in the drop-down."""

from collections.abc import Iterable

from kinerja.actionplans.models import ActionProgress
from kinerja.organisation.models import Assignment, Position, Region, Unit
from kinerja.performance.models import Target
from kinerja.strategy.models import DecreeChapter, DecreeClause, Indicator


def _worded(values: Iterable[str], words: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A model's closed list, in the model's order, each value with the workbook's Indonesian word for it (the word
    a planner picks in the drop-down, the same whatever the interface's language). The values are the model's: a
    value the model adds without a word here, or a word for a value it no longer has, stops this module loading."""
    values = [value for value in values if value]  # a blank choice is an empty cell
    if set(values) != set(words):
        raise LookupError(f"the workbook's words {sorted(words)} do not match the model's choices {sorted(values)}")
    return tuple((value, words[value]) for value in values)


REGION_KINDS = _worded(
    Region.Kind.values,
    {
        Region.Kind.PROVINCE: "Provinsi",
        Region.Kind.REGENCY: "Kabupaten",
        Region.Kind.CITY: "Kota",
        Region.Kind.CENTRAL: "Pemerintah pusat (kementerian/lembaga)",
    },
)
ACTING_KINDS = _worded(
    Assignment.ActingKind.values,
    {Assignment.ActingKind.PLT: "Plt. (pelaksana tugas)", Assignment.ActingKind.PLH: "Plh. (pelaksana harian)"},
)
POSITION_KINDS = _worded(
    Position.Kind.values,
    {Position.Kind.STRUCTURAL: "Struktural", Position.Kind.STAFF: "Pelaksana / fungsional (hanya SKP)"},
)
UNIT_KINDS = _worded(
    Unit.Kind.values,
    {
        Unit.Kind.AGENCY: "Dinas",
        Unit.Kind.BOARD: "Badan",
        Unit.Kind.SECRETARIAT: "Sekretariat",
        Unit.Kind.INSPECTORATE: "Inspektorat",
        Unit.Kind.REGIONAL_INSPECTORATE: "Inspektorat Wilayah",
        Unit.Kind.DIRECTORATE: "Direktorat",
        Unit.Kind.BUREAU: "Biro",
        Unit.Kind.PART: "Bagian",
        Unit.Kind.SUB_DIVISION: "Sub Bagian",
        Unit.Kind.DIVISION: "Bidang",
        Unit.Kind.SUB_DIRECTORATE: "Sub Direktorat",
        Unit.Kind.SECTION: "Seksi",
        Unit.Kind.TECHNICAL_UNIT: "UPT",
        Unit.Kind.DISTRICT: "Kecamatan",
        Unit.Kind.WARD: "Kelurahan",
    },
)
FORMULAS = _worded(
    Indicator.Formula.values,
    {
        Indicator.Formula.RATIO: "Rasio",
        Indicator.Formula.COUNT: "Jumlah",
        Indicator.Formula.VALUE: "Nilai",
    },
)
POLARITIES = _worded(
    Indicator.Polarity.values,
    {
        Indicator.Polarity.HIGHER: "Makin tinggi makin baik",
        Indicator.Polarity.LOWER: "Makin rendah makin baik",
        Indicator.Polarity.RANGE: "Rentang",
    },
)
QUARTER_RULES = _worded(
    Indicator.QuarterRule.values,
    {
        Indicator.QuarterRule.SUM: "Dijumlahkan",
        Indicator.QuarterRule.LAST: "Triwulan terakhir",
        Indicator.QuarterRule.AVERAGE: "Dirata-rata",
    },
)
PROGRESS_OUTCOMES = _worded(
    ActionProgress.Outcome.values,
    {
        ActionProgress.Outcome.DONE: "Terlaksana",
        ActionProgress.Outcome.PARTLY: "Terlaksana sebagian",
        ActionProgress.Outcome.NOT_DONE: "Tidak terlaksana",
    },
)
TARGET_KINDS = _worded(
    Target.Kind.values,
    {
        Target.Kind.BASELINE: "Kondisi awal",
        Target.Kind.YEAR: "Tahunan",
        Target.Kind.QUARTER: "Triwulan",
        Target.Kind.END: "Akhir Renstra",
    },
)
FED_BY = _worded(
    (value for value, _ in Indicator._meta.get_field("fed_by").choices),
    {
        "evaluasi-sakip": "Evaluasi SAKIP",
    },
)
CLAUSE_PARTS = _worded(
    DecreeClause.Kind.values,
    {
        DecreeClause.Kind.CONSIDERATION: "Menimbang",
        DecreeClause.Kind.LEGAL_BASIS: "Mengingat",
        DecreeClause.Kind.DICTUM: "Memutuskan",
    },
)
CHAPTER_KINDS = _worded(
    DecreeChapter.Kind.values,
    {
        DecreeChapter.Kind.FOREWORD: "Kata Pengantar",
        DecreeChapter.Kind.EXECUTIVE_SUMMARY: "Ikhtisar Eksekutif",
        DecreeChapter.Kind.CHAPTER_1: "Bab I",
        DecreeChapter.Kind.CHAPTER_2: "Bab II",
        DecreeChapter.Kind.CHAPTER_3: "Bab III",
    },
)
