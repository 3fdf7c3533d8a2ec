"""Writes of the budget nomenclature: the yearly budget of a programme / activity / sub-activity and who is
responsible for an activity. Validated, in one transaction, with Indonesian messages naming the field."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.organisation.models import Position

from .models import Activity, Budget, Programme, StrategicPlan, SubActivity

RUPIAH = Decimal("0.01")


def _plan_of(item: Programme | Activity | SubActivity) -> StrategicPlan:
    if isinstance(item, SubActivity):
        return item.activity.programme.plan
    if isinstance(item, Activity):
        return item.programme.plan
    return item.plan


@transaction.atomic
def set_budget(
    *, actor: Any, year: int, amount: Decimal | None, programme: Programme | None = None,
    activity: Activity | None = None, sub_activity: SubActivity | None = None, is_example: bool = False,
) -> Budget | None:
    """Set (or, with no amount, clear) the budget of exactly one programme, activity or sub-activity for a
    year. Returns the budget, None when cleared."""
    items = {"programme": programme, "activity": activity, "sub_activity": sub_activity}
    given = {name: item for name, item in items.items() if item is not None}
    if len(given) != 1:
        message = "Anggaran harus untuk tepat satu program, kegiatan atau sub kegiatan."
        raise ValidationError({name: message for name in (given or ["programme"])})
    (field, item), = given.items()
    plan = _plan_of(item)
    if not plan.first_year <= year <= plan.last_year:
        raise ValidationError({"year": f"Tahun {year} di luar Renstra {plan.first_year}–{plan.last_year}."})
    lookup = {field: item, "year": year}
    if amount is None:
        Budget.objects.filter(**lookup).delete()
        return None
    if isinstance(amount, float) or not isinstance(amount, (Decimal, int)):
        raise ValidationError({"amount": "Anggaran harus berupa angka (Decimal), bukan float atau teks."})
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValidationError({"amount": "Anggaran harus berupa angka."})
    if amount < 0:
        raise ValidationError({"amount": "Anggaran tidak boleh negatif."})
    budget = Budget.objects.filter(**lookup).first() or Budget(**lookup)
    budget.amount = amount.quantize(RUPIAH, rounding=ROUND_HALF_UP)
    budget.is_example = is_example
    try:
        budget.full_clean()
    except ValidationError as error:
        if "amount" in error.message_dict:
            raise ValidationError({"amount": "Anggaran terlalu besar atau tidak sah."}) from error
        raise
    budget.save()
    return budget


@transaction.atomic
def set_responsible_position(
    *, actor: Any, item: Activity | SubActivity, position: Position | None,
) -> Activity | SubActivity:
    """Make `position` (or nobody) responsible for an activity or a sub-activity."""
    if not isinstance(item, (Activity, SubActivity)):
        raise ValidationError({"item": "Penanggung jawab hanya dicatat untuk kegiatan atau sub kegiatan."})
    if position is not None and position.agency_id != _plan_of(item).agency_id:
        raise ValidationError({"responsible_position": "Jabatan itu milik instansi lain."})
    item.responsible_position = position
    item.full_clean()
    item.save()
    return item
