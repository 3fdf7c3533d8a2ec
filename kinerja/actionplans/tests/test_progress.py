"""The one door of an action's progress: who enters it, who verifies it (the actuals' own rule), a closed quarter,
evidence files, and the audit trail it leaves."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.actionplans import progress as services
from kinerja.actionplans.models import ActionItem, ActionProgress, ProgressEvidence
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.performance.models import PeriodLock

from .helpers import YEAR, indicator_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def action(seed):
    indicator = indicator_of(seed)
    kasi = Position.objects.get(agency=seed, code="kasi-tata-kelola")
    return ActionItem.objects.create(
        indicator=indicator,
        year=YEAR,
        quarter=2,
        description="Menyusun rancangan kebijakan keamanan informasi",
        output_quantity=Decimal(1),
        output_unit="dokumen",
        responsible_position=kasi,
    )


def entered(world, action, outcome="done", note="Rancangan selesai"):
    return services.record_progress(actor=world.section_head, action=action, outcome=outcome, note=note)


def test_the_holder_enters_and_submits_and_the_superior_verifies(world, action):
    progress = entered(world, action, outcome="partly", note="Dua dari tiga bab selesai")
    assert (progress.outcome, progress.status, progress.entered_by) == ("partly", "draft", world.section_head)
    services.submit_progress(actor=world.section_head, progress=progress)
    services.verify_progress(actor=world.division_head, progress=progress)
    stored = ActionProgress.objects.get(action=action)
    assert (stored.status, stored.verified_by, stored.note) == (
        "verified",
        world.division_head,
        "Dua dari tiga bab selesai",
    )
    assert stored.get_outcome_display() == "Terlaksana sebagian"


@pytest.mark.parametrize("role", ["division_head", "secretary", "head_of_agency", "planner", "inspector", "outsider"])
def test_only_who_enters_the_indicators_actuals_enters_progress(world, action, role):
    with pytest.raises(PermissionDenied):
        services.record_progress(actor=getattr(world, role), action=action, outcome="done")
    assert not ActionProgress.objects.exists()


@pytest.mark.parametrize("role", ["section_head", "secretary", "planner", "inspector", "outsider"])
def test_only_a_superior_verifies_and_nothing_changes_for_anyone_else(world, action, role):
    progress = entered(world, action)
    services.submit_progress(actor=world.section_head, progress=progress)
    with pytest.raises(PermissionDenied):
        services.verify_progress(actor=getattr(world, role), progress=progress)
    with pytest.raises(PermissionDenied):
        services.return_progress(actor=getattr(world, role), progress=progress, reason="Kurang bukti")
    assert ActionProgress.objects.get().status == "submitted"


def test_the_head_of_agency_verifies_too_and_a_replay_is_refused(world, action):
    progress = entered(world, action)
    services.submit_progress(actor=world.section_head, progress=progress)
    services.verify_progress(actor=world.head_of_agency, progress=progress)
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        services.verify_progress(actor=world.division_head, progress=progress)


def test_a_returned_progress_is_a_draft_with_the_reason_and_can_be_corrected(world, action):
    progress = entered(world, action)
    with pytest.raises(ValidationError):
        services.verify_progress(actor=world.division_head, progress=progress)  # a draft is not verified
    services.submit_progress(actor=world.section_head, progress=progress)
    with pytest.raises(ValidationError, match="menunggu verifikasi"):
        entered(world, action, outcome="not_done")
    with pytest.raises(ValidationError):
        services.return_progress(actor=world.division_head, progress=progress, reason="  ")
    services.return_progress(actor=world.division_head, progress=progress, reason="Lampirkan notulen rapat")
    progress.refresh_from_db()
    assert (progress.status, progress.status_reason) == ("draft", "Lampirkan notulen rapat")
    entered(world, action, outcome="not_done", note="Ditunda ke triwulan III")
    assert ActionProgress.objects.get().outcome == "not_done"


def test_a_closed_quarter_refuses_entry_and_verification(world, seed, action):
    progress = entered(world, action)
    services.submit_progress(actor=world.section_head, progress=progress)
    PeriodLock.objects.create(agency=seed, year=YEAR, quarter=2, closed=True)
    with pytest.raises(ValidationError, match="ditutup"):
        services.verify_progress(actor=world.division_head, progress=progress)
    other = ActionItem.objects.create(
        indicator=action.indicator, year=YEAR, quarter=2, description="Sosialisasi", output_unit="kegiatan"
    )
    with pytest.raises(ValidationError, match="ditutup"):
        services.record_progress(actor=world.section_head, action=other, outcome="done")
    assert ActionProgress.objects.get().status == "submitted"
    assert ActionProgress.objects.count() == 1


def test_an_unknown_outcome_is_refused_on_its_field(world, action):
    with pytest.raises(ValidationError) as refused:
        entered(world, action, outcome="selesai")
    assert "outcome" in refused.value.message_dict
    assert not ActionProgress.objects.exists()


def test_the_planner_or_the_superior_reopens_verified_progress_with_a_reason(world, action):
    progress = entered(world, action)
    services.submit_progress(actor=world.section_head, progress=progress)
    services.verify_progress(actor=world.division_head, progress=progress)
    with pytest.raises(PermissionDenied):
        services.reopen_progress(actor=world.section_head, progress=progress, reason="Salah ketik")
    services.reopen_progress(actor=world.planner, progress=progress, reason="Bukti tertukar")
    progress.refresh_from_db()
    assert (progress.status, progress.verified_by) == ("draft", None)


def test_evidence_is_checked_stored_and_locked_with_the_progress(world, action):
    progress = entered(world, action)
    evidence = services.add_progress_evidence(
        actor=world.section_head, progress=progress, name="notulen.html", content=PDF
    )
    assert (evidence.download_name, evidence.kind, evidence.size) == ("notulen.pdf", "pdf", len(PDF))
    assert evidence.file.read() == PDF
    with pytest.raises(ValidationError):
        services.add_progress_evidence(actor=world.section_head, progress=progress, name="x.exe", content=b"MZ\x90")
    with pytest.raises(PermissionDenied):
        services.add_progress_evidence(actor=world.division_head, progress=progress, name="a.pdf", content=PDF)
    services.submit_progress(actor=world.section_head, progress=progress)
    with pytest.raises(ValidationError):
        services.remove_progress_evidence(actor=world.section_head, evidence=evidence)
    assert ProgressEvidence.objects.count() == 1


def test_every_step_is_in_the_audit_trail_of_the_indicator(world, action):
    progress = entered(world, action)
    services.add_progress_evidence(actor=world.section_head, progress=progress, name="foto.pdf", content=PDF)
    services.submit_progress(actor=world.section_head, progress=progress)
    services.return_progress(actor=world.division_head, progress=progress, reason="Foto buram")
    records = AuditRecord.objects.filter(
        about_label="strategy.indicator", about_pk=str(action.indicator.pk), object_label__startswith="actionplans."
    )
    assert list(records.order_by("pk").values_list("action", "user__username", "note")) == [
        ("created", "kasi", ""),
        ("created", "kasi", ""),
        ("submitted", "kasi", ""),
        ("returned", "kabid", "Foto buram"),
    ]
    first = records.order_by("pk").first()
    assert first.description == "Progres aksi kasi-tata-kelola.O1.I1, 2022 Triwulan II: Terlaksana"
    assert first.after["outcome"] == "done"


def test_an_action_with_sent_progress_is_not_removed_nor_moved_and_a_draft_goes_with_it(
    world, action, django_capture_on_commit_callbacks
):
    from kinerja.actionplans import services as actions

    progress = entered(world, action)
    with pytest.raises(ValidationError) as refused:
        actions.change_action(actor=world.section_head, item=action, quarter=3)
    assert "quarter" in refused.value.message_dict
    services.submit_progress(actor=world.section_head, progress=progress)
    with pytest.raises(ValidationError, match="tidak dihapus"):
        actions.remove_action(actor=world.planner, item=action)
    assert ActionItem.objects.filter(pk=action.pk).exists()
    services.return_progress(actor=world.division_head, progress=progress, reason="Perbaiki")
    evidence = services.add_progress_evidence(actor=world.section_head, progress=progress, name="a.pdf", content=PDF)
    storage, stored = evidence.file.storage, evidence.file.name
    assert storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        actions.remove_action(actor=world.planner, item=action)
    assert not ActionItem.objects.exists() and not ActionProgress.objects.exists()
    assert not ProgressEvidence.objects.exists()
    assert not storage.exists(stored)
