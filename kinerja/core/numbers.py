"""Numbers as Indonesians read them: Decimal in, "1.234,50" out; a missing value is "—"."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "—"


def to_decimal(value: object) -> Decimal | None:
    """A Decimal from an int, a Decimal or a string ("12,5" and "12.5" both); None when there is none.

    Floats are refused: they cannot carry an exact target or actual.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (bool, float)):
        raise TypeError("Angka harus berupa Decimal, bilangan bulat atau teks, bukan float.")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    text = str(value).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        result = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"'{value}' bukan angka.") from exc
    if not result.is_finite():
        raise ValueError(f"'{value}' bukan angka.")
    return result


def format_number(value: Decimal | int | None, decimals: int = 2) -> str:
    """Half-up rounding to `decimals` places, dot for thousands, comma for decimals; None → "—"."""
    if value is None:
        return MISSING
    number = Decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
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
