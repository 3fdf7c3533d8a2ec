"""One convention for what a person reads (issue 19, item 5): the services, the API's refusals and the names the
code hands to pages are English msgids through gettext with the Indonesian of the catalogue. The English interface
reads English, the Indonesian one the very text it read before; what is stored for everyone (the audit trail) is
written in the record language (Bahasa Indonesia) whoever's request wrote it.

The scan at the end keeps it so: in the modules already converted (`CONVERTED`, to grow module by module), a string
literal that reads Indonesian or carries a non-ASCII letter outside a gettext call fails."""

import ast
import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.access import reach_of
from kinerja.core.models import AuditRecord
from kinerja.dashboard.services import set_published
from kinerja.evaluation import scoring
from kinerja.evaluation.management.commands import load_worksheet
from kinerja.exchange.management.commands import bootstrap, import_agency, load_agency
from kinerja.exchange.workbook import shape
from kinerja.performance import services, workflow
from kinerja.performance.consistency import citations, compare, duties_functions, key_indicators
from kinerja.performance.management.commands import check_consistency
from kinerja.strategy.models import Indicator

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2022


def refusal(call) -> str:
    with pytest.raises((ValidationError, PermissionDenied)) as refused:
        call()
    error = refused.value
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def in_both(call) -> tuple[str, str]:
    """What `call` answers in English and in Bahasa Indonesia."""
    with translation.override("en"):
        english = call()
    with translation.override("id"):
        indonesian = call()
    return english, indonesian


@pytest.fixture
def ratio(seed) -> Indicator:
    """IKU.5, a percentage ratio on the division head's page."""
    return Indicator.objects.get(plan__agency=seed, code="IKU.5")


@pytest.fixture
def count(seed) -> Indicator:
    """An indicator counted in whole numbers on the section head's page."""
    return Indicator.objects.get(plan__agency=seed, code="kasi-tata-kelola.O1.I1")


# -- the messages, in each language -------------------------------------------------------------------------------


def test_a_rule_of_the_figures_is_refused_in_the_readers_language(ratio):
    def terms():
        with pytest.raises(ValidationError) as refused:
            services.checked_terms(ratio, value=None, numerator=None, denominator=Decimal(0))
        return refused.value.message_dict

    english, indonesian = in_both(terms)
    assert english == {
        "numerator": ["Fill in the numerator."],
        "denominator": ["The denominator must be greater than 0."],
    }
    assert indonesian == {"numerator": ["Isi pembilang."], "denominator": ["Penyebut harus lebih besar dari 0."]}


def test_a_refusal_with_values_fills_them_in_both_languages():
    english, indonesian = in_both(lambda: refusal(lambda: workflow.check_quarter(5)))
    assert english == "There is no quarter 5; choose a quarter 1–4."
    assert indonesian == "Triwulan 5 tidak ada; pilih triwulan 1–4."
    text = "x" * 4001
    english, indonesian = in_both(lambda: refusal(lambda: services.checked_texts(note=text)))
    assert english == "At most 4000 characters (4001 written)."
    assert indonesian == "Paling panjang 4000 karakter (tertulis 4001)."


def test_the_life_of_an_actual_refuses_in_the_readers_language(world, count):
    actual = services.record_actual(actor=world.section_head, indicator=count, year=YEAR, quarter=1, value=Decimal(3))
    actual = workflow.submit_actual(actor=world.section_head, actual=actual)
    english, indonesian = in_both(
        lambda: refusal(lambda: workflow.submit_actual(actor=world.section_head, actual=actual))
    )
    assert english == "This actual has already been submitted."
    assert indonesian == "Realisasi ini sudah dikirim."
    change = lambda: services.record_actual(  # noqa: E731
        actor=world.section_head, indicator=count, year=YEAR, quarter=1, value=Decimal(4)
    )
    english, indonesian = in_both(lambda: refusal(change))
    assert english == "This actual is waiting for verification; it cannot be changed before it is returned or reopened."
    assert indonesian == (
        "Realisasi ini sedang menunggu verifikasi; tidak dapat diubah sebelum dikembalikan atau dibuka kembali."
    )
    english, indonesian = in_both(lambda: refusal(lambda: workflow.verify_actual(actor=world.outsider, actual=actual)))
    assert english == "Only a superior of the official who entered this actual verifies it."
    assert indonesian == "Hanya atasan pejabat yang mengisi realisasi ini yang memverifikasinya."


