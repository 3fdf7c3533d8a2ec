"""Every factory of the organisation makes rows that pass full_clean, twice in a row, and agree with each
other."""

import pytest

from kinerja.organisation.nip import nip_problem

from .factories import (
    AgencyFactory,
    AssignmentFactory,
    OfficialFactory,
    PositionFactory,
    RegionFactory,
    UnitFactory,
    nip_for,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [RegionFactory, AgencyFactory, UnitFactory, PositionFactory, OfficialFactory, AssignmentFactory],
    ids=lambda factory: factory.__name__,
)
def test_the_factory_makes_rows_that_pass_full_clean(factory):
    first, second = factory(), factory()
    for row in (first, second):
        row.full_clean()
    assert first.pk != second.pk


@pytest.mark.parametrize("number", [0, 1, 59, 365, 1000, 9999])
def test_every_factory_nip_is_valid_and_its_own(number):
    assert nip_problem(nip_for(number)) is None
    assert nip_for(number) != nip_for(number + 1)


def test_an_assignment_joins_a_position_and_an_official_of_one_region():
    assignment = AssignmentFactory()
    assert assignment.official.region == assignment.position.agency.region
    assert assignment.position.unit.agency == assignment.position.agency
    assert assignment.official.user.first_name == assignment.official.name
