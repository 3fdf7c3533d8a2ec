"""The people pages through the test client: what a planner sees, the refusals in Indonesian next to the field,
the one-time password shown once, the reset link that works, the menu items, and the admin's role form."""

import re

import pytest
from django.urls import reverse

from kinerja.accounts.models import RoleGrant, User
from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.organisation import people
from kinerja.organisation.models import Assignment, Official
from kinerja.organisation.selectors import list_people
from kinerja.organisation.tests.factories import nip_for

SEED = "halut-diskominfo"


@pytest.fixture
def planner(client, world):
    client.force_login(world.planner)
    return client


def add(client, number: int = 9101, **extra) -> Official:
    data = {"nip": nip_for(number), "front_title": "Dr.", "name": "Sari Dewi", "back_title": "S.E.", "grade": "III/a"}
    response = client.post(reverse("people", args=[SEED]), data | extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Official.objects.get(nip=(data | extra)["nip"])


def test_the_planner_sees_the_people_and_adds_an_official(planner, world):
    page = planner.get(reverse("people", args=[SEED])).content.decode()
    assert "Pegawai & akun" in page and "Kepala Seksi Uji, S.Kom" in page
    assert world.agency.region.head.name not in page  # the regent is the region's, not the agency's
    official = add(planner)
    assert (official.name, official.rank) == ("Dr. Sari Dewi, S.E.", "Penata Muda")
    person = planner.get(reverse("person", args=[SEED, official.pk])).content.decode()
    assert "Dr. Sari Dewi, S.E." in person and "telah ditambahkan" in person


def test_a_wrong_nip_is_shown_in_indonesian_next_to_the_field(planner):
    response = planner.post(reverse("people", args=[SEED]), {"nip": "12345", "name": "Sari Dewi"})
    assert response.status_code == 400
    assert re.search(r'field-nip">.*NIP harus terdiri atas tepat 18 digit', response.content.decode(), re.S)
    assert not Official.objects.filter(name__contains="Sari Dewi").exists()


def test_correcting_the_details_shows_the_refusal_next_to_the_field(planner):
    official = add(planner)
    url = reverse("person-change", args=[SEED, official.pk])
    response = planner.post(url, {"ubah-nip": "19701301", "ubah-name": "Dr. Sari Dewi, S.E., M.M."})
    assert response.status_code == 400
    assert re.search(r'field-nip">.*NIP harus terdiri atas tepat 18 digit', response.content.decode(), re.S)
    planner.post(url, {"ubah-nip": official.nip, "ubah-name": "Dr. Sari Dewi, S.E., M.M.", "ubah-grade": "III/b"})
    official.refresh_from_db()
    assert (official.name, official.rank) == ("Dr. Sari Dewi, S.E., M.M.", "Penata Muda Tingkat I")


def test_the_initial_password_is_shown_once_and_stored_only_as_a_hash(planner, world):
    official = add(planner)
    response = planner.post(reverse("person-login", args=[SEED, official.pk]), {"username": "sari"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    password = re.search(r'id="initial-password">([^<]+)<', response.content.decode()).group(1)
    account = User.objects.get(username="sari")
    assert account.check_password(password) and password not in account.password
    for url in (reverse("person", args=[SEED, official.pk]), reverse("people", args=[SEED])):
        assert password not in planner.get(url).content.decode()
    # the official logs in with it, and every page sends them to choose their own first (the planner saw it)
    planner.logout()
    response = planner.post(reverse("login"), {"username": "sari", "password": password})
    assert response.status_code == 302
    for url in (reverse("home"), reverse("people", args=[SEED]), reverse("my-entry")):
        assert planner.get(url)["Location"] == reverse("password_change")
    refused = planner.get(reverse("home"), HTTP_HX_REQUEST="true")
    assert refused["HX-Redirect"] == reverse("password_change")
    form = planner.get(reverse("password_change"))
    assert form.status_code == 200 and "Pilih kata sandi Anda sendiri dahulu" in form.content.decode()
    # and changes it to their own: then the pages open
    new = {"old_password": password, "new_password1": "Sari-Sendiri-2026!", "new_password2": "Sari-Sendiri-2026!"}
    assert planner.post(reverse("password_change"), new).status_code == 302
    account = User.objects.get(username="sari")
    assert account.check_password("Sari-Sendiri-2026!") and not account.must_change_password
    assert planner.get(reverse("home")).context["user"].username == "sari"
    # a new initial password from the planner brings the duty back
    official.refresh_from_db()
    people.give_login(actor=world.planner, official=official, agency=world.agency)
    assert User.objects.get(username="sari").must_change_password


def test_a_reset_link_lets_the_official_choose_a_password(planner, client):
    official = add(planner)
    planner.post(reverse("person-login", args=[SEED, official.pk]), {"username": "sari"})
    response = planner.post(reverse("person-reset-link", args=[SEED, official.pk]))
    link = re.search(r'id="reset-link" readonly size="70" value="([^"]+)"', response.content.decode()).group(1)
    planner.logout()
    form = client.get(link, follow=True)
    assert "Pilih kata sandi" in form.content.decode()
    saved = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Sari-Baru-2026!", "new_password2": "Sari-Baru-2026!"}
    )
    assert saved.status_code == 302
    account = User.objects.get(username="sari")
    # a password the official chose through the link is their own: no duty to change it again
    assert account.check_password("Sari-Baru-2026!") and not account.must_change_password
    assert "tidak berlaku lagi" in client.get(link, follow=True).content.decode()


def test_assigning_and_granting_on_the_page(planner, world):
    official = add(planner)
    planner.post(reverse("person-login", args=[SEED, official.pk]), {"username": "sari"})
    kasi = world.agency.positions.get(code="kasi-tata-kelola")
    response = planner.post(
        reverse("person-assign", args=[SEED, official.pk]),
        {"position": kasi.pk, "start": "2025-01-02", "acting_kind": "plt", "decree_number": ""},
    )
    assert response.status_code == 400
    assert "Isi nomor surat perintah" in response.content.decode()
    planner.post(
        reverse("person-assign", args=[SEED, official.pk]),
        {"position": kasi.pk, "start": "2025-01-02", "acting_kind": "plt", "decree_number": "800/7/2025"},
    )
    assert Assignment.objects.get(official=official).acting_kind == "plt"
    holders = planner.get(reverse("position-holders", args=[SEED, "kasi-tata-kelola"])).content.decode()
    assert "Plt." in holders and "800/7/2025" in holders and "Kepala Seksi Uji" in holders
    planner.post(reverse("person-grant", args=[SEED, official.pk]), {"role": "planner"})
    assert RoleGrant.objects.filter(user__username="sari", role="planner", agency=world.agency).exists()
    again = planner.post(reverse("person-grant", args=[SEED, official.pk]), {"role": "planner"})
    assert "sudah memiliki peran" in again.content.decode()


def test_a_planner_of_another_agency_and_an_official_reach_no_people_page(client, world):
    other = RoleGrantFactory(agency=world.outsider.official.assignments.get().position.agency).user
    for user in (other, world.section_head, world.head_of_agency):
        client.force_login(user)
        assert client.get(reverse("people", args=[SEED])).status_code == 404
        assert client.post(reverse("people", args=[SEED]), {"nip": nip_for(9102), "name": "X"}).status_code == 404
    assert not Official.objects.filter(nip=nip_for(9102)).exists()


def test_the_menu_shows_the_planners_items_to_the_planner_only(client, world):
    items = ("nav-targets", "nav-periods", "nav-exchange", "nav-people", "nav-log")
    client.force_login(world.planner)
    page = client.get(reverse("organisation-tree", args=[SEED])).content.decode()
    assert all(f'id="{item}"' in page for item in items)
    assert ">Impor/Ekspor<" in page and ">Pegawai<" in page and ">Log perubahan<" in page
    client.force_login(world.section_head)
    page = client.get(reverse("organisation-tree", args=[SEED])).content.decode()
    assert not any(f'id="{item}"' in page for item in items)
    client.force_login(world.head_of_agency)
    page = client.get(reverse("organisation-tree", args=[SEED])).content.decode()
    assert 'id="nav-log"' in page and 'id="nav-people"' not in page


def test_the_people_list_costs_two_queries(seed, django_assert_num_queries):
    with django_assert_num_queries(2):
        people = list_people(seed)
        assert [a.position.code for official in people for a in official.history]


def test_the_admins_role_form_says_what_to_change(client, world):
    admin = User.objects.create_superuser("admin-peran", password="x-Admin-12345")
    client.force_login(admin)
    response = client.post(
        reverse("admin:accounts_rolegrant_add"),
        {"user": world.section_head.pk, "role": "planner", "agency": world.agency.pk, "region": world.agency.region.pk},
    )
    page = response.content.decode()
    assert "Admin perencanaan diberikan untuk satu perangkat daerah" in page
    assert "role_grant_scope" not in page
    assert not RoleGrant.objects.filter(user=world.section_head).exists()
