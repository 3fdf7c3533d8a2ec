"""The column table: every sheet of the workbook, its columns with their Indonesian header, dataset key, type,
closed choices and help text — the one description the writing, the reading and the Petunjuk sheet share."""

from .choices import (  # noqa: F401 (the closed lists are read from here too)
    CHAPTER_KINDS,
    CLAUSE_PARTS,
    FED_BY,
    FORMULAS,
    POLARITIES,
    QUARTER_RULES,
    REGION_KINDS,
    TARGET_KINDS,
    UNIT_KINDS,
    _worded,
)
from .column import (  # noqa: F401 (the kinds of cell, a column and a sheet are read from here too)
    BOOL,
    CHOICE,
    CODE,
    CODES,
    DATE,
    INT,
    LONG,
    NIP,
    NOT_RATIO,
    NUMBER,
    RANGE,
    RATIO,
    TEXT,
    YES_NO,
    Column,
    Sheet,
)
from .figure_sheets import FIGURE_SHEETS
from .organisation_sheets import ORGANISATION_SHEETS
from .plan_sheets import PLAN_SHEETS

SHEETS: tuple[Sheet, ...] = (*ORGANISATION_SHEETS, *PLAN_SHEETS, *FIGURE_SHEETS)
SHEET = {sheet.name: sheet for sheet in SHEETS}

# Which sheet counts the rows of which model (for the preview, by the models' plural labels).
MODEL_SHEETS = {
    "organisation.Region": "Wilayah",
    "organisation.Agency": "Instansi",
    "organisation.AgencyFunction": "Fungsi Instansi",
    "organisation.Unit": "Unit Kerja",
    "organisation.Position": "Jabatan",
    "organisation.PositionFunction": "Fungsi Jabatan",
    "organisation.Official": "Pejabat",
    "organisation.Assignment": "Penugasan",
    "strategy.StrategicPlan": "Renstra",
    "strategy.Goal": "Tujuan",
    "strategy.Objective": "Sasaran Strategis / Sasaran Kinerja",
    "strategy.Indicator": "Indikator",
    "strategy.KeyIndicatorRow": "IKU",
    "strategy.Programme": "Program",
    "strategy.Activity": "Kegiatan",
    "strategy.SubActivity": "Sub Kegiatan",
    "strategy.PageIndicator": "Indikator IKI",
    "strategy.Decree": "Keputusan",
    "strategy.DecreeClause": "Isi Keputusan",
    "strategy.DecreeChapter": "Bab Keputusan",
    "performance.Target": "Target",
    "performance.Actual": "Realisasi",
    "actionplans.ActionItem": "Rencana Aksi",
}
