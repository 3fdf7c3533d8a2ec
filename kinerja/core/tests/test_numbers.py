from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.numbers import (
    MISSING,
    TOO_LARGE,
    format_exact,
    format_number,
    format_percent,
    from_dataset,
    from_float,
    to_decimal,
)


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


# The one reader: every door (form, target grid, workbook text cell, API string) calls it, so this table is what
# a person's text means everywhere. A dot groups thousands, a comma starts the decimals; a dot that could be a
# decimal point is refused with a message saying to write a comma.
READ = [
    ("12,5", Decimal("12.5")),
    ("85,5", Decimal("85.5")),
    ("1,5", Decimal("1.5")),
    ("0,125", Decimal("0.125")),
    ("1.234", Decimal(1234)),
    ("1.234,5", Decimal("1234.5")),
    ("1.234.567", Decimal(1234567)),
    ("1.234.567,89", Decimal("1234567.89")),
    ("-1.234,5", Decimal("-1234.5")),
    (" 7 ", Decimal(7)),
    ("-3", Decimal(-3)),
    ("1 234,5", Decimal("1234.5")),
    ("98 %", Decimal(98)),
    ("85,50 %", Decimal("85.5")),
    ("9" * 16, Decimal("9" * 16)),
    ("", None),
    (None, None),
    (7, Decimal(7)),
    (Decimal("0.98"), Decimal("0.98")),
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_to_decimal_reads_indonesian_numbers(text, expected):
    assert to_decimal(text) == expected


@pytest.mark.parametrize(
    "bad",
    ["abc", "1,2,3", "1,234,567", "12a", "NaN", "Infinity", "1e5", "--3", ",", "%", "1.234.5", "12.34.567", "1.23,4"],
)
def test_to_decimal_refuses_what_is_not_a_number(bad):
    with pytest.raises(ValueError, match="bukan angka"):
        to_decimal(bad)


@pytest.mark.parametrize(
    ("text", "comma"),
    [
        ("1.5", "1,5"),
        ("12.5", "12,5"),
        ("0.125", "0,125"),
        ("85.50", "85,50"),
        ("60.5000", "60,5000"),
        ("1.23", "1,23"),
        ("1.2345", "1,2345"),
    ],
)
def test_a_dot_that_could_be_a_decimal_point_is_refused_with_the_comma_to_write(text, comma):
    with pytest.raises(ValueError) as refused:
        to_decimal(text)
    assert "titik adalah pemisah ribuan" in str(refused.value)
    assert f"tulis koma, mis. {comma}." in str(refused.value)


@pytest.mark.parametrize(
    "huge", ["1" * 17, "1" * 30, "1" * 30 + ",5", "10.000.000.000.000.000", Decimal(10) ** 16, 10**29]
)
def test_more_than_16_digits_before_the_comma_is_refused_with_the_services_message(huge):
    with pytest.raises(ValueError) as refused:
        to_decimal(huge)
    assert str(refused.value) == TOO_LARGE == "Angka terlalu besar: paling banyak 16 angka sebelum koma."


def test_to_decimal_refuses_floats():
    with pytest.raises(TypeError):
        to_decimal(0.1)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0.1, Decimal("0.1")), (0.98, Decimal("0.98")), (12.0, Decimal(12)), (1234.5, Decimal("1234.5"))],
)
def test_from_float_keeps_the_digits_a_program_wrote(number, expected):
    assert from_float(number) == expected


@pytest.mark.parametrize(
    ("bad", "message"), [(float("inf"), "bukan angka"), (float("nan"), "bukan angka"), (1e29, "terlalu besar")]
)
def test_from_float_refuses_what_cannot_be_stored(bad, message):
    with pytest.raises(ValueError, match=message):
        from_float(bad)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12.5", Decimal("12.5")),
        ("1.234", Decimal("1.234")),
        (80, Decimal(80)),
        (0.5, Decimal("0.5")),
        ("-3", Decimal(-3)),
        (None, None),
        ("", None),
    ],
)
def test_the_dataset_file_reads_its_own_decimal_strings(value, expected):
    """The dataset file (data/SCHEMA.md) is written by programs: "12.5" there is twelve and a half."""
    assert from_dataset(value) == expected


@pytest.mark.parametrize("bad", ["1,5", "1.234,5", "abc", True, "1" * 30])
def test_the_dataset_file_refuses_what_its_format_does_not_hold(bad):
    with pytest.raises(ValueError):
        from_dataset(bad)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("81"), "81"),
        (Decimal("81.0000"), "81"),
        (Decimal("0.1250"), "0,125"),
        (None, MISSING),
    ],
)
def test_format_exact_shows_every_significant_decimal_the_indonesian_way(value, expected):
    assert format_exact(value) == expected


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=4))
def test_formatted_number_reads_back_as_the_rounded_value(value):
    text = format_number(value, 2)
    assert to_decimal(text) == value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=4))
def test_the_writer_and_the_reader_agree_on_every_exact_number(value):
    assert to_decimal(format_exact(value)) == value
