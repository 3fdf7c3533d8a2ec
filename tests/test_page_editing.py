"""The IKI page's one door (`page_editing`): who may, each rule as an Indonesian sentence naming its field, the
audit trail, and the workbook import refusing what the form refuses."""

import copy
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.urls import reverse

from kinerja.core.models import AuditRecord
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.performance.models import Target
from kinerja.strategy import page_editing
from kinerja.strategy.models import Objective, PageIndicator

pytestmark = pytest.mark.django_db


def page(seed, code):
    position = seed.positions.get(code=code)
    return position, list(Objective.objects.filter(position=position).order_by("order"))


def rows_of(objective):
    return list(objective.page_rows.order_by("order").values_list("indicator__code", flat=True))


def messages_of(caught, field):
    return caught.value.message_dict[field]


def test_only_the_agency_planner_edits_a_page(world, seed):
    position, _ = page(seed, "kasi-tata-kelola")
    for user in (world.outsider, world.section_head, world.head_of_agency, world.inspector):
        with pytest.raises(PermissionDenied, match="Hanya admin perencanaan"):
            page_editing.add_page_objective(actor=user, position=position, code="baru.O9", text="Sasaran baru")
    assert not Objective.objects.filter(code="baru.O9").exists()


def test_a_planner_adds_an_objective_at_the_end_and_it_is_audited(world, seed):
    position, objectives = page(seed, "kasi-tata-kelola")
    above = objectives[0].contributes_to
    objective = page_editing.add_page_objective(
        actor=world.planner, position=position, code="kasi-tata-kelola.O2", text="Sasaran kedua", contributes_to=above
    )
    assert objective.order == objectives[-1].order + 1 and objective.level == Objective.Level.PERFORMANCE
    record = AuditRecord.objects.get(object_pk=str(objective.pk), object_label="strategy.objective")
    assert record.user == world.planner and record.action == AuditRecord.Action.CREATED
    assert record.description == "Sasaran kasi-tata-kelola.O2 ditambahkan ke halaman IKI"


def test_an_objective_code_used_elsewhere_in_the_plan_is_refused_in_indonesian(world, seed):
    position, _ = page(seed, "kasi-tata-kelola")
    with pytest.raises(ValidationError) as caught:
        page_editing.add_page_objective(actor=world.planner, position=position, code="S1", text="Sasaran")
    assert messages_of(caught, "code") == ["Kode S1 sudah dipakai sasaran lain dalam Renstra ini."]


def test_an_empty_text_a_bad_code_and_serving_itself_are_refused_per_field(world, seed):
    _, objectives = page(seed, "kasi-tata-kelola")
    objective = objectives[0]
    with pytest.raises(ValidationError) as caught:
        page_editing.change_page_objective(
            actor=world.planner, objective=objective, code="kode salah", text=" ", contributes_to=None
        )
    assert messages_of(caught, "code") == ["Gunakan hanya huruf, angka, titik, tanda hubung, dan garis bawah."]
    assert "text" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        page_editing.change_page_objective(
            actor=world.planner, objective=objective, code=objective.code, text="Teks", contributes_to=objective
        )
    assert messages_of(caught, "contributes_to") == ["Sasaran tidak dapat mendukung dirinya sendiri."]
    objective.refresh_from_db()
    assert objective.code == "kasi-tata-kelola.O1"


def test_an_indicator_already_on_the_page_is_refused_by_the_form_and_by_the_import(world, seed):
    _, objectives = page(seed, "kasubag-perencanaan")
    existing = objectives[0].page_rows.order_by("order").first()
    with pytest.raises(ValidationError) as caught:
        page_editing.add_page_row(actor=world.planner, objective=objectives[0], indicator=existing.indicator)
    assert messages_of(caught, "indicator") == [f"Indikator {existing.indicator.code} sudah ada pada halaman ini."]
    data = copy.deepcopy(read_dataset(_dataset()))
    item = next(p for p in data["pages"] if p["position"] == "kasubag-perencanaan")
    item["objectives"][0]["indicators"].append({"indicator": existing.indicator.code})
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    assert any("dua kali" in problem.message for problem in refused.value.problems)


def test_a_bad_objective_code_is_refused_with_the_same_sentence_by_the_form_and_the_import(world, seed):
    _, objectives = page(seed, "kasi-tata-kelola")
    with pytest.raises(ValidationError) as caught:
        page_editing.change_page_objective(
            actor=world.planner, objective=objectives[0], code="O 1", text="Teks", contributes_to=None
        )
    data = copy.deepcopy(read_dataset(_dataset()))
    item = next(p for p in data["pages"] if p["position"] == "kasi-tata-kelola")
    item["objectives"][0]["code"] = "O 1"
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    imported = [p.message for p in refused.value.problems if p.field == "code"]
    assert messages_of(caught, "code") == imported


def test_moving_a_row_swaps_it_with_its_neighbour_and_records_both(world, seed):
    _, objectives = page(seed, "kasubag-perencanaan")
    objective = objectives[0]
    before = rows_of(objective)
    second = objective.page_rows.order_by("order")[1]
    page_editing.move_page_row(actor=world.planner, row=second, step=-1)
    assert rows_of(objective) == [before[1], before[0], *before[2:]]
    moved = AuditRecord.objects.filter(object_label="strategy.pageindicator", action=AuditRecord.Action.CHANGED)
    assert moved.count() == 2
    first = objective.page_rows.order_by("order").first()
    with pytest.raises(ValidationError) as caught:
        page_editing.move_page_row(actor=world.planner, row=first, step=-1)
    assert messages_of(caught, "order") == ["Baris ini tidak dapat dipindah lebih jauh."]


