"""Every factory of the figures makes rows that pass full_clean, twice in a row."""

from decimal import Decimal

import pytest

from kinerja.performance.models import Actual

from .factories import ActualFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "traits"),
    [
        (TargetFactory, {}),
        (TargetFactory, {"kind": "quarter", "quarter": 2}),
        (ActualFactory, {}),
        (ActualFactory, {"ratio": True}),
        (ActualFactory, {"verified": True}),
    ],
    ids=["yearly-target", "quarter-target", "actual", "ratio-actual", "verified-actual"],
)
def test_the_factory_makes_rows_that_pass_full_clean(factory, traits):
    first, second = factory(**traits), factory(**traits)
    for row in (first, second):
        row.full_clean()
    assert first.pk != second.pk


def test_a_ratio_actual_holds_its_terms_and_their_value():
    actual = ActualFactory(ratio=True)
    actual.refresh_from_db()
    assert (actual.numerator, actual.denominator, actual.value) == (Decimal(45), Decimal(60), Decimal(75))
    assert actual.indicator.formula == "ratio"


def test_a_verified_actual_names_who_verified_it():
    actual = ActualFactory(verified=True)
    assert actual.status == Actual.Status.VERIFIED
    assert actual.verified_by is not None and actual.verified_at is not None
