"""Every write of a SAKIP evaluation: checked, permitted by `kinerja.accounts.access`, in one transaction, audited.

Who does what: the agency's planner or head prepares the self-assessment (answers, notes, evidence) and sends it;
only the inspectorate of the region answers as evaluator, and finalises; a final evaluation writes the score as
the quarter-4 actual of every indicator of the agency fed by the evaluation (`Indicator.fed_by`), through
`performance.services.feed_actual` (its named trusted path), with a link to the evaluation's result page as its
evidence (`performance.Evidence.link`), and turns every recommendation into a follow-up item.
"""

import hashlib
import secrets
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.access import may_evaluate, may_read_evaluation_secrets, reach_of
from kinerja.core import audit, stored_files
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Agency
from kinerja.performance import services as performance
from kinerja.performance.models import Actual, Evidence
from kinerja.strategy.models import Indicator

from . import scoring, selectors
from .links import LINKS, link_label
from .models import Answer, Evaluation, EvaluationEvidence, FollowUp, WorksheetVersion

FED_BY = "evaluasi-sakip"
FED_QUARTER = 4  # a yearly score: the actual of quarter 4, the year's figure of a `last` (or `sum`) indicator
TEXT_MAX = 4000
NOT_FOUND = "Halaman ini tidak ditemukan."


# -- who ---------------------------------------------------------------------------------------------------


def may_prepare(user: object, agency: Agency) -> bool:
    """Prepares the agency's self-assessment: its planner (admin perencanaan) or its head."""
    reach = reach_of(user)
    return agency.pk in reach.planned or agency.pk in reach.headed


def may_see_verdict(user: object, evaluation: Evaluation) -> bool:
    """Sees the evaluator's answers, notes, recommendations and scores (the rule: accounts.access)."""
    return may_read_evaluation_secrets(user, evaluation.agency, final=evaluation.is_final)


