"""Factories of the accounts app: a user who can log in with `PASSWORD`, and a role grant.

The organisation's rows a grant points at come by their dotted path: accounts sits below organisation in the
layers, as `RoleGrant`'s foreign keys name `organisation.Agency` by label."""

import factory
from factory.django import DjangoModelFactory, Password

from kinerja.accounts.models import RoleGrant, User

PASSWORD = "kata-sandi-uji-123"
ORGANISATION = "kinerja.organisation.tests.factories"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna-{n}")
    first_name = factory.Sequence(lambda n: f"Pengguna {n}")
    password = Password(PASSWORD)


class RoleGrantFactory(DjangoModelFactory):
    """The planner of an agency; `inspectorate=True` or `regional_planning=True`: a grant over a region."""

    class Meta:
        model = RoleGrant

    class Params:
        inspectorate = factory.Trait(
            role=RoleGrant.Role.INSPECTORATE, agency=None, region=factory.SubFactory(f"{ORGANISATION}.RegionFactory")
        )
        regional_planning = factory.Trait(
            role=RoleGrant.Role.REGIONAL_PLANNING,
            agency=None,
            region=factory.SubFactory(f"{ORGANISATION}.RegionFactory"),
        )

    user = factory.SubFactory(UserFactory)
    role = RoleGrant.Role.PLANNER
    agency = factory.SubFactory(f"{ORGANISATION}.AgencyFactory")
    region = None
