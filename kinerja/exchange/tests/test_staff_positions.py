"""A staff position (issue 21: pelaksana / jabatan fungsional, kinerja.skp) keeps its kind through the agency file
and the workbook; the built-in dataset, which has none, exports exactly as before."""

from kinerja.exchange.dataset_io import dump_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.tests.test_dataset import DATASET, empty_the_database, without_test_people
from kinerja.exchange.workbook.xlsx import read_workbook, write_workbook
from kinerja.organisation.models import Agency, Position
from kinerja.organisation.staff_positions import add_staff_position


def test_a_staff_position_round_trips_through_the_workbook_with_its_kind(seed):
    without_test_people()
    assert dump_dataset(export_agency_data(seed)) == DATASET.read_text(encoding="utf-8")
    add_staff_position(
        actor=None,
        superior=Position.objects.get(agency=seed, code="kasi-tata-kelola"),
        code="pranata-komputer",
        title="Pranata Komputer Ahli Pertama",
    )
    data = export_agency_data(seed)
    [staff] = [item for item in data["positions"] if item["code"] == "pranata-komputer"]
    assert (staff["kind"], staff["superior"]) == ("staf", "kasi-tata-kelola")
    assert all("kind" not in item for item in data["positions"] if item["code"] != "pranata-komputer")
    content = write_workbook(data)
    assert read_workbook(content, source="instansi.xlsx").problems == []
    Position.objects.filter(kind="staf").delete()  # (empty_the_database unlinks superiors, which staff must have)
    empty_the_database()
    result = import_file(actor=None, name="instansi.xlsx", content=content)
    assert result.ok, [str(p) for p in result.problems]
    agency = Agency.objects.get(code="halut-diskominfo")
    loaded = Position.objects.get(agency=agency, code="pranata-komputer")
    assert (loaded.kind, loaded.superior.code) == ("staf", "kasi-tata-kelola")
    assert Position.objects.filter(agency=agency, kind="struktural").count() == 17
    assert export_agency_data(agency) == data
