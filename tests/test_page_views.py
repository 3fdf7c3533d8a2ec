"""The IKI page's edit page: the planner's forms call the one door, a refusal shows where it belongs, a save says
what the consistency check reports now; the page costs a fixed number of queries."""

import copy
import re

import pytest
from django.conf import settings
from django.urls import reverse

from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.exchange.loading.report import DatasetError
from kinerja.strategy.models import Objective, PageIndicator

pytestmark = pytest.mark.django_db
SEED = "halut-diskominfo"


def edit_url(position: str) -> str:
    return reverse("position-page-edit", args=[SEED, position])


def test_the_position_page_links_to_its_edit_page_only_for_the_planner(client, world):
    url = reverse("position-page", args=[SEED, "kasi-tata-kelola"])
    client.force_login(world.planner)
    assert edit_url("kasi-tata-kelola") in client.get(url).content.decode()
    client.force_login(world.section_head)
    assert edit_url("kasi-tata-kelola") not in client.get(url).content.decode()
    assert client.get(edit_url("kasi-tata-kelola")).status_code == 404


@pytest.mark.parametrize("position", ["kasi-tata-kelola", "kasubag-umum"])
def test_the_edit_page_costs_the_same_queries_whatever_the_page_holds(
    client, world, position, django_assert_max_num_queries
):
    client.force_login(world.planner)
    with django_assert_max_num_queries(16):
        response = client.get(edit_url(position))
    assert response.status_code == 200
    rows = PageIndicator.objects.filter(position__code=position, position__agency__code=SEED).count()
    assert response.content.decode().count('class="page-row"') == rows


def test_a_changed_printed_wording_is_saved_and_the_message_counts_the_findings(client, world):
    row = PageIndicator.objects.get(position__code="kasi-tata-kelola")
    client.force_login(world.planner)
    prefix = f"row-{row.pk}"
    response = client.post(
        edit_url("kasi-tata-kelola"),
        {
            "action": "change-row",
            "row": row.pk,
            f"{prefix}-objective": row.objective_id,
            f"{prefix}-indicator": row.indicator_id,
            f"{prefix}-printed_name": "Nama indikator versi halaman",
            f"{prefix}-printed_definition": row.indicator.definition,
            f"{prefix}-printed_data_source": "",
        },
        follow=True,
    )
    row.refresh_from_db()
    assert row.printed_name == "Nama indikator versi halaman" and row.printed_definition == ""
    text = response.content.decode()
    assert re.search(r"Tersimpan\. Pemeriksaan konsistensi kini melaporkan \d+ kesalahan dan \d+ peringatan\.", text)
    assert response.redirect_chain[-1][0].endswith(f"#row-{row.pk}")


def test_a_refused_row_shows_the_sentence_next_to_its_field_and_saves_nothing(client, world):
    rows = list(PageIndicator.objects.filter(position__code="kasi-opini").order_by("objective__order"))
    client.force_login(world.planner)
    response = client.post(
        edit_url("kasi-opini"),
        {
            "action": "add-row",
            "new-row-objective": rows[0].objective_id,
            "new-row-indicator": rows[1].indicator_id,
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert f"Indikator {rows[1].indicator.code} sudah ada pada halaman ini." in text
    assert 'class="field-error"' in text
    assert PageIndicator.objects.filter(position__code="kasi-opini").count() == len(rows)


def test_a_refused_removal_shows_at_the_objective(client, world):
    objective = Objective.objects.get(code="kasi-tata-kelola.O1")
    client.force_login(world.planner)
    response = client.post(edit_url("kasi-tata-kelola"), {"action": "remove-objective", "objective": objective.pk})
    assert response.status_code == 400
    assert "masih memuat 1 baris indikator" in response.content.decode()
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_a_row_of_another_page_is_not_found(client, world):
    other = PageIndicator.objects.filter(position__code="kasi-opini").first()
    client.force_login(world.planner)
    response = client.post(edit_url("kasi-tata-kelola"), {"action": "move-row", "row": other.pk, "step": "up"})
    assert response.status_code == 404


def test_a_planner_moves_a_row_up_from_the_page(client, world):
    rows = list(PageIndicator.objects.filter(position__code="kasubag-perencanaan").order_by("order"))
    client.force_login(world.planner)
    response = client.post(edit_url("kasubag-perencanaan"), {"action": "move-row", "row": rows[2].pk, "step": "up"})
    assert response.status_code == 302
    after = list(PageIndicator.objects.filter(position__code="kasubag-perencanaan").order_by("order"))
    assert [r.pk for r in after[:3]] == [rows[0].pk, rows[2].pk, rows[1].pk]


def test_the_page_and_the_import_refuse_a_bad_objective_code_with_the_same_sentence(client, world):
    objective = Objective.objects.get(code="kasi-tata-kelola.O1")
    client.force_login(world.planner)
    prefix = f"objective-{objective.pk}"
    response = client.post(
        edit_url("kasi-tata-kelola"),
        {
            "action": "change-objective",
            "objective": objective.pk,
            f"{prefix}-code": "O 1",
            f"{prefix}-text": objective.text,
            f"{prefix}-contributes_to": objective.contributes_to_id,
        },
    )
    assert response.status_code == 400
    data = copy.deepcopy(read_dataset(settings.KINERJA_BUILTIN_DATASET))
    page = next(p for p in data["pages"] if p["position"] == "kasi-tata-kelola")
    page["objectives"][0]["code"] = "O 1"
    with pytest.raises(DatasetError) as refused:
        load_agency_data(actor=None, data=data, source="uji.yaml")
    (message,) = [p.message for p in refused.value.problems if p.field == "code"]
    assert f'<p class="field-error" role="alert">{message}</p>' in response.content.decode()
    objective.refresh_from_db()
    assert objective.code == "kasi-tata-kelola.O1"
