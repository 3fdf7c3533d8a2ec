"""The one door of the final step of the SKP ratings (issue 21, item 4): the head or the planner makes the year's
ratings of the agency — or of one unit, as the distribution page groups them — final, after the distribution check;
the head of agency reopens them, with a reason.

- `finalise_ratings` refuses while an SKP of the scope is still a draft (naming its officials; not the head of
  agency's, rated by the regent outside Kinerja: `Skp.rated_in_kinerja`) and while the
  distribution of the scope breaks the rule, unless the actor acknowledges the breaks: the acknowledgment and each
  broken rule are written in the audit record of every SKP made final.
- Once final, `services.rate_skp` and every change of a work result or indicator refuse (`services.is_final`, the
  one rule of state).
- `reopen_ratings` turns final ratings back into rated ones (they may be rated again), the reason in the audit trail.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from kinerja.accounts import access
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.organisation.models import Agency, Unit

from .models import Skp
from .selectors import get_distribution


def _scope(agency: Agency, year: int, unit: Unit | None) -> list[Skp]:
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": gettext("The unit is not one of this agency's.")})
    skps = Skp.objects.select_for_update().filter(position__agency=agency, year=year)
    if unit is not None:
        skps = skps.filter(position__unit=unit)
    return list(skps.select_related("official", "position__agency").order_by("position__order", "official__name"))


def _scope_name(agency: Agency, unit: Unit | None) -> str:
    return unit.name if unit is not None else agency.name


def broken_rules(agency: Agency, year: int, unit: Unit | None = None) -> list[str]:
    """Each rule the distribution of the scope breaks, in words ("Bidang X: At most 70 % …"), in the current
    language; the whole agency's scope counts the agency and every unit."""
    views = get_distribution(agency, year)
    if unit is not None:
        views = [view for view in views if view.unit is not None and view.unit.pk == unit.pk]
    return [f"{view.label}: {text}" for view in views for text, _skps in view.breaches]


@transaction.atomic
def finalise_ratings(
    *, actor: Actor, agency: Agency, year: int, unit: Unit | None = None, acknowledge_breaks: bool = False
) -> list[Skp]:
    """Make the rated SKP of `year` of the agency (or of `unit`) final; the SKP made final."""
    if actor is not None and not access.may_finalise_skp(actor, agency):
        raise PermissionDenied(gettext("Only the head of agency or the planner makes the SKP ratings final."))
    skps = _scope(agency, year, unit)
    names = {"scope": _scope_name(agency, unit), "year": year}
    if not skps:
        raise ValidationError(gettext("%(scope)s has no SKP in %(year)s to make final.") % names)
    waiting = [skp.official.name for skp in skps if skp.status == Skp.Status.DRAFT and skp.rated_in_kinerja]
    if waiting:
        raise ValidationError(
            gettext("Not every SKP is rated yet: %(names)s. Rate them before making the ratings final.")
            % {"names": ", ".join(waiting)}
        )
    rated = [skp for skp in skps if skp.status == Skp.Status.RATED]
    if not rated:
        raise ValidationError(gettext("The ratings of %(scope)s in %(year)s are already final.") % names)
    with audit.in_record_language():
        breaks = broken_rules(agency, year, unit)
        description = gettext("SKP ratings %(year)s of %(scope)s made final") % names
        note = gettext("Distribution breaks acknowledged: %(breaks)s") % {"breaks": " ".join(breaks)} if breaks else ""
    if breaks and not acknowledge_breaks:
        raise ValidationError(
            gettext("The distribution breaks the rule: %(breaks)s Acknowledge the breaks to make the ratings final.")
            % {"breaks": " ".join(broken_rules(agency, year, unit))}
        )
    for skp in rated:
        before = audit.snapshot(skp)
        skp.status = Skp.Status.FINAL
        skp.save(update_fields=["status", "updated_at"])
        audit.record_change(
            actor=actor, obj=skp, before=before, agency=agency, about=skp, note=note, description=description
        )
    return rated


@transaction.atomic
def reopen_ratings(*, actor: Actor, agency: Agency, year: int, reason: str, unit: Unit | None = None) -> list[Skp]:
    """Reopen the final ratings of `year` of the agency (or of `unit`): they become rated again and may change;
    the SKP reopened."""
    if actor is not None and not access.may_reopen_skp(actor, agency):
        raise PermissionDenied(gettext("Only the head of agency reopens final SKP ratings."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Give the reason for reopening the ratings.")})
    final = [skp for skp in _scope(agency, year, unit) if skp.status == Skp.Status.FINAL]
    names = {"scope": _scope_name(agency, unit), "year": year}
    if not final:
        raise ValidationError(gettext("%(scope)s has no final SKP ratings in %(year)s.") % names)
    with audit.in_record_language():
        description = gettext("SKP ratings %(year)s of %(scope)s reopened") % names
    for skp in final:
        before = audit.snapshot(skp)
        skp.status = Skp.Status.RATED
        skp.save(update_fields=["status", "updated_at"])
        audit.record_change(
            actor=actor, obj=skp, before=before, agency=agency, about=skp, note=reason, description=description
        )
    return final
