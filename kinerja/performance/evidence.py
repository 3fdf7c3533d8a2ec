"""Evidence files of actuals: checked for what they really are, stored under generated names, recorded in the
audit trail. Part of the one door of `performance.services` (which re-exports these functions): who may enter
the actual, in an open quarter, while it is editable."""

from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.core.periods import quarter_label

from . import region_keys
from .models import Actual, Evidence
from .rules import ensure_may_enter
from .workflow import ensure_editable, ensure_period_open


def evidence_description(evidence: Evidence, action: str) -> str:
    actual = evidence.actual
    with audit.in_record_language():
        text = gettext("Evidence «%(name)s» of the actual of %(quarter)s %(year)s of indicator %(code)s %(action)s")
        return text % {
            "name": evidence.original_name,
            "quarter": quarter_label(actual.quarter),
            "year": actual.year,
            "code": actual.indicator.code,
            "action": AuditRecord.Action(action).label,
        }


def _ensure_evidence_writable(actor: Actor, actual: Actual) -> None:
    """Evidence is part of the actual: who may enter it, in an open quarter, while it is editable (the system,
    `actor` None, is the trusted path)."""
    if actor is None:
        return
    ensure_may_enter(actor, actual.indicator)
    ensure_period_open(actual.indicator, actual.year, actual.quarter)
    # the state as it is now, under a row lock (the caller's object may be older than a submit or a verify)
    ensure_editable(Actual.objects.select_for_update().only("pk", "status").get(pk=actual.pk))


@transaction.atomic
def add_evidence(*, actor: Actor, actual: Actual, name: str, content: bytes, is_example: bool = False) -> Evidence:
    """Store one evidence file under var/ with a generated name, after checking what it really is
    (`kinerja.core.stored_files`: both the stored name and the name it is shown and downloaded under carry the
    extension of what it is, never the uploader's — `laporan.html` holding a PDF is kept as `laporan.pdf`)."""
    _ensure_evidence_writable(actor, actual)
    checked = stored_files.checked_file(name, content)
    evidence = Evidence(actual=actual, is_example=is_example, uploaded_by=actor)
    region_keys.place_evidence(evidence, actual)
    evidence.put_file(checked)
    evidence.full_clean()
    evidence.save()
    indicator = actual.indicator
    audit.record_change(
        actor=actor,
        obj=evidence,
        before=None,
        agency=indicator.plan.agency_id,
        about=indicator,
        description=evidence_description(evidence, AuditRecord.Action.CREATED),
    )
    return evidence


@transaction.atomic
def remove_evidence(*, actor: Actor, evidence: Evidence, note: str = "") -> None:
    """Remove one evidence file: the row and the stored file. The removal is recorded with what was removed."""
    _ensure_evidence_writable(actor, evidence.actual)
    indicator = evidence.actual.indicator
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=evidence,
        before=audit.snapshot(evidence),
        after=None,
        agency=indicator.plan.agency_id,
        about=indicator,
        note=note,
        description=evidence_description(evidence, AuditRecord.Action.DELETED),
    )
    stored = evidence.file
    evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
