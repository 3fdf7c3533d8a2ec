"""The life of an actual (draft → submitted → verified / returned → draft, reopened) and closed periods."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.performance import workflow
from kinerja.performance.models import Actual, PeriodLock
from kinerja.performance.services import record_actual, set_target
from kinerja.strategy.models import Indicator


@pytest.fixture
def indicator(seed) -> Indicator:
    """An indicator on the page of kasi-tata-kelola (the section head), below kabid-persandian."""
    return Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola", plan__agency=seed).first()


def enter(world, indicator, value="3", quarter=2) -> Actual:
    return record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=2022,
        quarter=quarter,
        value=Decimal(value) if indicator.formula != "ratio" else None,
        numerator=Decimal(value) if indicator.formula == "ratio" else None,
        denominator=Decimal(10) if indicator.formula == "ratio" else None,
    )


def test_an_actual_goes_from_draft_to_submitted_to_verified(world, indicator):
    actual = enter(world, indicator)
    assert actual.status == Actual.Status.DRAFT
    actual = workflow.submit_actual(actor=world.section_head, actual=actual)
    assert actual.status == Actual.Status.SUBMITTED
    actual = workflow.verify_actual(actor=world.division_head, actual=actual)
    assert (actual.status, actual.verified_by) == (Actual.Status.VERIFIED, world.division_head)
    assert actual.verified_at is not None


def test_returned_with_a_reason_the_official_corrects_and_submits_again(world, indicator):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    with pytest.raises(ValidationError, match="alasan"):
        workflow.return_actual(actor=world.division_head, actual=actual, reason="  ")
    actual = workflow.return_actual(actor=world.division_head, actual=actual, reason="Bukti belum dilampirkan")
    assert (actual.status, actual.status_reason) == (Actual.Status.DRAFT, "Bukti belum dilampirkan")
    actual = enter(world, indicator, "4")
    assert workflow.submit_actual(actor=world.section_head, actual=actual).status == Actual.Status.SUBMITTED


def test_only_the_entering_official_submits_and_only_a_superior_verifies(world, indicator):
    actual = enter(world, indicator)
    with pytest.raises(PermissionDenied):
        workflow.submit_actual(actor=world.division_head, actual=actual)
    actual = workflow.submit_actual(actor=world.section_head, actual=actual)
    for outsider in (world.section_head, world.secretary, world.planner, world.outsider, world.inspector):
        with pytest.raises(PermissionDenied):
            workflow.verify_actual(actor=outsider, actual=actual)
    assert workflow.verify_actual(actor=world.head_of_agency, actual=actual).status == Actual.Status.VERIFIED


def test_a_replayed_verification_is_refused(world, indicator):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    workflow.verify_actual(actor=world.division_head, actual=actual)
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        workflow.verify_actual(actor=world.division_head, actual=actual)


def test_a_verified_actual_changes_only_after_reopening(world, indicator):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    workflow.verify_actual(actor=world.division_head, actual=actual)
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        enter(world, indicator, "5")
    with pytest.raises(PermissionDenied):
        workflow.reopen_actual(actor=world.section_head, actual=actual, reason="salah ketik")
    workflow.reopen_actual(actor=world.planner, actual=actual, reason="Angka salah ketik")
    assert enter(world, indicator, "5").value == (Decimal("50") if indicator.formula == "ratio" else Decimal("5"))


def test_a_closed_period_refuses_targets_and_actuals_until_reopened_with_a_reason(world, indicator, seed):
    with pytest.raises(PermissionDenied):
        workflow.close_period(actor=world.section_head, agency=seed, year=2022, quarter=2)
    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=2)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        enter(world, indicator)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        set_target(actor=world.planner, indicator=indicator, kind="quarter", year=2022, quarter=2, value=Decimal(1))
    with pytest.raises(ValidationError, match="target tahunan"):
        set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal(1))
    enter(world, indicator, quarter=3)  # another quarter stays open
    with pytest.raises(ValidationError, match="alasan"):
        workflow.reopen_period(actor=world.planner, agency=seed, year=2022, quarter=2, reason="")
    workflow.reopen_period(actor=world.planner, agency=seed, year=2022, quarter=2, reason="Koreksi data BPS")
    assert enter(world, indicator).pk


def test_a_deadline_closes_the_period_by_itself(world, indicator, seed):
    import datetime

    workflow.close_period(actor=world.planner, agency=seed, year=2022, quarter=2, deadline=datetime.date(2022, 7, 15))
    assert not PeriodLock.objects.get(agency=seed, year=2022, quarter=2).closed
    with pytest.raises(ValidationError, match="sudah ditutup"):
        enter(world, indicator)


def test_the_verification_page_lists_what_waits_and_decides_through_the_services(client, world, indicator, seed):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    client.force_login(world.division_head)
    page = client.get(reverse("verification", args=[seed.code])).content.decode()
    assert f'id="actual-{actual.pk}"' in page
    assert '<span class="count"' in client.get(reverse("agency-overview", args=[seed.code])).content.decode()
    url = reverse("verification-decide", args=[seed.code, actual.pk])
    client.post(url, {"action": "return", "reason": "<script>alert(1)</script> bukti kurang"})
    client.force_login(world.section_head)
    page = client.get(reverse("verification", args=[seed.code])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; bukti kurang" in page and "<script>alert(1)" not in page
    client.force_login(world.secretary)  # not a superior of kasi-tata-kelola: the actual is not found
    assert client.post(url, {"action": "verify"}).status_code == 404
    assert Actual.objects.get(pk=actual.pk).status == Actual.Status.DRAFT


def test_a_long_note_is_refused_with_a_message(world, indicator):
    with pytest.raises(ValidationError):
        record_actual(
            actor=world.section_head,
            indicator=indicator,
            year=2022,
            quarter=2,
            value=Decimal(1),
            numerator=Decimal(1),
            denominator=Decimal(2),
            note="x" * 10_000,
        )


def test_every_step_is_in_the_indicators_history_with_who_and_why(client, world, indicator, seed):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    workflow.return_actual(actor=world.division_head, actual=actual, reason="Bukti belum lengkap")
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator, "4"))
    workflow.verify_actual(actor=world.division_head, actual=actual)
    client.force_login(world.head_of_agency)
    page = client.get(reverse("indicator-history", args=[seed.code, indicator.code])).content.decode()
    assert page.count("diajukan") >= 2
    assert "dikembalikan" in page and "diverifikasi" in page and "Bukti belum lengkap" in page
    assert "Kepala Bidang Uji" in page and "Kepala Seksi Uji" in page


def test_an_actual_has_its_own_history_page(client, world, indicator, seed):
    actual = workflow.submit_actual(actor=world.section_head, actual=enter(world, indicator))
    set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal(5))
    client.force_login(world.head_of_agency)
    url = reverse("indicator-history", args=[seed.code, indicator.code])
    whole = client.get(url).content.decode()
    assert f"?objek=performance.actual:{actual.pk}" in whole and "performance.target" in whole
    own = client.get(url, {"objek": f"performance.actual:{actual.pk}"}).content.decode()
    assert "diajukan" in own and 'class="action-created"' in own
    assert "performance.target:" not in own and own.count('<tr class="action-') == 2
