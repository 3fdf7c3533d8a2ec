"""The audit trail of measurement: every write of a target, an actual, evidence or a budget leaves a record
with who, when, from where, what, and the values before and after; a removal keeps what was removed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.core import audit
from kinerja.core.models import AuditRecord
from kinerja.performance import services
from kinerja.performance.example_data import clear_example_performance, load_example_performance
from kinerja.performance.models import Target
from kinerja.strategy import services as strategy_services
from kinerja.strategy.models import Indicator


def test_a_target_set_changed_and_removed_gives_three_records_with_values_actor_and_ip(world, seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    with audit.client_ip_set("10.1.2.3"):
        target = services.set_target(
            actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal("70.5")
        )
        services.set_target(actor=world.planner, indicator=indicator, kind="year", year=2022, value=Decimal(75))
        services.set_target(actor=None, indicator=indicator, kind="year", year=2022, value=None)
    records = list(
        AuditRecord.objects.filter(object_label="performance.target", object_pk=str(target.pk)).order_by("at", "pk")
    )
    assert [r.action for r in records] == ["created", "changed", "deleted"]
    created, changed, deleted = records
    assert created.before is None and created.after["value"] == "70.5000" and created.after["kind"] == "year"
    assert changed.before["value"] == "70.5000" and changed.after["value"] == "75.0000"
    assert deleted.before["value"] == "75.0000" and deleted.after is None
    assert [r.user for r in records] == [world.planner, world.planner, None]
    assert created.actor_name == world.planner.get_full_name()
    assert {r.ip_address for r in records} == {"10.1.2.3"}
    assert {r.agency_id for r in records} == {seed.pk}
    assert {(r.about_label, r.about_pk) for r in records} == {("strategy.indicator", str(indicator.pk))}
    assert created.description == "Target tahunan 2022 indikator IKU.2 dibuat"
    assert not Target.objects.filter(pk=target.pk).exists()


def test_setting_the_same_target_again_records_nothing(world, seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    services.set_target(actor=world.planner, indicator=indicator, kind="year", year=2023, value=Decimal(70))
    services.set_target(actor=world.planner, indicator=indicator, kind="year", year=2023, value=Decimal("70.00"))
    assert AuditRecord.objects.filter(object_label="performance.target", about_pk=str(indicator.pk)).count() == 1


def test_the_ip_of_a_request_reaches_the_record_through_the_middleware(client, world, seed):
    client.force_login(world.planner)  # the agency's planner sets targets
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    response = client.post(
        reverse("agency-targets", args=[seed.code]), {f"t-{indicator.pk}-2022": "70,5"}, REMOTE_ADDR="192.0.2.44"
    )
    assert response.status_code == 302
    entry = AuditRecord.objects.get(object_label="performance.target", about_pk=str(indicator.pk))
    assert (entry.ip_address, entry.user, entry.action) == ("192.0.2.44", world.planner, "created")
    assert entry.after["value"] == "70.5000"
    assert audit.client_ip() is None  # the request is over: a command after it writes no address


def test_a_command_leaves_the_ip_empty_and_names_the_system(seed):
    indicator = Indicator.objects.get(plan__agency=seed, code="IKU.2")
    services.set_target(actor=None, indicator=indicator, kind="year", year=2024, value=Decimal(80))
    entry = AuditRecord.objects.get(object_label="performance.target", about_pk=str(indicator.pk))
    assert entry.ip_address is None and entry.user is None and entry.actor_name == audit.SYSTEM_NAME


def test_an_actual_recorded_twice_keeps_both_versions_and_evidence_is_recorded(world, seed):
    indicator = Indicator.objects.filter(
        plan__agency=seed, formula="count", page_rows__position__code="kasi-tata-kelola"
    ).first()
    services.record_actual(actor=world.section_head, indicator=indicator, year=2022, quarter=1, value=Decimal(3))
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    actual = services.record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=2022,
        quarter=1,
        value=Decimal(5),
        note="diperbaiki",
        evidence=[("laporan.pdf", pdf)],
    )
    records = list(
        AuditRecord.objects.filter(about_pk=str(indicator.pk), about_label="strategy.indicator")
        .exclude(object_label="strategy.indicator")
        .order_by("at", "pk")
    )  # not the dataset load
    assert [(r.object_label, r.action) for r in records] == [
        ("performance.actual", "created"),
        ("performance.actual", "changed"),
        ("performance.evidence", "created"),
    ]
    assert records[0].after["value"] == "3.0000"
    assert (records[1].before["value"], records[1].after["value"]) == ("3.0000", "5.0000")
    assert (records[1].before["note"], records[1].after["note"]) == ("", "diperbaiki")
    assert records[2].after["original_name"] == "laporan.pdf"
    evidence = actual.evidence.get()
    services.remove_evidence(actor=world.section_head, evidence=evidence, note="salah berkas")
    removal = AuditRecord.objects.get(object_label="performance.evidence", action="deleted")
    assert removal.before["sha256"] == evidence.sha256 and removal.note == "salah berkas"


def test_budgets_are_recorded(world, seed):
    programme = seed.plans.get().programmes.order_by("order").first()
    strategy_services.set_budget(actor=world.planner, programme=programme, year=2022, amount=Decimal(1000))
    strategy_services.set_budget(actor=world.planner, programme=programme, year=2022, amount=Decimal(2000))
    strategy_services.set_budget(actor=world.planner, programme=programme, year=2022, amount=None)
    budget = AuditRecord.objects.filter(object_label="strategy.budget").order_by("at", "pk")
    assert [(r.action, (r.before or {}).get("amount"), (r.after or {}).get("amount")) for r in budget] == [
        ("created", None, "1000.00"),
        ("changed", "1000.00", "2000.00"),
        ("deleted", "2000.00", None),
    ]


def test_clearing_example_data_records_every_removal(seed):
    load_example_performance(actor=None, agency=seed)
    removed = clear_example_performance(actor=None, agency=seed)
    assert removed > 0
    assert AuditRecord.objects.filter(action="deleted", agency=seed).count() == removed


def test_only_the_planner_keeps_the_budgets(world, seed):
    """set_budget and set_responsible_position are doors too: a secretary (no planner role) changes nothing."""
    from django.core.exceptions import PermissionDenied

    programme = seed.plans.get().programmes.order_by("order").first()
    with pytest.raises(PermissionDenied):
        strategy_services.set_budget(actor=world.secretary, programme=programme, year=2022, amount=Decimal(1000))
    from kinerja.strategy.models import Activity

    activity = Activity.objects.create(programme=programme, code=f"{programme.code}.1.01", name="Kegiatan uji")
    with pytest.raises(PermissionDenied):
        strategy_services.set_responsible_position(actor=world.section_head, item=activity, position=None)
    assert not AuditRecord.objects.filter(object_label__in=["strategy.budget", "strategy.activity"]).exists()
