"""The audit trail partitioned by year on PostgreSQL (issue 22 item 3, docs/scale.md §2): migration core 0003 and
`manage.py audit_partitions`. SQLite keeps one plain table."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from kinerja.core import audit
from kinerja.core.audit_partitions import is_partitioned, partitions
from kinerja.core.models import AuditRecord

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="partitioning is PostgreSQL's; SQLite keeps one plain table (run with DATABASE_URL on PostgreSQL)",
)
pytestmark = pytest.mark.django_db


def _sql(statement: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def _home(entry: AuditRecord) -> str:
    """The partition a record is stored in."""
    return _sql("SELECT tableoid::regclass::text FROM core_auditrecord WHERE id = %s", [entry.pk])[0][0]


def _refused(statement: str, params=()) -> bool:
    try:
        with transaction.atomic():
            _sql(statement, params)
    except DatabaseError as error:
        return "tidak pernah dihapus" in str(error)
    return False


def _record(seed, at: datetime.datetime | None = None) -> AuditRecord:
    if at is None:
        return audit.record(actor=None, action="changed", obj=seed, before={"n": 1}, after={"n": 2}, agency=seed)
    return AuditRecord.objects.create(  # a record of another time, as the generator and a restore write them
        at=at, actor_name="Sistem", action="created", object_label="x", object_pk="1", about_label="x",
        about_pk="1", description="lama", agency=seed, region_id=seed.region_id,
    )  # fmt: skip


def test_on_sqlite_the_command_makes_nothing_and_says_so():
    if connection.vendor == "postgresql":
        pytest.skip("about SQLite")
    out = io.StringIO()
    call_command("audit_partitions", years="2020-2030", stdout=out)
    assert not is_partitioned()
    assert "tidak ada yang dibuat" in out.getvalue()


@on_postgresql
def test_the_audit_table_is_partitioned_by_year_with_a_default_and_the_key_id_at():
    assert _sql("SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'core_auditrecord'::regclass") == [("r",)]
    names = partitions()
    this_year = timezone.now().year
    assert {f"core_auditrecord_y{year}" for year in range(2020, this_year + 3)} <= set(names)
    assert names["core_auditrecord_default"] == "DEFAULT"
    assert names[f"core_auditrecord_y{this_year}"] == (
        f"FOR VALUES FROM ('{this_year}-01-01 00:00:00+00') TO ('{this_year + 1}-01-01 00:00:00+00')"
    )
    key = _sql(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'core_auditrecord'::regclass "
        "AND contype = 'p'"
    )
    assert key == [("PRIMARY KEY (id, at)",)]
    indexes = {name for (name,) in _sql("SELECT indexname FROM pg_indexes WHERE tablename = 'core_auditrecord'")}
    assert {"audit_about", "audit_agency", "audit_object", "audit_region", "core_auditrecord_pkey"} <= indexes
    assert not _sql("SELECT conname FROM pg_constraint WHERE confrelid = 'core_auditrecord'::regclass")


@on_postgresql
def test_a_record_lands_in_the_partition_of_its_year_and_an_unplanned_year_in_the_default(seed):
    now = _record(seed)
    assert _home(now) == f"core_auditrecord_y{now.at.year}"
    old = _record(seed, at=timezone.make_aware(datetime.datetime(2021, 3, 31, 23, 0)))
    assert _home(old) == "core_auditrecord_y2021"
    far = _record(seed, at=timezone.make_aware(datetime.datetime(2061, 1, 1, 12, 0)))
    assert _home(far) == "core_auditrecord_default"
    assert AuditRecord.objects.filter(agency=seed).order_by("-at", "-pk").first() == far  # one table to the ORM


@on_postgresql
def test_a_delete_is_refused_on_the_parent_and_on_each_partition(seed):
    entry = _record(seed)
    far = _record(seed, at=timezone.make_aware(datetime.datetime(2061, 1, 1, 12, 0)))
    assert _refused("DELETE FROM core_auditrecord WHERE id = %s", [entry.pk])
    partition = f"core_auditrecord_y{entry.at.year}"
    assert _refused(f"DELETE FROM {partition} WHERE id = %s", [entry.pk])  # noqa: S608
    assert _refused("DELETE FROM core_auditrecord_default WHERE id = %s", [far.pk])
    assert AuditRecord.objects.filter(pk__in=[entry.pk, far.pk]).count() == 2


@on_postgresql
def test_the_command_makes_the_years_ahead_once_and_moves_waiting_records_out_of_the_default(seed):
    waiting = _record(seed, at=timezone.make_aware(datetime.datetime(2061, 6, 1, 8, 0)))
    out = io.StringIO()
    call_command("audit_partitions", years="2060-2062", stdout=out)
    assert "Partisi dibuat: 2060, 2061, 2062" in out.getvalue()
    assert "2061: 1 catatan dipindahkan" in out.getvalue()
    assert _home(waiting) == "core_auditrecord_y2061"
    assert {"core_auditrecord_y2060", "core_auditrecord_y2062", "core_auditrecord_default"} <= set(partitions())
    # the default went away and came back: the parent's trigger is on it again, and on the new partitions
    assert _refused("DELETE FROM core_auditrecord_y2061 WHERE id = %s", [waiting.pk])
    later = _record(seed, at=timezone.make_aware(datetime.datetime(2070, 1, 1, 8, 0)))
    assert _refused("DELETE FROM core_auditrecord_default WHERE id = %s", [later.pk])
    again = io.StringIO()
    before = partitions()
    call_command("audit_partitions", years="2060-2062", stdout=again)
    assert "Partisi dibuat: tidak ada; sudah ada: 3 tahun." in again.getvalue()
    assert partitions() == before


@on_postgresql
def test_migrating_backwards_gives_the_plain_table_and_forwards_the_partitions_again_with_every_record(seed):
    entry = _record(seed)
    _sql("SET CONSTRAINTS ALL IMMEDIATE")  # this test's inserts checked now: the table is rebuilt below
    call_command("migrate", "core", "0002", verbosity=0)
    assert not is_partitioned()
    assert _sql("SELECT relkind FROM pg_class WHERE relname = 'core_auditrecord'") == [("r",)]
    assert AuditRecord.objects.get(pk=entry.pk).description == entry.description
    assert _refused("DELETE FROM core_auditrecord WHERE id = %s", [entry.pk])
    between = _record(seed)
    assert between.pk > entry.pk
    call_command("migrate", "core", verbosity=0)
    assert is_partitioned()
    assert set(AuditRecord.objects.filter(pk__in=[entry.pk, between.pk]).values_list("pk", flat=True)) == {
        entry.pk,
        between.pk,
    }
    assert _record(seed).pk > between.pk  # the id sequence continues
    assert _refused("DELETE FROM core_auditrecord WHERE id = %s", [entry.pk])
