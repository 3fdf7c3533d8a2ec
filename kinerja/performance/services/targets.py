"""Every write of targets: the rules of one target's figures, setting and clearing it, and what the planner
should see when the quarters do not make the year's target."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import QUARTERS, quarter_label
from kinerja.strategy.models import Indicator

from .. import achievement
from ..models import Target
from ..rollups.outbox import mark_figures_changed
from ..rules import ensure_may_plan, in_range
from ..workflow import ensure_period_open
from .checks import _agency_id, _check_quarter, _check_year, _insert, _stored, _whole_if_count

# The quarters that do not make the year's target, by the indicator's quarter rule.
NOT_THE_YEAR = {
    "sum": gettext_lazy("The sum of the quarterly targets (%(quarters)s) is not the year's target (%(year)s)."),
    "last": gettext_lazy("The target of quarter IV (%(quarters)s) is not the year's target (%(year)s)."),
    "average": gettext_lazy("The mean of the quarterly targets (%(quarters)s) is not the year's target (%(year)s)."),
}


def target_description(target: Target, action: str) -> str:
    """ "Target tahunan 2022 indikator IKU.1 diubah" — what the audit trail says of a target."""
    with audit.in_record_language():
        period = (
            f"{quarter_label(target.quarter)} {target.year}" if target.kind == Target.Kind.QUARTER else f"{target.year}"
        )
        return gettext("%(kind)s %(period)s of indicator %(code)s %(action)s") % {
            "kind": target.get_kind_display(),
            "period": period,
            "code": target.indicator.code,
            "action": AuditRecord.Action(action).label,
        }


def target_period_checked(kind: str) -> bool:
    """A year's and a quarter's target change only while their period is open (baseline and end do not)."""
    return kind in (Target.Kind.YEAR, Target.Kind.QUARTER)


def checked_target(
    indicator: Indicator,
    *,
    kind: str,
    year: int,
    quarter: int = 0,
    value: Decimal | None,
    value_upper: Decimal | None = None,
) -> int:
    """Every rule of one target's figures (not the closed periods); the quarter it is stored under (0 unless
    `kind` is a quarter). ValidationError naming the field. No query once `indicator.plan` is loaded."""
    if kind == Target.Kind.BASELINE:
        if year > indicator.plan.first_year:
            raise ValidationError({"year": gettext("The baseline year cannot be after the first year of the Renstra.")})
    else:
        _check_year(indicator, year)
    if kind == Target.Kind.QUARTER:
        _check_quarter(quarter)
    else:
        quarter = 0
    in_range(value, "value")
    in_range(value_upper, "value_upper")
    if value is None:
        if value_upper is not None:
            raise ValidationError({"value": gettext("Fill in the lower bound of the target range.")})
        return quarter
    _whole_if_count(indicator, value, "value")
    if indicator.polarity == Indicator.Polarity.RANGE and kind != Target.Kind.BASELINE:
        if value_upper is None:
            raise ValidationError({"value_upper": gettext("A range target needs an upper bound.")})
        if value_upper < value:
            raise ValidationError({"value_upper": gettext("The upper bound cannot be smaller than the lower bound.")})
    elif value_upper is not None:
        raise ValidationError({"value_upper": gettext("Only an indicator with a range target has an upper bound.")})
    return quarter


@transaction.atomic
def set_target(
    *,
    actor: Actor,
    indicator: Indicator,
    kind: str,
    year: int,
    quarter: int = 0,
    value: Decimal | None,
    value_upper: Decimal | None = None,
    is_example: bool = False,
) -> Target | None:
    """Set (or, with no value, clear) one target of an indicator. Returns the target, None when cleared.

    A target set again to the value it has changes nothing, so it is not refused in a closed period: a page
    that posts a whole grid saves its open cells however many of its periods are closed."""
    if not is_example:
        ensure_may_plan(actor, indicator)
    quarter = checked_target(indicator, kind=kind, year=year, quarter=quarter, value=value, value_upper=value_upper)
    lookup = {"indicator": indicator, "kind": kind, "year": year, "quarter": quarter}
    existing = Target.objects.select_for_update().filter(**lookup).first()
    value, value_upper = _stored(value), _stored(value_upper)
    if existing is None and value is None:
        return None
    if existing is not None and (existing.value, existing.value_upper, existing.is_example) == (
        value,
        value_upper,
        is_example,
    ):
        return existing  # nothing changed: nothing saved, nothing recorded
    if target_period_checked(kind) and not is_example:
        ensure_period_open(indicator, year, quarter)
    mark_figures_changed([(indicator.pk, year)])  # the roll-ups, in this transaction (docs/scale.md §4)
    if value is None:
        audit.record(
            actor=actor,
            action=AuditRecord.Action.DELETED,
            obj=existing,
            before=audit.snapshot(existing),
            after=None,
            agency=_agency_id(indicator),
            about=indicator,
            description=target_description(existing, AuditRecord.Action.DELETED),
        )
        existing.delete()
        return None
    target = existing or Target(**lookup)
    before = audit.snapshot(existing)
    target.value, target.value_upper = value, value_upper
    target.is_example, target.updated_by = is_example, actor
    target.full_clean()
    if existing is None:
        _insert(target)
    else:
        target.save(update_fields=["value", "value_upper", "is_example", "updated_by", "updated_at"])
    action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
    audit.record_change(
        actor=actor,
        obj=target,
        before=before,
        agency=_agency_id(indicator),
        about=indicator,
        description=target_description(target, action),
    )
    return target


def quarter_target_warnings(
    indicator: Indicator, year_target: Decimal | None, quarters: dict[int, Decimal | None]
) -> list[str]:
    """What the planner should see when the action plan's quarters do not make the year's target."""
    if year_target is None:
        return []
    values = [quarters.get(quarter) for quarter in QUARTERS]
    if all(value is None for value in values):
        return []
    combined = achievement.combine_quarters(values, indicator.quarter_rule)
    if indicator.quarter_rule == Indicator.QuarterRule.LAST and values[3] is None:
        return [
            gettext("The target of quarter IV is not filled in; for this indicator quarter IV is the year's target.")
        ]
    if combined is not None and combined != year_target:
        text = NOT_THE_YEAR[indicator.quarter_rule]
        return [str(text) % {"quarters": f"{combined.normalize():f}", "year": f"{year_target.normalize():f}"}]
    return []
