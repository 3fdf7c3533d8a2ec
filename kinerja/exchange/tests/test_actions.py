"""The action plan in the dataset and the workbook's "Rencana Aksi" sheet: exported, imported through the action
plan's one door (its rules and its sentences, each on its cell), and round-tripped unchanged."""

from decimal import Decimal

from openpyxl import load_workbook

from kinerja.actionplans import services
from kinerja.actionplans.models import ActionItem
from kinerja.actionplans.tests.helpers import INDICATOR, YEAR, indicator_of, sub_activity_of
from kinerja.core.models import AuditRecord
from kinerja.exchange.dataset_io import dump_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.tests.test_dataset import empty_the_database
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Agency, Position
from kinerja.performance.models import PeriodLock

SHEET = "Rencana Aksi"


def _actions(agency) -> None:
    indicator = indicator_of(agency)
    kasi = Position.objects.get(agency=agency, code="kasi-tata-kelola")
    sub = sub_activity_of(indicator.plan)
    rows = [
        (1, "Menyusun rancangan kebijakan", Decimal(1), "dokumen", kasi, sub),
        (1, "Rapat pembahasan bersama Bagian Hukum", Decimal("2.5"), "kegiatan", kasi, None),
        (3, "Sosialisasi kebijakan", None, "", kasi, None),
    ]
    for quarter, description, quantity, unit, position, budget in rows:
        services.add_action(
            actor=None,
            indicator=indicator,
            year=YEAR,
            quarter=quarter,
            description=description,
            output_quantity=quantity,
            output_unit=unit,
            responsible_position=position,
            sub_activity=budget,
        )


def _stored() -> list[tuple]:
    return list(
        ActionItem.objects.order_by("indicator__code", "year", "quarter", "order").values_list(
            "indicator__code",
            "year",
            "quarter",
            "order",
            "description",
            "output_quantity",
            "output_unit",
            "responsible_position__code",
            "sub_activity__code",
            "is_example",
        )
    )


def test_the_action_plan_round_trips_through_the_workbook_into_an_empty_database(seed):
    _actions(seed)
    data = export_agency_data(seed)
    assert data["actions"][1] == {
        "indicator": INDICATOR,
        "year": YEAR,
        "quarter": 1,
        "description": "Rapat pembahasan bersama Bagian Hukum",
        "output_quantity": "2.5",
        "output_unit": "kegiatan",
        "responsible_position": "kasi-tata-kelola",
    }
    content = write_workbook(data)
    sheet = load_workbook(__import__("io").BytesIO(content))[SHEET]
    assert [cell.value for cell in sheet[1]][:4] == ["Kode Indikator", "Tahun", "Triwulan", "Aksi"]
    assert sheet.cell(3, 4).value == "Rapat pembahasan bersama Bagian Hukum"
    first, rows = dump_dataset(data), _stored()
    empty_the_database()
    assert not ActionItem.objects.exists()

    result = import_file(actor=None, name="instansi.xlsx", content=content)

    assert result.ok, [str(problem) for problem in result.problems]
    assert _stored() == rows
    assert dump_dataset(export_agency_data(Agency.objects.get(code=seed.code))) == first
    again = import_file(actor=None, name="instansi.xlsx", content=content)
    counted = {count.sheet: count for count in again.counts}
    assert (counted[SHEET].created, counted[SHEET].updated, counted[SHEET].unchanged) == (0, 0, 3)
    assert _stored() == rows


def test_the_planners_import_changes_and_adds_through_the_one_door_and_the_trail_names_them(world, seed):
    _actions(seed)
    data = export_agency_data(seed)
    data["actions"][0]["description"] = "Menyusun rancangan peraturan bupati"
    data["actions"].append(
        {
            "indicator": INDICATOR,
            "year": YEAR,
            "quarter": 4,
            "description": "Evaluasi kebijakan",
            "responsible_position": "kasi-tata-kelola",
        }
    )
    result = import_file(actor=world.planner, name="instansi.xlsx", content=write_workbook(data), agency=seed)
    assert result.ok, [str(problem) for problem in result.problems]
    descriptions = list(ActionItem.objects.order_by("quarter", "order").values_list("quarter", "order", "description"))
    assert descriptions == [
        (1, 0, "Menyusun rancangan peraturan bupati"),
        (1, 1, "Rapat pembahasan bersama Bagian Hukum"),
        (3, 0, "Sosialisasi kebijakan"),
        (4, 0, "Evaluasi kebijakan"),
    ]
    trail = AuditRecord.objects.filter(object_label="actionplans.actionitem", user=world.planner)
    assert sorted(trail.values_list("action", flat=True)) == ["changed", "created"]


def test_the_services_refusals_come_back_on_their_cells_and_nothing_is_written(world, seed):
    _actions(seed)
    data = export_agency_data(seed)
    data["actions"][2]["description"] = "Sosialisasi kebijakan kepada OPD"  # quarter III, closed below
    data["actions"].append(
        {"indicator": INDICATOR, "year": YEAR, "quarter": 2, "description": "X", "responsible_position": "kasi-x"}
    )
    data["actions"].append(
        {
            "indicator": INDICATOR,
            "year": 2040,
            "quarter": 2,
            "description": "Di luar Renstra",
            "responsible_position": "kasi-tata-kelola",
        }
    )
    PeriodLock.objects.create(agency=seed, year=YEAR, quarter=3, closed=True)
    before = _stored()

    result = import_file(actor=world.planner, name="instansi.xlsx", content=write_workbook(data), agency=seed)

    assert not result.ok
    found = {(problem.sheet, problem.row, problem.column): problem.message for problem in result.problems}
    assert "ditutup" in found[(SHEET, 4, "")]
    assert "'kasi-x' tidak dikenal" in found[(SHEET, 5, "Penanggung Jawab")]
    assert "di luar Renstra" in found[(SHEET, 6, "Tahun")]
    assert _stored() == before
