"""The rules every write of an evaluation asks first: who may (through `kinerja.accounts.access` only), whether an
answer letter and a text are acceptable; the evaluation locked for the write, and the audit description."""

from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.access import may_read_evaluation_secrets, reach_of
from kinerja.core import audit
from kinerja.organisation.models import Agency

from .. import scoring
from ..models import Evaluation

TEXT_MAX = 4000
NOT_FOUND = "Halaman ini tidak ditemukan."


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
        raise ValidationError({field: f"Paling panjang {TEXT_MAX} karakter (tertulis {len(value)})."})
    return value


def checked_letter(value: str, field: str, *, required: bool) -> str:
    letter = (value or "").strip().upper()
    if not letter:
        if required:
            raise ValidationError({field: f"Pilih jawaban: {', '.join(scoring.ANSWERS)}."})
        return ""
    if letter not in scoring.ANSWER_VALUES:
        raise ValidationError({field: scoring.not_allowed_message(value)})
    return letter


def describe(evaluation: Evaluation, what: str) -> str:
    with audit.in_record_language():
        return f"Evaluasi SAKIP {evaluation.year}: {what}"


def locked(evaluation: Evaluation) -> Evaluation:
    return Evaluation.objects.select_for_update().select_related("agency", "version").get(pk=evaluation.pk)
