import datetime
from decimal import Decimal, InvalidOperation

from django import template

from kinerja.core import people, periods
from kinerja.core.numbers import format_number, format_percent

register = template.Library()


def _present(value: object) -> Decimal | int | None:
    """A template hands "" for a missing attribute (no target yet): that is a missing value, shown as "—".
    A number written as text by a machine ("124.90", the performance tree's data) is read as a Decimal."""
    if isinstance(value, str) and value:
        try:
            value = Decimal(value)
        except InvalidOperation:
            return None
        if not value.is_finite():
            return None
    return value if isinstance(value, Decimal | int) and not isinstance(value, bool) else None


@register.filter
def number(value: Decimal | int | None, decimals: int = 2) -> str:
    return format_number(_present(value), int(decimals))


@register.filter
def percent(value: Decimal | None, decimals: int = 2) -> str:
    return format_percent(_present(value), int(decimals))


@register.filter
def minutes(value: datetime.timedelta | None) -> int:
    """Whole minutes of a duration, rounded up (a lock-out of 90 seconds is "2 minutes"): 0 when missing."""
    if not isinstance(value, datetime.timedelta):
        return 0
    return -int(-value.total_seconds() // 60)


@register.filter
def roman(quarter: int) -> str:
    """A quarter's roman numeral (`kinerja.core.periods`): 1 → "I" … 4 → "IV"; "" for anything else."""
    return periods.QUARTER_NAMES.get(quarter, "") if isinstance(quarter, int) else ""


@register.filter
def quarter(value: object, form: str = "") -> str:
    """`{{ 2|quarter }}` → "Triwulan II"; `{{ 2|quarter:"short" }}` → "TW II" (narrow table headers only)."""
    return periods.quarter_label(value, short=form == "short")


@register.filter
def person(user: object) -> str:
    """`{{ actual.entered_by|person }}` → "Ir. Yohanis Tobelo, M.T.": a user as a person reads their name."""
    return people.display_name(user)
