"""The shape of a workbook: its sheets with their headers, widths, drop-down lists and text formats, the
Petunjuk sheet, and the reading of one sheet (which column is which, row by row, every cell's problem)."""

from typing import Any

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.exchange.loading.report import CellProblem

from .cells import BadCell, read_cell, set_value, text_of, write_cell
from .columns import CODE, CODES, DATE, NIP, SHEETS, TEXT, Column, Sheet

GUIDE = "Petunjuk"
MAX_ROWS = 20_000  # data rows a sheet may have: bounds the time of a preview (an agency has a few thousand)
MAX_COLUMNS = 100  # columns read of a sheet (the widest has 16): a cell far right does not widen every row
TEMPLATE_ROWS = 200  # rows of a blank sheet prepared as text (a NIP or a code keeps its leading zeros and dots)

EXAMPLES_NOT_EXPORTED = (
    "Angka contoh tidak diekspor: target dan realisasi yang ditandai «Data contoh» (dibuat "
    "untuk mencoba Kinerja) tidak ada di lembar Target dan Realisasi, walaupun tampil di layar. "
    "Buku kerja ini hanya memuat angka yang diisi sendiri. Angka yang Anda tulis untuk "
    "periode yang berisi angka contoh akan menggantikannya."
)
NUMBERS = (
    "Angka: titik memisahkan ribuan dan koma memisahkan desimal (1.234 = seribu dua ratus tiga puluh empat; "
    "1.234,5; 1,5). Teks «1.5» ditolak karena titik bukan tanda desimal: tulis 1,5. Paling banyak 16 angka "
    "sebelum koma. Sel angka biasa dibaca sebagai angka yang tampak di Excel. Sel berformat persen dibaca "
    "sebagai persen yang tampak: 98% (yang disimpan Excel sebagai 0,98) menjadi 98."
)
GUIDE_NOTES = (NUMBERS, EXAMPLES_NOT_EXPORTED)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="9C2A00")
CONDITIONAL_FILL = PatternFill("solid", fgColor="B86B00")  # required in some rows (see Petunjuk)
WRAP = Alignment(wrap_text=True, vertical="top")


def add_sheets(book: Workbook, rows: dict[str, list[dict]]) -> None:
    """One sheet per entry of the column table: headers (red where required, orange where required in some
    rows), widths, the rows, a drop-down list
    for every column with choices and a text or date format for the rows a person will fill."""
    for spec in SHEETS:
        sheet = book.create_sheet(spec.name)
        sheet.append([column.header for column in spec.columns])
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(1, index)
            fill = REQUIRED_FILL if column.required else CONDITIONAL_FILL if column.required_when else HEADER_FILL
            cell.font, cell.fill = HEADER_FONT, fill
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        for item in rows[spec.name]:
            sheet.append([None] * len(spec.columns))
            number = sheet.max_row
            for index, column in enumerate(spec.columns, start=1):
                set_value(sheet.cell(number, index), write_cell(column, item.get(column.key)))
        last = max(sheet.max_row, 1) + (1 if spec.single else TEMPLATE_ROWS)
        for index, column in enumerate(spec.columns, start=1):
            letter = get_column_letter(index)
            if column.choices:
                validation = DataValidation(
                    type="list",
                    formula1='"' + ",".join(column.choice_labels()) + '"',
                    allow_blank=not column.required,
                    showErrorMessage=True,
                    errorTitle="Pilihan tidak dikenal",
                    error="Pilih salah satu nilai dari daftar.",
                )
                validation.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(validation)
            if column.kind in (TEXT, CODE, CODES, NIP):
                for number in range(2, last + 1):
                    sheet.cell(number, index).number_format = "@"
            elif column.kind == DATE:
                for number in range(2, last + 1):
                    sheet.cell(number, index).number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"


def read_sheet(book: Any, spec: Sheet, source: str, problems: list[CellProblem], refused: set[str]) -> list[dict]:
    if spec.name not in book.sheetnames:
        problems.append(CellProblem(source, spec.name, None, "", gettext("this sheet is not in the workbook.")))
        return []
    lines = book[spec.name].iter_rows(max_col=MAX_COLUMNS)  # cells: a number's format says if it is a percentage
    header = tuple(cell.value for cell in next(lines, ()))
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        if title is not None:
            positions.setdefault(" ".join(str(title).split()).lower(), index)
    columns: list[tuple[int, Column]] = []
    missing = False
    for column in spec.columns:
        index = next(
            (positions[title.lower()] for title in (column.header, *column.aliases) if title.lower() in positions), None
        )
        if index is None and column.may_be_absent:
            continue
        if index is None:
            problems.append(
                CellProblem(source, spec.name, 1, column.header, gettext("this column is not in the header row."))
            )
            missing = True
        else:
            columns.append((index, column))
    if missing:
        return []
    result = []
    for number, row_cells in enumerate(lines, start=2):
        line = tuple(cell.value for cell in row_cells)
        if number > MAX_ROWS + 1:
            problems.append(
                CellProblem(
                    source,
                    spec.name,
                    None,
                    "",
                    gettext("this sheet holds more than %(rows)s data rows; split the file.") % {"rows": MAX_ROWS},
                )
            )
            break
        cells = [(column, line[index] if index < len(line) else None) for index, column in columns]
        if all(value is None or (isinstance(value, str) and not value.strip()) for _, value in cells):
            continue
        row: dict[str, Any] = {"_row": number}
        for (index, _), (column, value) in zip(columns, cells, strict=True):
            if value is None or (isinstance(value, str) and not value.strip()):
                if column.required:
                    problems.append(CellProblem(source, spec.name, number, column.header, gettext("is required.")))
                continue
            try:
                row[column.key] = read_cell(column, value, getattr(row_cells[index], "number_format", ""))
            except BadCell as bad:
                problems.append(CellProblem(source, spec.name, number, column.header, str(bad)))
                if column.key in ("code", "nip"):
                    refused.add(text_of(value))
        result.append(row)
    return result
