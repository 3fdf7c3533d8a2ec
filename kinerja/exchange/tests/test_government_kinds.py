"""The kind of government and the unit kinds travel through the dataset file and the workbook."""

import copy
import io

from openpyxl import load_workbook

from kinerja.exchange.dataset_io import schema_problems
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.tests.test_dataset import empty_the_database, seed_data
from kinerja.exchange.workbook.xlsx import read_workbook, write_workbook
from kinerja.organisation.models import Region, Unit


def _ministry_inspectorate() -> dict:
    """The seed, renamed into a ministry's inspectorate: the agency's unit an Inspektorat, a Bidang an
    Inspektorat Wilayah, the secretariat a Sekretariat and a section a Sub Bagian."""
    data = copy.deepcopy(seed_data())
    data["region"].update(
        code="kemenag", kind="pusat", name="Kementerian Agama Republik Indonesia", head_title="Menteri"
    )
    data["agency"].update(code="itjen-kemenag", name="Inspektorat Jenderal")
    kinds = {"dinas": "inspektorat", "bidang": "inspektorat_wilayah", "seksi": "sub_bagian"}
    for unit in data["units"]:
        unit["kind"] = kinds.get(unit["kind"], unit["kind"])
    return data


def test_a_ministry_inspectorate_loads_and_round_trips_through_file_and_workbook(seed):
    data = _ministry_inspectorate()
    assert schema_problems(data, source="kemenag.yaml") == []
    empty_the_database()
    report = load_agency_data(actor=None, data=data, source="kemenag.yaml")
    region = report.agency.region
    assert region.kind == Region.Kind.CENTRAL
    assert region.wording.letterhead == "KEMENTERIAN AGAMA REPUBLIK INDONESIA"
    assert region.wording.head == "Menteri Agama Republik Indonesia"
    assert set(report.agency.units.values_list("kind", flat=True)) == {
        Unit.Kind.INSPECTORATE,
        Unit.Kind.SECRETARIAT,
        Unit.Kind.REGIONAL_INSPECTORATE,
        Unit.Kind.SUB_DIVISION,
    }
    exported = export_agency_data(report.agency)
    assert exported["region"]["kind"] == "pusat"
    assert [unit["kind"] for unit in exported["units"]] == [unit["kind"] for unit in data["units"]]

    content = write_workbook(exported)
    sheet = load_workbook(io.BytesIO(content))["Wilayah"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("Jenis Pemerintahan") + 1).value == "Pemerintah pusat (kementerian/lembaga)"
    units = load_workbook(io.BytesIO(content))["Unit Kerja"]
    assert "Inspektorat Wilayah" in [row[1] for row in units.iter_rows(min_row=2, values_only=True)]
    read = read_workbook(content, source="kemenag.xlsx")
    assert read.problems == []
    assert read.data["region"]["kind"] == "pusat"
    assert [unit["kind"] for unit in read.data["units"]] == [unit["kind"] for unit in data["units"]]


def test_a_workbook_written_before_the_kind_and_the_renamed_head_columns_is_read_and_keeps_the_kind(seed):
    region = seed.region
    region.kind = Region.Kind.CITY
    region.save()
    book = load_workbook(io.BytesIO(write_workbook(export_agency_data(seed))))
    sheet = book["Wilayah"]
    header = [cell.value for cell in sheet[1]]
    sheet.delete_cols(header.index("Jenis Pemerintahan") + 1)
    for cell in sheet[1]:  # the headers as they were written then
        cell.value = cell.value.replace("Pimpinan", "Kepala Daerah")
    assert "Nama Kepala Daerah" in [cell.value for cell in sheet[1]]
    old = io.BytesIO()
    book.save(old)
    read = read_workbook(old.getvalue(), source="lama.xlsx")
    assert read.problems == []
    assert "kind" not in read.data["region"]
    assert read.data["region"]["head"]["name"] == seed.region.head.name  # the old headers are still read
    load_agency_data(actor=None, data=read.data, source="lama.xlsx")
    region.refresh_from_db()
    assert region.kind == Region.Kind.CITY
