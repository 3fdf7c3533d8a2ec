"""The tables of any Document as an Excel workbook (openpyxl): one sheet per table, starting at A1.

Header rows come first (bold, grey, merged as their spans say, frozen), then the rows in order. A cell with a
`value` is written as that number (or formula, when it starts with "="), formatted with its number format, so
a planner can go on calculating; every other cell is written as its text, always as text (kinerja.core.cells: a
name or note that starts with "=" never becomes a formula). A draft's gaps go on a last sheet.
"""

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kinerja.core.cells import set_text

from .document import Document, Table

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
NUMBER_FORMAT = "#,##0.00"
_INVALID = re.compile(r"[\[\]:*?/\\]")
# The only formulas a builder writes: arithmetic on cell references and numbers ("=W4/F4*100",
# "=(2*D5-E5)/D5*100"), no function; any other text in a cell's value is written as text.
BUILDER_FORMULA = re.compile(r"^=(?:\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?|[()*/+\-])+$")


def sheet_title(title: str, index: int, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = _INVALID.sub(" ", title).strip()[:31] or f"Tabel {index}"
    name, counter = base, 2
    while name.lower() in used:
        suffix = f" ({counter})"
        name, counter = base[: 31 - len(suffix)] + suffix, counter + 1
    used.add(name.lower())
    return name


def _write_table(sheet, table: Table) -> None:
    header_count = len(table.header)
    total = sum(column.width for column in table.columns) or 1
    for index, column in enumerate(table.columns, 1):
        width = column.excel_width or max(8.0, 120 * column.width / total)
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_index, column, cell in table.layout():
        target = sheet.cell(row=row_index + 1, column=column + 1)
        value = cell.value
        if isinstance(value, Decimal):
            target.value = value
            target.number_format = cell.number_format or NUMBER_FORMAT
        elif isinstance(value, int | str) and value != "":
            if isinstance(value, str) and not BUILDER_FORMULA.match(value):
                set_text(target, value)  # not a formula of cell references: written as the text it is
            else:
                target.value = value
            if cell.number_format:
                target.number_format = cell.number_format
        else:
            set_text(target, cell.plain)
        is_header = row_index < header_count
        horizontal = "center" if is_header else ("general" if value is not None else cell.align)
        if horizontal == "justify":
            horizontal = "left"
        target.alignment = Alignment(horizontal=horizontal, vertical="center" if is_header else "top", wrap_text=True)
        if is_header or cell.bold:
            target.font = Font(bold=True)
        if is_header:
            target.fill = HEADER_FILL
        if table.style == "grid":
            for down in range(cell.rowspan):
                for across in range(cell.colspan):
                    sheet.cell(row=row_index + 1 + down, column=column + 1 + across).border = BORDER
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=row_index + 1,
                start_column=column + 1,
                end_row=row_index + cell.rowspan,
                end_column=column + cell.colspan,
            )
    if header_count:
        sheet.freeze_panes = sheet.cell(row=header_count + 1, column=table.freeze_columns + 1)


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for index, table in enumerate(document.tables(), 1):
        sheet = workbook.create_sheet(sheet_title(table.title, index, used))
        _write_table(sheet, table)
    if document.missing or not workbook.sheetnames:
        sheet = workbook.create_sheet(sheet_title("Kekurangan data", 0, used))
        sheet.column_dimensions["A"].width = 100
        sheet["A1"] = "KONSEP — data yang belum lengkap:" if document.missing else "Dokumen tanpa tabel."
        sheet["A1"].font = Font(bold=True)
        for row, sentence in enumerate(document.missing, 2):
            set_text(sheet.cell(row=row, column=1), sentence)
    workbook.properties.title = document.title
    workbook.properties.language = "id-ID"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
