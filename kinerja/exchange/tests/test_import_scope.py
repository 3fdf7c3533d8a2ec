"""An import changes only what the importing user may change (issue 15, item 2).

A planner's file changes their own agency: officials are matched within the agency's region and only those the
planner manages (accounts.access.managed_officials); the region, its head and other agencies are the
administrator's; an actual is written only by whoever may import it (accounts.access.may_import_actuals). Every
refused record is a problem on its sheet, row and column, and nothing at all is written.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.accounts.access import managed_officials, may_import_actuals, may_manage_official
from kinerja.accounts.models import User
from kinerja.core.models import AuditRecord
from kinerja.exchange import dataset_io
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.importer import import_file
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.exchange.workbook.xlsx import write_workbook
from kinerja.organisation.models import Agency, Assignment, Official, Position, Region, Unit
from kinerja.performance.models import Actual
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator, PageIndicator

SEED = "halut-diskominfo"
NEIGHBOUR_NIP = "197504042003121002"  # an official of another agency of the same region
OUTSIDER_NIP = "198003032005011003"  # conftest: the official of another agency in another region
SECRETARY_NIP = "197001012000031001"  # conftest: the seed agency's secretary
NEW_NIP = "199001012015031004"


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.KINERJA_IMPORT_DIR = tmp_path / "imports"


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin-cakupan", password="x-Admin-12345")


@pytest.fixture
def neighbour(world) -> Official:
    """An official holding a position of another agency in the seed's own region."""
    agency = Agency.objects.create(region=world.agency.region, code="halut-tetangga", name="Dinas Tetangga")
    unit = Unit.objects.create(agency=agency, code="dinas", kind=Unit.Kind.AGENCY, name="Dinas Tetangga")
    position = Position.objects.create(agency=agency, code="kadis", unit=unit, title="Kepala Dinas Tetangga")
    official = Official.objects.create(region=world.agency.region, nip=NEIGHBOUR_NIP, name="Tetangga, S.Sos")
    Assignment.objects.create(official=official, position=position, start=datetime.date(2021, 1, 4))
    return official


def state() -> dict:
    """What an import could change, to compare before and after."""
    return {
        "officials": list(Official.objects.order_by("pk").values_list("nip", "name", "rank", "grade", "region_id")),
        "assignments": list(
            Assignment.objects.order_by("pk").values_list("official_id", "position_id", "start", "end")
        ),
        "regions": list(Region.objects.order_by("pk").values_list("code", "name", "seat", "head_id")),
        "agencies": list(Agency.objects.order_by("pk").values_list("code", "name", "region_id")),
        "actuals": list(
            Actual.objects.order_by("pk").values_list(
                "indicator_id", "year", "quarter", "value", "status", "entered_by_id"
            )
        ),
        "audit": AuditRecord.objects.count(),
    }


def naming(data: dict, nip: str, name: str = "Nama Ditimpa, S.E.") -> dict:
    """The agency's data with one more official, by NIP, holding the first position of the agency."""
    data["officials"].append({"nip": nip, "name": name, "rank": "Pembina", "grade": "IV/a"})
    data["assignments"].append({"official": nip, "position": data["positions"][1]["code"], "start": "2024-01-02"})
    return data


def refused(actor, data: dict, agency: Agency | None, name: str = "instansi.xlsx"):
    """The import's problems; asserts that it wrote nothing."""
    before = state()
    content = write_workbook(data) if name.endswith(".xlsx") else dataset_io.dump_dataset(data).encode()
    result = import_file(actor=actor, name=name, content=content, agency=agency)
    assert not result.applied and result.problems
    assert state() == before, "a refused import writes nothing"
    return result.problems


# -- officials --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "nip"),
    [
        ("another region's official", OUTSIDER_NIP),
        ("another agency's official in the same region", NEIGHBOUR_NIP),
    ],
)
@pytest.mark.parametrize("name", ["instansi.xlsx", "instansi.yaml"])
def test_a_planner_naming_an_official_out_of_reach_by_nip_is_refused_on_its_cell(world, neighbour, who, nip, name):
    data = naming(export_agency_data(world.agency), nip)
    problems = refused(world.planner, data, world.agency, name)
    row = len(data["officials"]) + 1  # the header is row 1
    if name.endswith(".xlsx"):
        assert [(p.sheet, p.row, p.column) for p in problems] == [("Pejabat", row, "NIP")], (who, problems)
    else:
        assert [(p.record, p.column) for p in problems] == [(f"officials[{row - 1}] ({nip})", "nip")], problems
    assert "di luar jangkauan" in problems[0].message
    assert Official.objects.get(nip=nip).name != "Nama Ditimpa, S.E."


