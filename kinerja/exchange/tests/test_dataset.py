"""The built-in dataset: complete, idempotent, round-trips, and a bad file writes nothing."""

import copy
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Max

from kinerja.exchange.dataset_io import dump_dataset, parse_dataset, read_dataset
from kinerja.exchange.exporter import export_agency_data
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.organisation.models import Agency, Assignment, Official, Position, Region, Unit
from kinerja.strategy.models import Decree, Indicator, KeyIndicatorRow, Objective, PageIndicator

DATASET: Path = settings.KINERJA_BUILTIN_DATASET
KINERJA_MODELS = [model for model in apps.get_models() if model._meta.app_label in {"organisation", "strategy"}]


def snapshot() -> dict[str, tuple]:
    """Row count and latest change of every table of ours."""
    result = {}
    for model in KINERJA_MODELS:
        latest = model.objects.aggregate(latest=Max("updated_at"))["latest"] if hasattr(model, "updated_at") else None
        result[model._meta.label] = (model.objects.count(), latest)
    return result


def seed_data() -> dict:
    return read_dataset(DATASET)


def test_builtin_dataset_matches_its_schema_and_names_the_seed_agency():
    data = seed_data()
    assert data["format"] == "kinerja-agency/1"
    assert data["agency"]["code"] == "halut-diskominfo"
    assert data["region"]["code"] == "halut"


def test_loading_the_dataset_twice_changes_no_row(seed):
    before = snapshot()
    report = load_agency_data(actor=None, data=seed_data(), source=DATASET.name)
    assert not report.changed, report.lines()
    assert snapshot() == before


def test_load_command_reports_no_change_on_second_load(seed, capsys):
    call_command("load_agency", str(DATASET))
    assert "tidak ada perubahan" in capsys.readouterr().out


def without_test_people() -> None:
    """The shared test world adds officials to the built-in agency; the file has only the seed's."""
    extra = Official.objects.exclude(nip="196507201991121001")
    Assignment.objects.filter(official__in=extra).delete()


def test_export_of_the_builtin_agency_is_the_dataset_file_itself(seed):
    without_test_people()
    exported = dump_dataset(export_agency_data(seed))
    assert exported == DATASET.read_text(encoding="utf-8")


def empty_the_database() -> None:
    """Bottom-up, because what is printed or referenced is protected from a cascade."""
    PageIndicator.objects.all().delete()
    KeyIndicatorRow.objects.all().delete()
    Decree.objects.all().delete()
    Indicator.objects.all().delete()
    Objective.objects.update(contributes_to=None)
    Objective.objects.all().delete()
    Assignment.objects.all().delete()
    Position.objects.update(superior=None)
    Position.objects.all().delete()
    Unit.objects.update(parent=None)
    Unit.objects.all().delete()
    Agency.objects.all().delete()
    Official.objects.all().delete()
    Region.objects.all().delete()


def test_export_load_into_empty_database_export_gives_the_same_file(seed):
    first = dump_dataset(export_agency_data(seed))
    empty_the_database()
    assert Indicator.objects.count() == 0
    report = load_agency_data(actor=None, data=parse_dataset(first, source="ekspor.yaml"), source="ekspor.yaml")
    second = dump_dataset(export_agency_data(report.agency))
    assert second == first


def test_export_as_json_loads_back_identically(seed, tmp_path):
    path = tmp_path / "instansi.json"
    call_command("export_agency", "halut-diskominfo", str(path))
    data = read_dataset(path)
    assert data == export_agency_data(seed)


def _refused(data: dict) -> DatasetError:
    before = snapshot()
    with pytest.raises(DatasetError) as caught:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    assert snapshot() == before, "a refused file must leave the database as it was"
    return caught.value


def test_malformed_nip_is_refused_naming_file_record_and_field_and_nothing_is_written(seed):
    data = copy.deepcopy(seed_data())
    data["agency"]["name"] = "Nama Baru Yang Tidak Boleh Tersimpan"
    data["officials"][0]["nip"] = "196513201991121001"
    data["assignments"][0]["official"] = "196513201991121001"
    error = _refused(data)
    messages = [str(problem) for problem in error.problems]
    assert any(p.source == "uji.yaml" and "officials[1]" in p.record and p.field == "nip" for p in error.problems), (
        messages
    )
    assert Agency.objects.get(code="halut-diskominfo").name == "Dinas Komunikasi, Informatika dan Persandian"


