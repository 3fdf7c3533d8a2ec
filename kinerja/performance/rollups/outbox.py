"""The outbox of the roll-ups: which (indicator, year) changed, written in the writer's own transaction.

A rollback of the write rolls the mark back with it; a committed write always leaves its mark (or a mark that
was already there and not yet taken). The upsert moves `last_marked_at` on a conflict: on PostgreSQL it waits for a
worker that holds the key (FOR UPDATE) and, once the worker deleted it, inserts it again — a write the worker did
not see is never lost.

With KINERJA_ROLLUPS_EAGER (the default of `make run` and the tests) the worker runs once after the transaction
commits (`transaction.on_commit`, robust: a failing recomputation leaves the keys dirty and the write stands);
where a real worker runs (`manage.py rollups_work` by cron or a queue) the setting is off.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..models import RollupDirty


def _work_after_commit() -> None:
    from .worker import work  # the worker reads the figures, which read the services' models: imported late

    work()


def mark_figures_changed(keys: Iterable[tuple[int, int]]) -> None:
    """Mark (indicator id, year) pairs as changed: their roll-ups and their ancestors' are computed again (after
    the commit, with KINERJA_ROLLUPS_EAGER)."""
    marked = insert_marks(keys)
    waiting = any(callback is _work_after_commit for _, callback, _ in connection.run_on_commit)
    if marked and getattr(settings, "KINERJA_ROLLUPS_EAGER", False) and not waiting:
        transaction.on_commit(_work_after_commit, robust=True)


def insert_marks(keys: Iterable[tuple[int, int]]) -> int:
    """The outbox rows of `keys` (an upsert), nothing run after the commit: the worker's own `--all`; how many."""
    now = timezone.now()
    rows = [
        RollupDirty(indicator_id=indicator_id, year=year, first_marked_at=now, last_marked_at=now)
        for indicator_id, year in sorted(set(keys))
    ]
    if rows:
        RollupDirty.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["indicator", "year"],
            update_fields=["last_marked_at"],
        )
    return len(rows)
