"""One cell: how it is read into a dataset value (or why it cannot be) and how a value is written into it.
A text cell is written by `kinerja.core.cells.set_text`, the one rule for text that looks like a formula."""

import datetime
import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext

from kinerja.core.cells import set_text
from kinerja.core.numbers import from_float, not_a_number, to_decimal
from kinerja.organisation.nip import nip_problem

from .columns import BOOL, CHOICE, CODE, CODES, DATE, INT, LONG, NIP, NUMBER, TEXT, Column


class BadCell(Exception):
    """A cell's problem while reading it."""


def _number_value(decimal: Decimal) -> int | str:
    """A number as the dataset file writes it (an int or "12.5", read back by core.numbers.from_dataset)."""
    return int(decimal) if decimal == decimal.to_integral_value() else f"{decimal.normalize():f}"


def text_of(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def read_number(value: Any, number_format: str | None = "") -> Decimal:
    """A number cell as the person sees it in Excel, or a text cell read by the one reader (core.numbers): "1.234"
    is 1234, "1.234,5" is 1234,5, "1.5" is refused with the reader's message. A number cell formatted as a
    percentage is the percentage it shows: 0,98 shown as "98%" is 98 (a target or actual in Persen is written
    as 98, never 0,98)."""
    if isinstance(value, bool):
        raise BadCell(not_a_number("Ya" if value else "Tidak"))
    try:
        if isinstance(value, float):
            number = from_float(value)
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        else:
            typed = to_decimal(text_of(value))
            if typed is None:
                raise BadCell(not_a_number(text_of(value)))
            return typed
        if "%" in (number_format or ""):
            number *= 100
        checked = to_decimal(number)
    except ValueError as error:
        raise BadCell(str(error)) from error
    assert checked is not None
    return checked


def read_cell(column: Column, value: Any, number_format: str | None = "") -> Any:
    """The dataset value of one cell; BadCell with the reason (in the reader's language) when it cannot be one.
    `number_format`: the cell's Excel format (a percentage is read as the percentage shown)."""
    kind = column.kind
    if kind in (TEXT, CODE):
        return " ".join(text_of(value).split()) if kind == CODE else text_of(value)
    if kind == LONG:
        return text_of(value)
    if kind == CODES:
        return [part.strip() for part in re.split(r"[,;\n]", text_of(value)) if part.strip()]
    if kind == NIP:
        if isinstance(value, float):
            raise BadCell(gettext("A NIP is written as text (18 digits), not as a number."))
        text = text_of(value)
        problem = nip_problem(text)
        if problem:
            raise BadCell(problem)
        return text
    if kind == INT:
        if isinstance(value, bool):
            raise BadCell(gettext("'%(text)s' is not a whole number.") % {"text": value})
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        text = text_of(value)
        if text.lstrip("-").isdigit():
            return int(text)
        raise BadCell(gettext("'%(text)s' is not a whole number.") % {"text": text})
    if kind == NUMBER:
        return _number_value(read_number(value, number_format))
    if kind == BOOL:
        if isinstance(value, bool):
            return value
        text = text_of(value).lower()
        if text in {"ya", "y", "true", "1", "benar"}:
            return True
        if text in {"tidak", "t", "false", "0", "bukan"}:
            return False
        raise BadCell(gettext("'%(text)s' is not Ya or Tidak.") % {"text": text_of(value)})
    if kind == DATE:
        if isinstance(value, datetime.datetime | datetime.date):
            return text_of(value)
        text = text_of(value)
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise BadCell(gettext("'%(text)s' is not a date (write YYYY-MM-DD, e.g. 2022-02-14).") % {"text": text})
    if kind == CHOICE:
        text = text_of(value)
        for key, label in column.choices:
            if text.lower() in (key.lower(), label.lower()):
                return key
        text = gettext("'%(text)s' is not one of the choices: %(choices)s.") % {
            "text": text,
            "choices": ", ".join(column.choice_labels()),
        }
        raise BadCell(text)
    raise AssertionError(kind)


def write_cell(column: Column, value: Any) -> Any:
    """The cell of one dataset value (the reverse of read_cell)."""
    if value is None or value == "" or value == []:
        return None
    if column.kind == CHOICE:
        return dict(column.choices).get(value, value)
    if column.kind == BOOL:
        return "Ya" if value else "Tidak"
    if column.kind == CODES:
        return ", ".join(value)
    if column.kind == NUMBER:
        decimal = Decimal(str(value))
        return int(decimal) if decimal == decimal.to_integral_value() else decimal  # exact, never a float
    if column.kind == DATE:
        return datetime.date.fromisoformat(value)
    return value


def set_value(cell: Any, value: Any) -> None:
    set_text(cell, value)  # a text that starts with "=" stays text: the one rule of kinerja.core.cells
