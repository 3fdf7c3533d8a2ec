"""The action-plan pages as a person uses them, without JavaScript: read, add, change, move, remove."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import PER_REQUEST_QUERIES
from kinerja.actionplans import services
from kinerja.actionplans.models import ActionItem
from kinerja.organisation.models import Position

from .helpers import INDICATOR, YEAR, indicator_of, quarter_targets, sub_activity_of

SEED = "halut-diskominfo"


def text(response) -> str:
    return html.unescape(response.content.decode())


def indicator_url() -> str:
    return reverse("action-plan-indicator", args=[SEED, INDICATOR]) + f"?tahun={YEAR}"


@pytest.fixture
def kasi(seed):
    return Position.objects.get(agency=seed, code="kasi-tata-kelola")


def form_data(kasi, **fields) -> dict:
    data = {
        "quarter": "2",
        "description": "Menyusun rancangan peraturan bupati",
        "output_quantity": "2,5",
        "output_unit": "dokumen",
        "responsible_position": str(kasi.pk),
        "sub_activity": "",
    }
    data.update(fields)
    return data


def test_the_holder_adds_an_action_with_an_indonesian_quantity(client, world, seed, kasi):
    sub = sub_activity_of(indicator_of(seed).plan)
    client.force_login(world.section_head)
    response = client.post(indicator_url(), form_data(kasi, sub_activity=str(sub.pk)))
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.quarter, item.output_quantity, item.sub_activity, item.year) == (2, Decimal("2.5"), sub, YEAR)
    page = text(client.get(indicator_url()))
    assert "Menyusun rancangan peraturan bupati" in page
    assert "2,5 dokumen" in page and "2.21.02.1.01.01" in page and "Kepala Seksi Tata Kelola Persandian" in page
    assert "Triwulan II" in page


def test_a_refusal_shows_next_to_the_field_and_writes_nothing(client, world, kasi):
    client.force_login(world.section_head)
    response = client.post(indicator_url(), form_data(kasi, output_quantity="-1"))
    assert response.status_code == 400
    assert "Jumlah keluaran tidak boleh negatif." in text(response)
    response = client.post(indicator_url(), form_data(kasi, output_quantity="1.5"))  # a dot groups thousands
    assert response.status_code == 400
    assert not ActionItem.objects.exists()


@pytest.mark.parametrize("role", ["division_head", "inspector", "head_of_agency"])
def test_who_may_not_write_sees_no_form_and_a_post_answers_404(client, world, kasi, role):
    client.force_login(getattr(world, role))
    page = text(client.get(indicator_url()))
    assert "Tambah aksi" not in page and 'name="description"' not in page
    assert client.post(indicator_url(), form_data(kasi)).status_code == 404
    assert not ActionItem.objects.exists()


def _action(world, seed, kasi, description="Menyusun rancangan", quarter=1):
    return services.add_action(
        actor=world.planner,
        indicator=indicator_of(seed),
        year=YEAR,
        quarter=quarter,
        description=description,
        output_quantity=Decimal(1),
        output_unit="dokumen",
        responsible_position=kasi,
    )


def test_the_planner_changes_moves_and_removes_an_action(client, world, seed, kasi):
    first, second = _action(world, seed, kasi, "Pertama"), _action(world, seed, kasi, "Kedua")
    client.force_login(world.planner)
    edit = reverse("action-edit", args=[SEED, first.pk])
    form = text(client.get(edit))
    assert 'value="1"' in form and "Pertama" in form
    response = client.post(edit, form_data(kasi, quarter="1", description="Pertama, diubah", output_quantity="3"))
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.description, first.output_quantity) == ("Pertama, diubah", Decimal(3))
    client.post(reverse("action-move", args=[SEED, second.pk]), {"arah": "naik"})
    assert list(ActionItem.objects.order_by("order").values_list("description", flat=True)) == [
        "Kedua",
        "Pertama, diubah",
    ]
    client.post(reverse("action-remove", args=[SEED, second.pk]))
    assert list(ActionItem.objects.values_list("description", flat=True)) == ["Pertama, diubah"]


def test_another_positions_holder_cannot_open_or_remove_an_action(client, world, seed, kasi):
    item = _action(world, seed, kasi)
    client.force_login(world.division_head)
    assert client.get(reverse("action-edit", args=[SEED, item.pk])).status_code == 404
    assert client.post(reverse("action-remove", args=[SEED, item.pk])).status_code == 404
    assert ActionItem.objects.filter(pk=item.pk).exists()


def test_the_agency_page_shows_each_page_target_beside_actions_and_what_is_missing(client, world, seed, kasi):
    indicator = indicator_of(seed)
    quarter_targets(indicator, q1="1", q3="2")
    _action(world, seed, kasi, "Rapat koordinasi penyusunan kebijakan")
    client.force_login(world.head_of_agency)
    page = text(client.get(reverse("action-plan", args=[SEED]) + f"?tahun={YEAR}&jabatan=kasi-tata-kelola"))
    assert "Rencana aksi 2022 — Kepala Seksi Tata Kelola Persandian" in page
    assert "Rapat koordinasi penyusunan kebijakan" in page
    assert page.count('class="action-row') == 4
    # the year's target (the sum of the quarters' own) and the quarters' targets, to the indicator's 0 decimals
    assert '<td rowspan="4" class="num">3</td>' in page
    assert [cell.split("</td>")[0] for cell in page.split('<td class="num">')[1:]] == ["1", "—", "2", "—"]
    missing = page.split('id="action-plan-missing"')[1].split("</section>")[0]
    assert f"{INDICATOR}" in missing and "Triwulan III" in missing and "Triwulan I<" not in missing
    assert "rencana-aksi.pdf" in page


def test_the_agency_page_costs_a_fixed_number_of_queries(client, world, seed, kasi, django_assert_max_num_queries):
    client.force_login(world.head_of_agency)
    url = reverse("action-plan", args=[SEED]) + f"?tahun={YEAR}"
    client.get(url)
    for quarter in (1, 2, 3, 4):
        _action(world, seed, kasi, f"Aksi {quarter}", quarter)
    # the session and its user (2), the agency, the plan, the years with figures, the selector's 4, the progress
    # waiting for the user's verification, and what every page costs (the user's reach, the navigation's counts)
    with django_assert_max_num_queries(10 + PER_REQUEST_QUERIES):
        response = client.get(url)
    assert "Aksi 4" in text(response)


def test_the_position_page_and_the_indicator_page_link_to_the_action_plan(client, world, seed):
    client.force_login(world.section_head)
    position_page = text(client.get(reverse("position-page", args=[SEED, "kasi-tata-kelola"]) + f"?tahun={YEAR}"))
    assert reverse("action-plan", args=[SEED]) + f"?tahun={YEAR}&jabatan=kasi-tata-kelola" in position_page
    indicator_page = text(client.get(reverse("indicator-detail", args=[SEED, INDICATOR])))
    assert reverse("action-plan-indicator", args=[SEED, INDICATOR]) in indicator_page


def test_a_closed_quarter_answers_with_its_message_not_an_error(client, world, seed, kasi):
    from kinerja.performance.models import PeriodLock

    item = _action(world, seed, kasi)
    PeriodLock.objects.create(agency=seed, year=YEAR, quarter=1, closed=True)
    client.force_login(world.section_head)
    page = text(client.get(indicator_url()))
    quarter_one = page.split('data-quarter="1"')[1].split("</tr>")[0]
    assert "data-closed" in quarter_one and "Hapus" not in quarter_one
    response = client.post(reverse("action-remove", args=[SEED, item.pk]), follow=True)
    assert "Periode Triwulan I tahun 2022 sudah ditutup" in text(response)
    response = client.post(indicator_url(), form_data(kasi, quarter="1"))
    assert response.status_code == 400 and "sudah ditutup" in text(response)
    assert list(ActionItem.objects.values_list("pk", flat=True)) == [item.pk]


def test_the_indicators_change_history_lists_its_actions(client, world, seed, kasi):
    _action(world, seed, kasi, "Rapat koordinasi")
    client.force_login(world.head_of_agency)
    page = text(client.get(reverse("indicator-history", args=[SEED, INDICATOR])))
    assert f"Aksi {INDICATOR}, 2022 triwulan I ditambahkan" in page


def test_an_unknown_indicator_or_action_answers_404(client, world):
    client.force_login(world.planner)
    assert client.get(reverse("action-plan-indicator", args=[SEED, "TIDAK-ADA"])).status_code == 404
    assert client.get(reverse("action-edit", args=[SEED, 999999])).status_code == 404
