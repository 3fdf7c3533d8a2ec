from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.numbers import MISSING, format_number, format_percent, to_decimal


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("1234.5"), 2, "1.234,50"),
        (Decimal("85.505"), 2, "85,51"),  # half up, not banker's rounding
        (Decimal("85.5049"), 2, "85,50"),
        (Decimal("0.125"), 2, "0,13"),
        (Decimal("1234567"), 0, "1.234.567"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (Decimal("2.5"), 0, "3"),
        (100, 0, "100"),
        (None, 2, MISSING),
    ],
)
def test_format_number_rounds_half_up_in_indonesian_style(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_percent_shows_missing_value_as_dash_never_zero():
    assert format_percent(None) == "—"
    assert format_percent(Decimal("85.5")) == "85,50 %"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,5", Decimal("12.5")), ("85,5", Decimal("85.5")), ("1.234,5", Decimal("1234.5")), ("1.234", Decimal(1234)),
     ("1.234.567", Decimal(1234567)), ("12.5", Decimal("12.5")), ("0.125", Decimal("0.125")), (" 7 ", Decimal(7)),
     ("-3", Decimal(-3)), ("", None), (None, None), (7, Decimal(7))],
)
def test_to_decimal_reads_indonesian_and_plain_numbers(text, expected):
    assert to_decimal(text) == expected


@pytest.mark.parametrize("bad", ["abc", "1,2,3", "1,234,567", "12a", "NaN", "Infinity", "1e5", "--3", ","])
def test_to_decimal_refuses_what_is_not_a_number(bad):
    with pytest.raises(ValueError, match="bukan angka"):
        to_decimal(bad)


def test_to_decimal_refuses_floats():
    with pytest.raises(TypeError):
        to_decimal(0.1)


@given(st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, places=4))
def test_formatted_number_reads_back_as_the_rounded_value(value):
    text = format_number(value, 2)
    assert to_decimal(text) == value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
