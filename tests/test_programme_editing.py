"""The budget nomenclature's one door (`programme_editing`) and its edit page: who may, codes once under their
parent, budgets read the Indonesian way and written through `set_budget`, removals refused while something
depends on the item, the audit trail, the import refusing the same bad code."""

import copy
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.strategy import programme_editing
from kinerja.strategy.models import Activity, Budget, Programme, SubActivity

pytestmark = pytest.mark.django_db
SEED = "halut-diskominfo"


def plan_of(seed):
    return seed.plans.get()


def test_only_the_planner_saves_a_programme(world, seed):
    with pytest.raises(PermissionDenied, match="Hanya admin perencanaan"):
        programme_editing.save_programme(
            actor=world.secretary,
            plan=plan_of(seed),
            code="2.16.09",
            name="Program uji",
            objectives=[],
            indicators=[],
            budgets={},
        )
    assert not Programme.objects.filter(code="2.16.09").exists()


def test_a_planner_adds_an_activity_with_budget_and_responsible_position_and_it_is_audited(world, seed):
    plan = plan_of(seed)
    programme = plan.programmes.order_by("order").first()
    indicator = plan.indicators.order_by("order").first()
    position = seed.positions.get(code="kabid-persandian")
    activity = programme_editing.save_activity(
        actor=world.planner,
        programme=programme,
        code="2.16.01.2.01",
        name="Perencanaan, penganggaran dan evaluasi kinerja",
        indicators=[indicator],
        responsible_position=position,
        budgets={2022: Decimal("150000000"), 2023: None},
    )
    assert activity.order == 1 and activity.responsible_position == position
    assert list(activity.indicators.all()) == [indicator]
    assert Budget.objects.get(activity=activity).amount == Decimal("150000000.00")
    created = AuditRecord.objects.get(object_label="strategy.activity", action=AuditRecord.Action.CREATED)
    assert created.user == world.planner and created.after["indicators"] == [indicator.code]
    assert AuditRecord.objects.filter(object_label="strategy.budget").count() == 1


def test_a_code_twice_under_one_parent_and_a_negative_budget_are_refused_per_field(world, seed):
    plan = plan_of(seed)
    first, second = list(plan.programmes.order_by("order")[:2])
    with pytest.raises(ValidationError) as caught:
        programme_editing.save_programme(
            actor=world.planner,
            plan=plan,
            programme=second,
            code=first.code,
            name=second.name,
            objectives=[],
            indicators=[],
            budgets={},
        )
    assert caught.value.message_dict["code"] == [f"Kode {first.code} sudah dipakai program lain dalam Renstra ini."]
    with pytest.raises(ValidationError) as caught:
        programme_editing.save_programme(
            actor=world.planner,
            plan=plan,
            programme=second,
            code=second.code,
            name=second.name,
            objectives=[],
            indicators=[],
            budgets={2022: Decimal(-5)},
        )
    assert caught.value.message_dict.get("budget_2022") == ["Anggaran tidak boleh negatif."], caught.value.message_dict
    assert not Budget.objects.filter(programme=second).exists()


def test_a_bad_code_is_refused_with_the_same_sentence_by_the_form_and_the_import(world, seed):
    plan = plan_of(seed)
    programme = plan.programmes.order_by("order").first()
    with pytest.raises(ValidationError) as caught:
        programme_editing.save_programme(
            actor=world.planner,
            plan=plan,
            programme=programme,
            code="2 16",
            name=programme.name,
            objectives=[],
            indicators=[],
            budgets={},
        )
    data = copy.deepcopy(read_dataset(settings.KINERJA_BUILTIN_DATASET))
    data["plan"]["programmes"][0]["code"] = "2 16"
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    assert caught.value.message_dict["code"] == [p.message for p in refused.value.problems if p.field == "code"]


def test_an_item_is_removed_only_when_nothing_hangs_on_it(world, seed):
    plan = plan_of(seed)
    programme = plan.programmes.order_by("order").first()
    activity = Activity.objects.create(programme=programme, code="2.16.01.2.01", name="Kegiatan", order=1)
    sub = SubActivity.objects.create(activity=activity, code="2.16.01.2.01.01", name="Sub kegiatan", order=1)
    Budget.objects.create(sub_activity=sub, year=2022, amount=Decimal(1000))
    with pytest.raises(ValidationError, match="masih memuat 1 "):
        programme_editing.remove_budget_item(actor=world.planner, item=activity)
    with pytest.raises(ValidationError, match="anggaran untuk 2022"):
        programme_editing.remove_budget_item(actor=world.planner, item=sub)
    sub.budgets.all().delete()
    programme_editing.remove_budget_item(actor=world.planner, item=sub)
    programme_editing.remove_budget_item(actor=world.planner, item=activity)
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert AuditRecord.objects.filter(action=AuditRecord.Action.DELETED, object_label="strategy.subactivity").exists()


def test_the_programme_page_saves_a_budget_typed_the_indonesian_way(client, world, seed):
    programme = plan_of(seed).programmes.order_by("order").first()
    client.force_login(world.planner)
    url = reverse("programme-edit", args=[SEED])
    prefix = f"programme-{programme.pk}"
    response = client.post(
        url,
        {
            "action": "save",
            "kind": "programme",
            "item": programme.pk,
            f"{prefix}-code": programme.code,
            f"{prefix}-name": programme.name,
            f"{prefix}-objectives": [o.pk for o in programme.objectives.all()],
            f"{prefix}-budget_2022": "1.250.000,50",
            f"{prefix}-budget_2023": "1.5",
        },
    )
    assert response.status_code == 400
    assert "titik adalah pemisah ribuan" in response.content.decode()
    assert not Budget.objects.filter(programme=programme).exists()
    response = client.post(
        url,
        {
            "action": "save",
            "kind": "programme",
            "item": programme.pk,
            f"{prefix}-code": programme.code,
            f"{prefix}-name": programme.name,
            f"{prefix}-budget_2022": "1.250.000,50",
        },
        follow=True,
    )
    assert Budget.objects.get(programme=programme, year=2022).amount == Decimal("1250000.50")
    assert "Pemeriksaan konsistensi kini melaporkan" in response.content.decode()
    assert 'value="1.250.000,5"' in response.content.decode()


def test_the_programme_page_costs_a_fixed_number_of_queries(client, world, seed, django_assert_max_num_queries):
    programme = plan_of(seed).programmes.order_by("order").first()
    for number in range(3):
        activity = Activity.objects.create(programme=programme, code=f"2.16.01.2.0{number}", name="K", order=number)
        SubActivity.objects.create(activity=activity, code=f"2.16.01.2.0{number}.01", name="S", order=1)
    client.force_login(world.planner)
    with django_assert_max_num_queries(21):
        response = client.get(reverse("programme-edit", args=[SEED]))
    assert response.status_code == 200
    assert response.content.decode().count('id="sub_activity-') == 3


def test_the_plan_page_links_to_the_programmes_only_for_the_planner(client, world):
    url = reverse("plan-detail", args=[SEED]) + "?tahun=2022"
    client.force_login(world.planner)
    assert reverse("programme-edit", args=[SEED]) in client.get(url).content.decode()
    client.force_login(world.head_of_agency)
    assert reverse("programme-edit", args=[SEED]) not in client.get(url).content.decode()
    assert client.get(reverse("programme-edit", args=[SEED])).status_code == 404
