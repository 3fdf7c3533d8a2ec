"""The strategic plan edited in place (issue 18, item 2): the one door for the plan, its goals, strategic objectives,
indicators and IKU table rows — who may, each rule as an Indonesian message on its field, the audit trail, and the
import refusing the same input as the form."""

import copy
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.core.models import AuditRecord
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.organisation.tests.factories import AgencyFactory, PositionFactory
from kinerja.strategy import editing, editing_indicators
from kinerja.strategy.models import Goal, Indicator, KeyIndicatorRow, Objective
from kinerja.strategy.selectors import get_current_plan

RATIO = {
    "code": "IKU.9",
    "name": "Persentase desa dengan akses internet",
    "objective": None,
    "is_key": False,
    "formula": "ratio",
    "numerator": "Jumlah desa dengan akses internet",
    "denominator": "Jumlah seluruh desa",
    "factor": Decimal(100),
    "definition": "",
    "unit": "Persen",
    "data_source": "Data desa",
    "responsible_position": None,
    "polarity": "higher",
    "quarter_rule": "last",
    "decimals": 2,
}


@pytest.fixture
def plan(seed):
    return get_current_plan(seed)


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        call(**kwargs)
    error = refused.value
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


# --- who may ---


def test_only_the_agencys_planner_and_the_administrator_change_the_plan(world, plan):
    other_planner = RoleGrantFactory(agency=AgencyFactory()).user
    for actor in (world.section_head, world.head_of_agency, world.outsider, world.inspector, other_planner):
        with pytest.raises(PermissionDenied):
            editing.save_goal(actor=actor, plan=plan, code="T9", text="Tujuan lain")
        with pytest.raises(PermissionDenied):
            editing_indicators.delete_indicator(actor=actor, indicator=plan.indicators.get(code="IKU.5"))
    assert not Goal.objects.filter(plan=plan, code="T9").exists()
    assert plan.indicators.filter(code="IKU.5").exists()
    goal = editing.save_goal(actor=world.planner, plan=plan, code="T9", text="Tujuan lain")
    assert (goal.code, goal.order) == ("T9", 2)


# --- the rules, in Indonesian, on their field ---


def test_a_ratio_without_its_terms_is_refused_on_each_field(world, plan):
    errors = refusal(
        editing_indicators.save_indicator,
        actor=world.planner,
        plan=plan,
        **{**RATIO, "numerator": "", "denominator": " ", "factor": None},
    )
    assert errors["numerator"] == ["Rasio harus memiliki pembilang."]
    assert errors["denominator"] == ["Rasio harus memiliki penyebut."]
    assert errors["factor"] == ["Rasio harus memiliki faktor pengali (misalnya 100)."]
    assert not plan.indicators.filter(code="IKU.9").exists()


def test_a_code_used_twice_is_a_message_on_the_code_never_a_constraint_name(world, plan):
    errors = refusal(editing_indicators.save_indicator, actor=world.planner, plan=plan, **{**RATIO, "code": "IKU.5"})
    assert errors == {"code": ["Kode IKU.5 sudah dipakai dalam Renstra ini; pilih kode lain."]}
    errors = refusal(editing.save_objective, actor=world.planner, plan=plan, code="S1", text="Lain", goal=None)
    assert errors == {"code": ["Kode S1 sudah dipakai dalam Renstra ini; pilih kode lain."]}
    errors = refusal(editing.save_goal, actor=world.planner, plan=plan, code="T 1", text="")
    assert set(errors) == {"code", "text"}
    assert "Gunakan hanya huruf" in errors["code"][0]
    assert all("Batasan" not in text and "constraint" not in text for texts in errors.values() for text in texts)


def test_the_years_a_position_of_another_agency_and_a_non_strategic_objective_are_refused(world, plan):
    errors = refusal(editing.save_plan, actor=world.planner, plan=plan, name="Renstra", first_year=2026, last_year=2021)
    assert errors == {"last_year": ["Tahun akhir Renstra harus sesudah tahun awalnya."]}
    assert (plan.name, plan.first_year, plan.last_year) == ("Renstra 2021–2026", 2021, 2026)  # as stored, unchanged
    stranger = PositionFactory(agency=AgencyFactory())
    performance = plan.objectives.filter(level=Objective.Level.PERFORMANCE).first()
    errors = refusal(
        editing_indicators.save_indicator,
        actor=world.planner,
        plan=plan,
        **{**RATIO, "responsible_position": stranger, "objective": performance},
    )
    assert errors["responsible_position"] == ["Jabatan termasuk instansi lain."]
    assert errors["objective"] == ["Hanya sasaran strategis yang dapat diukur langsung oleh indikator."]


def test_the_iku_table_takes_an_iku_of_the_plan_once(world, plan):
    errors = refusal(editing_indicators.save_key_row, actor=world.planner, plan=plan, indicator=None)
    assert errors == {"indicator": ["Pilih indikator kinerja utama (IKU) baris ini."]}
    not_key = plan.indicators.get(code="IKU.1")
    errors = refusal(editing_indicators.save_key_row, actor=world.planner, plan=plan, indicator=not_key)
    assert errors == {"indicator": ["Hanya indikator kinerja utama (IKU) yang memiliki baris pada tabel IKU."]}
    errors = refusal(
        editing_indicators.save_key_row, actor=world.planner, plan=plan, indicator=plan.indicators.get(code="IKU.5")
    )
    assert errors == {"indicator": ["Indikator ini sudah mempunyai baris di tabel IKU."]}
    errors = refusal(
        editing_indicators.save_indicator,
        actor=world.planner,
        plan=plan,
        indicator=plan.indicators.get(code="IKU.5"),
        is_key=False,
    )
    assert errors == {
        "is_key": ["Indikator ini masih mempunyai baris di tabel IKU (Lampiran I): hapus dulu baris itu."]
    }


