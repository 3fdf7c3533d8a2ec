"""The agency workbook: one column table, the built-in dataset round-trips, errors land on their cells."""

import io
import time
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kinerja.exchange import dataset_io
from kinerja.exchange.dataset_io import dump_dataset, read_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file, preview
from kinerja.exchange.tests.test_dataset import DATASET, empty_the_database, snapshot, without_test_people
from kinerja.exchange.workbook.columns import SHEETS
from kinerja.exchange.workbook.shape import GUIDE
from kinerja.exchange.workbook.xlsx import read_workbook, write_workbook
from kinerja.organisation.models import Agency
from kinerja.performance.models import Actual, Target
from kinerja.strategy.models import Indicator


def _schema_records() -> dict[str, dict]:
    """The properties of every record type of the schema, by the sheet that holds them."""
    properties = dataset_io.schema()["properties"]
    plan = properties["plan"]["properties"]
    decree = properties["decree"]["properties"]
    items = {
        "Wilayah": properties["region"],
        "Instansi": properties["agency"],
        "Unit Kerja": properties["units"]["items"],
        "Jabatan": properties["positions"]["items"],
        "Pejabat": properties["officials"]["items"],
        "Penugasan": properties["assignments"]["items"],
        "Tujuan": plan["goals"]["items"],
        "Sasaran Strategis": plan["objectives"]["items"],
        "Indikator": plan["indicators"]["items"],
        "IKU": plan["key_indicator_rows"]["items"],
        "Bab Keputusan": decree["chapters"]["items"],
        "Target": properties["targets"]["items"],
        "Realisasi": properties["actuals"]["items"],
    }
    return {sheet: node["properties"] for sheet, node in items.items()}


def test_the_column_table_covers_the_schema_and_its_closed_choices():
    """Every field of a record has its column (nothing is lost in a workbook), and every closed choice of the
    schema is a drop-down list of exactly its values."""
    for sheet_name, fields in _schema_records().items():
        sheet = next(s for s in SHEETS if s.name == sheet_name)
        keys = {column.key for column in sheet.columns}
        nested = {"head", "functions", "activities"}
        assert set(fields) - nested <= keys, (sheet_name, set(fields) - nested - keys)
        for name, node in fields.items():
            if "enum" in node:
                column = sheet.column(name)
                assert [key for key, _ in column.choices] == node["enum"], (sheet_name, name)


def test_blank_template_has_every_sheet_a_guide_drop_downs_and_frozen_headers():
    book = load_workbook(io.BytesIO(write_workbook(None)))
    assert book.sheetnames == [GUIDE, *(sheet.name for sheet in SHEETS)]
    guide_text = " ".join(str(cell.value) for row in book[GUIDE].iter_rows() for cell in row if cell.value)
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert ws.freeze_panes == "A2"
        assert [cell.value for cell in ws[1]] == [column.header for column in sheet.columns]
        assert ws.max_row == 1 or all(cell.value is None for row in ws.iter_rows(min_row=2) for cell in row)
        for column in sheet.columns:
            assert column.help in guide_text
            if column.choices:
                formulas = [v.formula1 for v in ws.data_validations.dataValidation]
                assert '"' + ",".join(column.choice_labels()) + '"' in formulas, (sheet.name, column.header)


def test_builtin_dataset_round_trips_through_the_workbook_into_an_empty_database(seed):
    without_test_people()
    data = export_agency_data(seed)
    content = write_workbook(data)
    read = read_workbook(content, source="instansi.xlsx")
    assert read.problems == []
    empty_the_database()
    result = import_file(actor=None, name="instansi.xlsx", content=content)
    assert result.ok, [str(p) for p in result.problems]
    agency = Agency.objects.get(code="halut-diskominfo")
    assert dump_dataset(export_agency_data(agency)) == DATASET.read_text(encoding="utf-8")
    again = preview(actor=None, name="instansi.xlsx", content=write_workbook(export_agency_data(agency)))
    assert again.ok and not again.changed, again.lines()


