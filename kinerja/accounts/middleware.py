"""An initial password is changed before anything else.

A planner gives an official an initial password and sees it (organisation.people.give_login), so the official
must choose their own at the next login: until they do, every page answers with a redirect to the password
change form (an htmx request gets it as HX-Redirect). Logging out, the change form itself, the reset link, the
language switch and static files stay open. The API authenticates its tokens in its views, so it is not
concerned here (a token is not a password the planner has seen).
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

OPEN_NAMES = frozenset(
    {
        "password_change",
        "password_change_done",
        "password_reset_confirm",
        "password_reset_complete",
        "logout",
        "login",
        "set_language",
    }
)
OPEN_PREFIXES = ("/static/", "/api/")


def _is_open(request: HttpRequest) -> bool:
    if request.path_info.startswith(OPEN_PREFIXES):
        return True
    try:
        return resolve(request.path_info).url_name in OPEN_NAMES
    except Resolver404:
        return True  # the 404 page says nothing of the agency


class InitialPasswordMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not getattr(getattr(request, "user", None), "must_change_password", False) or _is_open(request):
            return self.get_response(request)
        target = reverse("password_change")
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        if request.method == "GET":
            messages.warning(
                request, _("Choose your own password first: the initial one was given to you by the planner.")
            )
        return HttpResponseRedirect(target)
