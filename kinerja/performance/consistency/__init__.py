"""The consistency check of an agency's plan: what would make the IKU/IKI decree wrong, before it is signed.

`check_agency(agency, year=None)` reads the whole plan in a fixed number of queries (15, however many positions,
objectives, indicators, clauses and functions: the plan, then `load_plan_data` with the decree's texts, and the SKP
family's work results, `kinerja.skp.consistency`, registered by that app) and runs
every registered check on the data in memory (`run_checks`), so the checks can also be run on objects built in a
test. Each finding has a level — `error`: the decree would be wrong or an indicator could not be measured;
`warning`: wording that differs or looks mistyped — a code, a message in Bahasa Indonesia, the places involved
(with the page's address where one exists) and a suggested fix.

The package, from the bottom up (no module imports one above it, none imports this one):

- `findings` — levels, the families of checks in report order (`FAMILIES`), `Place`, `Finding`, `Report`;
- `compare` — how two texts are compared (the shared normaliser of `kinerja.core.text`, "almost the same");
- `context` — `PlanData`, the read-only context every check is given, and `load_plan_data`;
- `registry` — `@check(family=..., codes=...)` and `run_checks`;
- one module per family of checks: `cascade` (keterkaitan), `key_indicators` (iku), `appendix_one`
  (lampiran-i), `printed_wording` (tulisan-indikator), `indicator_names` (nama-indikator), `formula_and_unit`
  (satuan-rumus), `data_source` (sumber-data), `pages` (halaman), `quarter_targets` (target-triwulan),
  `citations` (sitasi, with `citation_parser`), `decree_structure` (struktur-keputusan), `names_across`
  (nama-unit), `duties_functions` (tugas-fungsi), `spelling` (ejaan: a dictionary and the word list
  `words-id.txt`);
- `texts` — the decree's texts (the decree, its clauses and chapters, duties, functions, unit names, goals), read
  once for every family that reads them, and `written_texts`, every text a person reads in the decree with its
  place;
- `agency` — `check_agency`.

Importing this package registers every family's checks.
"""

from . import (  # noqa: F401  (imported to register their checks)
    appendix_one,
    cascade,
    citations,
    data_source,
    decree_structure,
    duties_functions,
    formula_and_unit,
    indicator_names,
    key_indicators,
    names_across,
    pages,
    printed_wording,
    quarter_targets,
    spelling,
)
from .agency import check_agency
from .appendix_one import check_appendix_one
from .cascade import check_cascade
from .compare import SIMILAR, WORD_SIMILAR, normalise, similarity
from .context import PlanData, load_plan_data
from .data_source import check_data_source
from .findings import CHECKS, ERROR, FAMILIES, LEVEL_NAMES, WARNING, Finding, FindingGroup, Place, Report
from .formula_and_unit import DOCUMENT_UNITS, OBJECTIVE_WORDS, PERCENT_NAMES, PERCENT_UNITS, check_formula_and_unit
from .indicator_names import SHARED_RUN, check_shared_names
from .key_indicators import ABBREVIATIONS, check_printed_responsible, check_responsible, check_strategic_objectives
from .pages import check_pages
from .printed_wording import check_printed_wording
from .quarter_targets import check_quarter_targets
from .registry import Check, check, code_families, registered_checks, run_checks

__all__ = [
    "ABBREVIATIONS",
    "CHECKS",
    "DOCUMENT_UNITS",
    "ERROR",
    "FAMILIES",
    "LEVEL_NAMES",
    "OBJECTIVE_WORDS",
    "PERCENT_NAMES",
    "PERCENT_UNITS",
    "SHARED_RUN",
    "SIMILAR",
    "WARNING",
    "WORD_SIMILAR",
    "Check",
    "Finding",
    "FindingGroup",
    "Place",
    "PlanData",
    "Report",
    "check",
    "check_agency",
    "check_appendix_one",
    "check_cascade",
    "check_data_source",
    "check_formula_and_unit",
    "check_pages",
    "check_printed_responsible",
    "check_printed_wording",
    "check_quarter_targets",
    "check_responsible",
    "check_shared_names",
    "check_strategic_objectives",
    "code_families",
    "load_plan_data",
    "normalise",
    "registered_checks",
    "run_checks",
    "similarity",
]
