"""The Petunjuk sheet explains the workbook: what a row is per sheet, which columns each formula kind needs, how
codes are formed and where one IKU is written — read back from the generated file with openpyxl."""

import io

from openpyxl import load_workbook

from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.workbook.columns import SHEETS
from kinerja.exchange.workbook.guide import ROW_IS
from kinerja.exchange.workbook.shape import CONDITIONAL_FILL, GUIDE, HEADER_FILL, REQUIRED_FILL
from kinerja.exchange.workbook.xlsx import write_workbook


def _guide_rows(content: bytes) -> list[list]:
    book = load_workbook(io.BytesIO(content))
    return [[cell.value for cell in row] for row in book[GUIDE].iter_rows()]


def _column_rows(rows: list[list]) -> dict[tuple[str, str], list]:
    """The per-column table of the guide: (sheet, column header) → its row."""
    start = next(index for index, row in enumerate(rows) if row[:3] == ["Lembar", "Kolom", "Wajib"])
    table, sheet = {}, ""
    for row in rows[start + 1 :]:
        if row[0]:
            sheet = row[0]
        else:
            table[(sheet, row[1])] = row
    return table


def test_every_sheet_says_what_one_row_is():
    assert set(ROW_IS) == {sheet.name for sheet in SHEETS}
    rows = _guide_rows(write_workbook(None))
    said = {row[0]: row[5] for row in rows if row[0] in ROW_IS}
    for sheet in SHEETS:
        assert said[sheet.name].startswith(f"Satu baris = {ROW_IS[sheet.name]}."), sheet.name
    assert "Satu baris = satu indikator, sekali saja" in said["Indikator"]


def test_a_ratios_factor_is_marked_required_for_a_ratio_not_optional():
    table = _column_rows(_guide_rows(write_workbook(None)))
    for header in ("Pembilang", "Penyebut", "Faktor"):
        assert table[("Indikator", header)][2] == "wajib bila Formula = Rasio", header
    assert "Rasio saja" not in table[("Indikator", "Faktor")][5]
    assert table[("Realisasi", "Pembilang")][2] == "wajib bila Formula = Rasio"
    assert table[("Realisasi", "Realisasi")][2] == "wajib bila Formula = Jumlah atau Nilai"
    assert table[("Target", "Batas Atas")][2].startswith("wajib bila Polaritas indikator = Rentang")
    assert table[("Indikator", "Nama Indikator")][2] == "wajib"
    assert table[("Indikator", "Sumber Data")][2] in ("", None)  # truly optional stays unmarked


def test_the_conditionally_required_headers_are_orange_in_their_sheets():
    book = load_workbook(io.BytesIO(write_workbook(None)))
    headers = {cell.value: cell.fill.fgColor.rgb for cell in book["Indikator"][1]}
    assert headers["Faktor"] == headers["Pembilang"] == "00" + CONDITIONAL_FILL.fgColor.rgb[-6:]
    assert headers["Formula"][-6:] == REQUIRED_FILL.fgColor.rgb[-6:]
    assert headers["Sumber Data"][-6:] == HEADER_FILL.fgColor.rgb[-6:]


def test_the_guide_lists_the_columns_each_formula_needs():
    text = [row[0] for row in _guide_rows(write_workbook(None)) if row[0]]
    assert (
        "Formula = Rasio: lembar Indikator — Pembilang, Penyebut, Faktor; lembar Realisasi — Pembilang, Penyebut."
        in text
    )
    assert "Formula = Jumlah atau Nilai: lembar Realisasi — Realisasi." in text


def test_the_guide_says_where_one_iku_is_written_and_how_codes_are_formed(seed):
    content = write_workbook(export_agency_data(seed))
    text = "\n".join(str(row[0]) for row in _guide_rows(content) if row[0])
    assert "Satu IKU ditulis di beberapa lembar" in text
    for number, sheet in enumerate(("Indikator", "IKU", "Indikator IKI", "Target"), start=1):
        assert f"\n{number}. {sheet}" in text, sheet
    assert "Cara membentuk kode" in text
    # the examples of the code scheme are codes of the built-in agency's own workbook
    book = load_workbook(io.BytesIO(content))
    codes = {
        str(cell)
        for name in ("Unit Kerja", "Jabatan", "Sasaran Kinerja", "Indikator", "Program")
        for row in book[name].iter_rows(min_row=2, values_only=True)
        for cell in row[:2]
    }
    for example in ("seksi-tata-kelola", "kasi-tata-kelola", "kadis.O1", "kasi-tata-kelola.O1", "IKU.1", "2.16.02"):
        assert example in codes and example in text, example
    assert "kasubag-perencanaan.O1.I1" in codes and "kasubag-perencanaan.O1.I1" in text