def test_targets_and_actuals_round_trip_through_the_workbook(seed, tmp_path):
    ratio = Indicator.objects.get(plan__agency=seed, code="IKU.5")
    from kinerja.performance import services

    services.set_target(
        actor=None, indicator=ratio, kind=Target.Kind.QUARTER, year=2022, quarter=3, value=Decimal("12.3456")
    )
    services.record_actual(
        actor=None,
        indicator=ratio,
        year=2022,
        quarter=2,
        numerator=Decimal(5),
        denominator=Decimal(9),
        note="Catatan = dua",
    )
    path = tmp_path / "instansi.xlsx"
    call_command("export_agency", "halut-diskominfo", str(path))
    first = dump_dataset(export_agency_data(seed))
    empty_the_database()
    call_command("import_agency", str(path))
    assert dump_dataset(export_agency_data(Agency.objects.get(code="halut-diskominfo"))) == first
    assert Actual.objects.get().status == Actual.Status.DRAFT


# -- a second agency, filled in as a planner would -------------------------------------------------------


def _fill(book, sheet: str, *rows: list) -> None:
    """Type the rows from the first empty row on (the template's rows are prepared as text, not empty)."""
    ws = book[sheet]
    number = next(n for n in range(2, ws.max_row + 2) if all(cell.value is None for cell in ws[n]))
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            ws.cell(number + offset, column).value = value


