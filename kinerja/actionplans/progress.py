"""The one door of an action's progress (Terlaksana / Terlaksana sebagian / Tidak terlaksana): record it with a note,
attach and remove evidence, submit, verify, return and reopen it.

Who enters it is who enters the indicator's actuals (`performance.rules.ensure_may_enter`: the official holding,
definitively or acting, a position whose IKI page prints the indicator); the state rule — who submits, verifies,
returns or reopens, from which state — is the actuals' own (`performance.steps`), and a closed quarter of the
agency refuses every change, a verification included (`performance.workflow.ensure_period_open`). Every write is
recorded in the audit trail on the indicator's history. `actor` None is the system (the example data).
"""

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import quarter_label
from kinerja.performance import steps
from kinerja.performance.rules import ensure_may_enter, ensure_may_import
from kinerja.performance.steps import Status
from kinerja.performance.workflow import ensure_period_open

from .models import ActionItem, ActionProgress, ProgressEvidence

TEXTS = steps.Texts(
    not_entered_by=gettext_lazy("Only the official who entered this progress submits it."),
    not_verifier=gettext_lazy("Only a superior of the official who entered this progress verifies it."),
    submitted_already=gettext_lazy("This progress has already been submitted."),
    verified_already=gettext_lazy("This progress is already verified."),
    not_submitted=gettext_lazy("This progress has not been submitted for verification."),
    return_not_submitted=gettext_lazy("Only progress waiting for verification can be returned."),
    reopen_not_verified=gettext_lazy("Only verified progress can be reopened."),
    not_editable_verified=gettext_lazy(
        "This progress is verified; it cannot be changed before it is returned or reopened."
    ),
    not_editable_submitted=gettext_lazy(
        "This progress is waiting for verification; it cannot be changed before it is returned or reopened."
    ),
)


def _describe(what: str, action: ActionItem, **values: str) -> str:
    """The audit description in the record language: `what` is marked with gettext_noop."""
    with audit.in_record_language():
        return gettext(what) % {
            "indicator": action.indicator.code,
            "year": action.year,
            "quarter": quarter_label(action.quarter),
            **values,
        }


def _record(actor: Actor, kind: str, obj, before, action: ActionItem, description: str, note: str = "") -> None:
    after = None if kind == AuditRecord.Action.DELETED else audit.snapshot(obj)
    audit.record(
        actor=actor,
        action=kind,
        obj=obj,
        before=before,
        after=after,
        agency=action.indicator.plan.agency_id,
        about=action.indicator,
        note=note,
        description=description,
    )


def _locked_action(action: ActionItem) -> ActionItem:
    return (
        ActionItem.objects.select_for_update(of=("self",)).select_related("indicator__plan__agency").get(pk=action.pk)
    )


def _locked(progress: ActionProgress) -> ActionProgress:
    return (
        ActionProgress.objects.select_for_update(of=("self",))
        .select_related("action__indicator__plan__agency")
        .get(pk=progress.pk)
    )


def _ensure_open(action: ActionItem) -> None:
    ensure_period_open(action.indicator, action.year, action.quarter)


@transaction.atomic
def record_progress(
    *,
    actor: Actor,
    action: ActionItem,
    outcome: str,
    note: str = "",
    is_example: bool = False,
    imported: bool = False,
) -> ActionProgress:
    """Write (or correct, while it is a draft) how far `action` was carried out in its quarter. `is_example`: the
    example-data command (the system, `actor` None) writes invented progress, loaded verified as example actuals
    are, and removes it again. `imported`: it comes through the agency's file, whose who-may is the actuals'
    import's (`rules.ensure_may_import`: also the administrator bringing recorded history)."""
    example = is_example and actor is None
    action = _locked_action(action)
    progress = ActionProgress.objects.select_for_update().filter(action=action).first()
    if not example:
        (ensure_may_import if imported else ensure_may_enter)(actor, action.indicator)
        _ensure_open(action)
        steps.ensure_draft(progress, TEXTS)
    before = audit.snapshot(progress) if progress is not None else None
    if progress is None:
        progress = ActionProgress(action=action)
    progress.outcome, progress.note = outcome, (note or "").strip()
    progress.entered_by, progress.is_example = actor, example
    progress.status = Status.VERIFIED if example else Status.DRAFT
    progress.full_clean()
    progress.save()
    what = gettext_noop("Progress of an action of %(indicator)s, %(year)s %(quarter)s: %(outcome)s")
    description = _describe(what, action, outcome=str(progress.get_outcome_display()))
    kind = AuditRecord.Action.CREATED if before is None else AuditRecord.Action.CHANGED
    _record(actor, kind, progress, before, action, description)
    return progress


