"""One figure, one truth in the documents and exports (issue 16, items 1 and 3): on the seed with its example
figures, for several periods, every strategic objective's and every IKU's achievement that the evaluation of the
work plan (read back from its .xlsx with openpyxl and from its PDF with pdftotext), the LKjIP (read back from its
Word file and its PDF) and the public CSV print equals what the Renstra page and the API show for the same thing
and the same period — and the agency's figure too, where a document prints it."""

import csv
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from kinerja.dashboard.services import set_published
from kinerja.performance import achievement, services
from kinerja.performance.models import Actual, Target
from kinerja.reports.evaluation import build_evaluation
from kinerja.reports.lkjip import build_report
from kinerja.reports.output import render
from kinerja.reports.tests.readback import docx_text, normalise, pdf_text

from .test_one_figure import api_figures, page_figures, rounded

EVALUATION_PERIODS = [(2022, 2), (2022, 4), (2023, 1), (2023, 4)]
REPORT_YEARS = [2022, 2023]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
NUMBER = r"(—|-?[\d.]+(?:,\d+)?)"
FIGURE = r"(-?[\d.]+(?:,\d+)?)"
# the category that ends a row of table (1) (kinerja.performance.achievement.category)
CATEGORY = (
    "(?:"
    + "|".join(re.escape(name) for _, name in achievement.CATEGORY_BOUNDS)
    + f"|{re.escape(achievement.SANGAT_RENDAH)})"
)
# the column "Capaian Renja (%)" of the evaluation's main sheet (0-based; kinerja/reports/evaluation.py) and the
# column of the indicator's name
RENJA_COLUMN, NAME_COLUMN = 21, 3


def read_number(text: str) -> str:
    """An Indonesian figure as printed ("1.234,56", "—") → the pages' form ("1234.56", "")."""
    text = text.strip()
    if text in ("", "—"):
        return ""
    return rounded(Decimal(text.replace(".", "").replace(",", ".")))


@pytest.fixture
def documents_world(world, example_figures):
    """The seed with its example figures (2022), a few 2023 actuals entered by hand (IKU.2 without quarterly
    targets: compared with the year's target), some actuals verified (the public CSV prints verified ones only),
    and the public page published."""
    plan = example_figures.plans.get()
    iku2 = plan.indicators.get(code="IKU.2")
    Target.objects.filter(indicator=iku2, year=2023, kind=Target.Kind.QUARTER).delete()
    services.record_actual(
        actor=None, indicator=iku2, year=2023, quarter=1, numerator=Decimal(130), denominator=Decimal(196)
    )
    count = plan.indicators.filter(formula="count", page_rows__isnull=False).order_by("order").first()
    services.record_actual(actor=None, indicator=count, year=2023, quarter=1, value=Decimal(3))
    Actual.objects.filter(indicator__plan=plan, year=2022, quarter__in=[1, 2]).update(status=Actual.Status.VERIFIED)
    set_published(actor=None, agency=example_figures, published=True)
    return example_figures


def shown(client, agency, year: int, quarter: int, verified: bool = False) -> dict[str, str]:
    """What the Renstra page and the API show for the period: one value per name, the two places equal."""
    query = f"?tahun={year}&triwulan={quarter}" + ("&terverifikasi=1" if verified else "")
    renstra = page_figures(client.get(reverse("plan-detail", args=[agency.code]) + query).content.decode())
    places = [renstra]
    if not verified:
        places.append(api_figures(client, year, quarter, agency.code))
    figures: dict[str, str] = {}
    for place in places:
        for name, values in place.items():
            if name.startswith("target:"):
                continue
            assert len(values) == 1, (name, values)
            value = next(iter(values))
            assert figures.setdefault(name, value) == value, (name, figures[name], value)
    return figures


def names_and_codes(agency) -> dict[str, str]:
    plan = agency.plans.get()
    return {normalise(name): code for name, code in plan.indicators.filter(is_key=True).values_list("name", "code")}


