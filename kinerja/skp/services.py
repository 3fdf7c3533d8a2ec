"""The one door of the SKP: prepare an SKP, the staff's work results (intervensi), indicators and targets, rating.

Every function is keyword-only with `actor` first (None: the system itself, a trusted path), asks
`accounts.access` who may, checks the domain rules (an official holding the position in the year, a year of the
strategic plan, an SKP still in draft for its work results, the seven BerAKHLAK values rated), records the change in
the audit trail about the SKP, and raises `PermissionDenied` or `ValidationError` naming the field.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext

from kinerja.accounts import access
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency, Assignment, Official, Position
from kinerja.performance.models import Target
from kinerja.strategy.models import PageIndicator
from kinerja.strategy.selectors import find_current_plan

from . import predicate
from .models import BEHAVIOUR_NAMES, Rhk, RhkIndicator, Skp


def _refuse_unless(allowed: bool, actor: Actor, message: str) -> None:
    if actor is not None and not allowed:
        raise PermissionDenied(message)


def _names(skp: Skp) -> dict[str, object]:
    return {"official": skp.official.name, "year": skp.year}


# The audit descriptions, written in the record language (core.audit.in_record_language).


def _prepared(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("SKP %(year)s of %(official)s prepared") % _names(skp)


def _result_added(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("Work result added to SKP %(year)s of %(official)s") % _names(skp)


def _result_removed(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("Work result removed from SKP %(year)s of %(official)s") % _names(skp)


def _indicator_added(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("Indicator added to SKP %(year)s of %(official)s") % _names(skp)


def _indicator_changed(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("Indicator of SKP %(year)s of %(official)s changed") % _names(skp)


def _indicator_removed(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("Indicator removed from SKP %(year)s of %(official)s") % _names(skp)


def _rated(skp: Skp) -> str:
    with audit.in_record_language():
        return gettext("SKP %(year)s of %(official)s rated") % _names(skp)


def _record(actor: Actor, obj: object, before: dict | None, skp: Skp, description: str) -> None:
    audit.record_change(
        actor=actor, obj=obj, before=before, agency=skp.position.agency_id, about=skp, description=description
    )


def is_draft(skp: Skp) -> bool:
    """Its work results and indicators still change: the SKP is not rated yet (the rule `_ensure_draft` enforces)."""
    return skp.status == Skp.Status.DRAFT


def is_final(skp: Skp) -> bool:
    """Its ratings are final (`finalisation.finalise_ratings`): nothing of it changes until the head reopens them."""
    return skp.status == Skp.Status.FINAL


def may_change(user: object, skp: Skp) -> bool:
    """Whether `user` may change the SKP's work results and indicators now: its official or superior, while it is
    a draft — what the services below refuse otherwise; the pages ask it to show or hide their forms."""
    return is_draft(skp) and access.may_edit_skp(user, skp)


def may_rate(user: object, skp: Skp) -> bool:
    """Whether `user` may rate the SKP now: the superior, until the ratings are final (`_ensure_not_final`)."""
    return not is_final(skp) and access.may_rate_skp(user, skp)


def _ensure_not_final(skp: Skp) -> None:
    if is_final(skp):
        raise ValidationError(
            gettext("The ratings of this SKP are final: nothing of it changes until the head of agency reopens them.")
        )


def _ensure_draft(skp: Skp) -> None:
    _ensure_not_final(skp)
    if not is_draft(skp):
        raise ValidationError(gettext("This SKP is rated: its work results no longer change."))


def holds_in_year(official: Official, position: Position, year: int) -> bool:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Assignment.objects.filter(official=official, position=position, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .exists()
    )


@transaction.atomic
def prepare_skp(*, actor: Actor, position: Position, official: Official, year: int, is_example: bool = False) -> Skp:
    """The SKP of `official` for `position` and `year`. A structural position's work results are its IKI page:
    one per row, with the row's indicator as the quantity indicator and its yearly target (never typed again);
    a staff position's SKP starts empty and its superior gives it work results."""
    _refuse_unless(
        access.may_prepare_skp(actor, position),
        actor,
        gettext("Only the holder, the superior or the agency's planner prepares this SKP."),
    )
    plan = find_current_plan(position.agency)
    if plan is None or year not in plan.years:
        raise ValidationError({"year": gettext("The year is outside the agency's strategic plan.")})
    if not holds_in_year(official, position, year):
        raise ValidationError({"official": gettext("This official does not hold the position in that year.")})
    if Skp.objects.filter(official=official, position=position, year=year).exists():
        raise ValidationError(gettext("This official already has an SKP for this position and year."))
    skp = Skp(official=official, position=position, year=year, is_example=is_example)
    skp.full_clean()
    try:
        with transaction.atomic():
            skp.save()
    except IntegrityError:
        raise ValidationError(gettext("This official already has an SKP for this position and year.")) from None
    if not position.is_staff_position:
        rows = (
            PageIndicator.objects.filter(position=position, objective__plan=plan)
            .select_related("objective", "indicator")
            .order_by("objective__order", "order")
        )
        targets = dict(
            Target.objects.filter(indicator__page_rows__in=rows, kind=Target.Kind.YEAR, year=year).values_list(
                "indicator_id", "value"
            )
        )
        for order, row in enumerate(rows):
            result = Rhk.objects.create(skp=skp, order=order, text=row.objective.text, page_row=row)
            RhkIndicator.objects.create(
                result=result,
                aspect=RhkIndicator.Aspect.QUANTITY,
                name=row.name,
                target=targets.get(row.indicator_id),
                unit=row.indicator.unit,
            )
    _record(actor, skp, None, skp, _prepared(skp))
    return skp


