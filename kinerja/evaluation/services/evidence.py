"""Evidence of an answer or of a follow-up: a file (checked and stored like performance evidence) or a link to a
page of Kinerja."""

from django.core.exceptions import ValidationError
from django.db import transaction

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
            raise ValidationError("Penilaian mandiri sudah dikirim; bukti tidak dapat diubah lagi.")
        return evaluation, f"kriteria {answer.criterion.code}"
    evaluation = locked(follow_up.answer.evaluation)
    if follow_up.state == FollowUp.State.DONE:
        raise ValidationError("Tindak lanjut ini sudah dinyatakan selesai.")
    return evaluation, f"tindak lanjut kriteria {follow_up.answer.criterion.code}"


@transaction.atomic
def add_evidence_file(
    *, actor: Actor, name: str, content: bytes, answer: Answer | None = None, follow_up: FollowUp | None = None
) -> EvaluationEvidence:
    """A file, checked and stored like performance evidence (`kinerja.core.stored_files`: kind from the content,
    size limit, a generated stored name; shown and downloaded under the uploader's name with the detected kind's
    extension — `laporan.html` holding a PDF is `laporan.pdf`)."""
    evaluation, place = _evidence_owner(answer, follow_up)
    ensure(
        may_prepare(actor, evaluation.agency), "Hanya perencana atau kepala perangkat daerah yang menambahkan bukti."
    )
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
        description=describe(evaluation, f"bukti «{evidence.original_name}» {place} ditambahkan"),
    )
    return evidence


@transaction.atomic
def add_evidence_link(
    *, actor: Actor, key: str, answer: Answer | None = None, follow_up: FollowUp | None = None
) -> EvaluationEvidence:
    """A page or document of Kinerja picked from `links.LINKS`."""
    evaluation, place = _evidence_owner(answer, follow_up)
    ensure(
        may_prepare(actor, evaluation.agency), "Hanya perencana atau kepala perangkat daerah yang menambahkan bukti."
    )
    if key not in LINKS:
        raise ValidationError({"link": "Pilih halaman Kinerja dari daftar."})
    evidence = EvaluationEvidence(answer=answer, follow_up=follow_up, link=key, uploaded_by=actor)
    evidence.full_clean()
    evidence.save()
    audit.record_change(
        actor=actor,
        obj=evidence,
        before=None,
        agency=evaluation.agency_id,
        description=describe(evaluation, f"tautan «{link_label(key)}» {place} ditambahkan"),
    )
    return evidence


@transaction.atomic
def remove_evidence(*, actor: Actor, evidence: EvaluationEvidence) -> None:
    evaluation, place = _evidence_owner(evidence.answer, evidence.follow_up)
    ensure(may_prepare(actor, evaluation.agency), "Hanya perencana atau kepala perangkat daerah yang menghapus bukti.")
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=evidence,
        before=audit.snapshot(evidence),
        after=None,
        agency=evaluation.agency_id,
        description=describe(evaluation, f"bukti «{evidence}» {place} dihapus"),
    )
    stored = evidence.file
    evidence.delete()
    if stored:
        transaction.on_commit(lambda: stored.delete(save=False))
