"""Text is text: what every spreadsheet and CSV writer does with a value a person typed.

A spreadsheet program reads a cell or a CSV field that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (OWASP "CSV injection": `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Every writer passes such
values through here, so the rule is written once:

- `spreadsheet_text(value)` for CSV: a text that could start a formula gets a leading single quote `'`, which
  Excel and LibreOffice read as "this is text" (OWASP's advice). Numbers (int, Decimal, float) stay numbers, and
  a text that is nothing but a number ("-12,50", "-1.234,5") is not a formula and stays as it is.
- `set_text(cell, value)` for openpyxl: the cell holds the text unchanged (a workbook read back gives the
  same text) but typed as a string, never as a formula, and with Excel's "quote prefix" set — the `'` of a
  workbook, so that editing the cell in Excel keeps it text.

Formulas that a builder writes on purpose (a percentage as `=E5/D5*100`) do not come through here.
"""

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")  # -12,50 · +3 · -1.234,5: a number, not a formula


def starts_formula(value: object) -> bool:
    """A text that a spreadsheet program would read as a formula (or a DDE call)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value)


def spreadsheet_text(value: Any) -> Any:
    """The value to write into a CSV field: a formula-like text behind a single quote; anything else as is."""
    return QUOTE + value if starts_formula(value) else value


def set_text(cell: Any, value: Any) -> None:
    """Write a person's value into an openpyxl cell: a text is always a string cell, never a formula."""
    cell.value = value
    if isinstance(value, str) and (cell.data_type == "f" or starts_formula(value)):
        cell.data_type = "s"
        cell.quotePrefix = True
