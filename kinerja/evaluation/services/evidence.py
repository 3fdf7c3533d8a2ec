"""Evidence of an answer or of a follow-up: a file (checked and stored like performance evidence) or a link to a
page of Kinerja."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord

from ..links import LINKS, link_label
from ..models import Answer, Evaluation, EvaluationEvidence, FollowUp
from .rules import describe, ensure, locked, may_prepare


def _evidence_owner(answer: Answer | None, follow_up: FollowUp | None) -> tuple[Evaluation, str]:
    if (answer is None) == (follow_up is None):
        raise ValueError("evidence belongs to an answer or to a follow-up")
    if answer is not None:
        evaluation = locked(answer.evaluation)
        if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
            raise ValidationError(gettext("The self-assessment has been sent; its evidence can no longer be changed."))
        with audit.in_record_language():  # a part of the audit description
            return evaluation, gettext("criterion %(code)s") % {"code": answer.criterion.code}
    evaluation = locked(follow_up.answer.evaluation)
    if follow_up.state == FollowUp.State.DONE:
        raise ValidationError(gettext("This follow-up has already been declared done."))
    with audit.in_record_language():
        return evaluation, gettext("follow-up of criterion %(code)s") % {"code": follow_up.answer.criterion.code}


@transaction.atomic
def add_evidence_file(
    *, actor: Actor, name: str, content: bytes, answer: Answer | None = None, follow_up: FollowUp | None = None
) -> EvaluationEvidence:
    """A file, checked and stored like performance evidence (`kinerja.core.stored_files`: kind from the content,
    size limit, a generated stored name; shown and downloaded under the uploader's name with the detected kind's
    extension — `laporan.html` holding a PDF is `laporan.pdf`)."""
    evaluation, place = _evidence_owner(answer, follow_up)
    ensure(may_prepare(actor, evaluation.agency), gettext("Only the planner or head of the agency adds evidence."))
    checked = stored_files.checked_file(name, content)
    evidence = EvaluationEvidence(answer=answer, follow_up=follow_up, uploaded_by=actor)
    evidence.put_file(checked)
    evidence.full_clean()
    evidence.save()
    audit.record_change(
        actor=actor,
        obj=evidence,
        before=None,
        agency=evaluation.agency_id,
        description=describe(
            evaluation,
            gettext_noop("evidence «%(name)s» added to %(place)s"),
            name=evidence.original_name,
            place=place,
        ),
    )
    return evidence


@transaction.atomic
def add_evidence_link(
    *, actor: Actor, key: str, answer: Answer | None = None, follow_up: FollowUp | None = None
) -> EvaluationEvidence:
    """A page or document of Kinerja picked from `links.LINKS`."""
    evaluation, place = _evidence_owner(answer, follow_up)
    ensure(may_prepare(actor, evaluation.agency), gettext("Only the planner or head of the agency adds evidence."))
    if key not in LINKS:
        raise ValidationError({"link": gettext("Choose a page of Kinerja from the list.")})
    evidence = EvaluationEvidence(answer=answer, follow_up=follow_up, link=key, uploaded_by=actor)
    evidence.full_clean()
    evidence.save()
    audit.record_change(
        actor=actor,
        obj=evidence,
        before=None,
        agency=evaluation.agency_id,
        description=describe(
            evaluation, gettext_noop("link «%(name)s» added to %(place)s"), name=link_label(key), place=place
        ),
    )
    return evidence


@transaction.atomic
def remove_evidence(*, actor: Actor, evidence: EvaluationEvidence) -> None:
    evaluation, place = _evidence_owner(evidence.answer, evidence.follow_up)
    ensure(may_prepare(actor, evaluation.agency), gettext("Only the planner or head of the agency removes evidence."))
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=evidence,
        before=audit.snapshot(evidence),
        after=None,
        agency=evaluation.agency_id,
        description=describe(
            evaluation, gettext_noop("evidence «%(name)s» removed from %(place)s"), name=evidence, place=place
        ),
    )
    stored = evidence.file
    evidence.delete()
    if stored:
        transaction.on_commit(lambda: stored.delete(save=False))