def test_printed_wording_equal_to_the_indicator_is_not_kept_and_a_new_one_is(world, seed):
    _, objectives = page(seed, "kasi-tata-kelola")
    row = objectives[0].page_rows.get()
    indicator = row.indicator
    page_editing.change_page_row(
        actor=world.planner,
        row=row,
        objective=objectives[0],
        indicator=indicator,
        printed_name=indicator.name,
        printed_definition="Rumus khusus halaman ini",
        printed_data_source=indicator.data_source,
    )
    row.refresh_from_db()
    assert (row.printed_name, row.printed_definition, row.printed_data_source) == ("", "Rumus khusus halaman ini", "")
    assert row.name == indicator.name and row.definition == "Rumus khusus halaman ini"


def test_a_row_whose_figures_would_be_left_on_no_page_cannot_be_removed(world, seed):
    _, objectives = page(seed, "kasi-tata-kelola")
    row = objectives[0].page_rows.get()
    assert row.indicator.page_rows.count() == 1
    Target.objects.create(indicator=row.indicator, kind="year", year=2022, value=Decimal(1))
    with pytest.raises(ValidationError, match="sudah mempunyai target atau realisasi"):
        page_editing.remove_page_row(actor=world.planner, row=row)
    assert PageIndicator.objects.filter(pk=row.pk).exists()


def test_a_row_without_figures_is_removed_and_the_removal_audited(world, seed):
    _, objectives = page(seed, "kasi-tata-kelola")
    row = objectives[0].page_rows.get()
    page_editing.remove_page_row(actor=world.planner, row=row)
    assert not PageIndicator.objects.filter(pk=row.pk).exists()
    record = AuditRecord.objects.get(object_label="strategy.pageindicator", action=AuditRecord.Action.DELETED)
    assert record.before["indicator"] == row.indicator_id


def test_an_objective_is_removed_only_when_nothing_depends_on_it(world, seed):
    position, objectives = page(seed, "kabid-persandian")
    with pytest.raises(ValidationError, match="masih memuat 1 baris indikator"):
        page_editing.remove_page_objective(actor=world.planner, objective=objectives[0])
    objectives[0].page_rows.all().delete()
    with pytest.raises(ValidationError, match=r"kasi-tata-kelola\.O1"):
        page_editing.remove_page_objective(actor=world.planner, objective=objectives[0])
    empty = page_editing.add_page_objective(actor=world.planner, position=position, code="kabid.O9", text="Kosong")
    page_editing.remove_page_objective(actor=world.planner, objective=empty)
    assert not Objective.objects.filter(pk=empty.pk).exists()


def test_moving_a_row_to_another_objective_puts_it_last_there(world, seed):
    _, objectives = page(seed, "kasi-opini")
    row = objectives[0].page_rows.get()
    last = objectives[1].page_rows.aggregate(last=Max("order"))["last"]
    page_editing.change_page_row(
        actor=world.planner,
        row=row,
        objective=objectives[1],
        indicator=row.indicator,
        printed_name="",
        printed_definition="",
        printed_data_source="",
    )
    row.refresh_from_db()
    assert row.objective == objectives[1] and row.order == last + 1


def _dataset():
    from django.conf import settings

    return settings.KINERJA_BUILTIN_DATASET


def test_moving_an_objective_swaps_it_with_its_neighbour(world, seed):
    position, objectives = page(seed, "kadis")
    page_editing.move_page_objective(actor=world.planner, objective=objectives[2], step=-1)
    after = list(Objective.objects.filter(position=position).order_by("order").values_list("pk", flat=True))
    assert after == [objectives[0].pk, objectives[2].pk, objectives[1].pk]
    with pytest.raises(ValidationError) as caught:
        page_editing.move_page_objective(actor=world.planner, objective=objectives[0], step=-1)
    assert messages_of(caught, "order") == ["Sasaran ini tidak dapat dipindah lebih jauh."]


def test_a_new_objective_and_its_first_row_from_the_page(client, world, seed):
    position, objectives = page(seed, "kasi-tata-kelola")
    indicator = seed.plans.get().indicators.exclude(page_rows__position=position).order_by("order").first()
    client.force_login(world.planner)
    url = reverse("position-page-edit", args=[seed.code, position.code])
    response = client.post(
        url,
        {
            "action": "add-objective",
            "new-objective-code": "kasi-tata-kelola.O2",
            "new-objective-text": "Meningkatnya layanan persandian",
            "new-objective-contributes_to": objectives[0].contributes_to_id,
        },
    )
    objective = Objective.objects.get(code="kasi-tata-kelola.O2")
    assert response.status_code == 302 and response["Location"].endswith(f"#objective-{objective.pk}")
    response = client.post(
        url, {"action": "add-row", "new-row-objective": objective.pk, "new-row-indicator": indicator.pk}
    )
    assert response.status_code == 302
    assert rows_of(objective) == [indicator.code]
    assert objective.contributes_to_id == objectives[0].contributes_to_id
