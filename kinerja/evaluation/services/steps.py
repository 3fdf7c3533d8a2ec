"""The evaluation's steps: started with a worksheet, the self-assessment sent to the inspectorate, finalised with its
score (which feeds the indicators, `feeding`, and turns recommendations into follow-ups)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

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
        "Hanya perencana/kepala perangkat daerah atau inspektorat yang memulai evaluasi SAKIP.",
    )
    if Evaluation.objects.filter(agency=agency, year=year).exists():
        raise ValidationError(f"Evaluasi SAKIP tahun {year} sudah ada.")
    version = version or WorksheetVersion.objects.order_by("-code").first()
    if version is None:
        raise ValidationError("Belum ada lembar kerja evaluasi; muat dengan perintah load_worksheet.")
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
        description=describe(evaluation, f"dimulai dengan lembar kerja {version.code} ({len(criteria)} kriteria)"),
    )
    return evaluation


class IncompleteSelfAssessment(ValidationError):
    """Sending a self-assessment with unanswered criteria without the sender's explicit confirmation."""

    def __init__(self, *, unanswered: list[str], total: int) -> None:
        self.unanswered, self.total = unanswered, total
        super().__init__(incomplete_message(len(unanswered), total), code="incomplete")


def incomplete_message(unanswered: int, total: int) -> str:
    return (
        f"{unanswered} dari {total} kriteria penilaian mandiri belum dijawab. Kirim juga hanya bila Anda "
        "menyatakannya: setelah dikirim, jawaban tidak dapat diubah lagi."
    )


@transaction.atomic
def submit_self_assessment(*, actor: Actor, evaluation: Evaluation, send_incomplete: bool = False) -> Evaluation:
    """The self-assessment goes to the inspectorate: from now on only the evaluator writes. Refused
    (`IncompleteSelfAssessment`) while criteria are unanswered, unless the sender confirms sending it incomplete."""
    evaluation = locked(evaluation)
    ensure(
        may_prepare(actor, evaluation.agency) or may_evaluate(actor, evaluation.agency),
        "Hanya perencana/kepala perangkat daerah atau inspektorat yang mengirim penilaian mandiri.",
    )
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        raise ValidationError("Penilaian mandiri sudah dikirim.")
    answers = list(evaluation.answers.values_list("criterion__code", "self_answer"))
    unanswered = [code for code, letter in answers if scoring.is_unanswered(letter)]
    if unanswered and not send_incomplete:
        raise IncompleteSelfAssessment(unanswered=unanswered, total=len(answers))
    before = audit.snapshot(evaluation)
    evaluation.state = Evaluation.State.UNDER_EVALUATION
    evaluation.save(update_fields=["state", "updated_at"])
    sent = "penilaian mandiri dikirim ke inspektorat"
    if unanswered:
        sent += f" ({len(unanswered)} dari {len(answers)} kriteria belum dijawab)"
    audit.record(
        actor=actor,
        action=AuditRecord.Action.SUBMITTED,
        obj=evaluation,
        before=before,
        after=audit.snapshot(evaluation),
        agency=evaluation.agency_id,
        description=describe(evaluation, sent),
    )
    return evaluation


@transaction.atomic
def finalise(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """Close the evaluation with its score: refused while any criterion is unanswered (listed)."""
    evaluation = locked(evaluation)
    ensure(may_evaluate(actor, evaluation.agency), "Hanya inspektorat yang menetapkan hasil evaluasi.")
    if evaluation.state != Evaluation.State.UNDER_EVALUATION:
        raise ValidationError("Hanya evaluasi yang sedang dievaluasi yang dapat ditetapkan final.")
    result = selectors.worksheet_of(evaluation).result
    if not result.complete:
        raise ValidationError(
            f"Masih ada {len(result.unanswered)} kriteria yang belum dijawab evaluator: {', '.join(result.unanswered)}."
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
            evaluation, f"ditetapkan final, nilai {total:f} ({result.predicate[0]} {result.predicate[1]})"
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
            description=describe(evaluation, f"rekomendasi kriteria {answer.criterion.code} menjadi tindak lanjut"),
        )
    return evaluation
