"""Marks each request for the database router (kinerja.core.db_router): may its reads go to the read replica?

A request is eligible when it is a GET or HEAD of a page named in settings.KINERJA_REPLICA_PAGES (URL names,
"namespace:name" for a namespaced one) and the client is not pinned to the primary. A client is pinned for
settings.KINERJA_READ_YOUR_WRITES_SECONDS after any request of theirs that is not GET, HEAD, OPTIONS or TRACE
(a save, a submission, a login, a logout): the time of that request travels in a signed cookie, so that the
pages they open next show what they have just written even if the replica lags behind. Another user (another
browser) is not pinned by it; a visitor of the public pages who never sent a form has no pin.

Without a replica (settings.KINERJA_READ_REPLICA unset) the middleware does nothing: no URL is resolved, no
cookie is set. It stands before the session and the authentication middleware so that reading the session
and the user of an eligible page goes to the replica as well.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from . import db_router

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
READ_METHODS = frozenset({"GET", "HEAD"})
PIN_COOKIE = "kinerja_primary"
PIN_SALT = "kinerja.core.replica_middleware.pin"


def page_name(request: HttpRequest) -> str | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return match.view_name


def pinned(request: HttpRequest) -> bool:
    """Whether this client wrote less than KINERJA_READ_YOUR_WRITES_SECONDS ago (a forged cookie is no pin)."""
    written = request.get_signed_cookie(PIN_COOKIE, default=None, salt=PIN_SALT)
    if written is None:
        return False
    try:
        age = time.time() - float(written)
    except ValueError:
        return False
    return age < float(settings.KINERJA_READ_YOUR_WRITES_SECONDS)


def replica_allowed(request: HttpRequest) -> bool:
    if request.method not in READ_METHODS:
        return False
    if page_name(request) not in set(settings.KINERJA_REPLICA_PAGES):
        return False
    return not pinned(request)


class ReadReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if db_router.replica_alias() is None:
            return self.get_response(request)
        with db_router.routing(replica_allowed=replica_allowed(request)):
            response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            seconds = float(settings.KINERJA_READ_YOUR_WRITES_SECONDS)
            response.set_signed_cookie(
                PIN_COOKIE,
                repr(time.time()),
                salt=PIN_SALT,
                max_age=max(1, int(seconds + 0.999)),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