def test_the_region_head_cannot_be_named_as_an_official_of_the_planners_agency(world):
    data = export_agency_data(world.agency)
    regent = world.agency.region.head
    data["officials"].append({"name": regent.name})
    data["assignments"].append(
        {"official": regent.name, "position": data["positions"][1]["code"], "start": "2024-01-02"}
    )
    problems = refused(world.planner, data, world.agency)
    assert [(p.sheet, p.column) for p in problems] == [("Pejabat", "Nama")], problems


def test_the_page_door_refuses_the_same_and_changes_nothing(client, world):
    client.force_login(world.planner)
    data = naming(export_agency_data(world.agency), OUTSIDER_NIP)
    before = state()
    upload = client.post(
        reverse("exchange-upload", args=[SEED]), {"berkas": SimpleUploadedFile("instansi.xlsx", write_workbook(data))}
    )
    page = client.get(upload["Location"])
    assert page.status_code == 200 and "di luar jangkauan" in page.text and 'id="confirm-import"' not in page.text
    token = upload["Location"].rstrip("/").split("/")[-1]
    assert client.post(reverse("exchange-confirm", args=[SEED, token])).status_code == 200
    assert state() == before


def test_a_planner_adds_a_new_official_and_changes_their_own_agencys_official(world):
    data = naming(export_agency_data(world.agency), NEW_NIP, "Pegawai Baru, S.Kom")
    result = import_file(actor=world.planner, name="instansi.xlsx", content=write_workbook(data), agency=world.agency)
    assert result.applied, [str(p) for p in result.problems]
    created = Official.objects.get(nip=NEW_NIP)
    assert created.region == world.agency.region and created.assignments.get().position.agency == world.agency
    data = export_agency_data(world.agency)
    next(item for item in data["officials"] if item.get("nip") == SECRETARY_NIP)["grade"] = "IV/a"
    result = import_file(actor=world.planner, name="instansi.xlsx", content=write_workbook(data), agency=world.agency)
    assert result.applied, [str(p) for p in result.problems]
    assert Official.objects.get(nip=SECRETARY_NIP).grade == "IV/a"


def test_the_administrator_may_assign_an_official_of_another_agency(world, neighbour, admin_user):
    data = naming(export_agency_data(world.agency), NEIGHBOUR_NIP, neighbour.name)
    result = import_file(actor=admin_user, name="instansi.xlsx", content=write_workbook(data), agency=world.agency)
    assert result.applied, [str(p) for p in result.problems]
    assert neighbour.assignments.filter(position__agency=world.agency).exists()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("own agency's official", True),
        ("another region's official", False),
        ("another agency's official, same region", False),
        ("the region head", False),
        ("an official who moved here from another agency", True),
    ],
)
def test_which_officials_a_planner_manages(world, neighbour, case, expected):
    moved = Official.objects.create(region=world.agency.region, nip=NEW_NIP, name="Pindahan")
    Assignment.objects.create(
        official=moved,
        position=neighbour.assignments.get().position,
        start=datetime.date(2019, 1, 2),
        end=datetime.date(2020, 12, 31),
    )
    Assignment.objects.create(official=moved, position=world.agency.positions.first(), start=datetime.date(2021, 1, 4))
    official = {
        "own agency's official": Official.objects.get(nip=SECRETARY_NIP),
        "another region's official": Official.objects.get(nip=OUTSIDER_NIP),
        "another agency's official, same region": neighbour,
        "the region head": world.agency.region.head,
        "an official who moved here from another agency": moved,
    }[case]
    assert may_manage_official(world.planner, official, world.agency) is expected
    assert may_manage_official(world.outsider, official, world.agency) is False
    assert managed_officials(world.head_of_agency, world.agency, [official]) == frozenset()


# -- the region and other agencies ------------------------------------------------------------------------


def test_a_planner_changing_the_region_head_is_refused_on_its_cell(world):
    data = export_agency_data(world.agency)
    data["region"]["head"] = {"name": "Bupati Tandingan"}
    problems = refused(world.planner, data, world.agency)
    assert [(p.sheet, p.row, p.column) for p in problems] == [("Wilayah", 2, "Nama Pimpinan")], problems
    assert "administrator" in problems[0].message


