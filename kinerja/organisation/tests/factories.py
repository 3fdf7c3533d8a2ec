"""Factories of the organisation: region, agency, unit, position, official (with a valid NIP and a user
account) and assignment. Related rows agree with each other: a position's unit is of its agency, an assigned
official is of the position's region."""

import datetime

import factory
from factory.django import DjangoModelFactory

from kinerja.accounts.tests.factories import UserFactory
from kinerja.organisation.models import Agency, Assignment, Official, Position, Region, Unit


def nip_for(number: int) -> str:
    """A valid 18-digit NIP, a different one for every `number` below 10,000: a birth date from 1975, the
    appointment 23 years later, sex 2."""
    birth = datetime.date(1975, 1, 1) + datetime.timedelta(days=number)
    return f"{birth:%Y%m%d}{birth.year + 23}{number % 12 + 1:02d}2{number % 1000:03d}"


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.Sequence(lambda n: f"wilayah-uji-{n}")
    name = factory.Sequence(lambda n: f"Kabupaten Uji {n}")


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"dinas-uji-{n}")
    name = factory.Sequence(lambda n: f"Dinas Uji {n}")


class UnitFactory(DjangoModelFactory):
    """The top unit of an agency (kind `dinas`); pass `parent` and `kind` for one below."""

    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"unit-{n}")
    kind = Unit.Kind.AGENCY
    name = factory.Sequence(lambda n: f"Unit Uji {n}")


class PositionFactory(DjangoModelFactory):
    """A position in a unit of its own agency; without superior unless given one (of the same agency)."""

    class Meta:
        model = Position

    agency = factory.SubFactory(AgencyFactory)
    unit = factory.SubFactory(UnitFactory, agency=factory.SelfAttribute("..agency"))
    code = factory.Sequence(lambda n: f"jabatan-{n}")
    title = factory.Sequence(lambda n: f"Jabatan Uji {n}")


class OfficialFactory(DjangoModelFactory):
    """A civil servant with a valid NIP and a user account named like the official."""

    class Meta:
        model = Official

    region = factory.SubFactory(RegionFactory)
    nip = factory.Sequence(nip_for)
    name = factory.Sequence(lambda n: f"Pejabat Uji {n}, S.E.")
    rank = "Penata"
    grade = "III/c"
    user = factory.SubFactory(UserFactory, first_name=factory.SelfAttribute("..name"))


class AssignmentFactory(DjangoModelFactory):
    """An official of the position's region holding the position since 3 January 2022."""

    class Meta:
        model = Assignment

    position = factory.SubFactory(PositionFactory)
    official = factory.SubFactory(OfficialFactory, region=factory.SelfAttribute("..position.agency.region"))
    start = datetime.date(2022, 1, 3)
