"""The rules of one action (ActionItem.clean and the database constraints), with their Indonesian messages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from kinerja.actionplans.models import ActionItem
from kinerja.organisation.models import Position
from kinerja.strategy.tests.factories import StrategicPlanFactory

from .helpers import YEAR, indicator_of, sub_activity_of


def action(seed, **fields) -> ActionItem:
    values = {
        "indicator": indicator_of(seed),
        "year": YEAR,
        "quarter": 1,
        "description": "Menyusun rancangan peraturan bupati tentang tata kelola persandian",
        "output_quantity": Decimal(1),
        "output_unit": "dokumen",
        "responsible_position": Position.objects.get(agency=seed, code="kasi-tata-kelola"),
    }
    values.update(fields)
    return ActionItem(**values)


def errors_of(item: ActionItem) -> dict[str, list[str]]:
    with translation.override("id"), pytest.raises(ValidationError) as caught:
        item.full_clean()
    return caught.value.message_dict


def test_a_complete_action_of_the_plan_passes(seed):
    item = action(seed, sub_activity=sub_activity_of(indicator_of(seed).plan))
    item.full_clean()
    assert item.output_text == "1 dokumen"


def test_the_year_must_be_inside_the_plan(seed):
    assert errors_of(action(seed, year=2030)) == {"year": ["Tahun di luar Renstra (2021–2026)."]}


def test_the_quantity_cannot_be_negative_and_may_be_missing(seed):
    assert errors_of(action(seed, output_quantity=Decimal("-1"))) == {
        "output_quantity": ["Jumlah keluaran tidak boleh negatif."]
    }
    item = action(seed, output_quantity=None)
    item.full_clean()
    assert item.output_text == "— dokumen"


def test_the_person_in_charge_is_a_position_of_the_agency(seed, world):
    other = Position.objects.exclude(agency=seed).first()
    assert errors_of(action(seed, responsible_position=other)) == {
        "responsible_position": ["Penanggung jawab harus jabatan pada perangkat daerah ini."]
    }


def test_the_sub_activity_belongs_to_the_indicators_plan(seed):
    other_plan = StrategicPlanFactory(agency=seed, first_year=2015, last_year=2020)
    from kinerja.strategy.models import Programme

    Programme.objects.create(plan=other_plan, code="2.21.02", name="Program lama")
    foreign = sub_activity_of(other_plan)
    assert errors_of(action(seed, sub_activity=foreign)) == {"sub_activity": ["Sub kegiatan itu milik Renstra lain."]}


def test_an_empty_description_and_a_fifth_quarter_are_refused(seed):
    errors = errors_of(action(seed, description="  ", quarter=5))
    assert set(errors) == {"description", "quarter"}
    assert "Tuliskan apa yang akan dilakukan." in errors["description"]


def test_the_database_refuses_a_negative_quantity_and_a_quarter_outside_1_to_4(seed):
    for fields in ({"output_quantity": Decimal("-2")}, {"quarter": 0}):
        with pytest.raises(IntegrityError), transaction.atomic():
            action(seed, **fields).save()