def second_agency_workbook(mistakes: bool = False) -> bytes:
    """A new agency typed into the blank template (headers as the template has them, labels of the lists)."""
    book = load_workbook(io.BytesIO(write_workbook(None)))
    _fill(book, "Wilayah", ["halut", "Kabupaten Halmahera Utara", "Maluku Utara", "Tobelo", "Bupati"])
    _fill(
        book,
        "Instansi",
        [
            "halut-bappeda",
            "Badan Perencanaan Pembangunan Daerah",
            "Bappeda",
            "",
            "Jl. Kemakmuran",
            "Tobelo",
            "",
            "",
            "",
            "97762",
            "Menyusun rencana pembangunan daerah.",
        ],
    )
    _fill(book, "Fungsi Instansi", ["", "Perumusan kebijakan perencanaan."], ["", "Koordinasi penyusunan rencana."])
    _fill(
        book,
        "Unit Kerja",
        ["badan", "Dinas", "Badan Perencanaan Pembangunan Daerah", ""],
        ["bidang-ekonomi", "Bidang", "Bidang Ekonomi", "badan"],
        ["bidang-ekonomi" if mistakes else "bidang-sosial", "Bidang", "Bidang Sosial", "badan"],
    )
    _fill(
        book,
        "Jabatan",
        ["kaban", "badan", "Kepala Badan", "", "", "Memimpin badan."],
        ["kabid-ekonomi", "bidang-ekonomi", "Kepala Bidang Ekonomi", "", "kaban-x" if mistakes else "kaban", ""],
        ["kabid-sosial", "bidang-ekonomi", "Kepala Bidang Sosial", "", "kaban", ""],
    )
    _fill(book, "Fungsi Jabatan", ["kaban", "", "Memimpin penyusunan rencana."])
    _fill(
        book,
        "Pejabat",
        ["19700101199503" + ("3" if mistakes else "1") + "001", "Ir. Budi Santoso, MT", "Pembina", "IV/a"],
        ["198001012005011002", "Sari Dewi, SE", "Penata", "III/c"],
    )
    _fill(
        book,
        "Penugasan",
        ["198001012005011002", "kabid-ekonomi", "2022-01-03", "", "Tidak"],
        ["19700101199503" + ("3" if mistakes else "1") + "001", "kaban", "2021-06-01", "", "Tidak"],
    )
    _fill(book, "Renstra", ["Renstra 2021–2026", 2021, 2026])
    _fill(book, "Tujuan", ["T1", "Meningkatnya kualitas perencanaan."])
    _fill(book, "Sasaran Strategis", ["S1", "T1", "Meningkatnya keselarasan rencana."])
    _fill(
        book,
        "Indikator",
        [
            "IKU.1",
            "Persentase program yang selaras",
            "S1",
            "Ya",
            "Rasio",
            "Program selaras",
            "Seluruh program",
            100,
            "Program selaras / seluruh program x 100%",
            "Persen",
            "Laporan",
            "kaban",
            "Makin tinggi makin baik",
            "Triwulan terakhir",
            2,
        ],
        [
            "kabid-ekonomi.O1.I1",
            "Jumlah dokumen kajian ekonomi",
            "",
            "Tidak",
            "Jumlah",
            "",
            "",
            "",
            "",
            "Dokumen",
            "Arsip bidang",
            "kabid-ekonomi",
            "Makin tinggi makin baik",
            "Dijumlahkan",
            0,
        ],
    )
    _fill(book, "IKU", ["IKU.1"])
    _fill(book, "Program", ["1.06.01", "Program Perencanaan", "S1", "IKU.1"])
    _fill(book, "Kegiatan", ["1.06.01", "1.06.01.2.01", "Penyusunan Rencana", "kabid-ekonomi.O1.I1"])
    _fill(book, "Sub Kegiatan", ["1.06.01", "1.06.01.2.01", "1.06.01.2.01.01", "Penyusunan RKPD", ""])
    _fill(
        book,
        "Sasaran Kinerja",
        ["kaban", "kaban.O1", "Meningkatnya keselarasan rencana", "S1"],
        ["kabid-ekonomi", "kabid-ekonomi.O1", "Tersedianya kajian ekonomi", "kaban.O1"],
    )
    _fill(book, "Indikator IKI", ["kaban.O1", "IKU.1"], ["kabid-ekonomi.O1", "kabid-ekonomi.O1.I1"])
    _fill(
        book,
        "Keputusan",
        [
            "050/12/BAPPEDA/2022",
            "2022-01-10",
            "Tobelo",
            2022,
            "KEPUTUSAN KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH",
            "PENETAPAN INDIKATOR KINERJA UTAMA DAN INDIKATOR KINERJA INDIVIDU",
            "kaban",
        ],
    )
    _fill(
        book,
        "Isi Keputusan",
        ["Menimbang", "", "bahwa kinerja perlu diukur dengan indikator yang jelas;"],
        ["Mengingat", "", "Peraturan Presiden Nomor 29 Tahun 2014;"],
        ["Memutuskan", "KESATU", "Menetapkan indikator kinerja sebagaimana tercantum dalam Lampiran."],
    )
    _fill(book, "Bab Keputusan", ["Kata Pengantar", "KATA PENGANTAR", "Puji syukur.\n\nSemoga bermanfaat."])
    _fill(
        book,
        "Target",
        ["IKU.1", "Tahunan", 2022, "", 80, ""],
        ["IKU.1", "Tahunan", 2030 if mistakes else 2023, "", 85, ""],
        ["kabid-ekonomi.O1.I1", "Triwulan", 2022, 1, "dua" if mistakes else 2, ""],
    )
    _fill(
        book,
        "Realisasi",
        ["IKU.1", 2022, 1, "", 7, "" if mistakes else 10, "Data lengkap", "", "", ""],
        ["kabid-ekonomi.O1.I1", 2022, 1, 2, "", "", "", "", "", ""],
    )
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def test_a_second_agency_filled_into_the_blank_template_imports_without_error(seed):
    result = import_file(actor=None, name="bappeda.xlsx", content=second_agency_workbook())
    assert result.ok, [str(p) for p in result.problems]
    assert result.new_agency
    agency = Agency.objects.get(code="halut-bappeda")
    assert agency.positions.count() == 3
    actual = Actual.objects.get(indicator__plan__agency=agency, indicator__code="IKU.1")
    assert actual.value == Decimal("70.0000")
    assert Target.objects.filter(indicator__plan__agency=agency).count() == 3
    again = import_file(actor=None, name="bappeda.xlsx", content=second_agency_workbook())
    assert again.ok and not again.changed


