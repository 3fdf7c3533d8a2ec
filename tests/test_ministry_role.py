"""The ministry (issue 22): a reader of every region and of the national view, scoped to nothing, who writes
nothing. Given by the administrator only; a region or an agency given with it is refused with a sentence."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.access import (
    may_evaluate,
    may_plan,
    may_read_country,
    may_read_region,
    reach_of,
    readable_agencies,
)
from kinerja.accounts.models import RoleGrant, User
from kinerja.accounts.roles import grant_role
from kinerja.organisation.models import Agency


@pytest.fixture
def ministry(db):
    return User.objects.create_user("kemendagri", password="x-Kementerian-12345")


def test_the_administrator_gives_the_ministry_role_scoped_to_nothing(world, ministry):
    admin = User.objects.create_superuser("admin-kementerian", password="x-Admin-12345")
    assert not may_read_country(ministry)
    grant_role(actor=admin, user=ministry, role=RoleGrant.Role.MINISTRY)
    ministry = User.objects.get(pk=ministry.pk)  # a fresh object: the reach is kept on the user for the request
    assert may_read_country(ministry) and may_read_region(ministry, world.agency.region)
    assert set(readable_agencies(ministry)) == set(Agency.objects.all())
    assert not may_plan(ministry, world.agency) and not may_evaluate(ministry, world.agency)
    assert reach_of(ministry).held == frozenset()


@pytest.mark.parametrize("scope", ["region", "agency"])
def test_a_ministry_role_given_with_a_region_or_an_agency_is_refused_with_a_sentence(world, ministry, scope):
    admin = User.objects.create_superuser("admin-kementerian", password="x-Admin-12345")
    where = {"region": world.agency.region} if scope == "region" else {"agency": world.agency}
    with translation.override("id"), pytest.raises(ValidationError) as error:
        grant_role(actor=admin, user=ministry, role=RoleGrant.Role.MINISTRY, **where)
    assert "Kementerian membaca seluruh negeri" in " ".join(error.value.messages)
    assert not RoleGrant.objects.filter(user=ministry).exists()


def test_a_planner_cannot_give_the_ministry_role(world, ministry):
    with pytest.raises(PermissionDenied):
        grant_role(actor=world.planner, user=ministry, role=RoleGrant.Role.MINISTRY)
    assert not RoleGrant.objects.filter(user=ministry).exists()


def test_the_ministry_finds_the_national_view_from_home(world, client, ministry):
    client.force_login(ministry)
    assert reverse("national-view") not in client.get(reverse("home")).content.decode()
    RoleGrant.objects.create(user=ministry, role=RoleGrant.Role.MINISTRY)
    page = client.get(reverse("home")).content.decode()
    assert reverse("national-view") in page
    assert client.get(reverse("national-view")).status_code == 200


def test_beyond_a_regencys_size_the_home_page_lists_the_regions_not_every_agency(
    world, client, ministry, django_assert_max_num_queries
):
    """At the size of the country (≈ 22,000 agencies) one page of every agency is unusable: a reader of the whole
    country gets the regions, each linking down to its regency view, once there are more agencies than
    AGENCIES_LISTED; the query count does not grow with them."""
    from kinerja.performance.home_views import AGENCIES_LISTED

    RoleGrant.objects.create(user=ministry, role=RoleGrant.Role.MINISTRY)
    client.force_login(ministry)
    region = world.agency.region
    assert reverse("agency-overview", args=[world.agency.code]) in client.get(reverse("home")).content.decode()
    Agency.objects.bulk_create(
        Agency(region=region, code=f"uji-{index}", name=f"Dinas Uji {index}") for index in range(AGENCIES_LISTED)
    )
    with django_assert_max_num_queries(12):
        page = client.get(reverse("home")).content.decode()
    assert reverse("agency-overview", args=[world.agency.code]) not in page
    assert reverse("region-view", args=[region.code]) in page
    count = Agency.objects.filter(region=region).count()
    assert f"{count} perangkat daerah" in page
