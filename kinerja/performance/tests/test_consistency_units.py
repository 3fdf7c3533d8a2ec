"""The consistency check's Persen findings ask `Indicator.is_percentage`, the entry page's own definition."""

from decimal import Decimal

import pytest

from .test_consistency import _update, found, small  # noqa: F401 (the fixture)


@pytest.mark.parametrize(
    ("unit", "fires"),
    [
        ("Persen", True),
        (" persen ", True),
        ("%", True),
        ("PERSEN", True),
        ("Prosen", False),  # not a per-cent unit for the entry page nor the report, so not for the check either
        ("Dokumen", False),
    ],
)
def test_a_count_in_a_per_cent_unit_is_found(small, unit, fires):  # noqa: F811
    _update(small.iki, unit=unit)
    assert bool(found(small.report(), "jumlah-dalam-persen")) is fires


@pytest.mark.parametrize(("unit", "fires"), [("Persen", True), ("%", True), ("Dokumen", False), ("Prosen", False)])
def test_a_ratio_in_a_per_cent_unit_needs_the_factor_100(small, unit, fires):  # noqa: F811
    _update(small.iku, unit=unit, factor=Decimal(1000))
    assert bool(found(small.report(), "persen-tanpa-faktor-100")) is fires