def test_deliberate_mistakes_give_one_message_per_wrong_cell_and_change_nothing(seed):
    before = snapshot(), Target.objects.count(), Actual.objects.count()
    result = import_file(actor=None, name="bappeda.xlsx", content=second_agency_workbook(mistakes=True))
    assert not result.applied
    assert (snapshot(), Target.objects.count(), Actual.objects.count()) == before
    cells = {(p.sheet, p.row, p.column): p.message for p in result.problems}
    messages = "\n".join(str(p) for p in result.problems)
    expected = {
        ("Unit Kerja", 4, "Kode Unit"),  # duplicated code
        ("Jabatan", 3, "Atasan"),  # unknown position
        ("Pejabat", 2, "NIP"),  # malformed NIP
        ("Target", 3, "Tahun"),  # a year outside the plan
        ("Target", 4, "Target"),  # a number that is not a number
        ("Realisasi", 2, "Penyebut"),  # a ratio without denominator
    }
    assert set(cells) == expected, messages
    assert len(result.problems) == len(expected), messages
    assert "ganda" in cells[("Unit Kerja", 4, "Kode Unit")]
    assert "kaban-x" in cells[("Jabatan", 3, "Atasan")]
    assert "bukan angka" in cells[("Target", 4, "Target")]
    assert "2030" in cells[("Target", 3, "Tahun")]