def test_a_closed_quarter_is_named_in_the_readers_language_and_recorded_in_indonesian(world, seed, count):
    with translation.override("en"):
        workflow.close_period(actor=world.planner, agency=seed, year=YEAR, quarter=1)
        workflow.close_period(
            actor=world.planner, agency=seed, year=YEAR, quarter=2, deadline=datetime.date(2022, 7, 10)
        )
    enter = lambda: services.record_actual(  # noqa: E731
        actor=world.section_head, indicator=count, year=YEAR, quarter=1, value=Decimal(3)
    )
    english, indonesian = in_both(lambda: refusal(enter))
    assert english == "The period Quarter I 2022 is closed; its data cannot be changed."
    assert indonesian == "Periode Triwulan I tahun 2022 sudah ditutup; data tidak dapat diubah."
    closings = AuditRecord.objects.filter(agency=seed, object_label="performance.periodlock").order_by("pk")
    assert list(closings.values_list("description", flat=True)) == [
        "Periode Triwulan I tahun 2022 ditutup",
        "Periode Triwulan II tahun 2022 ditutup sesudah 10/07/2022",
    ]


def test_what_a_service_records_is_in_indonesian_whoever_asks(world, seed, count):
    with translation.override("en"):
        set_published(actor=world.planner, agency=seed, published=True)
        services.record_actual(actor=world.section_head, indicator=count, year=YEAR, quarter=3, value=Decimal(2))
    descriptions = list(AuditRecord.objects.filter(agency=seed).order_by("pk").values_list("description", flat=True))
    assert descriptions[-2] == f"Halaman publik {seed.name} diterbitkan."
    assert descriptions[-1] == f"Realisasi Triwulan III 2022 indikator {count.code} dibuat"


@pytest.mark.parametrize(
    ("rule", "english", "indonesian"),
    [
        ("sum", "The sum of the quarterly targets (4) is not the year's target (5).", "Jumlah target triwulan (4)"),
        ("last", "The target of quarter IV (1) is not the year's target (5).", "Target triwulan IV (1)"),
        (
            "average",
            "The mean of the quarterly targets (1) is not the year's target (5).",
            "Rata-rata target triwulan (1)",
        ),
    ],
)
def test_the_quarters_against_the_years_target_in_both_languages(rule, english, indonesian):
    indicator = Indicator(formula=Indicator.Formula.COUNT, quarter_rule=rule)
    quarters = dict.fromkeys((1, 2, 3, 4), Decimal(1))
    warnings = in_both(lambda: services.quarter_target_warnings(indicator, Decimal(5), quarters))
    assert warnings == ([english], [f"{indonesian} tidak sama dengan target tahunan (5)."])


def test_a_missing_fourth_quarter_in_both_languages():
    indicator = Indicator(formula=Indicator.Formula.COUNT, quarter_rule=Indicator.QuarterRule.LAST)
    assert in_both(lambda: services.quarter_target_warnings(indicator, Decimal(5), {1: Decimal(1)})) == (
        ["The target of quarter IV is not filled in; for this indicator quarter IV is the year's target."],
        ["Target triwulan IV belum diisi; untuk indikator ini triwulan IV sama dengan target tahunan."],
    )