def _ensure(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > TEXT_MAX:
        raise ValidationError({field: f"Paling panjang {TEXT_MAX} karakter (tertulis {len(value)})."})
    return value


def _letter(value: str, field: str, *, required: bool) -> str:
    letter = (value or "").strip().upper()
    if not letter:
        if required:
            raise ValidationError({field: f"Pilih jawaban: {', '.join(scoring.ANSWERS)}."})
        return ""
    if letter not in scoring.ANSWER_VALUES:
        raise ValidationError({field: scoring.not_allowed_message(value)})
    return letter


def _describe(evaluation: Evaluation, what: str) -> str:
    with audit.in_record_language():
        return f"Evaluasi SAKIP {evaluation.year}: {what}"


# -- the evaluation ----------------------------------------------------------------------------------------


@transaction.atomic
def start_evaluation(*, actor: Actor, agency: Agency, year: int, version: WorksheetVersion | None = None) -> Evaluation:
    """Open the evaluation of a year with the newest worksheet (or the one given): one answer row per criterion."""
    _ensure(
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
        description=_describe(evaluation, f"dimulai dengan lembar kerja {version.code} ({len(criteria)} kriteria)"),
    )
    return evaluation


def _locked(evaluation: Evaluation) -> Evaluation:
    return Evaluation.objects.select_for_update().select_related("agency", "version").get(pk=evaluation.pk)


@transaction.atomic
def save_self_assessment(*, actor: Actor, answer: Answer, self_answer: str, self_note: str = "") -> Answer:
    evaluation = _locked(answer.evaluation)
    _ensure(
        may_prepare(actor, evaluation.agency),
        "Hanya perencana atau kepala perangkat daerah yang mengisi penilaian mandiri.",
    )
    if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
        raise ValidationError("Penilaian mandiri sudah dikirim ke inspektorat; tidak dapat diubah lagi.")
    before = audit.snapshot(answer)
    answer.self_answer = _letter(self_answer, "self_answer", required=False)
    answer.self_note = _text(self_note, "self_note")
    answer.save(update_fields=["self_answer", "self_note", "updated_at"])
    audit.record_change(
        actor=actor,
        obj=answer,
        before=before,
        agency=evaluation.agency_id,
        description=_describe(evaluation, f"penilaian mandiri kriteria {answer.criterion.code}"),
    )
    return answer


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
    evaluation = _locked(evaluation)
    _ensure(
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
        description=_describe(evaluation, sent),
    )
    return evaluation


@transaction.atomic
def save_evaluator_answer(
    *, actor: Actor, answer: Answer, value: str, note: str = "", recommendation: str = ""
) -> Answer:
    """The evaluator's answer to one criterion (AA … E, nothing else), note and recommendation."""
    evaluation = _locked(answer.evaluation)
    _ensure(may_evaluate(actor, evaluation.agency), "Hanya inspektorat yang menjawab sebagai evaluator.")
    if evaluation.state != Evaluation.State.UNDER_EVALUATION:
        raise ValidationError("Evaluasi ini tidak sedang dievaluasi; jawaban evaluator tidak dapat diubah.")
    before = audit.snapshot(answer)
    answer.answer = _letter(value, "answer", required=True)
    answer.note = _text(note, "note")
    answer.recommendation = _text(recommendation, "recommendation")
    answer.answered_by = actor
    answer.save(update_fields=["answer", "note", "recommendation", "answered_by", "updated_at"])
    audit.record_change(
        actor=actor,
        obj=answer,
        before=before,
        agency=evaluation.agency_id,
        description=_describe(evaluation, f"jawaban evaluator kriteria {answer.criterion.code}"),
    )
    return answer


@transaction.atomic
def finalise(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """Close the evaluation with its score: refused while any criterion is unanswered (listed)."""
    evaluation = _locked(evaluation)
    _ensure(may_evaluate(actor, evaluation.agency), "Hanya inspektorat yang menetapkan hasil evaluasi.")
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
        description=_describe(
            evaluation, f"ditetapkan final, nilai {total:f} ({result.predicate[0]} {result.predicate[1]})"
        ),
    )
    _feed_indicators(actor, evaluation, total, result.predicate)
    for answer in evaluation.answers.exclude(recommendation="").select_related("criterion"):
        follow_up = FollowUp.objects.create(answer=answer)
        audit.record_change(
            actor=actor,
            obj=follow_up,
            before=None,
            agency=evaluation.agency_id,
            description=_describe(evaluation, f"rekomendasi kriteria {answer.criterion.code} menjadi tindak lanjut"),
        )
    return evaluation


def fed_indicators(agency: Agency, year: int) -> list[Indicator]:
    return list(
        Indicator.objects.filter(
            plan__agency=agency, fed_by=FED_BY, plan__first_year__lte=year, plan__last_year__gte=year
        ).select_related("plan__agency")
    )


def result_url(evaluation: Evaluation) -> str:
    return reverse("evaluation-result", args=[evaluation.agency.code, evaluation.year])


def _feed_indicators(actor: Actor, evaluation: Evaluation, total: Decimal, predicate: tuple[str, str]) -> None:
    """The score becomes the quarter-4 actual of each fed indicator, with the result page as its evidence."""
    url = result_url(evaluation)
    for indicator in fed_indicators(evaluation.agency, evaluation.year):
        existing = Actual.objects.filter(
            indicator=indicator, year=evaluation.year, quarter=FED_QUARTER, is_example=True
        ).first()
        if existing is not None:  # an invented example figure gives way to the real score
            audit.record(
                actor=actor,
                action=AuditRecord.Action.DELETED,
                obj=existing,
                before=audit.snapshot(existing),
                after=None,
                agency=evaluation.agency_id,
                about=indicator,
                description=performance.actual_description(existing, AuditRecord.Action.DELETED),
            )
            existing.delete()
        actual = performance.feed_actual(
            actor=actor,
            indicator=indicator,
            year=evaluation.year,
            quarter=FED_QUARTER,
            value=total,
            source=FED_BY,
            note=f"Nilai hasil evaluasi SAKIP tahun {evaluation.year} oleh Inspektorat: {total:f} "
            f"({predicate[0]}, {predicate[1]}).",
        )
        evidence = Evidence(
            actual=actual,
            link=url,
            stored_name=f"tautan-{secrets.token_hex(16)}",
            original_name=f"Hasil evaluasi SAKIP {evaluation.year}",
            kind="tautan",
            content_type="text/uri-list",
            size=0,
            sha256=hashlib.sha256(url.encode()).hexdigest(),
            uploaded_by=actor,
        )
        evidence.full_clean()
        evidence.save()
        audit.record_change(
            actor=actor,
            obj=evidence,
            before=None,
            agency=evaluation.agency_id,
            about=indicator,
            description=performance.evidence_description(evidence, AuditRecord.Action.CREATED),
        )


# -- evidence ----------------------------------------------------------------------------------------------


def _evidence_owner(answer: Answer | None, follow_up: FollowUp | None) -> tuple[Evaluation, str]:
    if (answer is None) == (follow_up is None):
        raise ValueError("evidence belongs to an answer or to a follow-up")
    if answer is not None:
        evaluation = _locked(answer.evaluation)
        if evaluation.state != Evaluation.State.SELF_ASSESSMENT:
            raise ValidationError("Penilaian mandiri sudah dikirim; bukti tidak dapat diubah lagi.")
        return evaluation, f"kriteria {answer.criterion.code}"
    evaluation = _locked(follow_up.answer.evaluation)
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
    _ensure(
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
        description=_describe(evaluation, f"bukti «{evidence.original_name}» {place} ditambahkan"),
    )
    return evidence


@transaction.atomic
def add_evidence_link(
    *, actor: Actor, key: str, answer: Answer | None = None, follow_up: FollowUp | None = None
) -> EvaluationEvidence:
    """A page or document of Kinerja picked from `links.LINKS`."""
    evaluation, place = _evidence_owner(answer, follow_up)
    _ensure(
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
        description=_describe(evaluation, f"tautan «{link_label(key)}» {place} ditambahkan"),
    )
    return evidence


@transaction.atomic
def remove_evidence(*, actor: Actor, evidence: EvaluationEvidence) -> None:
    evaluation, place = _evidence_owner(evidence.answer, evidence.follow_up)
    _ensure(may_prepare(actor, evaluation.agency), "Hanya perencana atau kepala perangkat daerah yang menghapus bukti.")
    audit.record(
        actor=actor,
        action=AuditRecord.Action.DELETED,
        obj=evidence,
        before=audit.snapshot(evidence),
        after=None,
        agency=evaluation.agency_id,
        description=_describe(evaluation, f"bukti «{evidence}» {place} dihapus"),
    )
    stored = evidence.file
    evidence.delete()
    if stored:
        transaction.on_commit(lambda: stored.delete(save=False))


# -- follow-up ---------------------------------------------------------------------------------------------


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
    _ensure(
        may_prepare(actor, evaluation.agency),
        "Hanya perencana atau kepala perangkat daerah yang menjawab tindak lanjut.",
    )
    if follow_up.state == FollowUp.State.DONE:
        raise ValidationError("Tindak lanjut ini sudah dinyatakan selesai.")
    action = _text(action, "action")
    if not action:
        raise ValidationError({"action": "Tuliskan apa yang sudah dilakukan."})
    before = audit.snapshot(follow_up)
    follow_up.action, follow_up.state, follow_up.changed_by = action, FollowUp.State.ANSWERED, actor
    follow_up.save()
    audit.record_change(
        actor=actor,
        obj=follow_up,
        before=before,
        agency=evaluation.agency_id,
        description=_describe(evaluation, f"tindak lanjut kriteria {follow_up.answer.criterion.code} dijawab"),
    )
    return follow_up


@transaction.atomic
def mark_follow_up(*, actor: Actor, follow_up: FollowUp, done: bool, note: str = "") -> FollowUp:
    """The inspectorate marks a follow-up done or not done."""
    follow_up = _locked_follow_up(follow_up)
    evaluation = follow_up.answer.evaluation
    _ensure(may_evaluate(actor, evaluation.agency), "Hanya inspektorat yang menilai tindak lanjut.")
    before = audit.snapshot(follow_up)
    follow_up.state = FollowUp.State.DONE if done else FollowUp.State.NOT_DONE
    follow_up.evaluator_note, follow_up.changed_by = _text(note, "evaluator_note"), actor
    follow_up.save()
    with audit.in_record_language():
        state = str(follow_up.get_state_display()).lower()
    audit.record_change(
        actor=actor,
        obj=follow_up,
        before=before,
        agency=evaluation.agency_id,
        description=_describe(
            evaluation, f"tindak lanjut kriteria {follow_up.answer.criterion.code} dinyatakan {state}"
        ),
    )
    return follow_up