def evaluation_xlsx(data: bytes, year: int, quarter: int, codes: dict[str, str]) -> dict[str, str]:
    """The evaluation's workbook, read back: each IKU's "Capaian Renja (%)" and the summary's roll-ups."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    found: dict[str, str] = {}
    for row in book[f"Evaluasi Renja TW {ROMAN[quarter]} {year}"].iter_rows(min_row=4, values_only=True):
        code = codes.get(normalise(str(row[NAME_COLUMN] or "")))
        if code:
            value = "" if row[RENJA_COLUMN] in (None, "—") else rounded(row[RENJA_COLUMN])
            assert found.setdefault(f"indicator:{code}", value) == value, code
    for label, value in book[f"Ringkasan TW {ROMAN[quarter]} {year}"].iter_rows(values_only=True):
        name = summary_name(str(label))
        if name:
            found[name] = "" if value in (None, "—") else rounded(value)
    return found


def summary_name(label: str) -> str | None:
    match = re.match(r"Capaian sasaran strategis (\S+) \(", label)
    if match:
        return f"objective:{match.group(1)}"
    return "agency" if label.startswith("Capaian kinerja instansi") else None


def units_of(agency) -> dict[str, str]:
    plan = agency.plans.get()
    return {
        normalise(name): normalise(unit)
        for name, unit in plan.indicators.filter(is_key=True).values_list("name", "unit")
    }


def table_one(text: str, codes: dict[str, str], units: dict[str, str]) -> dict[str, str]:
    """Table (1) of a PDF read back, row by row: "name unit target actual achievement category"."""
    found: dict[str, str] = {}
    for name, code in codes.items():
        # an achievement and its category, or "—" for both
        pattern = (
            re.escape(name)
            + " "
            + re.escape(units[name])
            + rf" {NUMBER} {NUMBER} (?:{FIGURE} {CATEGORY}|— —(?! —| -?\d))"
        )
        values = {read_number(match[2] or "—") for match in re.findall(pattern, text)}
        assert len(values) <= 1, (code, values)
        if values:
            found[f"indicator:{code}"] = values.pop()
    return found


def evaluation_pdf(data: bytes, codes: dict[str, str], units: dict[str, str]) -> dict[str, str]:
    """The evaluation's PDF, read back: the summary's objective and agency roll-ups, and table (1)'s IKU."""
    text = normalise(pdf_text(data))
    found: dict[str, str] = table_one(text, codes, units)
    for code, value in re.findall(r"Capaian sasaran strategis (\S+) \(\d+ dari \d+ indikator\) " + NUMBER, text):
        found[f"objective:{code}"] = read_number(value)
    for value in re.findall(
        r"Capaian kinerja instansi \(indikator halaman IKI\) \(\d+ dari \d+ indikator\) " + NUMBER, text
    ):
        found["agency"] = read_number(value)
    return found


def report_text(text: str, codes: dict[str, str]) -> dict[str, str]:
    """The LKjIP's text (Word or PDF), read back: chapter III's agency and objective roll-ups and each IKU's
    paragraph ("… sehingga capaian kinerjanya 96,92 % …")."""
    text = normalise(text)
    found: dict[str, str] = {}
    for code, value in re.findall(r"Capaian sasaran strategis (\S+) tahun \d{4}: " + NUMBER, text):
        found[f"objective:{code}"] = read_number(value)
    for value in re.findall(r"Capaian kinerja instansi \(indikator halaman IKI\) tahun \d{4}: " + NUMBER, text):
        found["agency"] = read_number(value)
    for name, value in re.findall(
        r"Indikator “(.+?)” pada tahun \d{4} ditargetkan .+? capaian kinerjanya " + NUMBER, text
    ):
        code = codes.get(name)
        if code:
            assert found.setdefault(f"indicator:{code}", read_number(value)) == read_number(value), code
    return found


def compare(printed: dict[str, str], expected: dict[str, str], place: str, *, iku: int) -> None:
    """Every figure the document prints equals the page's; objectives and at least `iku` IKU were compared."""
    problems = [
        f"{place} {name}: printed {value!r}, shown {expected.get(name)!r}"
        for name, value in printed.items()
        if expected.get(name) != value
    ]
    assert not problems, "\n".join(problems)
    assert sum(name.startswith("indicator:") for name in printed) >= iku, (place, sorted(printed))
    objectives = {name for name in expected if name.startswith("objective:S")}
    assert objectives and objectives <= set(printed), (place, objectives - set(printed))
    assert any(printed[name] for name in printed if name.startswith("indicator:")), f"{place}: all missing"


