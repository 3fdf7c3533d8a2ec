"""Door parity for role grants (issue 18): the scope of a role and a role given once are refused the same way
through the service, the people page and the Django admin — an Indonesian sentence, never a constraint name — and
the RoleGrant table stays as it was."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.models import RoleGrant, User
from kinerja.accounts.roles import grant_role
from kinerja.organisation.models import Official

SEED = "halut-diskominfo"
TWICE = "Orang ini sudah memiliki peran tersebut"
SCOPE = "Admin perencanaan diberikan untuk satu perangkat daerah"


def grants() -> list:
    return list(RoleGrant.objects.order_by("pk").values_list("pk", "user_id", "role", "agency_id", "region_id"))


def by_service(world, client, scoped: bool) -> str:
    region = world.agency.region if scoped else None
    with translation.override("id"), pytest.raises(ValidationError) as error:
        grant_role(actor=world.planner, user=world.section_head, role="planner", agency=world.agency, region=region)
    return " ".join(error.value.messages)


def by_page(world, client, scoped: bool) -> str:
    client.force_login(world.planner)
    official = Official.objects.get(user=world.section_head)
    # the page gives the planner role for its own agency: the scope comes from the page, never wrong
    response = client.post(reverse("person-grant", args=[SEED, official.pk]), {"role": "planner"})
    return response.content.decode()


def by_admin(world, client, scoped: bool) -> str:
    client.force_login(User.objects.create_superuser("admin-pintu", password="x-Admin-12345"))
    data = {"user": world.section_head.pk, "role": "planner", "agency": world.agency.pk, "region": ""}
    if scoped:
        data["region"] = world.agency.region.pk
    return client.post(reverse("admin:accounts_rolegrant_add"), data).content.decode()


DOORS = {"service": by_service, "page": by_page, "admin": by_admin}


@pytest.mark.parametrize("door", DOORS)
def test_a_role_given_twice_is_refused_at_every_door(world, client, door):
    RoleGrant.objects.create(user=world.section_head, role="planner", agency=world.agency)
    before = grants()
    answer = DOORS[door](world, client, scoped=False)
    assert TWICE in answer and "role_grant_once" not in answer
    assert grants() == before


@pytest.mark.parametrize("door", ["service", "admin"])
def test_a_role_out_of_scope_is_refused_with_a_sentence_at_every_door(world, client, door):
    before = grants()
    answer = DOORS[door](world, client, scoped=True)
    assert SCOPE in answer and "role_grant_scope" not in answer
    assert grants() == before


def test_the_doors_do_write_when_nothing_is_wrong(world, client):
    official = Official.objects.get(user=world.section_head)
    client.force_login(world.planner)
    client.post(reverse("person-grant", args=[SEED, official.pk]), {"role": "planner"})
    assert RoleGrant.objects.filter(user=world.section_head, role="planner", agency=world.agency).count() == 1


def test_the_admin_shows_assignments_but_never_writes_them(world, client):
    """An assignment made in the admin would skip the mutasi rule (the old holder's post ends the day before) and
    the acting decree: the admin shows the history, the Pegawai & akun page is the one door."""
    from kinerja.organisation.models import Assignment

    client.force_login(User.objects.create_superuser("admin-tugas", password="x-Admin-12345"))
    held = Assignment.objects.filter(position__agency=world.agency).select_related("official", "position").first()
    before = list(Assignment.objects.order_by("pk").values_list("pk", "official_id", "position_id", "start", "end"))
    data = {"official": held.official_id, "position": held.position_id, "start": "2023-01-02", "acting_kind": ""}
    assert client.post(reverse("admin:organisation_assignment_add"), data).status_code == 403
    change = reverse("admin:organisation_assignment_change", args=[held.pk])
    assert client.get(change).status_code == 200
    client.post(change, {**data, "end": "2023-01-01"})
    assert (
        client.post(reverse("admin:organisation_assignment_delete", args=[held.pk]), {"post": "yes"}).status_code == 403
    )
    assert (
        list(Assignment.objects.order_by("pk").values_list("pk", "official_id", "position_id", "start", "end"))
        == before
    )
    page = client.get(reverse("admin:organisation_position_change", args=[held.position_id])).content.decode()
    assert held.official.name in page and "Pegawai &amp; akun" in page