def test_a_planner_renaming_the_region_head_is_refused(world):
    data = export_agency_data(world.agency)
    data["region"]["head"]["rank"] = "Pembina Utama"
    problems = refused(world.planner, data, world.agency, "instansi.yaml")
    assert [(p.record, p.column) for p in problems] == [("region", "head.rank")], problems


def test_the_administrator_changes_the_region_head_and_the_audit_trail_records_it(world, admin_user):
    region = world.agency.region
    old_head = region.head
    data = export_agency_data(world.agency)
    data["region"]["head"] = {"name": "Bupati Baru, S.H."}
    result = import_file(actor=admin_user, name="instansi.xlsx", content=write_workbook(data), agency=world.agency)
    assert result.applied, [str(p) for p in result.problems]
    region.refresh_from_db()
    assert region.head.name == "Bupati Baru, S.H." and region.head.region == region
    [record] = AuditRecord.objects.filter(
        action=AuditRecord.Action.CHANGED, object_label="organisation.region", object_pk=str(region.pk), user=admin_user
    )
    assert "Bupati Baru" in record.description
    assert record.before["head"] == old_head.pk and record.after["head"] == region.head.pk
    assert any(change.column == "Nama Pimpinan" and change.after == "Bupati Baru, S.H." for change in result.changes)


@pytest.mark.parametrize(("field", "value"), [("name", "Kabupaten Lain"), ("seat", "Galela")])
def test_a_planner_cannot_change_the_region(world, field, value):
    data = export_agency_data(world.agency)
    data["region"][field] = value
    problems = refused(world.planner, data, world.agency, "instansi.yaml")
    assert [(p.record, p.column) for p in problems] == [("region", field)]


def test_a_planner_cannot_load_another_agency_nor_move_theirs_to_another_region(world, neighbour):
    other = Agency.objects.get(code="halut-tetangga")
    data = export_agency_data(other)
    data["agency"]["name"] = "Dinas Diambil Alih"
    before = state()
    with pytest.raises(DatasetError) as error:
        load_agency_data(actor=world.planner, data=data, source="lain.yaml")
    assert [(p.record, p.field) for p in error.value.problems] == [("agency", "code")]
    data = export_agency_data(world.agency)
    luar = Region.objects.get(code="luar")
    data["region"] = {
        "code": luar.code,
        "name": luar.name,
        "province": luar.province,
        "seat": luar.seat,
        "head_title": luar.head_title,
    }
    with pytest.raises(DatasetError) as error:
        load_agency_data(actor=world.planner, data=data, source="pindah.yaml")
    assert [(p.record, p.field) for p in error.value.problems] == [("region", "code")]
    data["region"]["code"] = "wilayah-baru"
    with pytest.raises(DatasetError) as error:
        load_agency_data(actor=world.planner, data=data, source="baru.yaml")
    assert [(p.record, p.field) for p in error.value.problems] == [("region", "code")]
    assert state() == before


def test_someone_who_plans_nothing_loads_nothing(world):
    data = export_agency_data(world.agency)
    for user in (world.head_of_agency, world.section_head, world.outsider, world.inspector):
        with pytest.raises(DatasetError) as error:
            load_agency_data(actor=user, data=data, source="x.yaml")
        assert [(p.record, p.field) for p in error.value.problems] == [("agency", "code")], user


# -- actuals ----------------------------------------------------------------------------------------------


@pytest.fixture
def kasi_indicator(world):
    return (
        PageIndicator.objects.filter(
            position__agency=world.agency, position__code="kasi-tata-kelola", indicator__formula="count"
        )
        .first()
        .indicator
    )


def _actual(indicator, **values) -> dict:
    return {"indicator": indicator.code, "year": 2022, "quarter": 2, **values}


def test_a_planner_cannot_write_an_officials_actual_through_the_import(world, kasi_indicator):
    data = export_agency_data(world.agency)
    data["actuals"] = [*data.get("actuals", []), _actual(kasi_indicator, value=7)]
    problems = refused(world.planner, data, world.agency)
    row = len(data["actuals"]) + 1
    assert [(p.sheet, p.row, p.column) for p in problems] == [("Realisasi", row, "Realisasi")], problems
    assert "pejabat" in problems[0].message