def test_the_evaluation_prints_the_figures_the_pages_show(client, world, documents_world):
    client.force_login(world.head_of_agency)
    codes = names_and_codes(documents_world)
    for year, quarter in EVALUATION_PERIODS:
        expected = shown(client, documents_world, year, quarter)
        document = build_evaluation(documents_world, year, quarter)
        workbook = evaluation_xlsx(render(document, "xlsx"), year, quarter, codes)
        compare(workbook, expected, f"evaluasi.xlsx {year} TW {quarter}", iku=len(codes))
        assert workbook["agency"] == expected["agency"]
        printed = evaluation_pdf(render(document, "pdf"), codes, units_of(documents_world))
        # the PDF's table (1) rows that pdftotext gives in row order (it reorders some layouts) are checked;
        # every IKU is checked in the workbook above
        indicators = {name: value for name, value in workbook.items() if name.startswith("indicator:")}
        compare({**indicators, **printed}, expected, f"evaluasi.pdf {year} TW {quarter}", iku=len(codes))
        assert printed["agency"] == expected["agency"]


def test_the_report_prints_the_figures_the_pages_show(client, world, documents_world):
    client.force_login(world.head_of_agency)
    codes = names_and_codes(documents_world)
    for year in REPORT_YEARS:
        expected = shown(client, documents_world, year, 4)
        document = build_report(documents_world, year)
        word = report_text(docx_text(render(document, "docx")), codes)
        compare(word, expected, f"lkjip.docx {year}", iku=len(codes))
        assert word["agency"] == expected["agency"]
        if year == REPORT_YEARS[0]:  # the PDF of one year (WeasyPrint takes a while)
            text = normalise(pdf_text(render(document, "pdf")))
            printed = report_text(text, codes)
            table = table_one(text, codes, units_of(documents_world))
            assert table and all(expected.get(name) == value for name, value in table.items()), (table, expected)
            compare(printed, expected, f"lkjip.pdf {year}", iku=len(codes))
            assert printed["agency"] == expected["agency"]


def test_the_public_csv_prints_the_figures_the_pages_show_on_verified_actuals(client, world, documents_world):
    body = client.get(reverse("public-csv", args=[documents_world.code])).content.decode()
    lines = list(csv.DictReader(io.StringIO(body)))
    client.force_login(world.head_of_agency)
    for year in (2022, 2023):
        expected = shown(client, documents_world, year, 4, verified=True)
        printed = {
            f"indicator:{line['kode']}": read_number(line["capaian_persen"])
            for line in lines
            if line["tahun"] == str(year)
        }
        problems = [
            f"public CSV {year} {name}: {value!r} ≠ {expected.get(name)!r}"
            for name, value in printed.items()
            if expected.get(name) != value
        ]
        assert not problems, "\n".join(problems)
        assert len(printed) == len(names_and_codes(documents_world))
        if year == 2022:
            assert any(printed.values()), "the verified 2022 actuals give achievements"


def test_the_documents_apply_the_cap_setting_as_the_pages_do(client, world, documents_world, settings):
    client.force_login(world.head_of_agency)
    codes = names_and_codes(documents_world)
    uncapped = shown(client, documents_world, 2022, 4)
    settings.KINERJA_ROLLUP_CAP = "100"
    expected = shown(client, documents_world, 2022, 4)
    assert Decimal(expected["agency"]) < Decimal(uncapped["agency"]), "the cap changes the agency's figure"
    workbook = evaluation_xlsx(render(build_evaluation(documents_world, 2022, 4), "xlsx"), 2022, 4, codes)
    compare(workbook, expected, "evaluasi.xlsx 2022, batas 100", iku=len(codes))
    assert workbook["agency"] == expected["agency"]
    text = docx_text(render(build_report(documents_world, 2022), "docx"))
    word = report_text(text, codes)
    compare(word, expected, "lkjip.docx 2022, batas 100", iku=len(codes))
    assert word["agency"] == expected["agency"]
    assert "capaian di atas 100 % dihitung 100 %" in text  # the report says the cap in force


def test_the_public_csv_costs_the_same_queries_however_many_years_it_prints(
    client, documents_world, django_assert_num_queries
):
    plan = documents_world.plans.get()
    # 6: the published agency, its current plan, and the plan's figures for every year at once (4: indicators,
    # IKI page rows, targets, actuals — performance.figures.get_plan_figures_by_year)
    with django_assert_num_queries(6):
        short = client.get(reverse("public-csv", args=[documents_world.code])).content.decode()
    plan.last_year += 5
    plan.save(update_fields=["last_year"])
    with django_assert_num_queries(6):
        long = client.get(reverse("public-csv", args=[documents_world.code])).content.decode()
    assert long.count("\n") > short.count("\n")