def test_the_names_the_code_hands_to_pages_in_both_languages(world):
    assert in_both(lambda: scoring.predicate(Decimal(75))) == (("BB", "Very Good"), ("BB", "Sangat Baik"))
    assert in_both(lambda: str(scoring.ANSWER_MEANINGS["E"])) == ("None / not met", "Tidak ada / tidak terpenuhi")
    assert in_both(lambda: str(scoring.PREDICATE_NAMES["D"])) == ("Very Poor", "Sangat Kurang")
    assert in_both(lambda: scoring.not_allowed_message("Z")) == (
        "Unknown answer “Z”; choose one of AA, A, BB, B, CC, C, D, E.",
        "Jawaban “Z” tidak dikenal; pilih salah satu dari AA, A, BB, B, CC, C, D, E.",
    )
    assert in_both(lambda: reach_of(world.planner).roles) == (["Agency planner"], ["Admin perencanaan"])
    assert in_both(lambda: reach_of(world.head_of_agency).roles[-1]) == ("Head of agency", "Kepala perangkat daerah")


def test_the_api_answers_in_the_language_the_person_chose(world, ratio):
    def answer(language: str | None) -> dict:
        client = Client()
        client.force_login(world.division_head)
        if language:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        body = {"indicator": ratio.pk, "year": YEAR, "quarter": 1, "numerator": "3", "denominator": "30", "value": "1"}
        response = client.post(reverse("api-actual-list"), body, content_type="application/json")
        assert response.status_code == 400
        unknown = client.get(reverse("api-document-download", args=["nothing"]))
        assert unknown.status_code == 404
        return {**response.json(), **unknown.json()}

    assert answer("en") == {
        "value": ["A ratio's value is computed from the numerator and the denominator; leave it empty."],
        "detail": "Unknown document.",
    }
    assert answer(None) == {
        "value": ["Nilai rasio dihitung dari pembilang dan penyebut; jangan diisi."],
        "detail": "Dokumen tidak dikenal.",
    }


# -- the scan: no Indonesian outside gettext in the converted modules ----------------------------------------------

