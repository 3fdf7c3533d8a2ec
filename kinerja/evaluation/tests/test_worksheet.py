"""The worksheet as data: the 2021 file as loaded by the migration, and files refused with the place named."""

import copy
from decimal import Decimal

import pytest
import yaml
from django.core.management import CommandError, call_command

from kinerja.core.models import AuditRecord
from kinerja.evaluation.models import Component, Criterion, WorksheetVersion
from kinerja.evaluation.worksheet import WorksheetError, builtin_worksheet_path, load_worksheet, parse_worksheet

RAW = yaml.safe_load(builtin_worksheet_path().read_text(encoding="utf-8"))


def test_the_2021_worksheet_is_in_every_database_with_the_weights_and_counts_of_section_7(db):
    version = WorksheetVersion.objects.get(code="2021")
    components = list(Component.objects.filter(version=version).prefetch_related("sub_components__criteria"))
    assert [(c.code, c.weight) for c in components] == [("A", 30), ("B", 30), ("C", 15), ("D", 25)]
    weights = [[sub.weight for sub in c.sub_components.all()] for c in components]
    assert weights == [
        [6, 9, 15],
        [6, 9, 15],
        [3, Decimal("4.5"), Decimal("7.5")],
        [5, Decimal("7.5"), Decimal("12.5")],
    ]
    counts = [[sub.criteria.count() for sub in c.sub_components.all()] for c in components]
    assert counts == [[7, 10, 8], [3, 7, 10], [6, 9, 7], [3, 5, 5]]
    assert Criterion.objects.get(sub_component__component__version=version, code="B.b.5").text == (
        "Setiap level organisasi melakukan pemantauan atas pengukuran capaian kinerja unit di bawahnya secara "
        "berjenjang."
    )


def _broken(change):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(WorksheetError) as error:
        parse_worksheet(data)
    return error.value.problems


def test_components_not_adding_up_to_100_are_refused():
    def change(data):
        data["components"][3]["weight"] = "20"
        data["components"][3]["sub_components"][2]["weight"] = "7.5"

    assert _broken(change) == ["Lembar kerja: bobot komponen berjumlah 95, bukan 100."]


def test_sub_components_not_adding_up_to_their_component_name_the_component():
    problems = _broken(lambda data: data["components"][2]["sub_components"][1].update(weight="5"))
    assert problems == ["Komponen C: bobot subkomponen berjumlah 15.5, bukan bobot komponen 15."]


def test_missing_and_duplicate_codes_and_bad_weights_are_named_by_place():
    def change(data):
        del data["components"][0]["sub_components"][1]["criteria"][2]["code"]
        data["components"][1]["sub_components"][0]["criteria"][1]["code"] = "B.a.1"
        data["components"][3]["sub_components"][0]["weight"] = "lima"

    problems = _broken(change)
    assert "Komponen A, subkomponen A.b, kriteria ke-3: “code” tidak ada." in problems
    assert "Komponen B, subkomponen B.a, kriteria B.a.1: kode “B.a.1” dipakai lebih dari sekali." in problems
    assert "Komponen D, subkomponen D.a: bobot “lima” bukan angka lebih besar dari 0." in problems


def test_a_refused_file_writes_nothing_and_the_command_names_the_place(db, tmp_path):
    data = copy.deepcopy(RAW)
    data["code"] = "2099"
    data["components"][0]["weight"] = "31"
    path = tmp_path / "lke-2099.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CommandError, match="Komponen A: bobot subkomponen berjumlah 30, bukan bobot komponen 31"):
        call_command("load_worksheet", str(path))
    assert not WorksheetVersion.objects.filter(code="2099").exists()


def test_a_second_version_coexists_and_the_load_is_audited(db, tmp_path):
    data = copy.deepcopy(RAW)
    data["code"] = "2024"
    data["components"][0]["sub_components"][0]["criteria"][0]["text"] = "Kriteria baru."
    path = tmp_path / "lke-2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    call_command("load_worksheet", str(path))
    assert set(WorksheetVersion.objects.values_list("code", flat=True)) >= {"2021", "2024"}
    assert Criterion.objects.get(sub_component__component__version__code="2024", code="A.a.1").text == "Kriteria baru."
    assert Criterion.objects.get(sub_component__component__version__code="2021", code="A.a.1").text != "Kriteria baru."
    record = AuditRecord.objects.filter(object_label="evaluation.worksheetversion").latest("at")
    assert "2024 dimuat (4 komponen, 12 subkomponen, 80 kriteria)" in record.description
    # loading the same version again replaces its wording, rows counted once
    version = load_worksheet(actor=None, worksheet=parse_worksheet(data))
    assert Criterion.objects.filter(sub_component__component__version=version).count() == 80
