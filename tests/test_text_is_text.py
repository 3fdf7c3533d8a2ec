"""Text is text (issue 15, item 4): a note, a factor, an indicator name or an evaluator's note that starts like a
formula is written as text into every workbook (every report .xlsx of the catalogue, the LKE, the agency
workbook) and behind a quote into the public CSV."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.dashboard.services import set_published
from kinerja.evaluation import services as evaluation
from kinerja.evaluation.models import Answer, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file
from kinerja.performance.models import Actual
from kinerja.reports.catalogue import KINDS
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import find_current_plan

SEED = "halut-diskominfo"
YEAR = 2022
HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "=cmd|' /C calc'!A0"
PLUS = "+1+1"
AT = "@SUM(A1)"
ATTACKS = (HYPERLINK, DDE, PLUS, AT)
# What a builder writes as a formula on purpose: arithmetic on cell references, no function, nothing else.
BUILDER_FORMULA = re.compile(r"^=(?:[A-Z]{1,3}[0-9]+|[0-9]+|[()*/+-])+$")


@pytest.fixture
def hostile(example_figures, world, settings, tmp_path):
    """The seed with example figures (the `example_figures` rows, inserted in bulk), an indicator named, measured
    and noted like a formula, and a final SAKIP evaluation whose notes and recommendations are formulas."""
    settings.MEDIA_ROOT = tmp_path
    plan = find_current_plan(world.agency)
    iku = Indicator.objects.filter(plan=plan, is_key=True).order_by("order").first()
    Indicator.objects.filter(pk=iku.pk).update(name=HYPERLINK + " Indeks", unit=AT)
    Actual.objects.filter(indicator=iku, year=YEAR).update(
        note=DDE, supporting_factors=HYPERLINK, hindering_factors=PLUS, follow_up=AT, status=Actual.Status.VERIFIED
    )
    set_published(actor=None, agency=world.agency, published=True)
    version = WorksheetVersion.objects.filter(code="2021").first() or load_worksheet(
        actor=None, worksheet=read_worksheet_file(builtin_worksheet_path())
    )
    sakip = evaluation.start_evaluation(actor=world.planner, agency=world.agency, year=YEAR, version=version)
    sakip = evaluation.submit_self_assessment(actor=world.planner, evaluation=sakip, send_incomplete=True)
    for number, answer in enumerate(Answer.objects.filter(evaluation=sakip).select_related("evaluation")):
        evaluation.save_evaluator_answer(
            actor=world.inspector,
            answer=answer,
            value="B",
            note=ATTACKS[number % 4],
            recommendation=ATTACKS[(number + 1) % 4],
        )
    evaluation.finalise(actor=world.inspector, evaluation=sakip)
    return world


def _cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _assert_text_is_text(content: bytes, expected: tuple[str, ...]) -> None:
    cells = _cells(content)
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert all(BUILDER_FORMULA.match(formula) for formula in formulas), formulas
    for attack in expected:
        holding = [cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith(attack)]
        assert holding, f"{attack} not written"
        assert all(cell.data_type == "s" for cell in holding)


def _workbooks(client) -> dict[str, bytes]:
    books = {}
    for kind in KINDS.values():
        if "xlsx" in kind.formats:
            url = reverse("document-download", args=[SEED, kind.slug, "xlsx"]) + f"?tahun={YEAR}&triwulan=4"
            response = client.get(url)
            assert response.status_code == 200, kind.slug
            books[kind.slug] = response.content
    return books


def test_every_report_workbook_writes_formula_like_text_as_text(client, hostile):
    from kinerja.actionplans.services import add_action

    iku = Indicator.objects.select_related("plan__agency").get(plan__agency=hostile.agency, code="IKU.1")
    add_action(
        actor=None,
        indicator=iku,
        year=YEAR,
        quarter=1,
        description=DDE,
        output_quantity=None,
        output_unit="dokumen",
        responsible_position=hostile.agency.positions.get(code="kadis"),
    )
    client.force_login(hostile.planner)
    books = _workbooks(client)
    assert set(books) == {"evaluasi-renja", "lke-sakip", "rencana-aksi"}
    _assert_text_is_text(books["evaluasi-renja"], (HYPERLINK, AT, PLUS))  # name, unit, factors and follow-up
    _assert_text_is_text(books["lke-sakip"], ATTACKS)  # the evaluator's notes and recommendations
    _assert_text_is_text(books["rencana-aksi"], (DDE,))  # an action's description


def test_the_agency_workbook_writes_formula_like_text_as_text(client, hostile):
    client.force_login(hostile.planner)
    response = client.get(reverse("exchange-export", args=[SEED]))
    assert response.status_code == 200
    _assert_text_is_text(response.content, (HYPERLINK, AT))


def test_the_public_csv_puts_a_quote_before_formula_like_text(client, hostile):
    response = client.get(reverse("public-csv", args=[SEED]))  # anonymous
    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    fields = [field for row in rows for field in row]
    assert "'" + HYPERLINK + " Indeks" in fields and "'" + AT in fields
    assert not [field for field in fields if field[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [field for field in fields if field.startswith("-") and not re.match(r"^-[\d.,]+$", field)]