def test_a_file_that_is_not_a_workbook_is_refused_in_one_message(seed):
    result = import_file(actor=None, name="foto.xlsx", content=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert [p.message for p in result.problems] == ["berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca."]


def test_a_missing_sheet_and_a_missing_column_are_named(seed):
    book = load_workbook(io.BytesIO(second_agency_workbook()))
    del book["Tujuan"]
    book["Jabatan"].delete_cols(3)
    output = io.BytesIO()
    book.save(output)
    result = preview(actor=None, name="x.xlsx", content=output.getvalue())
    found = {(p.sheet, p.column) for p in result.problems}
    assert ("Tujuan", "") in found and ("Jabatan", "Nama Jabatan") in found, found


def test_import_command_lists_every_error_and_exits_with_one(seed, tmp_path, capsys):
    path = tmp_path / "salah.xlsx"
    path.write_bytes(second_agency_workbook(mistakes=True))
    with pytest.raises(CommandError, match="6 masalah"):
        call_command("import_agency", str(path))
    err = capsys.readouterr().err
    assert "lembar 'Pejabat', baris 2, kolom 'NIP'" in err
    assert not Agency.objects.filter(code="halut-bappeda").exists()


def test_dry_run_shows_the_preview_and_writes_nothing(seed, tmp_path, capsys):
    path = tmp_path / "bappeda.xlsx"
    path.write_bytes(second_agency_workbook())
    call_command("import_agency", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Jabatan: 3 baru" in out and "instansi baru" in out
    assert not Agency.objects.filter(code="halut-bappeda").exists()


def test_preview_lists_the_changed_values_on_their_cells(seed):
    data = export_agency_data(seed)
    data["positions"][2]["title"] = "Sekretaris Dinas Baru"
    result = preview(actor=None, name="x.xlsx", content=write_workbook(data))
    assert result.ok
    assert [(c.sheet, c.row, c.column, c.after) for c in result.changes] == [
        ("Jabatan", 4, "Nama Jabatan", "Sekretaris Dinas Baru")
    ]


def test_yaml_and_json_go_through_the_same_import(seed, tmp_path):
    data = read_dataset(DATASET)
    result = preview(actor=None, name="x.json", content=dataset_io.dump_dataset(data, as_json=True).encode())
    assert result.ok and not result.changed
    data["units"][1]["parent"] = "tidak-ada"
    result = preview(actor=None, name="x.yaml", content=dataset_io.dump_dataset(data).encode())
    assert [(p.record.split(" ")[0], p.column) for p in result.problems] == [("units[2]", "parent")]


# -- size ------------------------------------------------------------------------------------------------


def big_workbook(seed, rows: int, extra_indicators: int = 125) -> tuple[bytes, int]:
    """The built-in agency with invented indicators and `rows` rows of quarterly targets and actuals."""
    data = export_agency_data(seed)
    plan = data["plan"]
    plan["indicators"] += [
        {
            "code": f"UJI.{n}",
            "name": f"Jumlah dokumen uji {n}",
            "formula": "count",
            "unit": "Dokumen",
            "polarity": "higher",
            "quarter_rule": "sum",
            "decimals": 0,
        }
        for n in range(1, extra_indicators + 1)
    ]
    periods = [(year, quarter) for year in range(plan["first_year"], plan["last_year"] + 1) for quarter in (1, 2, 3, 4)]
    targets, actuals = [], []
    for indicator in plan["indicators"]:
        for year, quarter in periods:
            if len(targets) + len(actuals) >= rows:
                break
            targets.append(
                {
                    "indicator": indicator["code"],
                    "kind": "quarter",
                    "year": year,
                    "quarter": quarter,
                    "value": quarter * 10,
                    **({"value_upper": 100} if indicator.get("polarity") == "range" else {}),
                }
            )
            ratio = indicator["formula"] == "ratio"
            actuals.append(
                {
                    "indicator": indicator["code"],
                    "year": year,
                    "quarter": quarter,
                    **({"numerator": quarter, "denominator": 4} if ratio else {"value": quarter}),
                }
            )
    data["targets"], data["actuals"] = targets, actuals
    return write_workbook(data), len(targets) + len(actuals)


@pytest.mark.slow  # bulk: generated agencies or thousands of rows
def test_a_workbook_of_thousands_of_rows_imports_in_a_bounded_number_of_queries(seed):
    small, small_count = big_workbook(seed, 1000)
    content, count = big_workbook(seed, 5000)
    assert (small_count, count) == (1000, 5000)
    with CaptureQueriesContext(connection) as small_queries:
        assert preview(actor=None, name="kecil.xlsx", content=small).ok
    with CaptureQueriesContext(connection) as big_queries:
        assert preview(actor=None, name="besar.xlsx", content=content).ok
    # The same organisation and plan, 4,000 more rows of figures: the rows and their audit records are
    # written in batches (SQLite takes 999 parameters a query, so about 60 audit records a batch), never one
    # query per row.
    assert len(big_queries) - len(small_queries) < (count - small_count) / 20, (len(small_queries), len(big_queries))
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = import_file(actor=None, name="besar.xlsx", content=content)
    elapsed = time.perf_counter() - started
    print(
        f"\n{count} rows of targets and actuals: imported in {elapsed:.2f} s with {len(queries)} queries "
        f"(preview of 1,000 rows: {len(small_queries)} queries, of 5,000: {len(big_queries)})"
    )
    assert result.ok, [str(p) for p in result.problems[:5]]
    assert Target.objects.count() + Actual.objects.count() == count
    # The organisation and plan rows cost a few queries each (about 1,600 here); the figures a few per 500
    # rows and one per closed-period question. One query per figure row would be 5,000 more.
    assert len(queries) < 2500, len(queries)


def test_workbook_cells_read_as_a_planner_types_them():
    from kinerja.exchange.workbook.cells import BadCell, read_cell
    from kinerja.exchange.workbook.columns import NUMBER, Column

    number = Column("Target", "value", NUMBER, "")
    assert read_cell(number, "12,5") == "12.5"
    assert read_cell(number, "1.234") == 1234  # a dot groups thousands, as on the entry page
    assert read_cell(number, "1.234,5") == "1234.5"
    assert read_cell(number, 3.0) == 3
    assert read_cell(number, 0.1) == "0.1"
    assert read_cell(number, 0.98, "0%") == 98  # typed "98%" in Excel: the percentage it shows
    assert read_cell(number, 0.985, "0.0%") == "98.5"
    assert read_cell(number, 0.98, "General") == "0.98"
    for bad, message in [
        ("dua", "bukan angka"),
        ("1.5", "tulis koma, mis. 1,5"),
        ("1" * 30, "terlalu besar"),
        (1e29, "terlalu besar"),
        (True, "bukan angka"),
    ]:
        with pytest.raises(BadCell, match=message):
            read_cell(number, bad)


def test_a_closed_list_takes_the_models_values_and_refuses_one_without_a_word():
    from kinerja.exchange.workbook.columns import FORMULAS, TARGET_KINDS, _worded
    from kinerja.performance.models import Target
    from kinerja.strategy.models import Indicator

    assert [value for value, _ in FORMULAS] == Indicator.Formula.values
    assert [value for value, _ in TARGET_KINDS] == Target.Kind.values
    with pytest.raises(LookupError):
        _worded(Indicator.Formula.values, {Indicator.Formula.RATIO: "Rasio", Indicator.Formula.COUNT: "Jumlah"})
    with pytest.raises(LookupError):
        _worded(Indicator.Formula.values, {**dict(FORMULAS), "median": "Median"})
