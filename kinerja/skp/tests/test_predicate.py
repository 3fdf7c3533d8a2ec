"""The SKP arithmetic of REGULATIONS.md §8, table by table."""

from decimal import Decimal

import pytest

from kinerja.skp import predicate as p
from kinerja.skp.predicate import ABOVE, AS_EXPECTED, BELOW


@pytest.mark.parametrize(
    ("work", "behaviour", "expected"),
    [
        (ABOVE, BELOW, p.KURANG),
        (ABOVE, AS_EXPECTED, p.BAIK),
        (ABOVE, ABOVE, p.SANGAT_BAIK),
        (AS_EXPECTED, BELOW, p.KURANG),
        (AS_EXPECTED, AS_EXPECTED, p.BAIK),
        (AS_EXPECTED, ABOVE, p.BAIK),
        (BELOW, BELOW, p.SANGAT_KURANG),
        (BELOW, AS_EXPECTED, p.BUTUH_PERBAIKAN),
        (BELOW, ABOVE, p.BUTUH_PERBAIKAN),
    ],
)
def test_the_predicate_follows_the_matrix_of_permenpanrb_6_2022(work, behaviour, expected):
    assert p.predicate(work, behaviour) == expected


def test_an_unknown_rating_has_no_predicate():
    with pytest.raises(ValueError, match="unknown rating"):
        p.predicate("bagus", AS_EXPECTED)


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([ABOVE] * 7, ABOVE),
        ([ABOVE] * 4 + [BELOW] * 3, ABOVE),
        ([ABOVE] * 3 + [AS_EXPECTED] * 4, AS_EXPECTED),
        ([ABOVE] * 3 + [BELOW] * 4, BELOW),
        ([ABOVE] * 3 + [AS_EXPECTED] + [BELOW] * 3, AS_EXPECTED),
        ([BELOW] * 3 + [AS_EXPECTED] * 4, AS_EXPECTED),
        ([BELOW] * 7, BELOW),
    ],
)
def test_the_behaviour_rating_is_the_median_of_the_seven_values(ratings, expected):
    assert p.overall_behaviour(ratings) == expected


@pytest.mark.parametrize("ratings", [[ABOVE] * 6, [ABOVE] * 8, [ABOVE] * 6 + ["baik"], []])
def test_the_behaviour_rating_needs_seven_known_ratings(ratings):
    with pytest.raises(ValueError, match="seven ratings"):
        p.overall_behaviour(ratings)


@pytest.mark.parametrize(
    ("achievement", "expected"),
    [
        (None, None),
        (Decimal("150"), ABOVE),
        (Decimal("110"), ABOVE),
        (Decimal("109.99"), AS_EXPECTED),
        (Decimal("100"), AS_EXPECTED),
        (Decimal("91"), AS_EXPECTED),
        (Decimal("90.99"), BELOW),
        (Decimal("0"), BELOW),
    ],
)
def test_the_head_of_a_units_work_rating_is_proposed_from_the_achievement(achievement, expected):
    assert p.work_from_achievement(achievement) == expected


def test_the_work_bounds_are_a_setting():
    assert p.work_from_achievement(Decimal("100"), ("100", "80")) == ABOVE
    assert p.work_from_achievement(Decimal("79"), ("100", "80")) == BELOW
    with pytest.raises(ValueError, match="highest first"):
        p.work_from_achievement(Decimal("100"), ("80", "100"))


@pytest.mark.parametrize(
    ("achievement", "expected"),
    [
        (None, None),
        (Decimal("110"), p.ISTIMEWA),
        (Decimal("109.5"), p.BAIK),
        (Decimal("91"), p.BAIK),
        (Decimal("90"), p.BUTUH_PERBAIKAN),
        (Decimal("76"), p.BUTUH_PERBAIKAN),
        (Decimal("75.99"), p.KURANG),
        (Decimal("51"), p.KURANG),
        (Decimal("50"), p.SANGAT_KURANG),
    ],
)
def test_the_organisation_predicate_follows_the_achievement(achievement, expected):
    assert p.organisation_predicate(achievement) == expected