CONVERTED = sorted(
    {
        *ROOT.glob("kinerja/performance/services/*.py"),
        *(ROOT / "kinerja/performance" / f"{name}.py" for name in ("workflow", "evidence", "rules", "period_status")),
        ROOT / "kinerja/performance/worklist.py",
        *ROOT.glob("kinerja/performance/*_views.py"),
        *(ROOT / "kinerja/performance" / f"{name}.py" for name in ("views", "forms")),
        *(ROOT / "kinerja/organisation" / f"{name}.py" for name in ("views", "people_views", "forms")),
        *(ROOT / "kinerja/organisation" / f"{name}.py" for name in ("editing", "edit_views")),
        *(ROOT / "kinerja/core" / f"{name}.py" for name in ("row_writing", "finding_counts", "chains")),
        ROOT / "kinerja/dashboard/views.py",
        *(ROOT / "kinerja/exchange" / f"{name}.py" for name in ("views", "uploads")),
        *ROOT.glob("kinerja/evaluation/views/*.py"),
        *(ROOT / "kinerja/core" / f"{name}.py" for name in ("audit", "file_downloads")),
        *ROOT.glob("kinerja/api/views/*.py"),
        *ROOT.glob("kinerja/api/serializers/*.py"),
        *(ROOT / "kinerja/api" / f"{name}.py" for name in ("permissions", "authentication", "pagination", "schema")),
        ROOT / "kinerja/evaluation/scoring.py",
        ROOT / "kinerja/dashboard/services.py",
        *ROOT.glob("kinerja/dashboard/selectors/*.py"),
        *(path for path in ROOT.glob("kinerja/accounts/*.py") if path.name != "admin_words.py"),
        # not the SKP exchange file's own words (exchange.py, exchange_workbook.py): a documented file format, the
        # same in any interface language, as the agency workbook's sheets and columns; nor the example SKP's
        # invented work results and ratings (example_data.py): data in the agency's language, as the seed's
        *(
            path
            for path in ROOT.glob("kinerja/skp/*.py")
            if path.name not in ("urls.py", "exchange.py", "exchange_workbook.py", "example_data.py")
        ),
        ROOT / "kinerja/organisation/staff_positions.py",
        # the pure modules' messages (through core.reader_language) and the achievement categories' names
        *(ROOT / "kinerja/core" / f"{name}.py" for name in ("numbers", "reader_language", "apps")),
        ROOT / "kinerja/performance/templatetags/measurement.py",
        # the importer: every problem of a file, its record and place, the preview's changes
        *(ROOT / "kinerja/exchange" / f"{name}.py" for name in ("importer", "dataset_io")),
        *ROOT.glob("kinerja/exchange/loading/*.py"),
        *(ROOT / "kinerja/exchange/workbook" / f"{name}.py" for name in ("cells", "xlsx", "shape", "rows")),
        # the consistency check: families, levels, places, findings and their fixes
        *ROOT.glob("kinerja/performance/consistency/*.py"),
        # the stored files' and uploads' refusals, the audit trail's own words, the region's emblem, the budgets,
        # the SAKIP worksheet's loader
        *(ROOT / "kinerja/core" / f"{name}.py" for name in ("file_kinds", "stored_files", "upload_limits", "models")),
        ROOT / "kinerja/core/admin.py",
        ROOT / "kinerja/organisation/services.py",
        ROOT / "kinerja/strategy/services.py",
        ROOT / "kinerja/evaluation/worksheet.py",
        *(ROOT / "kinerja/exchange/management/commands" / f"{name}.py" for name in ("load_agency", "import_agency")),
        *(ROOT / "kinerja/reports" / f"{name}.py" for name in ("views", "services", "chapter_views")),
        *(ROOT / "kinerja/strategy" / f"{name}.py" for name in ("selectors", "plan_views")),
        ROOT / "kinerja/performance/admin.py",
        ROOT / "kinerja/performance/management/commands/check_consistency.py",
        ROOT / "kinerja/evaluation/management/commands/load_worksheet.py",
        ROOT / "kinerja/exchange/management/commands/bootstrap.py",
    }
)
GETTEXT = {
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "_",
}
# Words a sentence in Bahasa Indonesia can hardly do without, and that English never uses.
INDONESIAN = re.compile(
    r"\b(tidak|belum|harus|sudah|triwulan|tahun|yang|dengan|untuk|hanya|dari|oleh|ini|pilih|isi|tulis|muat|ulang"
    r"|dapat|boleh|baru|saja|sebelum|sesudah|bukan|angka|jabatan|instansi|periode|halaman|ditemukan|dikenal"
    r"|realisasi|indikator|bukti|jawaban|pejabat|atasan|kepala|sangat|memuaskan|baik|cukup|kurang)\b",
    re.IGNORECASE,
)
# Non-ASCII signs that are no language: the missing value and ranges, separators, an ellipsis, quotation marks,
# an arrow (before → after), a no-break space.
SIGNS = set("—–…“”«»→\u00a0")
# A key, never shown as such: a finding's code or a family of checks ("sumber-data-hanya-satuan"), a slug.
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
# A regular expression reads the decree's own Indonesian words ("perbandingan antara … terhadap …"): data, not text.
PATTERN = re.compile(r"\(\?|\\[bsdwS]")
# Literals that look Indonesian but are no text a person reads, each with why.
NOT_TEXT = {
    "belum-terverifikasi": "period_status: a list's key in its address; its label is translated (period_views)",
    "Actuals (realisasi)": "api/views/actuals.py: the English OpenAPI tag, naming the glossary word",
    # the query parameters of the pages' addresses, the same in either language (docs/design.md: `?tahun=`)
    "?tahun=": "a query parameter of an address the views build",
    "&triwulan=": "a query parameter of an address the views build",
    "tahun": "a query parameter, and a column of the public CSV (dashboard/views.py: a data file's fixed keys)",
    "triwulan": "performance/views.py: the query parameter of the quarter",
    "halaman": "history_views.py: the query parameter of the page number",
    "jabatan": "target_views.py: the query parameter of the position filter",
    "dari": "performance/forms.py: the history filter's field, a query parameter",
    "indikator": "dashboard/views.py: the regency view's query parameter, and a column of the public CSV",
    "baru": "performance/forms.py: ActualForm.NEW, the hidden version of a row not saved yet, never shown; "
    "exchange/loading/report.py: NEW, the kind of a change (a key; importer.py says it in the reader's language)",
    "baik": "skp/predicate.py: the code of a predicate (Baik), stored; its label is translated (skp/models.py)",
    "kurang": "skp/predicate.py: the code of a predicate (Kurang), stored; its label is translated (skp/models.py)",
    "templat-data-instansi.xlsx": "exchange/views.py: the blank workbook's file name, in the workbook's own "
    "language (exchange/workbook writes its sheets and columns in Bahasa Indonesia)",
}
# What a converted module keeps in Bahasa Indonesia because it is data, not a message: module → (why, literals).
SHEETS = {"Instansi", "Fungsi Instansi", "Jabatan", "Fungsi Jabatan", "Pejabat", "Indikator", "Indikator IKI"}
DATA: dict[str, tuple[str, set[str]]] = {
    "kinerja/exchange/workbook/rows.py": (
        "the workbook's sheet names: the file's own format (columns.py), in Bahasa Indonesia in either language",
        SHEETS | {"Isi Keputusan", "Realisasi"},
    ),
    "kinerja/exchange/workbook/cells.py": (
        "the workbook's yes/no cell values (“Ya”/“Tidak”, and what is read as no), the file's own format",
        {"Tidak", "tidak", "bukan"},
    ),
    "kinerja/exchange/workbook/shape.py": (
        "what the workbook itself says (its guide's notes, Excel's list-validation message): the file is written "
        "in Bahasa Indonesia, like its sheets and columns",
        {*shape.GUIDE_NOTES, "Pilihan tidak dikenal", "Pilih salah satu nilai dari daftar."},
    ),
    "kinerja/core/file_kinds.py": ("a stored file's name when it has none (“bukti.pdf”): a file name", {"bukti"}),
    **{
        f"kinerja/exchange/management/commands/{name}.py": (
            "the command's --help (argparse takes no lazy translation; the operator's server speaks Bahasa "
            "Indonesia); what the command says as it runs is translated",
            {command.help, *(action.help for action in command.create_parser("manage.py", name)._actions)},
        )
        for name, command in (("load_agency", load_agency.Command()), ("import_agency", import_agency.Command()))
    },
    "kinerja/evaluation/management/commands/load_worksheet.py": (
        "the command's --help (argparse takes no lazy translation); what it says as it runs is translated",
        {load_worksheet.Command.help, "berkas YAML lembar kerja, mis. data/lke-2021.yaml"},
    ),
    "kinerja/exchange/management/commands/bootstrap.py": (
        "the command's --help (argparse takes no lazy translation); what it says as it runs is translated",
        {bootstrap.Command.help},
    ),
    "kinerja/performance/management/commands/check_consistency.py": (
        "the command's --help (argparse takes no lazy translation); the report it prints is translated",
        {check_consistency.Command.help, "hanya target triwulan tahun ini (bawaan: semua tahun Renstra)"},
    ),
    "kinerja/reports/chapter_views.py": (
        "the LKjIP's own sentence of a missing chapter (“<chapter> tahun <year> …”, a document's text) it links",
        {" tahun "},
    ),
    "kinerja/performance/consistency/citation_parser.py": (
        "the decree's own words the parser reads and a citation's label rebuilds (“… Nomor 12 Tahun 2011”)",
        {" Tahun ", "Tahun", "TAHUN"},
    ),
    "kinerja/performance/consistency/citations.py": (
        "the official titles of the national regulations in force (IN_FORCE), compared with the decree's",
        {title for _kind, _number, _year, title in citations.IN_FORCE},
    ),
    "kinerja/performance/consistency/key_indicators.py": (
        "the position abbreviations of the decree read out (ABBREVIATIONS: “Kabid” is “kepala bidang”)",
        set(key_indicators.ABBREVIATIONS.values()),
    ),
    "kinerja/performance/consistency/names_across.py": ("the word a position's title starts with", {"kepala"}),
    "kinerja/performance/consistency/duties_functions.py": (
        "JOINING_WORDS: a function of the decree that ends on one of these words is cut off",
        set(duties_functions.JOINING_WORDS),
    ),
    "kinerja/performance/consistency/compare.py": (
        "FILLERS: words a formula's term may add without counting anything else",
        set(compare.FILLERS),
    ),
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _call_name(node: ast.Call) -> str:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", "")


def untranslated(source: str, data: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """The string literals of `source` that read Indonesian or carry a non-ASCII letter and are not inside a
    gettext call (docstrings and comments excepted, and the module's `data`), with their line."""
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in GETTEXT:
            skipped.update(id(inner) for arg in node.args for inner in ast.walk(arg))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skipped:
            continue
        text = node.value
        if text in NOT_TEXT or text in data or KEY.match(text) or PATTERN.search(text):
            continue
        if INDONESIAN.search(text) or any(not char.isascii() and char not in SIGNS for char in text):
            found.append((node.lineno, text))
    return found


def gettext_of_no_literal(source: str) -> list[int]:
    """The lines of gettext calls whose message is not a literal (an f-string, a name, a concatenation):
    `makemessages` cannot extract them, and a value inside the msgid makes one msgid per value."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _call_name(node) in GETTEXT and node.args:
            messages = node.args[1:2] if _call_name(node).startswith(("pgettext", "npgettext")) else node.args[:1]
            if not all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in messages):
                found.append(node.lineno)
    return found


def test_the_scan_finds_indonesian_outside_gettext_and_nothing_inside():
    source = '''
"""Realisasi: modul ini tidak diterjemahkan (a docstring)."""
from django.utils.translation import gettext, pgettext_lazy
# a comment: belum dikirim
LABEL = pgettext_lazy("role", "Official")
SEPARATOR = " — "
def refuse(code):
    """Tidak ada: a docstring again."""
    gettext("There is no quarter %(quarter)s; choose a quarter 1–4.")
    raise ValueError(f"Indikator {code} tidak diisi.")
    raise ValueError("Realisasi ini sudah dikirim.")
    return "Jawaban “%s”" % code
'''
    assert sorted(untranslated(source)) == [
        (10, " tidak diisi."),
        (10, "Indikator "),
        (11, "Realisasi ini sudah dikirim."),
        (12, "Jawaban “%s”"),
    ]
    assert gettext_of_no_literal(source) == []
    assert gettext_of_no_literal('gettext(f"Tahun {year}")\npgettext_lazy("role", name)\ngettext("Year")') == [1, 2]


def test_the_scan_reads_every_converted_module():
    names = {path.relative_to(ROOT).as_posix() for path in CONVERTED}
    assert len(CONVERTED) > 30
    assert {
        "kinerja/performance/workflow.py",
        "kinerja/evaluation/scoring.py",
        "kinerja/api/views/documents.py",
    } <= names
    assert all(path.is_file() for path in CONVERTED)


@pytest.mark.parametrize("path", CONVERTED, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_a_converted_module_writes_no_indonesian_outside_gettext(path):
    source = path.read_text()
    leaks = untranslated(source, frozenset(DATA.get(path.relative_to(ROOT).as_posix(), ("", set()))[1]))
    assert not leaks, f"Indonesian outside gettext (an English msgid, Indonesian in django.po): {leaks}"
    assert not gettext_of_no_literal(source), "a gettext call without a literal msgid (use %(name)s placeholders)"
