"""The evaluation's steps: started with a worksheet, the self-assessment sent to the inspectorate, finalised with its
score (which feeds the indicators, `feeding`, and turns recommendations into follow-ups)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, ngettext

from kinerja.accounts.access import may_evaluate
from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency

from .. import scoring, selectors
from ..models import Answer, Evaluation, FollowUp, WorksheetVersion
from .feeding import feed_indicators
from .rules import describe, ensure, locked, may_prepare


@transaction.atomic
def start_evaluation(*, actor: Actor, agency: Agency, year: int, version: WorksheetVersion | None = None) -> Evaluation:
    """Open the evaluation of a year with the newest worksheet (or the one given): one answer row per criterion."""
    ensure(
        may_prepare(actor, agency) or may_evaluate(actor, agency),
        gettext("Only the planner or head of the agency, or the inspectorate, starts a SAKIP evaluation."),
    )
    if Evaluation.objects.filter(agency=agency, year=year).exists():
        raise ValidationError(gettext("The SAKIP evaluation of %(year)s already exists.") % {"year": year})
    version = version or WorksheetVersion.objects.order_by("-code").first()
    if version is None:
        raise ValidationError(
            gettext("There is no evaluation worksheet yet; load one with the load_worksheet command.")
        )
    evaluation = Evaluation(agency=agency, year=year, version=version)
    evaluation.full_clean()
    evaluation.save()
    criteria = selectors.criteria_of(version)
    Answer.objects.bulk_create([Answer(evaluation=evaluation, criterion=criterion) for criterion in criteria])
    audit.record_change(
        actor=actor,
        obj=evaluation,
        before=None,
        agency=agency,
        description=describe(
            evaluation,
            gettext_noop("started with worksheet %(version)s (%(count)d criteria)"),
            version=version.code,
            count=len(criteria),
        ),
    )
    return evaluation


class IncompleteSelfAssessment(ValidationError):
    """Sending a self-assessment with unanswered criteria without the sender's explicit confirmation."""

    def __init__(self, *, unanswered: list[str], total: int) -> None:
        self.unanswered, self.total = unanswered, total
        super().__init__(incomplete_message(len(unanswered), total), code="incomplete")


def incomplete_message(unanswered: int, total: int) -> str:
    return ngettext(
        "%(unanswered)d of %(total)d criteria of the self-assessment is not answered yet. Send it anyway only if you "
        "say so: once sent, the answers can no longer be changed.",
        "%(unanswered)d of %(total)d criteria of the self-assessment are not answered yet. Send it anyway only if you "
        "say so: once sent, the answers can no longer be changed.",
        unanswered,
    ) % {"unanswered": unanswered, "total": total}


@transaction.atomic
def submit_self_assessment(*, actor: Actor, evaluation: Evaluation, send_incomplete: bool = False) -> Evaluation:
    """The self-assessment goes to the inspectorate: from now on only the evaluator writes. Refused
    (`IncompleteSelfAssessment`) while criteria are unanswered, unless the sender confirms sending it incomplete."""
    evaluation = locked(evaluation)
    ensure(
        may_prepare(actor, evaluation.agency) or may_evaluate(actor, evaluation.agency),
        gettext("Only the planner or head of the agency, or the inspectorate, sends the self-assessment."),
    )
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        raise ValidationError(gettext("The self-assessment has already been sent."))
    answers = list(evaluation.answers.values_list("criterion__code", "self_answer"))
    unanswered = [code for code, letter in answers if scoring.is_unanswered(letter)]
    if unanswered and not send_incomplete:
        raise IncompleteSelfAssessment(unanswered=unanswered, total=len(answers))
    before = audit.snapshot(evaluation)
    evaluation.state = Evaluation.State.UNDER_EVALUATION
    evaluation.save(update_fields=["state", "updated_at"])
    sent = gettext_noop("self-assessment sent to the inspectorate")
    if unanswered:
        sent = gettext_noop(
            "self-assessment sent to the inspectorate (%(unanswered)d of %(total)d criteria unanswered)"
        )
    audit.record(
        actor=actor,
        action=AuditRecord.Action.SUBMITTED,
        obj=evaluation,
        before=before,
        after=audit.snapshot(evaluation),
        agency=evaluation.agency_id,
        description=describe(evaluation, sent, unanswered=len(unanswered), total=len(answers)),
    )
    return evaluation


@transaction.atomic
def finalise(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """Close the evaluation with its score: refused while any criterion is unanswered (listed)."""
    evaluation = locked(evaluation)
    ensure(may_evaluate(actor, evaluation.agency), gettext("Only the inspectorate finalises the evaluation."))
    if evaluation.state != Evaluation.State.UNDER_EVALUATION:
        raise ValidationError(gettext("Only an evaluation under evaluation can be finalised."))
    result = selectors.worksheet_of(evaluation).result
    if not result.complete:
        count = len(result.unanswered)
        raise ValidationError(
            ngettext(
                "%(count)d criterion is not answered by the evaluator yet: %(codes)s.",
                "%(count)d criteria are not answered by the evaluator yet: %(codes)s.",
                count,
            )
            % {"count": count, "codes": ", ".join(result.unanswered)}
        )
    before = audit.snapshot(evaluation)
    total = result.total
    evaluation.total_score, evaluation.predicate = total, result.predicate[0]
    evaluation.state, evaluation.finalised_at, evaluation.finalised_by = (Evaluation.State.FINAL, timezone.now(), actor)
    evaluation.save()
    audit.record(
        actor=actor,
        action=AuditRecord.Action.CHANGED,
        obj=evaluation,
        before=before,
        after=audit.snapshot(evaluation),
        agency=evaluation.agency_id,
        description=describe(
            evaluation,
            gettext_noop("finalised, score %(total)s (%(predicate)s %(meaning)s)"),
            total=f"{total:f}",
            predicate=result.predicate[0],
            meaning=result.predicate[1],
        ),
    )
    feed_indicators(actor, evaluation, total, result.predicate)
    for answer in evaluation.answers.exclude(recommendation="").select_related("criterion"):
        follow_up = FollowUp.objects.create(answer=answer)
        audit.record_change(
            actor=actor,
            obj=follow_up,
            before=None,
            agency=evaluation.agency_id,
            description=describe(
                evaluation,
                gettext_noop("recommendation of criterion %(code)s made a follow-up"),
                code=answer.criterion.code,
            ),
        )
    return evaluation
