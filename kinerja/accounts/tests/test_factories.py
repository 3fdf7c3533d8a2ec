"""Every factory of the accounts app makes rows that pass full_clean, twice in a row."""

import pytest

from kinerja.accounts.models import RoleGrant

from .factories import PASSWORD, RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "traits"),
    [
        (UserFactory, {}),
        (RoleGrantFactory, {}),
        (RoleGrantFactory, {"inspectorate": True}),
        (RoleGrantFactory, {"regional_planning": True}),
    ],
    ids=["user", "planner", "inspectorate", "regional-planning"],
)
def test_the_factory_makes_rows_that_pass_full_clean(factory, traits):
    first, second = factory(**traits), factory(**traits)
    for row in (first, second):
        row.full_clean()
    assert first.pk != second.pk


def test_a_grant_is_scoped_as_its_role_asks():
    assert RoleGrantFactory().agency is not None
    inspectorate = RoleGrantFactory(inspectorate=True)
    assert (inspectorate.role, inspectorate.agency) == (RoleGrant.Role.INSPECTORATE, None)
    assert inspectorate.region is not None


def test_a_user_has_the_password_and_no_other():
    user = UserFactory()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD + "x")