@transaction.atomic
def prepare_year(*, actor: Actor, agency: Agency, year: int, is_example: bool = False) -> list[Skp]:
    """The SKP of every official holding a position of the agency in `year` who has none for it yet (each through
    `prepare_skp`, so each asks who may and records itself); the prepared ones (`is_example`: the example data)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    held = (
        Assignment.objects.filter(position__agency=agency, start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .select_related("official", "position__agency", "position__superior")
        .order_by("position__order", "start")
    )
    existing = set(Skp.objects.filter(position__agency=agency, year=year).values_list("official_id", "position_id"))
    prepared = []
    for assignment in held:
        key = (assignment.official_id, assignment.position_id)
        if key in existing:
            continue
        existing.add(key)
        prepared.append(
            prepare_skp(
                actor=actor,
                position=assignment.position,
                official=assignment.official,
                year=year,
                is_example=is_example,
            )
        )
    return prepared


@transaction.atomic
def add_staff_result(*, actor: Actor, skp: Skp, parent: Rhk, text: str) -> Rhk:
    """A work result of a staff SKP, hung on one work result of the superior's SKP of the same year."""
    skp = Skp.objects.select_for_update().select_related("position__agency", "official").get(pk=skp.pk)
    _refuse_unless(
        access.may_write_staff_results(actor, skp),
        actor,
        gettext("Only the superior gives a staff member work results."),
    )
    if not skp.position.is_staff_position:
        raise ValidationError(gettext("A structural position's work results come from its IKI page."))
    _ensure_draft(skp)
    last = skp.results.aggregate(last=Max("order"))["last"]
    result = Rhk(skp=skp, parent=parent, text=(text or "").strip(), order=0 if last is None else last + 1)
    result.full_clean()
    result.save()
    _record(actor, result, None, skp, _result_added(skp))
    return result


@transaction.atomic
def remove_staff_result(*, actor: Actor, result: Rhk) -> None:
    """Remove a staff work result (with its indicators) that no one's work hangs on."""
    skp = Skp.objects.select_for_update().select_related("position__agency", "official").get(pk=result.skp_id)
    _refuse_unless(
        access.may_write_staff_results(actor, skp), actor, gettext("Only the superior removes a staff work result.")
    )
    _ensure_draft(skp)
    if result.page_row_id:
        raise ValidationError(gettext("A work result from the IKI page changes with the IKI page."))
    if result.interventions.exists():
        raise ValidationError(gettext("Other work results hang on this one: remove them first."))
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=result,
        before=audit.snapshot(result),
        after=None,
        agency=skp.position.agency_id,
        about=skp,
        description=_result_removed(skp),
    )
    result.delete()