# --- deleting: only what nothing uses, else a sentence that says what does ---


def test_a_deletion_says_what_still_uses_the_row(world, plan):
    errors = refusal(editing.delete_goal, actor=world.planner, goal=plan.goals.get(code="T1"))
    assert errors == {"__all__": ["Tidak dapat dihapus selama masih dipakai oleh 3 sasaran strategis (S1, S2, S3)."]}
    message = refusal(
        editing_indicators.delete_indicator, actor=world.planner, indicator=plan.indicators.get(code="IKU.5")
    )
    assert message["__all__"][0].startswith("Tidak dapat dihapus selama masih dipakai oleh ")
    assert "halaman IKI" in message["__all__"][0] and "1 baris Lampiran I" in message["__all__"][0]
    assert plan.indicators.filter(code="IKU.5").exists()


def test_a_new_indicator_is_created_changed_and_deleted_with_an_audit_record_each(world, plan):
    objective = plan.objectives.get(code="S3")
    indicator = editing_indicators.save_indicator(actor=world.planner, plan=plan, **{**RATIO, "objective": objective})
    assert (indicator.factor, indicator.objective, indicator.order) == (Decimal(100), objective, 66)
    editing_indicators.save_indicator(
        actor=world.planner, plan=plan, indicator=indicator, formula="count", unit="Desa", quarter_rule="sum"
    )
    indicator.refresh_from_db()
    # a count keeps no ratio terms, as the import stores it
    assert (indicator.formula, indicator.numerator, indicator.factor) == ("count", "", None)
    key = indicator.pk
    editing_indicators.delete_indicator(actor=world.planner, indicator=indicator)
    assert not Indicator.objects.filter(pk=key).exists()
    records = AuditRecord.objects.filter(object_label="strategy.indicator", object_pk=str(key))
    assert [(r.action, r.user) for r in records.order_by("pk")] == [
        ("created", world.planner),
        ("changed", world.planner),
        ("deleted", world.planner),
    ]
    changed = records.get(action="changed")
    assert (changed.before["formula"], changed.after["formula"]) == ("ratio", "count")
    assert changed.description == "Indikator «Persentase desa dengan akses internet» disimpan"
    assert changed.agency_id == plan.agency_id


def test_an_unchanged_save_records_nothing_and_a_key_row_is_changed_and_deleted(world, plan):
    row = plan.key_rows.get(indicator__code="IKU.5")
    before = AuditRecord.objects.count()
    editing_indicators.save_key_row(actor=world.planner, plan=plan, row=row, printed_name=row.printed_name)
    assert AuditRecord.objects.count() == before
    editing_indicators.save_key_row(actor=world.planner, plan=plan, row=row, printed_name="")
    assert KeyIndicatorRow.objects.get(pk=row.pk).name == row.indicator.name
    editing_indicators.delete_key_row(actor=world.planner, row=row)
    assert not plan.key_rows.filter(indicator__code="IKU.5").exists()
    assert AuditRecord.objects.count() == before + 2


# --- the import and the form refuse the same input ---


def test_the_import_refuses_what_the_form_refuses(world, seed, plan):
    data = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    wrong = copy.deepcopy(data)
    wrong["plan"]["indicators"][1].pop("numerator")  # IKU.2, a ratio
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=world.planner, data=wrong, source="salah.yaml")
    by_import = {(p.field, p.message) for p in refused.value.problems}
    by_form = refusal(
        editing_indicators.save_indicator,
        actor=world.planner,
        plan=plan,
        indicator=plan.indicators.get(code="IKU.2"),
        numerator="",
    )
    assert by_form == {"numerator": ["Rasio harus memiliki pembilang."]}
    assert ("numerator", "Rasio harus memiliki pembilang.") in by_import
    wrong = copy.deepcopy(data)
    wrong["plan"]["last_year"] = 2020
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=world.planner, data=wrong, source="salah.yaml")
    by_form = refusal(
        editing.save_plan, actor=world.planner, plan=plan, name=plan.name, first_year=2021, last_year=2020
    )
    assert [(p.field, p.message) for p in refused.value.problems if p.field == "last_year"] == [
        ("last_year", by_form["last_year"][0])
    ]
    plan.refresh_from_db()
    assert (plan.first_year, plan.last_year) == (2021, 2026)


def test_a_strategic_objective_goes_only_when_no_indicator_objective_or_programme_uses_it(world, plan):
    message = refusal(editing.delete_objective, actor=world.planner, objective=plan.objectives.get(code="S1"))
    assert message["__all__"][0].startswith("Tidak dapat dihapus selama masih dipakai oleh 1 indikator (IKU.1)")
    new = editing.save_objective(actor=world.planner, plan=plan, code="S9", text="Sasaran baru", goal=None)
    assert (new.level, new.order) == (Objective.Level.STRATEGIC, 4)
    editing.delete_objective(actor=world.planner, objective=new)
    assert not plan.objectives.filter(code="S9").exists()
    performance = plan.objectives.filter(level=Objective.Level.PERFORMANCE).first()
    with pytest.raises(PermissionDenied):
        editing.delete_objective(actor=world.planner, objective=performance)
