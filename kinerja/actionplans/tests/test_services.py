"""The one door of the action plan: who may write it, the rules it checks, and the audit trail it leaves."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.access import may_write_action_plan
from kinerja.actionplans import services
from kinerja.actionplans.models import ActionItem
from kinerja.core.models import AuditRecord
from kinerja.organisation.models import Position
from kinerja.strategy.models import Indicator

from .helpers import YEAR, indicator_of, sub_activity_of


@pytest.fixture
def indicator(seed):
    return indicator_of(seed)


@pytest.fixture
def kasi(seed):
    return Position.objects.get(agency=seed, code="kasi-tata-kelola")


def add(actor, indicator, kasi, quarter=1, description="Menyusun rancangan kebijakan", **fields):
    values = {
        "actor": actor,
        "indicator": indicator,
        "year": YEAR,
        "quarter": quarter,
        "description": description,
        "output_quantity": Decimal("1"),
        "output_unit": "dokumen",
        "responsible_position": kasi,
    }
    values.update(fields)
    return services.add_action(**values)


def test_the_planner_and_the_holder_of_the_page_write_the_action_plan(world, indicator, kasi):
    by_planner = add(world.planner, indicator, kasi, sub_activity=sub_activity_of(indicator.plan))
    by_holder = add(world.section_head, indicator, kasi, description="Sosialisasi kebijakan")
    assert list(ActionItem.objects.filter(indicator=indicator).values_list("description", "order")) == [
        ("Menyusun rancangan kebijakan", 0),
        ("Sosialisasi kebijakan", 1),
    ]
    assert by_planner.sub_activity.code == "2.21.02.1.01.01"
    assert by_holder.responsible_position == kasi


@pytest.mark.parametrize("role", ["division_head", "secretary", "head_of_agency", "inspector", "bappeda", "outsider"])
def test_anyone_else_is_refused_and_nothing_is_written(world, indicator, kasi, role):
    with pytest.raises(PermissionDenied):
        add(getattr(world, role), indicator, kasi)
    assert not ActionItem.objects.exists()


def test_the_holder_of_another_page_writes_its_own_indicators_only(world, seed, kasi):
    iku5 = Indicator.objects.select_related("plan__agency").get(plan__agency=seed, code="IKU.5")
    assert may_write_action_plan(world.division_head, iku5)  # printed on the division head's page
    assert not may_write_action_plan(world.division_head, indicator_of(seed))
    assert not may_write_action_plan(world.inspector, iku5)
    add(world.division_head, iku5, kasi)
    assert ActionItem.objects.get().indicator == iku5


def test_a_rule_is_refused_naming_the_field(world, indicator, kasi):
    with pytest.raises(ValidationError) as caught:
        add(world.planner, indicator, kasi, output_quantity=Decimal("-3"))
    assert set(caught.value.message_dict) == {"output_quantity"}
    with pytest.raises(ValidationError) as caught:
        add(world.planner, indicator, kasi, year=2031)
    assert set(caught.value.message_dict) == {"year"}
    with pytest.raises(ValidationError) as caught:
        add(world.planner, indicator, None)
    assert set(caught.value.message_dict) == {"responsible_position"}
    assert not ActionItem.objects.exists()


def test_every_write_is_in_the_audit_trail_about_the_indicator(world, indicator, kasi):
    item = add(world.section_head, indicator, kasi)
    services.change_action(actor=world.section_head, item=item, output_quantity=Decimal("2"), quarter=2)
    other = add(world.section_head, indicator, kasi, quarter=2, description="Evaluasi")
    services.reorder_actions(actor=world.planner, indicator=indicator, year=YEAR, quarter=2, order=[other.pk, item.pk])
    services.remove_action(actor=world.planner, item=other)
    records = list(
        AuditRecord.objects.filter(object_label="actionplans.actionitem")
        .order_by("pk")
        .values_list("action", "user__username", "about_pk", "agency_id", "description")
    )
    assert [(action, user) for action, user, *_ in records] == [
        ("created", "kasi"),
        ("changed", "kasi"),
        ("created", "kasi"),
        ("changed", "perencana"),
        ("deleted", "perencana"),
    ]
    assert {row[2] for row in records} == {str(indicator.pk)}
    assert {row[3] for row in records} == {indicator.plan.agency_id}
    assert records[0][4] == f"Aksi {indicator.code}, {YEAR} triwulan I ditambahkan"
    changed = AuditRecord.objects.filter(object_label="actionplans.actionitem", action="changed").order_by("pk").first()
    assert changed.before["output_quantity"] == "1.0000" and changed.after["output_quantity"] == "2"


def test_a_changed_quarter_puts_the_action_last_and_a_reorder_needs_every_action(world, indicator, kasi):
    first = add(world.planner, indicator, kasi, quarter=2, description="A")
    moved = add(world.planner, indicator, kasi, quarter=1, description="B")
    moved = services.change_action(actor=world.planner, item=moved, quarter=2)
    assert (moved.quarter, moved.order) == (2, first.order + 1)
    services.reorder_actions(actor=world.planner, indicator=indicator, year=YEAR, quarter=2, order=[moved.pk, first.pk])
    assert list(ActionItem.objects.filter(quarter=2).order_by("order").values_list("description", flat=True)) == [
        "B",
        "A",
    ]
    with pytest.raises(ValidationError):
        services.reorder_actions(actor=world.planner, indicator=indicator, year=YEAR, quarter=2, order=[moved.pk])


def test_change_remove_and_reorder_ask_who_may_too(world, indicator, kasi):
    item = add(world.section_head, indicator, kasi)
    with pytest.raises(PermissionDenied):
        services.change_action(actor=world.division_head, item=item, description="Lain")
    with pytest.raises(PermissionDenied):
        services.remove_action(actor=world.inspector, item=item)
    with pytest.raises(PermissionDenied):
        services.reorder_actions(actor=world.secretary, indicator=indicator, year=YEAR, quarter=1, order=[item.pk])
    item.refresh_from_db()
    assert item.description == "Menyusun rancangan kebijakan"


def test_the_indicator_and_year_of_an_action_do_not_change(world, indicator, kasi):
    item = add(world.planner, indicator, kasi)
    with pytest.raises(ValidationError):
        services.change_action(actor=world.planner, item=item, year=2023)


def test_a_closed_quarter_locks_its_actions(world, indicator, kasi):
    from kinerja.performance.models import PeriodLock

    item = add(world.planner, indicator, kasi, quarter=1)
    PeriodLock.objects.create(agency=indicator.plan.agency, year=YEAR, quarter=1, closed=True)
    for write in (
        lambda: add(world.planner, indicator, kasi, quarter=1),
        lambda: services.change_action(actor=world.planner, item=item, description="Lain"),
        lambda: services.change_action(actor=world.section_head, item=item, quarter=2),
        lambda: services.reorder_actions(
            actor=world.planner, indicator=indicator, year=YEAR, quarter=1, order=[item.pk]
        ),
        lambda: services.remove_action(actor=world.planner, item=item),
    ):
        with pytest.raises(ValidationError, match="sudah ditutup"):
            write()
    assert list(ActionItem.objects.values_list("quarter", "description")) == [(1, "Menyusun rancangan kebijakan")]
    assert add(world.planner, indicator, kasi, quarter=2).quarter == 2  # the next quarter is open


def test_an_acting_holder_writes_while_the_acting_decree_runs_and_not_after(world, seed, indicator, kasi):
    import datetime

    from kinerja.accounts.models import User
    from kinerja.organisation.tests.factories import AssignmentFactory

    today = datetime.date.today()
    acting = AssignmentFactory(
        position=kasi, acting=True, start=today - datetime.timedelta(days=10), official__user__username="plt-kasi"
    )
    user = User.objects.get(username="plt-kasi")
    assert add(user, indicator, kasi).indicator == indicator
    acting.end = today - datetime.timedelta(days=1)
    acting.save()
    user = User.objects.get(username="plt-kasi")  # a new request: the reach is read again
    with pytest.raises(PermissionDenied):
        add(user, indicator, kasi)
