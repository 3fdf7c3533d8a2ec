"""The progress of an action as people use it: the section head enters it with a file and sends it, the division
head finds it waiting on the action plan page and verifies or returns it; every reader sees it."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.actionplans import progress as services
from kinerja.actionplans.models import ActionItem, ActionProgress, ProgressEvidence
from kinerja.actionplans.selectors import get_action_plan, get_progress_detail, list_waiting_progress
from kinerja.organisation.models import Position

from .helpers import YEAR, indicator_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def action(seed):
    return ActionItem.objects.create(
        indicator=indicator_of(seed),
        year=YEAR,
        quarter=1,
        description="Rapat koordinasi tata kelola persandian",
        output_quantity=Decimal(2),
        output_unit="kegiatan",
        responsible_position=Position.objects.get(agency=seed, code="kasi-tata-kelola"),
    )


def url(seed, action):
    return reverse("action-progress", args=[seed.code, action.pk])


def test_the_section_head_enters_progress_with_evidence_and_sends_it(client, world, seed, action):
    client.force_login(world.section_head)
    page = client.get(url(seed, action)).content.decode()
    assert "Belum ada progres" in page and 'value="simpan"' in page
    answer = client.post(
        url(seed, action),
        {
            "langkah": "simpan",
            "outcome": "partly",
            "note": "Satu dari dua rapat",
            "evidence": SimpleUploadedFile("notulen.pdf", PDF),
        },
    )
    assert answer.status_code == 302
    stored = ActionProgress.objects.get(action=action)
    assert (stored.outcome, stored.note, stored.evidence.get().download_name) == (
        "partly",
        "Satu dari dua rapat",
        "notulen.pdf",
    )
    page = client.get(url(seed, action)).content.decode()
    assert "Terlaksana sebagian" in page and "notulen.pdf" in page and 'value="kirim"' in page
    client.post(url(seed, action), {"langkah": "kirim"})
    assert ActionProgress.objects.get().status == "submitted"
    page = client.get(url(seed, action)).content.decode()
    assert 'value="simpan"' not in page and "Diajukan" in page


def test_a_refused_file_saves_nothing_and_says_why_next_to_the_field(client, world, seed, action):
    client.force_login(world.section_head)
    answer = client.post(
        url(seed, action),
        {"langkah": "simpan", "outcome": "done", "evidence": SimpleUploadedFile("a.exe", b"MZ\x90\x00")},
    )
    assert answer.status_code == 400
    assert "bukan jenis yang diizinkan" in answer.content.decode()
    assert not ActionProgress.objects.exists()


def test_the_superior_finds_it_waiting_and_returns_it_with_a_reason(client, world, seed, action):
    progress = services.record_progress(actor=world.section_head, action=action, outcome="done")
    services.submit_progress(actor=world.section_head, progress=progress)
    client.force_login(world.division_head)
    plan_page = client.get(reverse("action-plan", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert 'id="progress-waiting"' in plan_page and "Rapat koordinasi tata kelola persandian" in plan_page
    answer = client.post(url(seed, action), {"langkah": "kembalikan", "reason": "Lampirkan daftar hadir"})
    assert answer.status_code == 302
    progress.refresh_from_db()
    assert (progress.status, progress.status_reason) == ("draft", "Lampirkan daftar hadir")
    plan_page = client.get(reverse("action-plan", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert 'id="progress-waiting"' not in plan_page


def test_the_superior_verifies_and_the_action_plan_shows_it(client, world, seed, action):
    progress = services.record_progress(actor=world.section_head, action=action, outcome="done")
    services.submit_progress(actor=world.section_head, progress=progress)
    client.force_login(world.division_head)
    client.post(url(seed, action), {"langkah": "verifikasi"})
    assert ActionProgress.objects.get().status == "verified"
    client.force_login(world.inspector)
    plan_page = client.get(reverse("action-plan", args=[seed.code]) + f"?tahun={YEAR}").content.decode()
    assert 'data-outcome="done" data-status="verified"' in plan_page
    assert "Terlaksana" in plan_page and "(Terverifikasi)" in plan_page


@pytest.mark.parametrize("role", ["inspector", "planner", "secretary"])
def test_a_reader_who_may_not_enter_sees_no_form_and_a_post_is_refused(client, world, seed, action, role):
    client.force_login(getattr(world, role))
    page = client.get(url(seed, action)).content.decode()
    assert 'value="simpan"' not in page
    answer = client.post(url(seed, action), {"langkah": "simpan", "outcome": "done"})
    assert answer.status_code == 404
    assert not ActionProgress.objects.exists()


def test_evidence_downloads_under_its_name_for_a_reader_and_not_for_an_outsider(client, world, seed, action):
    progress = services.record_progress(actor=world.section_head, action=action, outcome="done")
    evidence = services.add_progress_evidence(actor=world.section_head, progress=progress, name="foto", content=PDF)
    link = reverse("action-progress-evidence", args=[seed.code, evidence.pk])
    client.force_login(world.inspector)
    answer = client.get(link)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == PDF
    assert 'filename="foto.pdf"' in answer["Content-Disposition"]
    client.force_login(world.outsider)
    assert client.get(link).status_code == 404
    assert ProgressEvidence.objects.count() == 1


def test_the_selectors_read_a_fixed_number_of_queries(world, seed, action, django_assert_num_queries):
    progress = services.record_progress(actor=world.section_head, action=action, outcome="done")
    services.add_progress_evidence(actor=world.section_head, progress=progress, name="a.pdf", content=PDF)
    services.submit_progress(actor=world.section_head, progress=progress)
    plan = action.indicator.plan
    with django_assert_num_queries(3):
        detail = get_progress_detail(plan, action.pk)
    assert detail.progress.outcome == "done" and len(detail.evidence) == 1
    with django_assert_num_queries(1):
        waiting = list_waiting_progress(plan, YEAR, {action.responsible_position_id}, world.division_head.pk)
    assert [item.action_id for item in waiting] == [action.pk]
    with django_assert_num_queries(4):
        whole = get_action_plan(plan, YEAR)
        shown = [a.progress_or_none for i in whole.indicators for q in i.quarters for a in q.actions]
    assert [p.outcome for p in shown if p] == ["done"]


def test_the_admin_shows_progress_and_its_evidence_and_writes_nothing(client, world, seed, action, django_user_model):
    entry = services.record_progress(actor=world.section_head, action=action, outcome="done", note="Selesai")
    services.add_progress_evidence(actor=world.section_head, progress=entry, name="foto.pdf", content=PDF)
    client.force_login(django_user_model.objects.create_superuser("super", password="x-Super-123"))
    for name, pk in (("actionprogress", entry.pk), ("progressevidence", entry.evidence.get().pk)):
        assert client.get(reverse(f"admin:actionplans_{name}_changelist")).status_code == 200
        page = client.get(reverse(f"admin:actionplans_{name}_change", args=[pk]))
        assert page.status_code == 200
        assert client.post(reverse(f"admin:actionplans_{name}_delete", args=[pk]), {"post": "yes"}).status_code == 403
    assert (
        "foto.pdf" in client.get(reverse("admin:actionplans_actionprogress_change", args=[entry.pk])).content.decode()
    )
    assert ActionProgress.objects.get().note == "Selesai" and ProgressEvidence.objects.count() == 1


def test_the_verification_page_of_the_superior_lists_the_progress_waiting(client, world, seed, action):
    entry = services.record_progress(actor=world.section_head, action=action, outcome="partly")
    services.submit_progress(actor=world.section_head, progress=entry)
    client.force_login(world.division_head)
    page = client.get(reverse("verification", args=[seed.code])).content.decode()
    listed = page.split('id="other-waiting"')[1].split("</section>")[0]
    assert "kasi-tata-kelola.O1.I1, Triwulan I 2022: Rapat koordinasi tata kelola persandian" in listed
    assert "Terlaksana sebagian" in listed and url(seed, action) in listed
    client.force_login(world.section_head)  # who entered it does not verify it
    assert 'id="other-waiting"' not in client.get(reverse("verification", args=[seed.code])).content.decode()
    services.verify_progress(actor=world.division_head, progress=entry)
    client.force_login(world.division_head)
    assert 'id="other-waiting"' not in client.get(reverse("verification", args=[seed.code])).content.decode()
