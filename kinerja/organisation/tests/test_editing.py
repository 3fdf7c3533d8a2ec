"""The organisation edited in place (issue 18, item 2): the one door for a unit's name and kind, a position's title,
duty and functions, and the agency's printed name, duty and functions — who may, each rule as an Indonesian sentence
on its field, the audit trail, and the functions numbered as the import numbers them (the import's own refusals
and the enacted decree: tests/test_org_revisions.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.core.models import AuditRecord
from kinerja.organisation import editing
from kinerja.organisation.models import Position, Unit
from kinerja.organisation.tests.factories import AgencyFactory


@pytest.fixture
def unit(seed) -> Unit:
    return seed.units.get(code="seksi-opini")


@pytest.fixture
def position(seed) -> Position:
    return seed.positions.get(code="kasi-tata-kelola")


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        call(**kwargs)
    error = refused.value
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


def functions_of(position: Position) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in position.functions.order_by("order")]


# --- who may ---


def test_only_the_agencys_planner_and_the_administrator_change_units_and_positions(world, unit, position):
    other_planner = RoleGrantFactory(agency=AgencyFactory()).user
    title, name = position.title, unit.name
    for actor in (world.section_head, world.head_of_agency, world.outsider, world.inspector, world.bappeda):
        with pytest.raises(PermissionDenied):
            editing.change_unit(actor=actor, unit=unit, name="Seksi Lain", kind="seksi")
        with pytest.raises(PermissionDenied):
            editing.change_position(actor=actor, position=position, title="Kepala Seksi Lain", duty="", functions=[])
        with pytest.raises(PermissionDenied):
            editing.change_agency(
                actor=actor, agency=world.agency, name="Dinas Lain", printed_name="", duty="", functions=[]
            )
    with pytest.raises(PermissionDenied):
        editing.change_unit(actor=other_planner, unit=unit, name="Seksi Lain", kind="seksi")
    unit.refresh_from_db(), position.refresh_from_db()
    assert (unit.name, position.title) == (name, title)
    assert position.functions.exists()  # the refused changes emptied nothing
    editing.change_unit(actor=world.planner, unit=unit, name="Seksi Opini Publik", kind="seksi")
    admin = User.objects.create_superuser("admin-org", password="x-Admin-12345")
    editing.change_unit(actor=admin, unit=unit, name="Seksi Opini dan Informasi Publik", kind="seksi")
    assert Unit.objects.get(pk=unit.pk).name == "Seksi Opini dan Informasi Publik"


# --- the rules, in Indonesian, on their field ---


def test_an_empty_name_and_a_kind_outside_the_list_are_refused_on_their_fields(world, unit):
    stored = unit.name
    errors = refusal(editing.change_unit, actor=world.planner, unit=unit, name="   ", kind="kantor")
    assert errors["name"] == ["Tulis nama unit kerja, misalnya “Bidang Persandian”."]
    assert errors["kind"][0].startswith("Pilih jenis unit kerja dari daftar: Dinas, Badan, Sekretariat, Inspektorat")
    assert "Kecamatan" in errors["kind"][0] and "kantor" not in errors["kind"][0]
    too_long = refusal(editing.change_unit, actor=world.planner, unit=unit, name="S" * 301, kind="seksi")
    assert list(too_long) == ["name"] and "300" in too_long["name"][0]
    unit.refresh_from_db()
    assert (unit.name, unit.kind) == (stored, "seksi")


def test_every_kind_of_the_model_is_taken(world, unit):
    for kind in Unit.Kind.values:
        assert editing.change_unit(actor=world.planner, unit=unit, name=unit.name, kind=kind).kind == kind


def test_a_position_without_title_or_with_a_bad_function_is_refused_and_nothing_changes(world, position):
    before = functions_of(position)
    errors = refusal(
        editing.change_position,
        actor=world.planner,
        position=position,
        title=" ",
        duty="Tugas baru",
        functions=[("1", "Fungsi satu"), ("12345678901", "Fungsi dua")],
    )
    assert errors["title"] == ["Tulis nama jabatan, misalnya “Kepala Seksi Persandian”."]
    assert errors["functions"] == [
        "Fungsi 12345678901: Pastikan nilai ini mengandung paling banyak 10 karakter (sekarang 11 karakter)."
    ]
    position.refresh_from_db()
    assert position.duty != "Tugas baru" and functions_of(position) == before
    errors = refusal(
        editing.change_position,
        actor=world.planner,
        position=position,
        title="Kepala Seksi",
        duty="",
        functions=[("", " ")],
    )
    assert errors == {"functions": ["Fungsi 1 belum berisi teks: tuliskan teksnya, atau hapus barisnya."]}


def test_the_title_duty_and_functions_are_saved_numbered_and_audited(world, position):
    seen = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first()
    saved = editing.change_position(
        actor=world.planner,
        position=position,
        title="  Kepala Seksi Tata Kelola Persandian  ",
        printed_title="",
        duty="Membantu Kepala Bidang dalam urusan persandian.",
        functions=[
            ("", "Penyusunan rencana kerja;"),
            ("2", "Pelaksanaan tata kelola persandian; dan"),
            ("5", "Pelaporan."),
        ],
    )
    position.refresh_from_db()
    assert (saved.title, position.duty) == (
        "Kepala Seksi Tata Kelola Persandian",
        "Membantu Kepala Bidang dalam urusan persandian.",
    )
    assert functions_of(position) == [
        ("1", "Penyusunan rencana kerja;"),
        ("2", "Pelaksanaan tata kelola persandian; dan"),
        ("5", "Pelaporan."),  # a printed number that differs from its place is kept
    ]
    assert list(position.functions.order_by("order").values_list("number", flat=True)) == ["", "", "5"]
    records = AuditRecord.objects.filter(object_label="organisation.position", object_pk=str(position.pk), pk__gt=seen)
    descriptions = list(records.order_by("pk").values_list("description", flat=True))
    assert descriptions == [
        "Jabatan «Kepala Seksi Tata Kelola Persandian» diubah",
        "Fungsi «Kepala Seksi Tata Kelola Persandian» diubah",
    ]
    assert records.order_by("pk").last().after["functions"][2] == {"order": 3, "number": "5", "text": "Pelaporan."}
    assert records.order_by("pk").first().user_id == world.planner.pk
    count = AuditRecord.objects.count()
    editing.change_position(
        actor=world.planner,
        position=position,
        title=position.title,
        duty=position.duty,
        functions=editing.functions_from_lines(editing.functions_as_lines(list(position.functions.order_by("order")))),
    )
    assert AuditRecord.objects.count() == count  # the same values again: nothing changed, nothing recorded
    assert functions_of(position) == [
        ("1", "Penyusunan rencana kerja;"),
        ("2", "Pelaksanaan tata kelola persandian; dan"),
        ("5", "Pelaporan."),
    ]


def test_a_unit_rename_is_audited_with_before_and_after(world, unit):
    stored = unit.name
    seen = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first()
    editing.change_unit(
        actor=world.planner, unit=unit, name="Seksi Pengelolaan Opini dan Informasi Publik", kind="seksi"
    )
    record = AuditRecord.objects.filter(object_label="organisation.unit", object_pk=str(unit.pk), pk__gt=seen).get()
    assert record.before["name"] == stored
    assert record.after["name"] == "Seksi Pengelolaan Opini dan Informasi Publik"
    assert record.description == "Unit kerja «Seksi Pengelolaan Opini dan Informasi Publik» diubah"


def test_the_agencys_printed_name_duty_and_functions(world):
    agency = world.agency
    editing.change_agency(
        actor=world.planner,
        agency=agency,
        name=agency.name,
        printed_name="DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN",
        duty="Melaksanakan urusan pemerintahan bidang komunikasi dan informatika.",
        functions=["Perumusan kebijakan;", "Pelaksanaan kebijakan."],
    )
    agency.refresh_from_db()
    assert agency.printed_name == "DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN"
    assert [(f.label, f.text) for f in agency.functions.order_by("order")] == [
        ("1", "Perumusan kebijakan;"),
        ("2", "Pelaksanaan kebijakan."),
    ]
    assert refusal(
        editing.change_agency, actor=world.planner, agency=agency, name="", printed_name="", duty="", functions=[]
    ) == {"name": ["Tulis nama instansi."]}


# --- the same rules as the import ---


def test_lines_typed_in_the_form_keep_their_printed_numbers():
    lines = "1) Menyusun rencana;\n\n1) Melaksanakan urusan;\n Pelaporan tanpa nomor.\n12. Lain-lain"
    assert editing.functions_from_lines(lines) == [
        ("1", "Menyusun rencana;"),
        ("1", "Melaksanakan urusan;"),
        ("", "Pelaporan tanpa nomor."),
        ("12", "Lain-lain"),
    ]
    assert editing.numbered_functions(editing.functions_from_lines(lines)) == [
        {"order": 1, "number": "", "text": "Menyusun rencana;"},
        {"order": 2, "number": "1", "text": "Melaksanakan urusan;"},
        {"order": 3, "number": "", "text": "Pelaporan tanpa nomor."},
        {"order": 4, "number": "12", "text": "Lain-lain"},
    ]
