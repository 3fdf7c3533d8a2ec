"""The rules every write of an evaluation asks first: who may (through `kinerja.accounts.access` only), whether an
answer letter and a text are acceptable; the evaluation locked for the write, and the audit description."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from kinerja.accounts.access import may_read_evaluation_secrets, reach_of
from kinerja.core import audit
from kinerja.organisation.models import Agency

from .. import scoring
from ..models import Evaluation

TEXT_MAX = 4000


def may_prepare(user: object, agency: Agency) -> bool:
    """Prepares the agency's self-assessment: its planner (admin perencanaan) or its head."""
    reach = reach_of(user)
    return agency.pk in reach.planned or agency.pk in reach.headed


def may_see_verdict(user: object, evaluation: Evaluation) -> bool:
    """Sees the evaluator's answers, notes, recommendations and scores (the rule: accounts.access)."""
    return may_read_evaluation_secrets(user, evaluation.agency, final=evaluation.is_final)


def ensure(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def checked_text(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > TEXT_MAX:
        raise ValidationError(
            {
                field: gettext("At most %(max)d characters (%(length)d written).")
                % {"max": TEXT_MAX, "length": len(value)}
            }
        )
    return value


def checked_letter(value: str, field: str, *, required: bool) -> str:
    letter = (value or "").strip().upper()
    if not letter:
        if required:
            raise ValidationError(
                {field: gettext("Choose an answer: %(answers)s.") % {"answers": ", ".join(scoring.ANSWERS)}}
            )
        return ""
    if letter not in scoring.ANSWER_VALUES:
        raise ValidationError({field: scoring.not_allowed_message(value)})
    return letter


def describe(evaluation: Evaluation, what: str, **values: object) -> str:
    """The audit trail's description, in the record language whoever's request wrote it: `what` is an English
    message marked with `gettext_noop`, translated here and filled with `values`."""
    with audit.in_record_language():
        return gettext("SAKIP evaluation %(year)s: %(what)s") % {
            "year": evaluation.year,
            "what": gettext(what) % values,
        }


def locked(evaluation: Evaluation) -> Evaluation:
    return Evaluation.objects.select_for_update().select_related("agency", "version").get(pk=evaluation.pk)
