"""Every write of actuals: the rules of one actual's figures and texts, recording it (a person, the example
data) and the SAKIP evaluation feeding its score (the trusted path `feed_actual`)."""

from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import quarter_label
from kinerja.strategy.models import Indicator

from .. import achievement
from ..evidence import add_evidence
from ..models import Actual
from ..rollups.outbox import mark_figures_changed
from ..rules import LIMIT, ensure_may_enter, ensure_typed_by_hand, in_range
from ..workflow import ensure_editable, ensure_period_open, ensure_version
from .checks import _agency_id, _check_quarter, _check_year, _insert, _stored, _whole_if_count

TEXT_MAX = 4000  # factors, follow-up and note: a few paragraphs, not a document (evidence files are for that)


def actual_description(actual: Actual, action: str) -> str:
    with audit.in_record_language():
        return gettext("Actual of %(quarter)s %(year)s of indicator %(code)s %(action)s") % {
            "quarter": quarter_label(actual.quarter),
            "year": actual.year,
            "code": actual.indicator.code,
            "action": AuditRecord.Action(action).label,
        }


def realised_value(indicator: Indicator, numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    return achievement.ratio_value(numerator, denominator, indicator.effective_factor)


def checked_terms(
    indicator: Indicator, *, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The (value, numerator, denominator) an actual of `indicator` stores; ValidationError naming the field.

    A ratio needs both terms, a non-negative numerator, a positive denominator and, for a percentage, a
    numerator no larger than the denominator; its value is computed. A count is whole and not negative.
    """
    for field, figure in (("value", value), ("numerator", numerator), ("denominator", denominator)):
        in_range(figure, field)
    if indicator.formula == Indicator.Formula.RATIO:
        numerator, denominator = _stored(numerator), _stored(denominator)
        errors: dict[str, str] = {}
        if numerator is None:
            errors["numerator"] = gettext("Fill in the numerator.")
        elif numerator < 0:
            errors["numerator"] = gettext("The numerator cannot be negative.")
        if denominator is None:
            errors["denominator"] = gettext("Fill in the denominator.")
        elif denominator <= 0:
            errors["denominator"] = gettext("The denominator must be greater than 0.")
        if not errors and indicator.is_percentage and numerator > denominator:
            errors["numerator"] = gettext(
                "The numerator cannot be larger than the denominator for a percentage indicator."
            )
        if errors:
            raise ValidationError(errors)
        value = realised_value(indicator, numerator, denominator)
        if value is not None and abs(value) >= LIMIT:
            text = gettext("The quotient of the numerator and the denominator is too large; check the figures.")
            raise ValidationError({"numerator": text})
        return value, numerator, denominator
    if value is None:
        raise ValidationError({"value": gettext("Fill in the actual.")})
    _whole_if_count(indicator, value, "value")
    return value, None, None


def checked_texts(**texts: str) -> None:
    """An actual's factors, follow-up and note: a few paragraphs each; ValidationError naming the field."""
    too_long = {
        field: gettext("At most %(max)d characters (%(length)d written).") % {"max": TEXT_MAX, "length": len(text)}
        for field, text in texts.items()
        if len(text.strip()) > TEXT_MAX
    }
    if too_long:
        raise ValidationError(too_long)


def checked_actual(
    indicator: Indicator,
    *,
    year: int,
    quarter: int,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    **texts: str,
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """Every rule of one actual's figures and texts (not the closed periods nor its state): the (value,
    numerator, denominator) it stores, rounded as the database keeps them. No query once `indicator.plan` is
    loaded; ValidationError naming the field."""
    _check_year(indicator, year)
    _check_quarter(quarter)
    value, numerator, denominator = checked_terms(indicator, value=value, numerator=numerator, denominator=denominator)
    checked_texts(**texts)
    return _stored(value), _stored(numerator), _stored(denominator)


WRITTEN = (
    "value",
    "numerator",
    "denominator",
    "supporting_factors",
    "hindering_factors",
    "follow_up",
    "note",
    "is_example",
    "entered_by_id",
    "status",
    "verified_by_id",
    "verified_at",
)


@transaction.atomic
def record_actual(
    *,
    actor: Actor,
    indicator: Indicator,
    year: int,
    quarter: int,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    supporting_factors: str = "",
    hindering_factors: str = "",
    follow_up: str = "",
    note: str = "",
    evidence: Sequence[tuple[str, bytes]] = (),
    is_example: bool = False,
    version: str | None = None,
) -> Actual:
    """Record what an indicator achieved in a quarter, with its evidence files (name, content), all or nothing.

    A ratio's value is computed, never typed. `version` is the one the door showed (`workflow.version_of`; ""
    for none yet): when the actual changed since, `StaleActual` and nothing is saved. None: not checked."""
    if not is_example:  # example figures are invented, loaded verified, and replaced whole by their command
        ensure_may_enter(actor, indicator)
        ensure_typed_by_hand(indicator)
    return _write_actual(
        actor=actor,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=numerator,
        denominator=denominator,
        texts={
            "supporting_factors": supporting_factors,
            "hindering_factors": hindering_factors,
            "follow_up": follow_up,
            "note": note,
        },
        evidence=evidence,
        is_example=is_example,
        version=version,
    )


@transaction.atomic
def feed_actual(
    *, actor: Actor, indicator: Indicator, year: int, quarter: int, value: Decimal, note: str, source: str
) -> Actual:
    """Trusted path: the SAKIP evaluation (`source`) writes its score as the actual of an indicator it feeds.
    Its caller (evaluation.services.finalise) checked that `actor` may evaluate. Every rule applies but the
    state: a figure typed by hand before the fed-by rule (even submitted or verified) gives way to the score, so
    no one can block the evaluation's finalising."""
    if indicator.fed_by != source:
        text = gettext("Indicator %(code)s is not filled in by %(source)s.")
        raise ValidationError(text % {"code": indicator.code, "source": source})
    return _write_actual(
        actor=actor,
        indicator=indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=None,
        denominator=None,
        texts={"note": note},
        evidence=(),
        is_example=False,
        version=None,
        any_state=True,
    )


def _write_actual(
    *,
    actor: Actor,
    indicator: Indicator,
    year: int,
    quarter: int,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    texts: dict[str, str],
    evidence: Sequence[tuple[str, bytes]],
    is_example: bool,
    version: str | None,
    any_state: bool = False,
) -> Actual:
    """Every domain rule, then the write: the row is locked before its state is read, only the columns that
    change are saved, and the change is recorded."""
    _check_year(indicator, year)
    _check_quarter(quarter)
    for name, content in evidence:  # every file checked before anything is written to disk
        stored_files.checked_kind(name, content)
    texts = {name: texts.get(name, "") for name in ("supporting_factors", "hindering_factors", "follow_up", "note")}
    value, numerator, denominator = checked_actual(
        indicator,
        year=year,
        quarter=quarter,
        value=value,
        numerator=numerator,
        denominator=denominator,
        **texts,
    )
    existing = Actual.objects.select_for_update().filter(indicator=indicator, year=year, quarter=quarter).first()
    ensure_version(existing, version)
    if not is_example:
        ensure_period_open(indicator, year, quarter)
        if not any_state:
            ensure_editable(existing)
    before = audit.snapshot(existing)
    was = {name: getattr(existing, name) for name in WRITTEN} if existing is not None else {}
    actual = existing or Actual(indicator=indicator, year=year, quarter=quarter)
    actual.value, actual.numerator, actual.denominator = value, numerator, denominator
    for name, text in texts.items():
        setattr(actual, name, text.strip())
    actual.is_example, actual.entered_by = is_example, actor
    actual.status = Actual.Status.VERIFIED if is_example else Actual.Status.DRAFT
    if existing is not None and existing.status == Actual.Status.VERIFIED and not is_example:
        actual.verified_by, actual.verified_at = None, None  # a verification was of the figure replaced
    actual.full_clean()
    changed = [
        name.removesuffix("_id") for name in WRITTEN if existing is not None and getattr(actual, name) != was[name]
    ]
    if existing is None:
        _insert(actual)
    elif changed:
        actual.save(update_fields=[*changed, "updated_at"])
    if existing is None or changed:
        mark_figures_changed([(indicator.pk, year)])  # the roll-ups, in this transaction (docs/scale.md §4)
        action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
        audit.record_change(
            actor=actor,
            obj=actual,
            before=before,
            agency=_agency_id(indicator),
            about=indicator,
            description=actual_description(actual, action),
        )
    for name, content in evidence:
        add_evidence(actor=actor, actual=actual, name=name, content=content, is_example=is_example)
    return actual