def _editable(actor: Actor, result: Rhk) -> Skp:
    skp = Skp.objects.select_for_update().select_related("position__agency", "official").get(pk=result.skp_id)
    _refuse_unless(
        access.may_edit_skp(actor, skp), actor, gettext("Only the official and the superior change this SKP.")
    )
    _ensure_draft(skp)
    return skp


@transaction.atomic
def add_indicator(
    *, actor: Actor, result: Rhk, aspect: str, name: str, target: Decimal | None, unit: str
) -> RhkIndicator:
    """An indicator of a work result, in one aspect (quantity, quality, time, cost), with its target."""
    skp = _editable(actor, result)
    last = result.indicators.aggregate(last=Max("order"))["last"]
    indicator = RhkIndicator(
        result=result,
        aspect=aspect,
        name=(name or "").strip(),
        target=target,
        unit=(unit or "").strip(),
        order=0 if last is None else last + 1,
    )
    indicator.full_clean()
    indicator.save()
    _record(actor, indicator, None, skp, _indicator_added(skp))
    return indicator


@transaction.atomic
def change_indicator(
    *, actor: Actor, indicator: RhkIndicator, aspect: str, name: str, target: Decimal | None, unit: str
) -> RhkIndicator:
    indicator = RhkIndicator.objects.select_for_update().select_related("result").get(pk=indicator.pk)
    skp = _editable(actor, indicator.result)
    before = audit.snapshot(indicator)
    indicator.aspect, indicator.name, indicator.target = aspect, (name or "").strip(), target
    indicator.unit = (unit or "").strip()
    indicator.full_clean()
    indicator.save()
    _record(actor, indicator, before, skp, _indicator_changed(skp))
    return indicator


@transaction.atomic
def remove_indicator(*, actor: Actor, indicator: RhkIndicator) -> None:
    indicator = RhkIndicator.objects.select_for_update().select_related("result").get(pk=indicator.pk)
    skp = _editable(actor, indicator.result)
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=indicator,
        before=audit.snapshot(indicator),
        after=None,
        agency=skp.position.agency_id,
        about=skp,
        description=_indicator_removed(skp),
    )
    indicator.delete()


@transaction.atomic
def rate_skp(*, actor: Actor, skp: Skp, work: str, behaviours: dict[str, str], note: str = "") -> Skp:
    """The superior's rating at year end: the work result and each of the seven BerAKHLAK values. The overall
    behaviour is their median (`predicate.overall_behaviour`) and the predicate follows the matrix of §8. A rated
    SKP may be rated again until the ratings are final (`finalisation`)."""
    skp = Skp.objects.select_for_update().select_related("position__agency", "official").get(pk=skp.pk)
    _refuse_unless(
        access.may_rate_skp(actor, skp), actor, gettext("Only the holder of the position above rates this SKP.")
    )
    _ensure_not_final(skp)
    errors: dict[str, str] = {}
    if work not in predicate.RATINGS:
        errors["work_rating"] = gettext("Rate the work result.")
    for key in BEHAVIOUR_NAMES:
        if behaviours.get(key) not in predicate.RATINGS:
            errors[f"behaviour_{key}"] = gettext("Rate every BerAKHLAK value.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(skp)
    ratings = [behaviours[key] for key in BEHAVIOUR_NAMES]
    for key, rating in zip(BEHAVIOUR_NAMES, ratings, strict=True):
        setattr(skp, f"behaviour_{key}", rating)
    skp.work_rating = work
    skp.behaviour_rating = predicate.overall_behaviour(ratings)
    skp.predicate = predicate.predicate(work, skp.behaviour_rating)
    skp.rating_note = (note or "").strip()
    skp.status = Skp.Status.RATED
    skp.rated_by = Official.objects.filter(user_id=getattr(actor, "pk", None)).first() if actor else None
    skp.full_clean()
    skp.save()
    _record(actor, skp, before, skp, _rated(skp))
    return skp
