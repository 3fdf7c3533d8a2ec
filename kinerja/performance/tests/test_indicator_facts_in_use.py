"""The entry rule and the computed figure ask `Indicator.is_percentage` and `Indicator.effective_factor`."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.performance.services import checked_terms
from kinerja.strategy.models import Indicator


def _ratio(unit: str, factor: Decimal | None = Decimal(100)) -> Indicator:
    return Indicator(
        code="R",
        name="Rasio",
        formula="ratio",
        numerator="a",
        denominator="b",
        factor=factor,
        unit=unit,
        quarter_rule="last",
    )


@pytest.mark.parametrize("unit", ["Persen", " persen ", "%"])
def test_a_percentages_numerator_may_not_exceed_its_denominator(unit):
    with pytest.raises(ValidationError) as error:
        checked_terms(_ratio(unit), value=None, numerator=Decimal(5), denominator=Decimal(4))
    assert "tidak boleh lebih besar dari penyebut" in error.value.message_dict["numerator"][0]


@pytest.mark.parametrize(
    ("unit", "factor", "value"),
    [
        ("Rasio", Decimal(100), Decimal(125)),
        ("Prosen", Decimal(100), Decimal(125)),  # not a per-cent unit: the entry page never refused it
        ("Orang per 1.000", Decimal(1000), Decimal(1250)),
        ("Rasio", Decimal(0), Decimal(125)),  # a factor of 0 computes with 100
    ],
)
def test_a_ratio_is_computed_with_its_effective_factor(unit, factor, value):
    stored, numerator, denominator = checked_terms(
        _ratio(unit, factor), value=None, numerator=Decimal(5), denominator=Decimal(4)
    )
    assert (stored, numerator, denominator) == (value, Decimal(5), Decimal(4))
