"""The yearly partitions of the audit trail on PostgreSQL (docs/scale.md §2; the table is partitioned by
migration core 0003): which exist, and making those of the years ahead (`manage.py audit_partitions`).

A year's partition is made once (making it again changes nothing). Records of a year that has no partition yet
wait in the default partition; making that year's partition moves them into it, in one transaction: the default
partition is detached (PostgreSQL then removes the parent's triggers from it), the year's partition made, the
records moved, and the default attached again (the parent's triggers, among them the refusal of a DELETE, come
back with it). SQLite keeps one plain table: there is nothing to make."""

from dataclasses import dataclass, field

from django.db import connection, transaction

TABLE = "core_auditrecord"
DEFAULT = f"{TABLE}_default"


@dataclass
class Made:
    created: list[int] = field(default_factory=list)
    existing: list[int] = field(default_factory=list)
    moved: dict[int, int] = field(default_factory=dict)  # year → records moved out of the default partition


def is_partitioned() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_partitioned_table WHERE partrelid = %s::regclass", [TABLE])
        return cursor.fetchone() is not None


def partitions() -> dict[str, str]:
    """Each partition's name and bounds, as PostgreSQL states them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = %s::regclass ORDER BY c.relname",
            [TABLE],
        )
        return dict(cursor.fetchall())


def _bounds(year: int) -> tuple[str, str]:
    """The year in UTC, as the migration bounds it."""
    return f"{year}-01-01 00:00:00+00", f"{year + 1}-01-01 00:00:00+00"


@transaction.atomic
def _make(year: int) -> int:
    """Make one year's partition; returns how many records it took from the default partition."""
    low, high = _bounds(year)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {DEFAULT} WHERE at >= %s AND at < %s", [low, high])  # noqa: S608
        (waiting,) = cursor.fetchone()
        # the checks of this transaction's earlier writes now: PostgreSQL alters no table with checks pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if waiting:
            cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {DEFAULT}")
        cursor.execute(f"CREATE TABLE {TABLE}_y{year} PARTITION OF {TABLE} FOR VALUES FROM ('{low}') TO ('{high}')")
        if waiting:
            cursor.execute(  # the names are this module's constants
                f"WITH moved AS (DELETE FROM {DEFAULT} WHERE at >= %s AND at < %s RETURNING *) "  # noqa: S608
                f"INSERT INTO {TABLE} SELECT * FROM moved",
                [low, high],
            )
            cursor.execute(f"ALTER TABLE {TABLE} ATTACH PARTITION {DEFAULT} DEFAULT")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # as Django declares its foreign keys
    return waiting


def make_partitions(years: range) -> Made:
    """The partitions of `years` that do not exist yet, each in its own transaction."""
    made = Made()
    names = partitions()
    for year in years:
        if f"{TABLE}_y{year}" in names:
            made.existing.append(year)
            continue
        moved = _make(year)
        made.created.append(year)
        if moved:
            made.moved[year] = moved
    return made
