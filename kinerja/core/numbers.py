"""Numbers as Indonesians read them: Decimal in, "1.234,50" out; a missing value is "—"."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "—"


_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_COMMA_DECIMAL = re.compile(r"^-?\d+(,\d+)?$")  # 85,5
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")  # 85.5 (what a machine writes)


def to_decimal(value: object) -> Decimal | None:
    """A Decimal from an int, a Decimal or a typed text; None when there is none.

    Text is read the Indonesian way: "85,5" and "1.234,5" (dots group thousands, so "1.234" is 1234),
    and a plain "85.5" as a machine writes it. Anything else — letters, "1,234,567" — is refused.
    Floats are refused too: they cannot carry an exact target or actual.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (bool, float)):
        raise TypeError("Angka harus berupa Decimal, bilangan bulat atau teks, bukan float.")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"'{value}' bukan angka.")
        return value
    if isinstance(value, int):
        return Decimal(value)
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if _THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.match(text):
        text = text.replace(",", ".")
    elif not _DOT_DECIMAL.match(text):
        raise ValueError(f"'{value}' bukan angka.")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the patterns admit only numbers
        raise ValueError(f"'{value}' bukan angka.") from exc


def format_number(value: Decimal | int | None, decimals: int = 2) -> str:
    """Half-up rounding to `decimals` places, dot for thousands, comma for decimals; None → "—"."""
    if value is None:
        return MISSING
    number = Decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    if decimals > 0:
        text += "," + fraction.ljust(decimals, "0")
    return sign + text


def format_percent(value: Decimal | None, decimals: int = 2) -> str:
    """"85,50 %"; None → "—"."""
    if value is None:
        return MISSING
    return f"{format_number(value, decimals)} %"
