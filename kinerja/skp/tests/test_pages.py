"""The SKP pages as people use them, without JavaScript, and the queries their selectors cost."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.organisation.models import Official
from kinerja.performance.figures import get_plan_figures
from kinerja.skp import predicate, services
from kinerja.skp.models import RhkIndicator, Skp
from kinerja.skp.selectors import get_distribution, get_skp, list_skps
from kinerja.strategy.selectors import get_current_plan

from .helpers import (
    ALL_AS_EXPECTED,
    DIVISION,
    SECTION,
    YEAR,
    example_section_skp,
    official_of,
    position,
    section_skp,
    staff_member,
    staff_skp,
)

SEED = "halut-diskominfo"
ALL_ABOVE = dict.fromkeys(ALL_AS_EXPECTED, "di_atas")


def text(response) -> str:
    return html.unescape(response.content.decode())


def detail_url(skp) -> str:
    return reverse("skp-detail", args=[SEED, skp.pk])


def test_a_staff_members_skp_from_preparing_to_rating_through_the_pages(client, world, seed):
    staff, staff_user = staff_member(world)
    client.force_login(world.section_head)
    prepare = reverse("skp-prepare", args=[SEED])
    for code, official in ((SECTION, official_of(world.section_head)), (staff.code, official_of(staff_user))):
        response = client.post(prepare, {"jabatan": code, "pegawai": official.pk, "tahun": YEAR})
        assert response.status_code == 302
    own = Skp.objects.get(position__code=SECTION)
    skp = Skp.objects.get(position=staff)
    parent = own.results.order_by("order").first()
    page = text(client.get(detail_url(skp)))
    assert "Berikan rencana hasil kerja (intervensi)" in page and parent.text in page
    response = client.post(
        reverse("skp-result-add", args=[SEED, skp.pk]), {"parent": parent.pk, "text": "Menyusun konsep SOP persandian"}
    )
    assert response.status_code == 302
    result = skp.results.get()

    client.force_login(staff_user)
    response = client.post(
        reverse("skp-indicator-add", args=[SEED, result.pk]),
        {"aspect": "waktu", "name": "Konsep selesai", "target": "2,5", "unit": "bulan"},
    )
    assert response.status_code == 302
    page = text(client.get(detail_url(skp)))
    assert "Menyusun konsep SOP persandian" in page and "2,5 bulan" in page and "Waktu" in page
    assert "RHK atasan" in page and "Sasaran Strategis" in page
    assert "Simpan penilaian" not in page  # the official does not rate themself
    response = client.post(
        reverse("skp-indicator-add", args=[SEED, result.pk]),
        {"aspect": "kualitas", "name": "Mutu", "target": "1.5", "unit": "%"},  # a dot groups thousands: refused
    )
    assert RhkIndicator.objects.filter(result=result).count() == 1

    client.force_login(world.section_head)
    data = {"work_rating": "di_atas", **{f"behaviour_{key}": value for key, value in ALL_ABOVE.items()}}
    assert client.post(reverse("skp-rate", args=[SEED, skp.pk]), data).status_code == 302
    client.force_login(staff_user)
    page = text(client.get(detail_url(skp)))
    assert "Sangat Baik" in page and "Di atas ekspektasi" in page and "Tambahkan indikator" not in page


def test_a_rating_without_every_value_is_refused_with_a_message_and_nothing_changes(client, world, seed):
    staff, staff_user = staff_member(world)
    skp = staff_skp(world, staff, staff_user)
    client.force_login(world.section_head)
    response = client.post(reverse("skp-rate", args=[SEED, skp.pk]), {"work_rating": "sesuai"}, follow=True)
    assert "Beri penilaian untuk setiap nilai BerAKHLAK." in text(response)
    assert Skp.objects.get(pk=skp.pk).status == "draft"


def test_the_section_heads_skp_shows_its_iki_rows_as_work_results_with_the_chain(client, world, seed):
    skp = section_skp(world)
    client.force_login(world.section_head)
    page = text(client.get(detail_url(skp)))
    for result in skp.results.all():
        assert result.text in page and result.page_row.name in page
    assert "Rantai sampai ke sasaran instansi" in page and "Sasaran Strategis" in page
    assert "tidak terkait dengan apa pun" not in page


def test_the_head_of_a_unit_gets_a_work_rating_proposed_from_the_units_achievement_with_its_source(
    client, world, example_figures
):
    seed = example_figures
    skp = Skp.objects.get(
        official=official_of(world.division_head), position__code=DIVISION, year=YEAR
    )  # the example's
    division = position(seed, DIVISION)
    rollup = get_plan_figures(get_current_plan(seed), YEAR, 4).unit(division.unit_id)
    assert rollup.mean is not None
    expected = predicate.work_from_achievement(rollup.mean)
    view = get_skp(seed, skp.pk)
    assert view.proposal is not None and view.proposal.rating == expected and view.proposal.unit == division.unit
    client.force_login(world.head_of_agency)
    page = text(client.get(detail_url(skp)))
    assert f"dari capaian {division.unit.name}" in page and "sumber: dasbor" in page
    label = {"di_atas": "Di atas ekspektasi", "sesuai": "Sesuai ekspektasi", "di_bawah": "Di bawah ekspektasi"}
    assert f"Usulan penilaian hasil kerja: {label[expected]}" in " ".join(page.replace("<strong>", "").split())


def test_a_staff_position_gets_no_proposal(world, seed):
    staff, user = staff_member(world)
    assert get_skp(seed, staff_skp(world, staff, user).pk).proposal is None


def test_the_distribution_page_flags_a_unit_all_sangat_baik_under_a_baik_organisation(
    client, world, example_figures, settings
):
    seed = example_figures
    settings.KINERJA_ORGANISATION_PREDICATE_BOUNDS = ("1000000", "0", "-1", "-2")  # any achievement: Baik
    staff, user = staff_member(world)
    own = example_section_skp(world)
    services.rate_skp(actor=world.division_head, skp=own, work="di_atas", behaviours=ALL_ABOVE)
    services.rate_skp(actor=world.section_head, skp=staff_skp(world, staff, user), work="di_atas", behaviours=ALL_ABOVE)
    client.force_login(world.planner)
    page = text(client.get(reverse("skp-distribution", args=[SEED]) + f"?tahun={YEAR}"))
    assert 'Predikat organisasi: <strong class="org-predicate">Baik</strong>' in page
    assert "Sebagian penilaian harus Butuh Perbaikan / Kurang/Misconduct; di sini tidak ada." in page
    assert "Perlu ditinjau" in page and "Staf Uji, A.Md" in page and official_of(world.section_head).name in page
    unit_view = next(v for v in get_distribution(seed, YEAR) if v.label == own.position.unit.name)
    assert not unit_view.distribution.ok and unit_view.distribution.counts["sangat_baik"] == 2


def test_the_distribution_keeps_the_rule_when_some_need_improvement(world, example_figures, settings):
    settings.KINERJA_ORGANISATION_PREDICATE_BOUNDS = ("1000000", "0", "-1", "-2")
    staff, user = staff_member(world)
    own = example_section_skp(world)
    services.rate_skp(actor=world.division_head, skp=own, work="sesuai", behaviours=ALL_AS_EXPECTED)
    services.rate_skp(
        actor=world.section_head, skp=staff_skp(world, staff, user), work="di_bawah", behaviours=ALL_AS_EXPECTED
    )
    views = get_distribution(example_figures, YEAR)
    section = next(view for view in views if view.unit == own.position.unit)
    assert section.distribution.organisation == "baik" and section.distribution.ok
    assert section.distribution.counts == {**dict.fromkeys(predicate.PREDICATES, 0), "baik": 1, "butuh_perbaikan": 1}


def test_the_list_shows_each_person_what_they_may_see_and_prepare(client, world, seed):
    _staff, user = staff_member(world)
    section_skp(world)
    url = reverse("skp-list", args=[SEED]) + f"?tahun={YEAR}"
    client.force_login(user)
    page = text(client.get(url))
    assert "Siapkan SKP" in page and "Kepala Seksi Uji" not in page
    client.force_login(world.secretary)
    assert official_of(world.section_head).name not in text(client.get(url))
    client.force_login(world.planner)
    page = text(client.get(url))
    assert official_of(world.section_head).name in page and "Tambah jabatan staf" in page
    overview = text(client.get(reverse("agency-overview", args=[SEED])))
    assert f'href="{reverse("skp-list", args=[SEED])}" id="nav-skp"' in overview


def _more_skps(world, seed, count: int) -> None:
    """`count` more staff members below the section head, each with an SKP, a work result and an indicator."""
    parent = Skp.objects.get(position__code=SECTION).results.first()
    for n in range(count):
        staff, user = staff_member(world, f"staf-{n}", f"staf{n}")
        skp = staff_skp(world, staff, user)
        result = services.add_staff_result(actor=world.section_head, skp=skp, parent=parent, text=f"Hasil {n}")
        services.add_indicator(actor=None, result=result, aspect="kuantitas", name="Jumlah", target=1, unit="dokumen")
        services.rate_skp(actor=world.section_head, skp=skp, work="sesuai", behaviours=ALL_AS_EXPECTED)


@pytest.mark.parametrize("more", [0, 6])
def test_the_selectors_cost_a_fixed_number_of_queries(world, seed, django_assert_max_num_queries, more):
    own = section_skp(world)
    staff_position, user = staff_member(world)
    staff = staff_skp(world, staff_position, user)
    _more_skps(world, seed, more)
    with django_assert_max_num_queries(4):
        assert len(list_skps(seed, YEAR)) == 5 + more  # the seed's four holders, and the staff
    with django_assert_max_num_queries(5):
        assert get_skp(seed, staff.pk).proposal is None
    with django_assert_max_num_queries(9):
        assert get_skp(seed, own.pk).proposal is not None
    with django_assert_max_num_queries(7):
        get_distribution(seed, YEAR)


def test_the_detail_page_costs_the_same_with_more_skps(client, world, seed, django_assert_num_queries):
    own = section_skp(world)
    client.force_login(world.planner)  # (the section head's own navigation counts grow with staff to verify)

    client.get(detail_url(own))  # the session's first page
    with CaptureQueriesContext(connection) as few:
        client.get(detail_url(own))
    _more_skps(world, seed, 5)
    with CaptureQueriesContext(connection) as many:
        client.get(detail_url(own))
    assert len(many) == len(few)
    assert Official.objects.filter(user__username__startswith="staf").count() == 5


def test_the_list_page_costs_the_same_with_more_skps(client, world, seed):
    section_skp(world)
    client.force_login(world.planner)
    url = reverse("skp-list", args=[SEED]) + f"?tahun={YEAR}"
    client.get(url)  # the session's first page
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _more_skps(world, seed, 5)
    with CaptureQueriesContext(connection) as many:
        page = text(client.get(url))
    assert len(many) == len(few)
    assert page.count("Sesuai ekspektasi") == 0 and page.count(">Baik<") == 5