def test_a_planner_cannot_change_an_officials_entered_actual_but_may_reimport_it_unchanged(world, kasi_indicator):
    actual = record_actual(actor=world.section_head, indicator=kasi_indicator, year=2022, quarter=2, value=Decimal(5))
    data = export_agency_data(world.agency)
    unchanged = import_file(actor=world.planner, name="sama.xlsx", content=write_workbook(data), agency=world.agency)
    assert unchanged.applied, [str(p) for p in unchanged.problems]
    row = next(r for r in data["actuals"] if r["indicator"] == kasi_indicator.code and r["quarter"] == 2)
    row["value"] = 50
    refused(world.planner, data, world.agency)
    actual.refresh_from_db()
    assert actual.value == 5 and actual.entered_by == world.section_head


def test_the_administrator_brings_in_actuals_recorded_as_entered_by_them(world, kasi_indicator, admin_user):
    data = export_agency_data(world.agency)
    data["actuals"] = [*data.get("actuals", []), _actual(kasi_indicator, value=7)]
    result = import_file(actor=admin_user, name="x.xlsx", content=write_workbook(data), agency=world.agency)
    assert result.applied, [str(p) for p in result.problems]
    assert Actual.objects.get(indicator=kasi_indicator, year=2022, quarter=2).entered_by == admin_user


def test_an_actual_fed_by_the_evaluation_is_refused_through_the_import_even_to_the_administrator(world, admin_user):
    fed = Indicator.objects.filter(plan__agency=world.agency).exclude(fed_by="").first()
    assert fed is not None, "the seed's IKU.1 is fed by the SAKIP evaluation"
    data = export_agency_data(world.agency)
    data["actuals"] = [*data.get("actuals", []), _actual(fed, value=70)]
    problems = refused(admin_user, data, world.agency)
    assert [p.sheet for p in problems] == ["Realisasi"] and "evaluasi SAKIP" in problems[0].message, problems


def test_who_may_import_an_actual(world, kasi_indicator, admin_user):
    positions = list(Position.objects.filter(page_rows__indicator=kasi_indicator))
    assert may_import_actuals(world.section_head, positions)
    assert may_import_actuals(admin_user, positions)
    for user in (world.planner, world.head_of_agency, world.division_head, world.outsider, world.inspector):
        assert not may_import_actuals(user, positions), user


# -- the attacker's script, on generated agencies ----------------------------------------------------------


def test_a_generated_agencys_planner_cannot_take_a_neighbours_official_the_regent_nor_an_actual(db, settings, tmp_path):
    """Issue 15: with generated agencies, the planner of one imports a workbook that renames another agency's
    official (same region) and takes them in, names a new regent and writes an official's actual: every record
    is refused on its own cell, and nothing at all changes."""
    from kinerja.synthetic.region import generate_region

    settings.MEDIA_ROOT = tmp_path
    generate_region("gen-cakupan", agencies=2, seed=3, evidence_every=0)
    mine, theirs = Agency.objects.filter(region__code="gen-cakupan").order_by("code")
    planner = User.objects.get(username=f"{mine.code}.perencana")
    victim = Official.objects.filter(assignments__position__agency=theirs).order_by("nip").first()
    data = naming(export_agency_data(mine), victim.nip)
    data["region"]["head"] = {"name": "Bupati Tandingan"}
    page_row = (
        PageIndicator.objects.filter(
            position__agency=mine, position__superior__isnull=False, indicator__formula="count"
        )
        .select_related("indicator")
        .first()
    )
    data["actuals"] = [
        row
        for row in data.get("actuals", [])
        if (row["indicator"], row["year"], row["quarter"]) != (page_row.indicator.code, 2025, 1)
    ]
    data["actuals"].append({"indicator": page_row.indicator.code, "year": 2025, "quarter": 1, "value": 99})
    before = state()
    result = import_file(actor=planner, name="serang.xlsx", content=write_workbook(data), agency=mine)
    assert not result.applied
    cells = {(p.sheet, p.column) for p in result.problems}
    assert {("Pejabat", "NIP"), ("Wilayah", "Nama Pimpinan"), ("Realisasi", "Realisasi")} <= cells, result.problems
    assert state() == before
    assert Official.objects.get(pk=victim.pk).name == victim.name
