"""The worksheet's answers: the agency's self-assessment and the evaluator's answer, criterion by criterion."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from kinerja.accounts.access import may_evaluate
from kinerja.core import audit
from kinerja.core.actors import Actor

from ..models import Answer, Evaluation
from .rules import checked_letter, checked_text, describe, ensure, locked, may_prepare


@transaction.atomic
def save_self_assessment(*, actor: Actor, answer: Answer, self_answer: str, self_note: str = "") -> Answer:
    evaluation = locked(answer.evaluation)
    ensure(
        may_prepare(actor, evaluation.agency),
        gettext("Only the planner or head of the agency fills in the self-assessment."),
    )
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        raise ValidationError(
            gettext("The self-assessment has been sent to the inspectorate; it can no longer be changed.")
        )
    before = audit.snapshot(answer)
    answer.self_answer = checked_letter(self_answer, "self_answer", required=False)
    answer.self_note = checked_text(self_note, "self_note")
    answer.save(update_fields=["self_answer", "self_note", "updated_at"])
    audit.record_change(
        actor=actor,
        obj=answer,
        before=before,
        agency=evaluation.agency_id,
        description=describe(
            evaluation, gettext_noop("self-assessment of criterion %(code)s"), code=answer.criterion.code
        ),
    )
    return answer


@transaction.atomic
def save_evaluator_answer(
    *, actor: Actor, answer: Answer, value: str, note: str = "", recommendation: str = ""
) -> Answer:
    """The evaluator's answer to one criterion (AA … E, nothing else), note and recommendation."""
    evaluation = locked(answer.evaluation)
    ensure(may_evaluate(actor, evaluation.agency), gettext("Only the inspectorate answers as the evaluator."))
    if evaluation.state != Evaluation.State.UNDER_EVALUATION:
        raise ValidationError(
            gettext("This evaluation is not under evaluation; the evaluator's answers cannot be changed.")
        )
    before = audit.snapshot(answer)
    answer.answer = checked_letter(value, "answer", required=True)
    answer.note = checked_text(note, "note")
    answer.recommendation = checked_text(recommendation, "recommendation")
    answer.answered_by = actor
    answer.save(update_fields=["answer", "note", "recommendation", "answered_by", "updated_at"])
    audit.record_change(
        actor=actor,
        obj=answer,
        before=before,
        agency=evaluation.agency_id,
        description=describe(
            evaluation, gettext_noop("evaluator's answer of criterion %(code)s"), code=answer.criterion.code
        ),
    )
    return answer
