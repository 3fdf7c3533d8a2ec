"""Text is text: the one rule every spreadsheet and CSV writer follows (OWASP CSV injection)."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from kinerja.core.cells import set_text, spreadsheet_text

ATTACKS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "=1+1"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("- Anggaran terlambat", "'- Anggaran terlambat"),
        ("Persentase =", "Persentase ="),  # only the first character counts
        ("", ""),
        ("-12,50", "-12,50"),  # a number written as text is a number, not a formula
        ("-1.234,5", "-1.234,5"),
        ("+3", "+3"),
        (Decimal("-12.5"), Decimal("-12.5")),  # numbers stay numbers
        (-7, -7),
        (2022, 2022),
        (None, None),
    ],
)
def test_spreadsheet_text_quotes_a_text_that_could_start_a_formula(value, written):
    assert spreadsheet_text(value) == written


@pytest.mark.parametrize("text", ATTACKS)
def test_a_csv_field_that_could_start_a_formula_starts_with_a_quote(text):
    buffer = io.StringIO()
    csv.writer(buffer).writerow([spreadsheet_text(text)])
    (field,) = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert field == "'" + text


def _read_back(values: list[object]) -> list:
    book = Workbook()
    for row, value in enumerate(values, start=1):
        set_text(book.active.cell(row=row, column=1), value)
    buffer = io.BytesIO()
    book.save(buffer)
    return [row[0] for row in load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows()]


def test_a_workbook_cell_of_text_is_a_string_never_a_formula_and_reads_back_unchanged():
    cells = _read_back(ATTACKS)
    assert [cell.value for cell in cells] == ATTACKS
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_a_workbook_cell_keeps_numbers_as_numbers_and_plain_text_without_quote_prefix():
    number, negative, text = _read_back([Decimal("12.5"), -3, "Dinas Kominfo"])
    assert (number.value, number.data_type) == (12.5, "n")
    assert (negative.value, negative.data_type) == (-3, "n")
    assert (text.value, text.data_type, text.quotePrefix) == ("Dinas Kominfo", "s", False)
