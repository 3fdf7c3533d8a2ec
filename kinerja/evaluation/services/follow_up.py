"""Follow-ups of a final evaluation's recommendations: the agency answers, the inspectorate marks them done."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from kinerja.accounts.access import may_evaluate
from kinerja.core import audit
from kinerja.core.actors import Actor

from ..models import FollowUp
from .rules import checked_text, describe, ensure, may_prepare


def _locked_follow_up(follow_up: FollowUp) -> FollowUp:
    return (
        FollowUp.objects.select_for_update()
        .select_related("answer__evaluation__agency", "answer__criterion")
        .get(pk=follow_up.pk)
    )


@transaction.atomic
def answer_follow_up(*, actor: Actor, follow_up: FollowUp, action: str) -> FollowUp:
    """The agency says what it did about a recommendation."""
    follow_up = _locked_follow_up(follow_up)
    evaluation = follow_up.answer.evaluation
    ensure(
        may_prepare(actor, evaluation.agency),
        gettext("Only the planner or head of the agency answers a follow-up."),
    )
    if follow_up.state == FollowUp.State.DONE:
        raise ValidationError(gettext("This follow-up has already been declared done."))
    action = checked_text(action, "action")
    if not action:
        raise ValidationError({"action": gettext("Write what has been done.")})
    before = audit.snapshot(follow_up)
    follow_up.action, follow_up.state, follow_up.changed_by = action, FollowUp.State.ANSWERED, actor
    follow_up.save()
    audit.record_change(
        actor=actor,
        obj=follow_up,
        before=before,
        agency=evaluation.agency_id,
        description=describe(
            evaluation,
            gettext_noop("follow-up of criterion %(code)s answered"),
            code=follow_up.answer.criterion.code,
        ),
    )
    return follow_up


@transaction.atomic
def mark_follow_up(*, actor: Actor, follow_up: FollowUp, done: bool, note: str = "") -> FollowUp:
    """The inspectorate marks a follow-up done or not done."""
    follow_up = _locked_follow_up(follow_up)
    evaluation = follow_up.answer.evaluation
    ensure(may_evaluate(actor, evaluation.agency), gettext("Only the inspectorate assesses a follow-up."))
    before = audit.snapshot(follow_up)
    follow_up.state = FollowUp.State.DONE if done else FollowUp.State.NOT_DONE
    follow_up.evaluator_note, follow_up.changed_by = checked_text(note, "evaluator_note"), actor
    follow_up.save()
    with audit.in_record_language():
        state = str(follow_up.get_state_display()).lower()
    audit.record_change(
        actor=actor,
        obj=follow_up,
        before=before,
        agency=evaluation.agency_id,
        description=describe(
            evaluation,
            gettext_noop("follow-up of criterion %(code)s declared %(state)s"),
            code=follow_up.answer.criterion.code,
            state=state,
        ),
    )
    return follow_up
