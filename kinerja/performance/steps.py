"""The state rule of what an official enters and a superior verifies — an actual (`performance.workflow`) and an
action's progress (`actionplans.progress`): one rule, both use it.

draft → submitted (by the official who entered it) → verified (by a superior of a position whose IKI page prints
the indicator, never the person who entered it); submitted → draft again when the superior returns it with a
reason; verified → draft when a superior or the agency's planner reopens it with a reason. Who may asks
`accounts.access` only. Each kind of entry names itself in its refusals (`Texts`); the closed quarter and the row
lock stay with the service of each kind, which calls `check_step` and then `apply_step` between them.

An entry is a model with the columns `status` (`Status`), `status_reason`, `entered_by`, `verified_by` and
`verified_at`.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from kinerja.accounts.access import may_plan, may_verify
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.strategy.models import Indicator, PageIndicator

REASON_MAX = 2000
SUBMIT, VERIFY, RETURN, REOPEN = "submit", "verify", "return", "reopen"


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    SUBMITTED = "submitted", gettext_lazy("Submitted")
    VERIFIED = "verified", gettext_lazy("Verified")


# step: (the state it starts from, the state it leads to, what the audit trail calls it)
STEPS = {
    SUBMIT: (Status.DRAFT, Status.SUBMITTED, AuditRecord.Action.SUBMITTED),
    VERIFY: (Status.SUBMITTED, Status.VERIFIED, AuditRecord.Action.VERIFIED),
    RETURN: (Status.SUBMITTED, Status.DRAFT, AuditRecord.Action.RETURNED),
    REOPEN: (Status.VERIFIED, Status.DRAFT, AuditRecord.Action.REOPENED),
}


@dataclass(frozen=True)
class Texts:
    """What the refusals say about one kind of entry (lazy texts: translated when raised)."""

    not_entered_by: str  # a submit by someone else than who entered it
    not_verifier: str  # a verify, return or reopen by someone who is not a superior
    submitted_already: str  # submit of something not a draft
    verified_already: str  # verify of something verified
    not_submitted: str  # verify of a draft
    return_not_submitted: str
    reopen_not_verified: str
    not_editable_verified: str  # a change of something verified
    not_editable_submitted: str  # a change of something waiting for verification


def printing_positions(indicator: Indicator) -> list[int]:
    """The positions whose IKI pages print the indicator (1 query): their superiors verify what is entered for it."""
    return list(PageIndicator.objects.filter(indicator=indicator).values_list("position_id", flat=True))


def check_verifier(actor: Actor, indicator: Indicator, entered_by_id: int | None, texts: Texts) -> None:
    if not may_verify(actor, set(printing_positions(indicator)), entered_by_id):
        raise PermissionDenied(str(texts.not_verifier))


def check_step(*, actor: Actor, step: str, entry: models.Model, indicator: Indicator, texts: Texts) -> None:
    """Who may take `step` with `entry`, and whether its state allows it: PermissionDenied or ValidationError."""
    entered_by_id = entry.entered_by_id  # type: ignore[attr-defined]
    if step == SUBMIT:
        if entered_by_id != getattr(actor, "pk", None):
            raise PermissionDenied(str(texts.not_entered_by))
    elif not (step == REOPEN and may_plan(actor, indicator.plan.agency)):
        check_verifier(actor, indicator, entered_by_id, texts)
    status = entry.status  # type: ignore[attr-defined]
    source = STEPS[step][0]
    if status == source:
        return
    refusal = {
        SUBMIT: texts.submitted_already,
        VERIFY: texts.verified_already if status == Status.VERIFIED else texts.not_submitted,
        RETURN: texts.return_not_submitted,
        REOPEN: texts.reopen_not_verified,
    }[step]
    raise ValidationError(str(refusal))


def checked_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Write the reason.")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": gettext("The reason is at most %(max)d characters.") % {"max": REASON_MAX}})
    return reason


def apply_step(*, actor: Actor, step: str, entry: models.Model, reason: str = "") -> list[str]:
    """Move `entry` to the state `step` leads to (after `check_step`); the columns to save are returned."""
    entry.status = STEPS[step][1]  # type: ignore[attr-defined]
    fields = ["status", "updated_at"]
    if step == VERIFY:
        entry.verified_by, entry.verified_at = actor, timezone.now()  # type: ignore[attr-defined]
        fields += ["verified_by", "verified_at"]
    if step in (RETURN, REOPEN):
        entry.status_reason = checked_reason(reason)  # type: ignore[attr-defined]
        fields.append("status_reason")
    if step == REOPEN:
        entry.verified_by, entry.verified_at = None, None  # type: ignore[attr-defined]
        fields += ["verified_by", "verified_at"]
    return fields


def audit_action(step: str) -> str:
    return STEPS[step][2]


def is_draft(entry: models.Model | None) -> bool:
    """Whether something entered may still be typed and corrected: new, or a draft (returned, reopened)."""
    return entry is None or not entry.pk or entry.status == Status.DRAFT  # type: ignore[attr-defined]


def ensure_draft(entry: models.Model | None, texts: Texts) -> None:
    """Something entered is typed and corrected only as a draft (new, or returned, or reopened)."""
    if is_draft(entry):
        return
    assert entry is not None
    if entry.status == Status.VERIFIED:  # type: ignore[attr-defined]
        raise ValidationError(str(texts.not_editable_verified))
    raise ValidationError(str(texts.not_editable_submitted))