def test_unknown_position_and_duplicated_code_are_all_reported(seed):
    data = copy.deepcopy(seed_data())
    data["pages"][1]["position"] = "jabatan-tidak-ada"
    data["units"].append(dict(data["units"][3]))
    error = _refused(data)
    fields = {(problem.field, problem.message) for problem in error.problems}
    assert any(field == "position" and "jabatan-tidak-ada" in message for field, message in fields), fields
    assert any(field == "code" and "ganda" in message for field, message in fields), fields


def test_missing_field_is_refused_by_the_schema_naming_the_record():
    data = copy.deepcopy(seed_data())
    del data["positions"][2]["title"]
    text = dump_dataset(data)
    with pytest.raises(DatasetError) as caught:
        parse_dataset(text, source="kurang.yaml")
    problem = caught.value.problems[0]
    assert problem.source == "kurang.yaml"
    assert problem.record.startswith("positions[3]")
    assert problem.field == "title"


def test_unquoted_nip_is_a_type_error_not_a_silent_number():
    text = DATASET.read_text(encoding="utf-8").replace("nip: '196507201991121001'", "nip: 196507201991121001")
    assert text != DATASET.read_text(encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        parse_dataset(text, source="x.yaml")
    assert caught.value.problems[0].field == "nip"


def test_ratio_without_denominator_is_refused(seed):
    data = copy.deepcopy(seed_data())
    ratio = next(item for item in data["plan"]["indicators"] if item["formula"] == "ratio")
    ratio["denominator"] = ""
    error = _refused(data)
    assert any(problem.field == "denominator" for problem in error.problems)


def test_load_command_refuses_a_bad_file_with_its_problems(seed, tmp_path, capsys):
    path = tmp_path / "rusak.yaml"
    path.write_text("format: kinerja-agency/1\nregion: {code: x}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"rusak\.yaml ditolak"):
        call_command("load_agency", str(path))
    assert "rusak.yaml" in capsys.readouterr().err


def test_a_file_that_is_not_yaml_at_all_is_refused(tmp_path):
    path = tmp_path / "bukan.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(DatasetError):
        read_dataset(path)


def test_shared_indicator_is_stored_once_and_printed_on_several_pages(seed):
    rows = PageIndicator.objects.filter(indicator__code="IKU.2", position__agency=seed)
    assert sorted(rows.values_list("position__code", flat=True)) == ["kabid-infra", "kadis"]
    assert Indicator.objects.filter(plan__agency=seed, code="IKU.2").count() == 1


def test_every_page_objective_contributes_to_an_objective_above(seed):
    orphans = Objective.objects.filter(
        plan__agency=seed, level=Objective.Level.PERFORMANCE, contributes_to__isnull=True
    )
    assert list(orphans.values_list("code", flat=True)) == []


def test_an_acting_post_travels_with_its_kind_and_decree_and_needs_the_decree(seed):
    """Plt./Plh. and the number of their decree go out with the export and come back with the import; an acting
    row without a decree number is refused with the model's own sentence, as the people page refuses it."""
    data = copy.deepcopy(seed_data())
    data["assignments"][-1].update(acting=True, acting_kind="plh")
    error = _refused(data)
    assert any(p.field == "decree_number" and "surat perintah" in p.message for p in error.problems), [
        str(problem) for problem in error.problems
    ]
    data["assignments"][-1]["decree_number"] = "800/7/SP/2022"
    load_agency_data(actor=None, data=data, source="uji.yaml")
    row = data["assignments"][-1]
    acting = Assignment.objects.get(position__code=row["position"], start=row["start"])
    assert (acting.acting, acting.acting_kind, acting.decree_number) == (True, "plh", "800/7/SP/2022")
    exported = export_agency_data(Agency.objects.get(code="halut-diskominfo"))
    out = next(item for item in exported["assignments"] if item["position"] == row["position"])
    assert (out["acting_kind"], out["decree_number"]) == ("plh", "800/7/SP/2022")
