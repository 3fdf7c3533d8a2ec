"""The Excel renderer writes a person's text as text: a cell's text, a text in a cell's value that is not a
formula of cell references, and the sentences of what a draft lacks; the builders' arithmetic stays a formula
and numbers stay numbers."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kinerja.reports.document import Cell, Column, Document, Section, Table
from kinerja.reports.render_xlsx import render_xlsx

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "=WEBSERVICE(A1)",
    "=SUM(A1:A9)",
]


def _sheets(document: Document):
    return load_workbook(io.BytesIO(render_xlsx(document))).worksheets


def _document(rows: list[list[Cell]], missing: list[str] | None = None) -> Document:
    table = Table(
        columns=[Column(1), Column(1)],
        header=[[Cell.of("Nama"), Cell.of("Nilai")]],
        groups=[[row] for row in rows],
        title="Uji",
    )
    return Document("Uji", "uji", [Section([table])], missing=missing or [])


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_that_looks_like_a_formula_is_written_as_text(text):
    (sheet, _) = _sheets(_document([[Cell.of(text), Cell.of("", value=text)]], missing=[text]))
    for cell in (sheet["A2"], sheet["B2"]):
        assert (cell.value, cell.data_type) == (text, "s")
    lacks = _sheets(_document([[Cell.of("a"), Cell.of("b")]], missing=[text]))[1]
    assert (lacks["A2"].value, lacks["A2"].data_type) == (text, "s")


@pytest.mark.parametrize("formula", ["=B2/A2*100", "=(2*A2-B2)/A2*100", "=B2-A2"])
def test_the_builders_arithmetic_stays_a_formula_and_numbers_stay_numbers(formula):
    (sheet, *_) = _sheets(_document([[Cell.of("1", value=Decimal("-1.5")), Cell.of("2", value=formula)]]))
    assert (sheet["A2"].value, sheet["A2"].data_type) == (-1.5, "n")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (formula, "f")
