"""`Indicator.is_percentage` and `Indicator.effective_factor`: the one definition of each, table-driven."""

from decimal import Decimal

import pytest

from kinerja.strategy.models import Indicator


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Persen", True),
        ("persen", True),
        ("PERSEN", True),
        ("  Persen  ", True),
        ("%", True),
        (" % ", True),
        ("Dokumen", False),
        ("Laporan", False),
        ("Prosen", False),  # not a unit the entry page or the report treat as per cent
        ("Persen.", False),
        ("persen (%)", False),
        ("Indeks", False),
        ("", False),
    ],
)
def test_an_indicator_is_a_percentage_by_its_unit_alone(unit, expected):
    assert Indicator(unit=unit, name="Jumlah dokumen", formula="count").is_percentage is expected


def test_a_name_that_says_persentase_does_not_make_a_percentage():
    indicator = Indicator(unit="Dokumen", name="Persentase dokumen yang selesai", formula="ratio")
    assert indicator.is_percentage is False


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        (None, Decimal(100)),
        (Decimal(0), Decimal(100)),
        (Decimal(100), Decimal(100)),
        (Decimal(1), Decimal(1)),
        (Decimal(1000), Decimal(1000)),
        (Decimal("0.5"), Decimal("0.5")),
    ],
)
def test_the_effective_factor_is_the_stored_one_or_100(factor, expected):
    indicator = Indicator(formula="ratio", factor=factor, unit="Persen")
    assert indicator.effective_factor == expected
    assert isinstance(indicator.effective_factor, Decimal)