def _step(actor: Actor, step: str, progress: ActionProgress, reason: str = "") -> ActionProgress:
    progress = _locked(progress)
    action = progress.action
    steps.check_step(actor=actor, step=step, entry=progress, indicator=action.indicator, texts=TEXTS)
    _ensure_open(action)
    before = audit.snapshot(progress)
    progress.save(update_fields=steps.apply_step(actor=actor, step=step, entry=progress, reason=reason))
    kind = steps.audit_action(step)
    what = gettext_noop("Progress of an action of %(indicator)s, %(year)s %(quarter)s %(step)s")
    with audit.in_record_language():
        label = str(AuditRecord.Action(kind).label)
    note = progress.status_reason if step in (steps.RETURN, steps.REOPEN) else ""
    _record(actor, kind, progress, before, action, _describe(what, action, step=label), note)
    return progress


@transaction.atomic
def submit_progress(*, actor: Actor, progress: ActionProgress) -> ActionProgress:
    return _step(actor, steps.SUBMIT, progress)


@transaction.atomic
def verify_progress(*, actor: Actor, progress: ActionProgress) -> ActionProgress:
    return _step(actor, steps.VERIFY, progress)


@transaction.atomic
def return_progress(*, actor: Actor, progress: ActionProgress, reason: str) -> ActionProgress:
    """Back to the official as a draft, with the reason they must read."""
    return _step(actor, steps.RETURN, progress, reason)


@transaction.atomic
def reopen_progress(*, actor: Actor, progress: ActionProgress, reason: str) -> ActionProgress:
    """Verified progress becomes a draft again, by a superior or the agency's planner, with a reason."""
    return _step(actor, steps.REOPEN, progress, reason)


def _ensure_evidence_writable(actor: Actor, progress: ActionProgress) -> ActionProgress:
    """Evidence is part of the progress: who may enter it, in an open quarter, while it is a draft."""
    progress = _locked(progress)
    ensure_may_enter(actor, progress.action.indicator)
    _ensure_open(progress.action)
    steps.ensure_draft(progress, TEXTS)
    return progress


@transaction.atomic
def add_progress_evidence(
    *, actor: Actor, progress: ActionProgress, name: str, content: bytes, is_example: bool = False
) -> ProgressEvidence:
    """Store one evidence file, checked for what it really is (`core.stored_files`, the rules of an actual's
    evidence: size, kinds, generated names)."""
    progress = _ensure_evidence_writable(actor, progress)
    checked = stored_files.checked_file(name, content)
    evidence = ProgressEvidence(progress=progress, is_example=is_example, uploaded_by=actor)
    evidence.put_file(checked)
    evidence.full_clean()
    evidence.save()
    what = gettext_noop("Evidence «%(name)s» of the progress of an action of %(indicator)s, %(year)s %(quarter)s added")
    description = _describe(what, progress.action, name=evidence.original_name)
    _record(actor, AuditRecord.Action.CREATED, evidence, None, progress.action, description)
    return evidence


@transaction.atomic
def remove_progress_evidence(*, actor: Actor, evidence: ProgressEvidence) -> None:
    progress = _ensure_evidence_writable(actor, evidence.progress)
    evidence = ProgressEvidence.objects.select_for_update().get(pk=evidence.pk, progress=progress)
    what = gettext_noop(
        "Evidence «%(name)s» of the progress of an action of %(indicator)s, %(year)s %(quarter)s removed"
    )
    description = _describe(what, progress.action, name=evidence.original_name)
    _record(actor, AuditRecord.Action.DELETED, evidence, audit.snapshot(evidence), progress.action, description)
    stored = evidence.file
    evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
