"""Which database a query goes to: the primary (`default`), or a streaming replica for read-only pages.

docs/scale.md §5. The replica is optional: settings.KINERJA_READ_REPLICA names its alias (set when
DATABASE_REPLICA_URL is in the environment, config/settings/base.py); without it every query goes to `default`,
exactly as without this router.

A read goes to the replica only when all of these hold:
- a replica is configured;
- the current request was marked eligible by `kinerja.core.replica_middleware.ReadReplicaMiddleware`: a GET or
  HEAD of a page named in settings.KINERJA_REPLICA_PAGES (dashboards, regional views, API lists, prints, public
  pages), from a client not pinned to the primary (read-your-writes: KINERJA_READ_YOUR_WRITES_SECONDS after any
  non-safe request of that client);
- no transaction is open on `default`: inside an atomic block every read sees the block's own writes.

Anything outside a request (management commands, the loader, the tests that do not opt in, a streamed response
after its middleware returned) has no routing context and reads from `default`. Every write goes to `default`;
migrations run on `default` only (the replica copies the primary, schema included).

The context lives in a context variable set and reset by the middleware around each request, so it never leaks
from one request to the next, nor between the threads of a gthread worker.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


@dataclass(frozen=True)
class Routing:
    """What the middleware learnt of the current request: whether its reads may go to the replica."""

    replica_allowed: bool


_current: ContextVar[Routing | None] = ContextVar("kinerja_db_routing", default=None)


def replica_alias() -> str | None:
    """The alias of the read replica, or None when there is none (read at every call: tests switch it)."""
    alias = getattr(settings, "KINERJA_READ_REPLICA", None)
    return alias if alias and alias in settings.DATABASES else None


@contextmanager
def routing(*, replica_allowed: bool) -> Iterator[None]:
    """Route the reads of the code inside as those of one request; always reset afterwards."""
    token = _current.set(Routing(replica_allowed=replica_allowed))
    try:
        yield
    finally:
        _current.reset(token)


def current() -> Routing | None:
    return _current.get()


class ReplicaRouter:
    """DATABASE_ROUTERS entry: reads of eligible requests to the replica, everything else to `default`."""

    def db_for_read(self, model, **hints) -> str:
        state = _current.get()
        if state is None or not state.replica_allowed:
            return DEFAULT_DB_ALIAS
        alias = replica_alias()
        if alias is None or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return alias

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # the replica holds the same rows as the primary: an object read from one may point at one of the other
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS
