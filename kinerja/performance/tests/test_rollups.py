"""Roll-ups kept by the writes (docs/scale.md §4): the outbox is written in the writer's transaction, the worker
computes the figures of performance.figures, idempotently, with the ancestors, and the verify command finds a
roll-up that differs."""

import threading
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.test import override_settings

from conftest import ensure_builtin_dataset
from kinerja.core.periods import QUARTERS
from kinerja.performance import workflow
from kinerja.performance.figures import get_plan_figures
from kinerja.performance.models import AchievementRollup, Actual, RollupDirty
from kinerja.performance.rollups.outbox import mark_figures_changed
from kinerja.performance.rollups.verify import verify
from kinerja.performance.rollups.worker import mark_everything, work, work_batch
from kinerja.performance.services import record_actual, set_target
from kinerja.strategy.models import Indicator
from kinerja.strategy.selectors import find_current_plan

Level = AchievementRollup.Level
YEAR = 2022


@pytest.fixture
def indicator(seed) -> Indicator:
    """An indicator on the page of kasi-tata-kelola (the section head), below kabid-persandian."""
    return Indicator.objects.filter(page_rows__position__code="kasi-tata-kelola", plan__agency=seed).first()


def enter(world, indicator, value="3", quarter=2) -> Actual:
    ratio = indicator.formula == "ratio"
    return record_actual(
        actor=world.section_head,
        indicator=indicator,
        year=YEAR,
        quarter=quarter,
        value=None if ratio else Decimal(value),
        numerator=Decimal(value) if ratio else None,
        denominator=Decimal(10) if ratio else None,
    )


def stored(level: str, key: int, quarter: int, verified_only: bool = False) -> AchievementRollup:
    return AchievementRollup.objects.get(level=level, key=key, year=YEAR, quarter=quarter, verified_only=verified_only)


def figures_of(row: AchievementRollup) -> tuple:
    return (row.mean, row.counted, row.missing, row.verified)


def rollup_figures(rollup) -> tuple:
    return (rollup.mean, rollup.counted, rollup.missing, rollup.verified)


# -- the outbox ------------------------------------------------------------------------------------------------


def test_an_actual_marks_its_indicator_and_year_in_the_same_transaction(world, indicator):
    RollupDirty.objects.all().delete()
    with transaction.atomic():
        enter(world, indicator)
        assert RollupDirty.objects.filter(indicator=indicator, year=YEAR).count() == 1  # inside the transaction
        transaction.set_rollback(True)
    assert not Actual.objects.filter(indicator=indicator, year=YEAR).exists()
    assert not RollupDirty.objects.exists()  # rolled back with the actual: no mark without its write
    enter(world, indicator)
    assert list(RollupDirty.objects.values_list("indicator_id", "year")) == [(indicator.pk, YEAR)]


def test_a_target_and_every_step_of_the_workflow_mark_the_key(world, indicator):
    RollupDirty.objects.all().delete()
    set_target(actor=world.planner, indicator=indicator, kind="year", year=2023, value=Decimal(7))
    assert set(RollupDirty.objects.values_list("indicator_id", "year")) == {(indicator.pk, 2023)}
    actual = enter(world, indicator)
    RollupDirty.objects.all().delete()
    actual = workflow.submit_actual(actor=world.section_head, actual=actual)
    assert RollupDirty.objects.filter(indicator=indicator, year=YEAR).exists()
    RollupDirty.objects.all().delete()
    workflow.verify_actual(actor=world.division_head, actual=actual)
    assert RollupDirty.objects.filter(indicator=indicator, year=YEAR).exists()


def test_saving_the_same_figure_again_marks_nothing(world, indicator):
    enter(world, indicator)
    RollupDirty.objects.all().delete()
    enter(world, indicator)  # nothing changes: nothing is written, nothing marked
    assert not RollupDirty.objects.exists()


# -- the worker ------------------------------------------------------------------------------------------------


def test_the_worker_gives_the_figures_of_the_pages_on_the_example_data(example_figures):
    plan = find_current_plan(example_figures)
    assert RollupDirty.objects.exists()  # the example figures were written through the services: marked
    assert work() > 100
    assert not RollupDirty.objects.exists()
    compared = 0
    for verified_only in (False, True):
        for quarter in QUARTERS:
            figures = get_plan_figures(plan, YEAR, quarter, verified_only=verified_only)
            agency = stored(Level.AGENCY, example_figures.pk, quarter, verified_only)
            assert figures_of(agency) == rollup_figures(figures.agency)
            for row in figures.rows:
                assert figures_of(stored(Level.POSITION, row.position_id, quarter, verified_only)) == rollup_figures(
                    figures.position(row.position_id)
                )
                assert figures_of(stored(Level.UNIT, row.position.unit_id, quarter, verified_only)) == rollup_figures(
                    figures.unit(row.position.unit_id)
                )
            for pk, measurement in figures.measurements.items():
                assert stored(Level.INDICATOR, pk, quarter, verified_only).mean == measurement.period_achievement
                compared += measurement.period_achievement is not None
            region = stored(Level.REGION, example_figures.region_id, quarter, verified_only)
            assert region.counted + region.missing == agency.counted + agency.missing  # one agency in the region
            assert region.mean == agency.mean
    assert compared > 200  # real achievements, not only dashes


def test_the_worker_is_idempotent(example_figures):
    work()
    before = {
        (row.level, row.key, row.year, row.quarter, row.verified_only): (*figures_of(row), row.placed, row.done)
        for row in AchievementRollup.objects.all()
    }
    assert mark_everything() > 100
    work()
    after = {
        (row.level, row.key, row.year, row.quarter, row.verified_only): (*figures_of(row), row.placed, row.done)
        for row in AchievementRollup.objects.all()
    }
    assert after == before and len(before) > 1000


def test_a_changed_actual_recomputes_its_indicator_and_every_ancestor(world, example_figures):
    work()
    plan = find_current_plan(example_figures)
    row = get_plan_figures(plan, YEAR, 4).rows[0]  # the first IKI page row: its position, unit, agency and region
    actual = Actual.objects.filter(indicator_id=row.indicator_id, year=YEAR).order_by("quarter").last()
    Actual.objects.filter(pk=actual.pk).update(status=Actual.Status.DRAFT)  # let the planner's example be edited
    keys = [
        (Level.INDICATOR, row.indicator_id),
        (Level.POSITION, row.position_id),
        (Level.UNIT, row.position.unit_id),
        (Level.AGENCY, example_figures.pk),
        (Level.REGION, example_figures.region_id),
    ]
    before = {key: stored(*key, 4) for key in keys}
    indicator = Indicator.objects.get(pk=row.indicator_id)
    ratio = indicator.formula == "ratio"
    record_actual(
        actor=None,
        indicator=indicator,
        year=YEAR,
        quarter=actual.quarter,
        value=None if ratio else (actual.value or Decimal(0)) + Decimal(1000),
        numerator=(actual.numerator or Decimal(0)) + Decimal(1000) if ratio else None,
        denominator=actual.denominator if ratio else None,
        is_example=True,
    )
    assert work() == 1
    figures = get_plan_figures(plan, YEAR, 4)
    for key in keys:
        after = stored(*key, 4)
        assert after.computed_at > before[key].computed_at, key
        assert after.mean != before[key].mean, key  # the new figure moved every level's mean
    assert stored(Level.AGENCY, example_figures.pk, 4).mean == figures.agency.mean
    assert stored(Level.POSITION, row.position_id, 4).mean == figures.position(row.position_id).mean


@override_settings(KINERJA_ROLLUPS_EAGER=True)
def test_eager_the_worker_runs_after_the_commit(world, indicator, django_capture_on_commit_callbacks):
    RollupDirty.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enter(world, indicator)
        workflow.submit_actual(actor=world.section_head, actual=Actual.objects.get(indicator=indicator, year=YEAR))
    assert len(callbacks) == 1  # one run per transaction, however many writes it marked
    assert not RollupDirty.objects.exists()
    assert stored(Level.INDICATOR, indicator.pk, 2).counted + stored(Level.INDICATOR, indicator.pk, 2).missing == 1


@override_settings(KINERJA_ROLLUPS_EAGER=False)
def test_without_eager_the_keys_wait_for_the_worker(world, indicator, django_capture_on_commit_callbacks):
    RollupDirty.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enter(world, indicator)
    assert callbacks == [] and RollupDirty.objects.count() == 1
    call_command("rollups_work")
    assert not RollupDirty.objects.exists()
    assert AchievementRollup.objects.filter(level=Level.INDICATOR, key=indicator.pk, year=YEAR).count() == 8


# -- verify ----------------------------------------------------------------------------------------------------


def test_verify_finds_a_tampered_rollup_and_passes_once_repaired(example_figures, capsys):
    work()
    assert verify().differences == []
    call_command("rollups_verify", "--all")
    tampered = stored(Level.AGENCY, example_figures.pk, 2)
    AchievementRollup.objects.filter(pk=tampered.pk).update(mean=(tampered.mean or 0) + Decimal("0.0001"))
    report = verify()
    assert [difference.key for difference in report.differences] == [(Level.AGENCY, example_figures.pk, YEAR, 2, False)]
    with pytest.raises(CommandError, match="1 selisih"):
        call_command("rollups_verify")
    assert f"agency {example_figures.pk} {YEAR} Q2 all" in capsys.readouterr().err
    call_command("rollups_work", "--all")  # the repair: everything marked, computed again
    call_command("rollups_verify", "--sample", "3", "--seed", "1")
    assert verify().differences == []


# -- PostgreSQL: two workers, and a writer during a worker ---------------------------------------------------------

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SKIP LOCKED and row locks need real parallel transactions: PostgreSQL (the SQLite test database is "
    "one in-memory connection shared by every thread)",
)


def _holding(key_pk: int, then=None):
    """A worker in another thread that takes one dirty key FOR UPDATE and holds it until released (then runs
    `then` inside the same transaction before it commits)."""
    taken, release = threading.Event(), threading.Event()

    def run() -> None:
        try:
            with transaction.atomic():
                RollupDirty.objects.select_for_update().get(pk=key_pk)
                taken.set()
                release.wait(timeout=20)
                if then is not None:
                    then()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    assert taken.wait(timeout=20)
    return thread, release


@on_postgresql
@override_settings(KINERJA_ROLLUPS_EAGER=False)
def test_a_second_worker_skips_the_keys_another_holds(transactional_db):
    agency = ensure_builtin_dataset()
    indicators = list(Indicator.objects.filter(plan__agency=agency).order_by("pk")[:3])
    with transaction.atomic():
        mark_figures_changed((indicator.pk, YEAR) for indicator in indicators)
    held = RollupDirty.objects.get(indicator=indicators[0])
    thread, release = _holding(held.pk)
    try:
        assert work_batch() == 2  # SKIP LOCKED: the two free keys, without waiting for the held one
        assert list(RollupDirty.objects.values_list("pk", flat=True)) == [held.pk]
    finally:
        release.set()
        thread.join(timeout=20)
    assert work() == 1 and not RollupDirty.objects.exists()


@on_postgresql
@override_settings(KINERJA_ROLLUPS_EAGER=False)
def test_a_write_during_a_workers_run_stays_marked(transactional_db):
    """The worker holds a key (its computation may not see a write committed meanwhile) and deletes it: the
    writer's mark waits for the worker and is inserted again, so the write is computed next time."""
    agency = ensure_builtin_dataset()
    indicator = Indicator.objects.filter(plan__agency=agency).order_by("pk").first()
    with transaction.atomic():
        mark_figures_changed([(indicator.pk, YEAR)])
    held = RollupDirty.objects.get()
    thread, release = _holding(held.pk, then=lambda: RollupDirty.objects.filter(pk=held.pk).delete())
    try:
        timer = threading.Timer(0.5, release.set)  # the worker finishes while the writer waits for it
        timer.start()
        with transaction.atomic():
            mark_figures_changed([(indicator.pk, YEAR)])  # blocks on the worker's lock, then inserts again
    finally:
        release.set()
        thread.join(timeout=20)
    again = RollupDirty.objects.get()
    assert again.pk != held.pk and again.indicator_id == indicator.pk


def test_an_indicator_without_figures_in_a_year_is_no_difference(world, indicator):
    """Only marked indicators get rows: one with no target nor actual in the year reads as "—", as computed."""
    AchievementRollup.objects.all().delete()
    RollupDirty.objects.all().delete()
    enter(world, indicator)
    work()
    assert AchievementRollup.objects.filter(level=Level.INDICATOR).values("key").distinct().count() == 1
    assert verify().differences == []
