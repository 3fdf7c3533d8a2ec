"""Login throttling that cannot be turned against a user (django-axes, `settings.AXES_HANDLER`).

Two counts of wrong passwords within the cool-off (`AXES_COOLOFF_TIME`), both by the client's address as
`kinerja.core.middleware.client_address` reads it (REMOTE_ADDR, or the trusted proxy's X-Forwarded-For entry
only when KINERJA_BEHIND_TRUSTED_PROXY says a proxy of ours stands in front):

- one username from one address (`AXES_LOCKOUT_PARAMETERS[0]`): `AXES_FAILURE_LIMIT` (5) locks that login on
  that address — guessing one person's password;
- every username from one address (`AXES_LOCKOUT_PARAMETERS[1]`): `KINERJA_LOGIN_ADDRESS_FAILURE_LIMIT` (20)
  locks every login from that address — one password tried on many accounts ("password spraying").

A username alone is never locked: whoever guesses from their own address cannot keep the owner, at another
address, out. A right password forgets only the failures of that username on that address, never the
address's count, so a sprayer cannot wipe it by logging into an account of their own now and then.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


def address_failure_limit() -> int:
    return int(getattr(settings, "KINERJA_LOGIN_ADDRESS_FAILURE_LIMIT", 20))


def _failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes' database handler with a limit of its own for each of the two counts (axes knows one limit)."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The failures that count against this login: its own, or the lock's limit once the address has
        reached the address limit (axes locks when this reaches AXES_FAILURE_LIMIT)."""
        per_login, per_address = (_failures(attempts) for attempts in self.get_user_attempts(request, credentials))
        if per_address >= address_failure_limit():
            return max(per_login, get_failure_limit(request, credentials))
        return per_login

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """After a right password: forget that username's failures on that address, keep the address's count."""
        per_login = self.filter_user_attempts(request, credentials)[0]
        count, _ = per_login.delete()
        return count
