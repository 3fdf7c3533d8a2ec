"""Numbers as Indonesians read them: one reader and one writer, shared by every door.

The reader (`to_decimal`) is what the web forms, the target grids, the workbook's text cells and the API's JSON
strings call: a dot groups thousands, a comma starts the decimals ("1.234,5"). A text whose dot could be a decimal
point ("1.5", "12.50") is refused, never guessed: the same text means the same number everywhere, or is refused
everywhere with the same message. A number a program wrote (a JSON number, an Excel number cell) is a number
(`from_float` keeps the digits it shows); the dataset file's own numbers ("12.5", data/SCHEMA.md) are read by
`from_dataset`. The writer (`format_number`) rounds half-up and writes what the reader reads back.
"""

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kinerja.core.reader_language import gettext

# The refusals a person reads are English msgids in the catalogue, read in the reader's language through
# `core.reader_language` (pure: the interface passes its translator in; this module imports no Django).
_ = gettext


class Message:
    """A refusal read in the reader's language when it is shown, not when this module is imported."""

    def __init__(self, read: Callable[[], str]) -> None:
        self._read = read

    def __str__(self) -> str:
        return self._read()

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, Message) else other)

    def __hash__(self) -> int:
        return hash(str(self))


MISSING = "—"
MAX_WHOLE_DIGITS = 16  # what the database columns hold (20 digits, 4 of them decimals)
LIMIT = Decimal(10) ** MAX_WHOLE_DIGITS


def too_large() -> str:
    return _("Number too large: at most %(digits)s digits before the comma.") % {"digits": MAX_WHOLE_DIGITS}


def example() -> str:
    return _("Write numbers like 85,5 or 1.234,5 (a dot separates thousands, a comma the decimals).")


TOO_LARGE = Message(too_large)

_INDONESIAN = re.compile(r"^-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")  # 85 · 85,5 · 1.234 · 1.234.567,89
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")  # 1.5 · 12.50: a decimal point, or a mistyped thousands group?
_DATASET = re.compile(r"^-?\d+(?:\.\d+)?$")  # the dataset file's decimal strings, as a program writes them


def not_a_number(text: object) -> str:
    return _("'%(text)s' is not a number. %(example)s") % {"text": text, "example": example()}


def ambiguous(text: object) -> str:
    comma = str(text).strip().replace(".", ",")
    return _(
        "'%(text)s' is not read: a dot separates thousands (1.234 means one thousand two hundred and thirty-four). "
        "For decimals write a comma, e.g. %(comma)s."
    ) % {"text": text, "comma": comma}


def _in_range(number: Decimal, shown: object) -> Decimal:
    if not number.is_finite():
        raise ValueError(not_a_number(shown))
    if abs(number) >= LIMIT:
        raise ValueError(too_large())
    return number


def to_decimal(value: object) -> Decimal | None:
    """A Decimal from an int, a Decimal or a typed text; None when there is none; ValueError with the
    message a person reads (in the reader's language) when the text is not a number, is ambiguous or is too large.

    Text is read the Indonesian way: "85,5", "1.234" (1234), "1.234,5"; a trailing "%" is the unit shown
    ("98 %" is 98). "1.5" is refused (a dot only groups thousands), so are "1,234,567", letters and a number
    of more than 16 digits before the comma. Floats are refused too (a TypeError: a programming error); a
    door that receives one calls `from_float`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (bool, float)):
        raise TypeError("A number must be a Decimal, an int or a text, not a float.")
    if isinstance(value, Decimal):
        return _in_range(value, value)
    if isinstance(value, int):
        return _in_range(Decimal(value), value)
    shown = str(value).strip()
    text = shown.replace(" ", "").replace("\u00a0", "").removesuffix("%")
    if not text:
        if shown:
            raise ValueError(not_a_number(shown))
        return None
    if _DOT_DECIMAL.match(text) and not _INDONESIAN.match(text):
        raise ValueError(ambiguous(shown))
    if not _INDONESIAN.match(text):
        raise ValueError(not_a_number(shown))
    try:
        number = Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(not_a_number(shown)) from exc
    return _in_range(number, shown)


def from_float(value: float) -> Decimal:
    """The number a program wrote as a binary float (a JSON number, an Excel number cell), with the digits it
    shows (0.1 is 0.1, not 0.1000000000000000055…); ValueError for infinity, NaN or too large."""
    return _in_range(Decimal(repr(value)), value)


def from_dataset(value: object) -> Decimal | None:
    """A number of the dataset file (data/SCHEMA.md): a JSON/YAML number or a decimal string with a point,
    "12.5", as the exporter and programs write it. None when empty; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(not_a_number(value))
    if isinstance(value, float):
        return from_float(value)
    if isinstance(value, (int, Decimal)):
        return to_decimal(value)
    text = str(value).strip()
    if not _DATASET.match(text):
        raise ValueError(not_a_number(value))
    return _in_range(Decimal(text), value)


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


def format_exact(value: Decimal | int | None) -> str:
    """Every significant decimal, the Indonesian way ("1.234,5", "80"): what an import preview shows."""
    if value is None:
        return MISSING
    number = Decimal(value)
    places = max(0, -number.normalize().as_tuple().exponent) if number.is_finite() else 0  # type: ignore[operator]
    return format_number(number, places)


def format_percent(value: Decimal | None, decimals: int = 2) -> str:
    """ "85,50 %"; None → "—"."""
    if value is None:
        return MISSING
    return f"{format_number(value, decimals)} %"
