"""The shared checks of targets and actuals: the year inside the plan, the quarter, a count's whole number, the
four decimals the database keeps, and a new row another request inserted first."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from kinerja.core.periods import QUARTERS
from kinerja.strategy.models import Indicator

from .. import region_keys
from ..models import Actual, Target
from ..workflow import StaleActual

STORED = Decimal("0.0001")


def _stored(value: Decimal | None) -> Decimal | None:
    """Half-up to the 4 decimals the database keeps; a ratio's exact value is recomputed from its terms."""
    return None if value is None else value.quantize(STORED, rounding=ROUND_HALF_UP)


def _check_year(indicator: Indicator, year: int, field: str = "year") -> None:
    plan = indicator.plan
    if not plan.first_year <= year <= plan.last_year:
        text = gettext("The year %(year)s is outside the Renstra %(first)s–%(last)s.")
        raise ValidationError({field: text % {"year": year, "first": plan.first_year, "last": plan.last_year}})


def _check_quarter(quarter: int) -> None:
    if quarter not in QUARTERS:
        raise ValidationError(
            {"quarter": gettext("There is no quarter %(quarter)s; choose a quarter 1–4.") % {"quarter": quarter}}
        )


def _agency_id(indicator: Indicator) -> int:
    return indicator.plan.agency_id


def _whole_if_count(indicator: Indicator, value: Decimal, field: str) -> None:
    if indicator.formula == Indicator.Formula.COUNT:
        if value < 0:
            raise ValidationError({field: gettext("A count cannot be negative.")})
        if indicator.decimals == 0 and value != value.to_integral_value():
            raise ValidationError({field: gettext("A count is a whole number.")})


def _insert(obj: Target | Actual) -> None:
    """A new row, with the region key of its indicator (written here once, docs/scale.md §1); another request
    that inserted the same one first is a conflict, not a 500."""
    region_keys.place(obj, obj.indicator)
    try:
        with transaction.atomic():
            obj.save(force_insert=True)
    except IntegrityError as error:
        text = gettext("This data was just filled in by another user; reload.")
        raise StaleActual(text, code="stale") from error


def stored_amount(value: Decimal | None) -> Decimal | None:
    """A figure as the database keeps it (4 decimals, half-up)."""
    return _stored(value)
