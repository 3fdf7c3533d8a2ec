"""An acting holder (Plt./Plh., organisation.people.assign_position) enters and verifies for the position exactly as
a definitive holder does while the acting decree is in force, and stops when it ends: accounts.access reads the
assignments in force through one rule (organisation.selectors.current_assignments)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from kinerja.accounts.access import may_enter_actuals, may_verify
from kinerja.accounts.models import User
from kinerja.organisation import people
from kinerja.organisation.models import Assignment, Official
from kinerja.organisation.tests.factories import nip_for
from kinerja.performance import workflow
from kinerja.performance.models import Actual
from kinerja.performance.services import record_actual
from kinerja.strategy.models import Indicator

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


def add(world, number: int, name: str) -> Official:
    return people.create_official(actor=world.planner, agency=world.agency, nip=nip_for(number), name=name)


def fresh(user: User) -> User:
    """The user as a new request sees them (the reach is cached on the user object)."""
    return User.objects.get(pk=user.pk)


def position(world, code: str):
    return world.agency.positions.get(code=code)


def acting(world, official: Official, code: str, *, start=None, end=None, kind="plt") -> Assignment:
    return people.assign_position(
        actor=world.planner,
        official=official,
        position=position(world, code),
        start=start or TODAY - 5 * DAY,
        end=end or TODAY + 5 * DAY,
        acting_kind=kind,
        decree_number="800.1.3/12/2026",
    )


@pytest.fixture
def indicator(seed) -> Indicator:
    return Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola", plan__agency=seed).first()


def enter(user: User, indicator: Indicator) -> Actual:
    ratio = indicator.formula == "ratio"
    return record_actual(
        actor=fresh(user),
        indicator=indicator,
        year=2022,
        quarter=2,
        value=None if ratio else Decimal(3),
        numerator=Decimal(3) if ratio else None,
        denominator=Decimal(10) if ratio else None,
    )


def test_an_acting_holder_enters_and_verifies_like_a_definitive_one(world, indicator):
    plt = add(world, 9010, "Plt Seksi")
    people.give_login(actor=world.planner, official=plt, agency=world.agency, username="plt-seksi")
    acting(world, plt, "kasi-tata-kelola")
    plh = add(world, 9011, "Plh Bidang")
    people.give_login(actor=world.planner, official=plh, agency=world.agency, username="plh-bidang")
    acting(world, plh, "kabid-persandian", kind="plh")
    plt.refresh_from_db()
    plh.refresh_from_db()
    # the definitive section head stays, beside the Plt.; old assignments keep running
    assert may_enter_actuals(fresh(world.section_head), position(world, "kasi-tata-kelola"))
    actual = enter(plt.user, indicator)
    assert actual.entered_by == plt.user
    actual = workflow.submit_actual(actor=fresh(plt.user), actual=actual)
    actual = workflow.verify_actual(actor=fresh(plh.user), actual=actual)
    assert (actual.status, actual.verified_by) == (Actual.Status.VERIFIED, plh.user)


def test_an_acting_holder_stops_when_the_acting_period_ends(world, indicator):
    plt = add(world, 9012, "Plt Lama")
    account, _ = people.give_login(actor=world.planner, official=plt, agency=world.agency, username="plt-lama")
    kasi = position(world, "kasi-tata-kelola")
    post = acting(world, plt, "kasi-tata-kelola", start=TODAY - 10 * DAY, end=TODAY - DAY)
    assert not may_enter_actuals(fresh(account), kasi)
    with pytest.raises(PermissionDenied):
        enter(account, indicator)
    plh = add(world, 9013, "Plh Lama")
    people.give_login(actor=world.planner, official=plh, agency=world.agency, username="plh-lama")
    acting(world, plh, "kabid-persandian", start=TODAY + DAY, end=TODAY + 9 * DAY, kind="plh")
    assert not may_verify(fresh(User.objects.get(username="plh-lama")), [kasi], world.section_head.pk)
    # still in the history of the position, with its decree
    post.refresh_from_db()
    assert (post.acting_label, post.decree_number) == ("Plt.", "800.1.3/12/2026")
