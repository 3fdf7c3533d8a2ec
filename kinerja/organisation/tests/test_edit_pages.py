"""The organisation's forms through the test client: "Ubah" on the organisation tree for the planner only, the form
showing what is stored, a POST that saves and comes back with the message, a refusal shown next to its field, and
the pages' query counts."""

import html
import re

import pytest
from django.urls import reverse

from kinerja.organisation.models import Position, Unit

SEED = "halut-diskominfo"


@pytest.fixture
def planner(client, world):
    client.force_login(world.planner)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_tree_offers_ubah_to_the_planner_only(client, world):
    url = reverse("organisation-tree", args=[SEED])
    client.force_login(world.planner)
    page = text(client.get(url))
    assert 'data-unit-edit="seksi-opini"' in page and 'data-position-edit="kasi-tata-kelola"' in page
    assert reverse("agency-edit", args=[SEED]) in page
    assert ">Ubah</a>" in page
    client.force_login(world.section_head)
    page = text(client.get(url))
    assert "data-unit-edit" not in page and "data-position-edit" not in page and "/organisasi/ubah/" not in page


def test_the_tree_costs_a_fixed_number_of_queries(planner, django_assert_max_num_queries):
    # the session, the user and their reach, the agency, the tree (units, positions, holders), the menu
    with django_assert_max_num_queries(10):
        response = planner.get(reverse("organisation-tree", args=[SEED]))
    assert response.status_code == 200


def test_the_unit_form_shows_the_stored_name_and_saves_a_rename(planner, seed):
    unit = seed.units.get(code="seksi-opini")
    url = reverse("unit-edit", args=[SEED, "seksi-opini"])
    page = text(planner.get(url))
    assert "Ubah unit kerja" in page and f'value="{unit.name}"' in page
    assert re.search(r'<option value="seksi" selected>Seksi</option>', page)
    response = planner.post(url, {"name": "Seksi Opini dan Informasi Publik", "kind": "seksi"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("organisation-tree", args=[SEED])
    shown = text(response)
    assert "Tersimpan. Pemeriksaan konsistensi kini melaporkan" in shown
    assert "Seksi Opini dan Informasi Publik" in shown
    assert Unit.objects.get(pk=unit.pk).name == "Seksi Opini dan Informasi Publik"


def test_a_refused_unit_shows_the_sentence_next_to_its_field_and_saves_nothing(planner, seed):
    unit = seed.units.get(code="seksi-opini")
    response = planner.post(reverse("unit-edit", args=[SEED, "seksi-opini"]), {"name": "  ", "kind": "seksi"})
    assert response.status_code == 400
    assert re.search(r'field-name">.*Tulis nama unit kerja, misalnya “Bidang Persandian”\.', text(response), flags=re.S)
    assert Unit.objects.get(pk=unit.pk).name == unit.name


def test_the_position_form_shows_the_functions_with_their_printed_numbers_and_saves(planner, seed):
    url = reverse("position-edit", args=[SEED, "kasubag-umum"])
    page = text(planner.get(url))
    assert "Ubah jabatan" in page and "1) Menyusun Rencana Kerja Sub Bagian\n1) " in page  # the seed's "1" twice
    back = reverse("consistency-check", args=[SEED])
    data = {
        "title": "Kepala Sub Bagian Umum dan Kepegawaian",
        "printed_title": "",
        "duty": "Membantu Sekretaris dalam urusan umum dan kepegawaian.",
        "functions": "Menyusun Rencana Kerja Sub Bagian;\r\nMelaksanakan urusan rumah tangga;\r\n\r\n4) Melaporkan.",
        "kembali": back,
    }
    response = planner.post(url, data)
    assert response.status_code == 302 and response["Location"] == back
    position = Position.objects.get(agency=seed, code="kasubag-umum")
    assert position.title == "Kepala Sub Bagian Umum dan Kepegawaian"
    assert position.duty == "Membantu Sekretaris dalam urusan umum dan kepegawaian."
    assert [(f.label, f.text) for f in position.functions.order_by("order")] == [
        ("1", "Menyusun Rencana Kerja Sub Bagian;"),
        ("2", "Melaksanakan urusan rumah tangga;"),
        ("4", "Melaporkan."),
    ]


def test_a_refused_position_shows_the_sentences_next_to_title_and_functions(planner, seed):
    position = seed.positions.get(code="kasi-tata-kelola")
    response = planner.post(
        reverse("position-edit", args=[SEED, "kasi-tata-kelola"]),
        {"title": "", "duty": "", "functions": "12345678901) Terlalu panjang nomornya"},
    )
    assert response.status_code == 400
    page = text(response)
    assert re.search(r'field-title">.*Tulis nama jabatan, misalnya', page, flags=re.S)
    assert page.count('class="field-error"') == 1  # a line without a number "1)…" is a function's text, not refused
    assert Position.objects.get(pk=position.pk).title == position.title


def test_the_agency_form_saves_the_printed_name(planner, seed):
    url = reverse("agency-edit", args=[SEED])
    assert "DINAS KOMUNKASI INFORMATIKA DAN PERSANDIAN" in text(planner.get(url))
    functions = "\n".join(f"{f.label}) {f.text}" for f in seed.functions.order_by("order"))
    data = {"name": seed.name, "printed_name": "", "duty": seed.duty, "functions": functions}
    assert planner.post(url, data).status_code == 302
    seed.refresh_from_db()
    assert seed.printed_name == ""


def test_the_edit_page_costs_a_fixed_number_of_queries(planner, django_assert_max_num_queries):
    # kabid-opini has 17 functions: read in one query
    with django_assert_max_num_queries(9):
        response = planner.get(reverse("position-edit", args=[SEED, "kabid-opini"]))
    assert response.status_code == 200


def test_another_agencys_unit_or_an_unknown_code_is_not_found(planner):
    assert planner.get(reverse("unit-edit", args=[SEED, "tidak-ada"])).status_code == 404
    assert planner.get(reverse("position-edit", args=[SEED, "tidak-ada"])).status_code == 404
