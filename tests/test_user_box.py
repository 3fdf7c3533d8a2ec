"""The user box of every page names the person as others read them — the official's name with titles, not the
login name — and reading that name costs no query of its own (the login backend reads the official with the
user)."""

import html

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from kinerja.organisation.models import Official


def user_box(response) -> str:
    page = html.unescape(response.content.decode())
    start = page.index('id="user-name">') + len('id="user-name">')
    return page[start : page.index("<", start)]


def test_an_official_is_named_with_titles_and_without_a_query_for_it(client, world):
    client.post(reverse("login"), {"username": "kasi", "password": PASSWORD})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("home"))
    assert user_box(response) == "Kepala Seksi Uji, S.Kom"
    alone = [
        q["sql"] for q in captured if 'FROM "organisation_official" WHERE "organisation_official"."user_id"' in q["sql"]
    ]
    assert alone == []  # read with the user (a join), not one more query per page


def test_the_name_follows_the_official_not_the_account(client, world):
    Official.objects.filter(user=world.head_of_agency).update(name="Ir. Yohanis Tobelo, M.T.")
    world.head_of_agency.first_name = "Nama Lama"
    world.head_of_agency.save()
    client.force_login(world.head_of_agency)
    assert user_box(client.get(reverse("home"))) == "Ir. Yohanis Tobelo, M.T."


def test_one_without_an_official_is_named_by_full_name(client, world):
    client.force_login(world.planner)
    assert user_box(client.get(reverse("home"))) == "Perencana Uji"
